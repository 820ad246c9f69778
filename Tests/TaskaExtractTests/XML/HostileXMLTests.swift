import Foundation
import Testing
import TaskaCore
@testable import TaskaExtract

private typealias S = ContainerTestSupport

/// Hostile XML is refused or neutralised quickly, and never reads a file or the network.
@Suite struct HostileXMLTests {
    /// Runs Extract; returns the documents' text or the error message. (How fast a refusal
    /// comes is measured by scripts, not asserted here: tests share a loaded machine.)
    private func run(_ xml: String, mediaType: String = "application/xml") -> (text: String, error: String?) {
        do {
            let docs = try S.extract(xml, mediaType: mediaType, path: "hostile.xml")
            let text = docs.flatMap { [$0.title ?? ""] + $0.blocks.map(\.text) }.joined(separator: "\n")
            return (text, nil)
        } catch {
            return ("", "\(error)")
        }
    }

    static let billionLaughs = """
    <?xml version="1.0"?>
    <!DOCTYPE lolz [
     <!ENTITY lol "lol">
     <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
     <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
     <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
     <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
     <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
     <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
     <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
     <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
     <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
    ]>
    <lolz>&lol9;</lolz>
    """

    @Test func billionLaughsIsRefused() {
        let result = run(Self.billionLaughs)
        #expect(result.error?.contains("refused") == true, "\(result.error ?? result.text.prefix(80).description)")
    }

    @Test func billionLaughsInAFeedIsRefusedToo() {
        let feed = Self.billionLaughs.replacingOccurrences(of: "<lolz>&lol9;</lolz>", with: "<rss><channel><item><title>&lol9;</title></item></channel></rss>")
            .replacingOccurrences(of: "DOCTYPE lolz", with: "DOCTYPE rss")
        let result = run(feed, mediaType: "application/rss+xml")
        #expect(result.error != nil)
    }

    @Test func quadraticBlowupIsRefused() {
        let big = String(repeating: "a", count: 50_000)
        let refs = String(repeating: "&a;", count: 50_000)
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE kaboom [<!ENTITY a \"\(big)\">]><kaboom>\(refs)</kaboom>"
        let result = run(xml)
        #expect(result.error != nil, "expanded to \(result.text.utf8.count) bytes")
    }

    /// A file entity (XXE) never reads the file: its content must not appear.
    @Test(arguments: ["general", "parameter", "dtd"])
    func externalEntitiesNeverReadFiles(kind: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("taska-xxe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = "SIRRIN-TASKA-\(UUID().uuidString)"
        let secretFile = dir.appendingPathComponent("secret.txt")
        try secret.write(to: secretFile, atomically: true, encoding: .utf8)
        let dtdFile = dir.appendingPathComponent("evil.dtd")
        try "<!ENTITY leak \"\(secret)\">".write(to: dtdFile, atomically: true, encoding: .utf8)
        let xml: String
        switch kind {
        case "general":
            xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file://\(secretFile.path)\">]><r><p>before &xxe; after</p></r>"
        case "parameter":
            xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % ext SYSTEM \"file://\(dtdFile.path)\"> %ext;]><r><p>x &leak; y</p></r>"
        default:
            xml = "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"file://\(dtdFile.path)\"><r><p>x &leak; y</p></r>"
        }
        for mediaType in ["application/xml", "application/rss+xml"] {
            let result = run(xml, mediaType: mediaType)
            #expect(!result.text.contains(secret), "\(kind): file content leaked")
            #expect(!(result.error ?? "").contains(secret))
        }
    }

    @Test func networkEntitiesAreNotFetched() {
        // A closed local port: a fetch attempt would fail slowly or show in the text; neither may happen.
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY n SYSTEM \"http://127.0.0.1:9/x\">]><r><p>a &n; b</p></r>"
        let result = run(xml)
        #expect(result.error == nil || result.error?.contains("refused") == true)
    }

    @Test func internalEntitiesStillWork() {
        let result = run("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY kasa \"Najeriya\">]><r><p>Tarayyar &kasa;</p></r>")
        #expect(result.text.contains("Tarayyar Najeriya"))
    }
}
