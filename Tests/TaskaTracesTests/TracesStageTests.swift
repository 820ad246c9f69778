import Testing
import TaskaCore
@testable import TaskaTraces

/// The stage appends traces to the entities the source gave, marked as found by `traces`.
@Suite struct TracesStageTests {
    func document(_ text: String, entities: [Entity] = []) -> SourceDocument {
        var d = SourceDocument(source: SourceInfo(path: "t.txt", bytes: 0, sha256: "00"), bytes: [])
        d.normalized = NormalizedText(text: text, searchKey: text.lowercased(), direction: .ltr, scripts: [], paragraphs: [],
                                      entities: entities)
        return d
    }

    func run(_ options: TracesOptions, _ document: SourceDocument) throws -> SourceDocument {
        var out: [SourceDocument] = []
        try TracesStage(options: options).process(document) { out.append($0) }
        #expect(out.count == 1)
        return out[0]
    }

    @Test func appendsTracesAfterTheSourcesEntities() throws {
        let bold = Entity(type: "bold", start: 0, end: 4)
        let doc = try run(TracesOptions(), document("Kira +234 803 123 4567 ko #Maiduguri", entities: [bold]))
        let entities = try #require(doc.normalized?.entities)
        #expect(entities.first == bold)
        #expect(entities.dropFirst().map(\.type) == ["phone", "hashtag"])
        #expect(entities[1].value == "+2348031234567" && entities[1].country == "NG" && entities[1].stage == "traces")
        #expect(entities[2].start == 26 && entities[2].end == 36)
    }

    @Test func recordJSONCarriesValueAndStage() throws {
        let doc = try run(TracesOptions(), document("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
        let record = Record(document: doc, pipeline: Pipeline(name: "t", version: "0", stages: []), ingestedAt: Timestamp(seconds: 0))
        var bytes: [UInt8] = []
        record.writeJSON(to: &bytes)
        let line = String(decoding: bytes, as: UTF8.self)
        #expect(line.contains(#"{"type":"wallet","start":0,"end":42,"value":"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed","network":"eth","stage":"traces"}"#))
    }

    @Test func kindsOptionAndLimit() throws {
        let text = "a@example.org b@example.org c@example.org #tag"
        let emails = try run(TracesOptions(kinds: [.email]), document(text))
        #expect(emails.normalized?.entities.map(\.type) == ["email", "email", "email"])
        let limited = try run(TracesOptions(maxPerDocument: 2), document(text))
        #expect(limited.normalized?.entities.count == 2)
        #expect(limited.warnings.map(\.code) == ["traces-truncated"] && limited.warnings.first?.count == 2)
    }

    @Test func optionsRoundTripThroughTheirCanonicalText() {
        let options = TracesOptions(kinds: [.phone, .wallet], maxPerDocument: 50)
        #expect(options.canonicalDescription == "kinds=phone,wallet max-per-document=50")
        let back = TracesOptions(canonicalValues: ["kinds": "phone,wallet", "max-per-document": "50"])
        #expect(back == options)
    }
}
