import Foundation
import Testing
import TaskaCore
import TaskaTestSupport
@testable import TaskaIngest

/// Fixture documents, as paths relative to the package root ("Fixtures/ha/x.html").
enum FixtureCatalog {
    static let languageFolders = ["ha", "knc-Latn", "knc-Arab", "ar", "en", "mixed-ha-ar"]

    static func documents(in folder: String) -> [String] {
        let dir = fixturePath(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { name in
            !name.hasPrefix(".") && !name.hasSuffix(".expected.json") && !name.hasSuffix(".snippets.json")
                && !name.hasSuffix(".actual.json") && name != "README.md"
        }.sorted().map { "Fixtures/\(folder)/\($0)" }
    }

    static var languageDocuments: [String] { languageFolders.flatMap(documents(in:)) }
    /// Container and structured formats (feeds, TEI, WARC, Telegram exports, archives, office
    /// documents), each holding
    /// documents in several of the project's languages.
    static let formatFolders = ["feeds", "tei", "warc", "telegram/labarai-kasuwa-json", "telegram/labarai-kasuwa-html", "pdf", "containers", "office"]
    static var formatDocuments: [String] { formatFolders.flatMap(documents(in:)) }
    /// Every fixture that must give clean records matching its golden file.
    static var goldenDocuments: [String] { languageDocuments + formatDocuments }
    static var brokenDocuments: [String] { documents(in: "broken") }

    static func expectedPath(_ fixture: String) -> String { base(fixture) + ".expected.json" }
    static func snippetsPath(_ fixture: String) -> String { base(fixture) + ".snippets.json" }

    /// "Fixtures/ha/x.html" -> "<root>/Fixtures/ha/x.html" (golden files keep the extension:
    /// `x.html.expected.json`, `x.html.snippets.json`).
    static func base(_ fixture: String) -> String {
        packagePath(fixture)
    }
}

/// Runs one fixture through the standard pipeline: `fixture` ("Fixtures/ha/x.html") is opened
/// from the package root and recorded as given, whatever the working directory.
func ingest(fixture: String) -> [Record] {
    var records: [Record] = []
    IngestRunner(pipeline: StandardPipelines.communiques(), jobs: 1)
        .process(InputFile(path: fixture, relativeTo: packageRoot)) { records.append($0) }
    return records
}

/// A record's JSON minus the fields that change from run to run or machine to machine.
func stableJSON(_ record: Record) -> JSONValue {
    func strip(_ value: JSONValue, _ drop: Set<String>) -> JSONValue {
        guard case let .object(pairs) = value else { return value }
        return .object(pairs.filter { !drop.contains($0.0) })
    }
    guard case let .object(pairs) = record.json else { return record.json }
    return .object(pairs.compactMap { key, value in
        switch key {
        case "ingestedAt": return nil
        case "source": return (key, strip(value, ["modified"]))
        case "pipeline": return (key, strip(value, ["hash"]))
        default: return (key, value)
        }
    })
}

/// Golden records: `TASKA_UPDATE_GOLDEN=1 swift test --filter FixtureTests` rewrites them.
@Suite struct FixtureTests {
    static let update = ProcessInfo.processInfo.environment["TASKA_UPDATE_GOLDEN"] == "1"

    @Test func everyLanguageHasAtLeastFourFixtures() {
        for folder in FixtureCatalog.languageFolders {
            #expect(FixtureCatalog.documents(in: folder).count >= 4, "Fixtures/\(folder) needs at least 4 documents")
        }
        #expect(FixtureCatalog.brokenDocuments.count >= 4)
    }

    @Test(arguments: FixtureCatalog.goldenDocuments)
    func recordMatchesGoldenFile(fixture: String) throws {
        try Self.expectGolden(fixture, ingest(fixture: fixture))
    }

    /// Checks `records` against `fixture`'s golden file (rewrites it under `TASKA_UPDATE_GOLDEN=1`);
    /// a difference leaves the actual records beside it for `diff`.
    static func expectGolden(_ fixture: String, _ records: [Record], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let actual = records.map { stableJSON($0).prettyPrinted() }.joined()
        let expectedPath = FixtureCatalog.expectedPath(fixture)
        if update {
            try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: expectedPath, encoding: .utf8) else {
            Issue.record("\(fixture): no golden file at \(expectedPath); run TASKA_UPDATE_GOLDEN=1 swift test --filter FixtureTests and review it",
                         sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let actualPath = FixtureCatalog.base(fixture) + ".actual.json"
            try actual.write(toFile: actualPath, atomically: true, encoding: .utf8)
            Issue.record("\(fixture): record differs from its golden file; compare with: diff \(expectedPath) \(actualPath)",
                         sourceLocation: sourceLocation)
        }
    }

    @Test func everyFormatHasFixturesInSeveralLanguages() {
        for folder in FixtureCatalog.formatFolders {
            #expect(!FixtureCatalog.documents(in: folder).isEmpty, "Fixtures/\(folder) has no documents")
        }
        // Languages found by Detect across each format's records: at least three of the project's.
        for format in ["feeds", "tei", "warc", "telegram", "pdf", "containers", "office"] {
            let folders = FixtureCatalog.formatFolders.filter { $0 == format || $0.hasPrefix(format + "/") }
            let languages = Set(folders.flatMap(FixtureCatalog.documents(in:)).flatMap(ingest(fixture:)).compactMap(\.document.language))
            #expect(languages.count >= 3, "Fixtures/\(format): records in only \(languages.sorted())")
        }
    }

    @Test(arguments: FixtureCatalog.goldenDocuments)
    func recordIsCleanAndHasItsSnippets(fixture: String) throws {
        // A feed fans out into one record per item: check each, and the snippets over them all.
        let records = ingest(fixture: fixture)
        #expect(!records.isEmpty)
        for record in records {
            #expect(record.failure == nil, "\(fixture): \(record.failure?.message ?? "")")
            let recordText = record.document.normalized?.text ?? ""
            // Only a media-only chat message may have empty text (its record names the media).
            if record.document.message?.mediaType == nil && record.document.message?.mediaFile == nil {
                #expect(recordText.isEmpty == false, "\(fixture): a record has empty text")
            }
        }
        let text = records.map { $0.document.normalized?.text ?? "" }.joined(separator: "\n")
        // Normalisation guarantees on every fixture.
        for scalar in text.unicodeScalars {
            let v = scalar.value
            #expect(!(0x202A...0x202E).contains(v) && !(0x2066...0x2069).contains(v) && v != 0x0640, "\(fixture): control or tatweel U+\(String(v, radix: 16)) left in text")
            #expect(!(0xFB50...0xFDFF).contains(v) && !(0xFE70...0xFEFF).contains(v), "\(fixture): presentation form U+\(String(v, radix: 16)) left in text")
        }
        guard let data = FileManager.default.contents(atPath: FixtureCatalog.snippetsPath(fixture)),
              let snippets = try JSONSerialization.jsonObject(with: data) as? [String: [String]] else {
            Issue.record("\(fixture): missing snippets file")
            return
        }
        for phrase in snippets["with"] ?? [] {
            #expect(text.contains(phrase), "\(fixture): expected text to contain «\(phrase)»")
        }
        for phrase in snippets["without"] ?? [] {
            #expect(!text.contains(phrase), "\(fixture): boilerplate «\(phrase)» left in text")
        }
        // Paragraph offsets are Unicode scalar offsets into each record's text.
        for record in records {
            let scalars = Array((record.document.normalized?.text ?? "").unicodeScalars)
            for paragraph in record.document.normalized?.paragraphs ?? [] {
                #expect(paragraph.start >= 0 && paragraph.start < paragraph.end && paragraph.end <= scalars.count)
                if paragraph.end < scalars.count { #expect(scalars[paragraph.end] == "\n") }
            }
        }
    }

    @Test(arguments: FixtureCatalog.brokenDocuments)
    func brokenFixtureGivesAnErrorOrAWarning(fixture: String) {
        let records = ingest(fixture: fixture)
        #expect(records.count == 1)
        guard let record = records.first else { return }
        #expect(record.failure != nil || !record.document.warnings.isEmpty,
                "\(fixture): a broken document must give an error record or a warning")
        if let failure = record.failure { #expect(failure.message.contains(fixture)) }
    }
}

/// Records agree with the checked-in JSON Schema (`schema/record.v1.schema.json`): same keys,
/// same order, nothing undeclared.
@Suite struct SchemaTests {
    static func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: packagePath("schema/record.v1.schema.json")))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    static func definition(_ name: String) throws -> [String: Any] {
        ((try schema()["$defs"] as! [String: Any])[name] as! [String: Any])
    }

    @Test(arguments: FixtureCatalog.languageDocuments.prefix(6) + FixtureCatalog.brokenDocuments)
    func recordKeysFollowTheSchema(fixture: String) throws {
        for record in ingest(fixture: fixture) {
            guard case let .object(pairs) = record.json else { Issue.record("record is not an object"); continue }
            let kind = record.isError ? "errorRecord" : "documentRecord"
            let definition = try Self.definition(kind)
            let required = definition["required"] as! [String]
            let declared = Set((definition["properties"] as! [String: Any]).keys)
            // Optional keys (`restored`, only when not empty) are declared; the rest is in order.
            #expect(pairs.map(\.0).filter(required.contains) == required, "\(fixture): keys out of schema order")
            #expect(pairs.allSatisfy { declared.contains($0.0) }, "\(fixture): undeclared key in \(pairs.map(\.0))")
            if let i = pairs.firstIndex(where: { $0.0 == "restored" }) {
                #expect(i > 0 && pairs[i - 1].0 == "segments", "\(fixture): restored must follow segments")
            }
            if let pages = pairs.firstIndex(where: { $0.0 == "pages" }) {
                #expect(pages > 0 && pairs[pages - 1].0 == "paragraphs", "\(fixture): pages must follow paragraphs")
            }
            let sourceDef = try Self.definition("source")
            let allowed = Set((sourceDef["properties"] as! [String: Any]).keys)
            let sourceRequired = sourceDef["required"] as! [String]
            guard case let .object(source)? = record.json["source"] else { continue }
            #expect(Set(source.map(\.0)).isSubset(of: allowed))
            #expect(source.map(\.0).filter { sourceRequired.contains($0) } == sourceRequired)
            if case let .string(charsetSource)? = record.json["source"]?["charsetSource"] {
                #expect(["bom", "transport", "declared", "validated", "detected", "default"].contains(charsetSource))
            }
        }
    }
}
