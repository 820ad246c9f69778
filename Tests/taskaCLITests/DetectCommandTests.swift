import Foundation
import Testing

@Suite struct DetectCommandTests {
    /// --tsv: exactly one language<TAB>script<TAB>confidence line per input line, nothing else.
    @Test func tsvWritesOneLinePerInputLine() throws {
        let input = """
        Gwamnatin jihar Borno ta sanar da cewa za a buɗe makarantu a mako mai zuwa.
        أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة.

        12 345
        """ + "\n"
        let result = try runTaska(["detect", "--tsv"], input: input)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("ha\tLatn\t"))
        #expect(lines[1].hasPrefix("ar\tArab\t"))
        #expect(lines[2].hasPrefix("und\t"))
        #expect(lines[3].hasPrefix("und\tZyyy\t"))
        for line in lines { #expect(line.split(separator: "\t").count == 3) }
    }

    /// Arguments: one JSON object per text, with segments.
    @Test func jsonForArguments() throws {
        let result = try runTaska(["detect", "The clinic will open on Monday for all children under five."])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["language"] as? String == "en")
        #expect(object?["script"] as? String == "Latn")
        #expect((object?["segments"] as? [[String: Any]])?.count == 1)
    }
}
