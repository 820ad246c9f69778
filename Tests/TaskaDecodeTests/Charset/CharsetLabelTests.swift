import Testing
@testable import TaskaDecode

@Suite struct CharsetLabelTests {
    @Test(arguments: [
        ("latin1", "windows-1252"), ("ISO-8859-1", "windows-1252"), ("us-ascii", "windows-1252"),
        ("\"UTF-8\"", "utf-8"), (" utf8 ", "utf-8"), ("cp1256", "windows-1256"), ("Windows-1256", "windows-1256"),
        ("arabic", "iso-8859-6"), ("ISO_8859-6:1987", "iso-8859-6"), ("asmo-708", "iso-8859-6"),
        ("utf-16", "utf-16"), ("UTF-16BE", "utf-16be"), ("gb2312", "gbk"), ("koi8-r", "koi8-r"),
    ])
    func whatwgLabels(label: String, expected: String) {
        #expect(CharsetLabel.resolve(label) == expected)
    }

    @Test func icuAliasesOutsideTheTableAreReportedByTheirMIMEName() {
        // "ibm-1089" is ICU's name for ISO-8859-6; it is not a WHATWG label.
        #expect(CharsetLabel.resolve("ibm-1089") == "iso-8859-6")
        #expect(CharsetLabel.resolve("x-made-up-charset") == nil)
        #expect(CharsetLabel.resolve("") == nil)
    }
}
