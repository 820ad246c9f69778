import Testing
import TaskaCore
@testable import TaskaNormalize

@Suite struct NameSkeletonTests {
    let skeleton = NameSkeleton()
    let normalizer = TextNormalizer()

    /// Whether a search for `query` would find `text`: its clauses are in the text's column and
    /// a line of the text spells the names.
    func finds(_ query: String, _ text: String) -> Bool {
        let q = skeleton.skeletonQuery(query)
        let tokens = Set(skeleton.skeletonColumn(searchKey: normalizer.searchKey(text))
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
        let indexed = !q.isEmpty && q.clauses.allSatisfy { clause in clause.contains { $0.allSatisfy(tokens.contains) } }
        return indexed && text.split(separator: "\n").contains { skeleton.spellings(of: q, in: String($0)) != nil }
    }

    func skeletons(_ word: String) -> [String] {
        SkeletonReading(word: normalizer.searchKey(word).unicodeScalars.map(\.value))?.skeletons ?? []
    }

    @Test func latinAndArabicSpellingsShareASkeleton() {
        #expect(skeletons("Shekau") == ["ckw"])
        #expect(skeletons("شيكاو") == ["ckw"])
        #expect(skeletons("Shekkau") == ["ckw"])
        #expect(skeletons("Maiduguri") == skeletons("مايدوغوري"))
        #expect(skeletons("al-Barnawi") == ["brnw"])
        #expect(skeletons("Albarnawi") == ["brnw"])
        #expect(skeletons("البرناوي") == ["brnw"])
        #expect(skeletons("Kachalla") == skeletons("كاتشالا"))
    }

    @Test func crossScriptQueriesFindTheOtherScript() {
        #expect(finds("Shekau", "قال أبو بكر شيكاو في تسجيل جديد"))
        #expect(finds("شيكاو", "Shekau ya ce za su ci gaba"))
        #expect(finds("Maiduguri", "وصل الوفد إلى مايدوغوري صباحا"))
        #expect(finds("مايدوغوري", "Mun isa Maiduguri da safe"))
        #expect(finds("al-Barnawi", "بيان من البرناوي"))
        #expect(finds("البرناوي", "Albarnawi ya fitar da sanarwa"))
        #expect(finds("Abu Musab al-Barnawi", "قال أبو مصعب البرناوي إن"))
    }

    @Test func spellingVariantsOfOneScriptMeet() {
        #expect(finds("Shikau", "Shekau ya ce"))
        #expect(finds("Gaidam", "Hari a Geidam jiya"))
        #expect(finds("Kusseri", "Kousseri est calme"))
        #expect(finds("Cibok", "'yan matan Chibok"))
        #expect(finds("Tillaberi", "Tillabéri region"))
        #expect(finds("زندر", "وصل إلى زيندر"))
        #expect(finds("N'Djamena", "وصل إلى نجامينا"))
    }

    @Test func hookedLettersStayApartInLatinButNotAcrossScripts() {
        #expect(!finds("kasa", "Ƙasa ta yi kyau"))
        #expect(finds("k'asa", "Ƙasa ta yi kyau"))
        #expect(!finds("ɗan", "dan haka"))
        #expect(skeletons("ƙasa") == skeletons("kasa"))
    }

    @Test func arabicProcliticsAndArticlesComeOff() {
        #expect(finds("Maroua", "وقال سكان بماروا إن الوضع هادئ"))
        #expect(finds("Baghdadi", "نعى أنصار البغدادي"))
        #expect(finds("Baghdadi", "وتحدث للبغدادي"))
        #expect(finds("Yusufiya", "أتباع اليوسفية"))
    }

    @Test func namesWrittenAsOneWordMeetTheirParts() {
        #expect(finds("Abubakar Shekau", "أبو بكر شيكاو"))
        #expect(finds("أبو بكر شيكاو", "Abubakar Shekau ya ce"))
        #expect(finds("بابا غانا زولوم", "قال باباغانا زولوم"))
    }

    @Test func nearMissNamesDoNotMatch() {
        #expect(!finds("Dikwa", "Dikko arrived on Monday"))
        #expect(!finds("Yobe", "Kwana a Yola"))
        #expect(!finds("Shekau", "أبو بكر شيكاراو"))
        #expect(!finds("Marte", "Martha said"))
        #expect(!finds("Mubi", "Mumbai ta"))
        #expect(!finds("Musa", "masu yawa"))
        // Arabic writes this long vowel where the Latin name has none.
        #expect(!finds("Marte", "عدة مرات"))
    }

    @Test func wordsOfAMultiWordNameMustStandTogether() {
        #expect(!finds("Amadou Koufa", "قال مدي إن المدينة في كاف"))
        #expect(finds("Bola Tinubu", "بولا أحمد تينوبو"))
    }

    @Test func columnTokensSayWhichScriptTheyCameFrom() {
        let column = skeleton.skeletonColumn(searchKey: normalizer.searchKey("Shekau شيكاو\nMusa"))
        let lines = column.split(separator: "\n").map { Set($0.split(separator: " ").map(String.init)) }
        #expect(lines.count == 2)
        #expect(lines[0] == ["1ckw", "0cikaw", "ckw"])
        #expect(lines[1] == ["1ms", "0mus"])
        #expect(skeleton.skeletonColumn(searchKey: "") == "")
        #expect(skeleton.skeletonColumn(searchKey: "123 ... 😀").trimmingCharacters(in: .whitespaces) == "")
    }

    @Test func spellingsAreTheWordsAsWritten() throws {
        let q = skeleton.skeletonQuery("Shekau")
        let line = "قال «شيكاو»: سنواصل"
        let ranges = try #require(skeleton.spellings(of: q, in: line))
        let scalars = Array(line.unicodeScalars)
        #expect(ranges.map { String(String.UnicodeScalarView(scalars[$0])) } == ["شيكاو"])
    }

    @Test func aHostileQueryIsBoundedAndAnswered() {
        var query = ""
        let pieces = ["Shekau", "شيكاو", "ƙasa", "k'asa", "al-", "ال", "و", "a", "'", "-", "😀", "١٢٣", "ǝ"]
        var k = 0
        while query.unicodeScalars.count < 500 { query += pieces[k % pieces.count] + (k % 3 == 0 ? "" : " "); k += 1 }
        let q = skeleton.skeletonQuery(query)
        #expect(q.words.count <= NameSkeleton.maxQueryWords)
        #expect(q.clauses.count <= q.words.count)
        let line = String(repeating: "Shekau شيكاو ", count: 2000)
        _ = skeleton.spellings(of: q, in: line)
        #expect(skeleton.spellings(of: skeleton.skeletonQuery("Shekau Shekau Shekau"), in: line) != nil)
    }

    @Test func aWordCacheSharedByRecordsGivesTheSameColumns() {
        let records = ["Shekau ya ce a Maiduguri", "أبو بكر شيكاو في مايدوغوري", "Maiduguri Shekau\nAbubakar Shekau",
                       "kasuwar Maiduguri", "أبو بكر"].map { normalizer.searchKey($0) }
        var cache = NameSkeleton.WordCache()
        for record in records + records {
            #expect(skeleton.skeletonColumn(searchKey: record, cache: &cache) == skeleton.skeletonColumn(searchKey: record))
        }
    }
}
