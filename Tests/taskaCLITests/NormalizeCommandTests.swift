import Foundation
import Testing

@Suite struct NormalizeCommandTests {
    @Test func foldsPresentationFormsTatweelAndSpaces() throws {
        let result = try runTaska(["normalize"], input: "ﻣﺮﺣﺒﺎ  بـــالعالم\n")
        #expect(result.status == 0)
        #expect(result.stdout == "مرحبا بالعالم\n")
    }

    @Test func keepsTheSourceLettersByDefault() throws {
        let input = "Gwamnatin jihar ta ce k'asa za ta samu ruwa a wannan shekara.\nKǝla Maiduguriro lejin.\n"
        let result = try runTaska(["normalize"], input: input)
        #expect(result.status == 0)
        #expect(result.stdout == input)
    }

    @Test func standardOrthographyFoldsLegacyHausaApostrophesInHausaLines() throws {
        let result = try runTaska(["normalize", "--orthography", "standard"],
                                  input: "Gwamnatin jihar ta ce k'asa za ta samu ruwa a wannan shekara.\nDon't stop, it's fine.\n")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.contains("ƙasa") == true)
        #expect(lines.last == "Don't stop, it's fine.")
    }

    @Test func searchKeyFoldsSpellingVariants() throws {
        let result = try runTaska(["normalize", "--search-key"], input: "k'asa\nƘasa\nkǝla\n")
        #expect(result.status == 0)
        #expect(result.stdout == "ƙasa\nƙasa\nkəla\n")
    }

    @Test func searchKeyFoldsHarakatAndAlef() throws {
        let result = try runTaska(["normalize", "--search-key"], input: "كَتَبَ أحمد\n")
        #expect(result.status == 0)
        #expect(result.stdout == "كتب احمد\n")
    }

    @Test func nfkcIsSelectable() throws {
        #expect(try runTaska(["normalize", "--form", "nfkc"], input: "ﬁle\n").stdout == "file\n")
        #expect(try runTaska(["normalize"], input: "ﬁle\n").stdout == "ﬁle\n")
    }

    @Test func badFormIsAUsageError() throws {
        let result = try runTaska(["normalize", "--form", "nfz"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("nfc"))
        let orthography = try runTaska(["normalize", "--orthography", "boko"])
        #expect(orthography.status == 2)
        #expect(orthography.stderr.contains("source") && orthography.stderr.contains("standard"))
    }
}
