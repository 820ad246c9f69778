import Testing
import TaskaCore
@testable import TaskaDecode

@Suite struct MojibakeRepairerTests {
    /// `text` as it looks after its UTF-8 was decoded as windows-1252 (what a broken CMS stores).
    private func mojibake(_ text: String, _ charset: String = "windows-1252") throws -> String {
        try Array(text.utf8).withUnsafeBufferPointer { try ICUConverter(charset: charset).decodeString($0).text }
    }

    @Test func arabicIsRepaired() throws {
        let broken = try mojibake("العربية")
        #expect(broken == "Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©")
        let repair = MojibakeRepairer.repair(broken)
        #expect(repair?.text == "العربية")
        #expect(repair?.changed == 7)
        #expect(repair?.wholeText == true)
    }

    @Test func hausaHookedLettersAreRepairedThroughTheStage() throws {
        let broken = try mojibake(SampleText.hausa)
        #expect(broken.contains("Æ™") && broken.contains("É—") && broken.contains("Æ³"))
        let doc = try Fixtures.decode(Array(broken.utf8))
        #expect(doc.text == SampleText.hausa)
        let warning = doc.warnings.first { $0.code == "mojibake-repaired" }
        #expect(warning?.message == "Repaired UTF-8 text that had been decoded as windows-1252 (6 characters changed)")
        #expect(warning?.count == 6)
    }

    @Test func singleAccentIsRepaired() {
        #expect(MojibakeRepairer.repair("cafÃ© au lait")?.text == "café au lait")
        #expect(MojibakeRepairer.repair("itâ€™s fine")?.text == "it’s fine")
    }

    @Test func latin1MojibakeWithC1Controls() throws {
        // Decoded as ISO-8859-1, lam's second byte 0x84 became the C1 control U+0084.
        let broken = try mojibake("ال", "iso-8859-1")
        #expect(broken == "Ø§Ù\u{84}")
        #expect(MojibakeRepairer.repair(broken)?.text == "ال")
    }

    @Test func doubleEncodingIsUndoneInTwoRounds() throws {
        let twice = try mojibake(try mojibake("ƙasar Najeriya"))
        let repair = MojibakeRepairer.repair(twice)
        #expect(repair?.text == "ƙasar Najeriya")
        #expect(repair?.rounds == 2)
    }

    @Test(arguments: [
        "NÃO SÃO PAULO",
        "© 2024 BBC Hausa",
        "São Tomé é lindo",
        "CAFÉ» — déjà vu à Orléans",
        SampleText.french,
    ])
    func legitimateTextIsLeftAlone(text: String) throws {
        #expect(MojibakeRepairer.repair(text) == nil)
        let doc = try Fixtures.decode(Array(text.utf8))
        #expect(doc.text == text)
        #expect(!doc.warnings.contains { $0.code == "mojibake-repaired" })
    }

    @Test func onlyTheDamagedLineIsRepaired() throws {
        // The French line has many accented letters that are not mojibake, so the text as a
        // whole fails the test; the damaged line alone passes it.
        let text = "العنوان: " + (try mojibake("العربية لغة جميلة")) + "\n" + SampleText.french + "\nNÃO muda"
        let repair = MojibakeRepairer.repair(text)
        #expect(repair?.text == "العنوان: العربية لغة جميلة\n" + SampleText.french + "\nNÃO muda")
        #expect(repair?.wholeText == false)
        #expect(repair?.changed == 15)
    }

    /// Line ends are counted between lead bytes, many lines apart: the damaged line is found
    /// at its own number however many clean lines (with and without accents) come before it.
    @Test func theDamagedLineIsFoundAfterManyLines() throws {
        let clean = (0..<40).map { $0 % 7 == 0 ? SampleText.french : "line \($0)" }.joined(separator: "\n")
        let text = clean + "\nالعنوان: " + (try mojibake("العربية لغة جميلة")) + "\n" + clean
        let repair = MojibakeRepairer.repair(text)
        #expect(repair?.text == clean + "\nالعنوان: العربية لغة جميلة\n" + clean)
        #expect(repair?.wholeText == false)
        #expect(repair?.changed == 15)
    }

    @Test func repairCanBeSwitchedOff() throws {
        let broken = try mojibake("العربية")
        let doc = try Fixtures.decode(Array(broken.utf8), options: DecodeOptions(repairMojibake: false))
        #expect(doc.text == broken)
        #expect(doc.warnings.isEmpty)
    }
}
