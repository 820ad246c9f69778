import Testing
@testable import TaskaCore

@Suite struct RecordTests {
    private let pipeline = Pipeline(name: "communiques", version: "0.1.0", stages: [])

    private func sample() -> SourceDocument {
        var doc = SourceDocument(source: SourceInfo(path: "Fixtures/ha/a.txt", bytes: 10, sha256: "ff00",
                                                    modified: Timestamp(seconds: 0)), bytes: [])
        doc.mediaType = "text/plain"
        doc.charset = CharsetDecision(charset: "utf-8", source: .validated, confidence: 1)
        doc.normalized = NormalizedText(text: "Sannu\nمرحبا", searchKey: "sannu\nمرحبا", direction: .mixed,
                                        scripts: [ScriptShare(script: "Arab", share: 0.5), ScriptShare(script: "Latn", share: 0.5)],
                                        paragraphs: [Paragraph(start: 0, end: 5, direction: .ltr, script: "Latn"),
                                                     Paragraph(start: 6, end: 11, direction: .rtl, script: "Arab")])
        return doc
    }

    @Test func keyOrderIsTheSchemaOrder() {
        let record = Record(document: sample(), pipeline: pipeline, ingestedAt: Timestamp(seconds: 86_400))
        guard case let .object(pairs) = record.json else { Issue.record("not an object"); return }
        #expect(pairs.map(\.0) == ["id", "source", "pipeline", "title", "metadata", "message", "text", "searchKey", "direction",
                                   "scripts", "paragraphs", "entities", "language", "languageConfidence", "languages",
                                   "segments", "warnings", "ingestedAt"])
        guard case let .object(source)? = record.json["source"] else { Issue.record("no source"); return }
        #expect(source.map(\.0) == ["path", "bytes", "sha256", "mediaType", "charset", "charsetSource", "charsetConfidence", "modified"])
    }

    @Test func segmentsAreNullUntilALanguageStageRuns() {
        let record = Record(document: sample(), pipeline: pipeline, ingestedAt: Timestamp(seconds: 0))
        #expect(record.json["segments"] == .null)
        #expect(record.json["ingestedAt"] == .string("1970-01-01T00:00:00.000Z"))
    }

    @Test func errorRecordHasNoText() {
        let record = Record(document: sample(), failure: StageFailure(stage: "decode", message: "empty"),
                            pipeline: pipeline, ingestedAt: Timestamp(seconds: 0))
        #expect(record.json["text"] == nil)
        #expect(record.json["error"]?["stage"] == .string("decode"))
    }

    @Test func unreadableFileHasNullId() {
        let doc = SourceDocument(source: SourceInfo(path: "gone.txt", bytes: 0, sha256: ""), bytes: [])
        let record = Record(document: doc, failure: StageFailure(stage: "read", message: "x"), pipeline: pipeline, ingestedAt: Timestamp(seconds: 0))
        #expect(record.json["id"] == .null)
    }

    @Test func nonUTF8PathBytesAreKept() {
        var doc = sample()
        doc.source.pathBytes = [0x66, 0xFF, 0x2E]
        let record = Record(document: doc, pipeline: pipeline, ingestedAt: Timestamp(seconds: 0))
        #expect(record.json["source"]?["pathBytes"] == .string("Zv8u"))
    }

    @Test func timestampsFormatAsUTC() {
        #expect(Timestamp(seconds: 951_782_400).iso8601() == "2000-02-29T00:00:00Z")
        #expect(Timestamp(seconds: 1_795_000_000, nanoseconds: 123_456_789).iso8601(fraction: true) == "2026-11-18T11:06:40.123Z")
        #expect(Timestamp(seconds: -1).iso8601() == "1969-12-31T23:59:59Z")
        #expect(Timestamp(seconds: 0, nanoseconds: 5_000_000).iso8601(fraction: true) == "1970-01-01T00:00:00.005Z")
        #expect(Timestamp(seconds: 253_402_300_799).iso8601() == "9999-12-31T23:59:59Z")
        #expect(Timestamp(seconds: 253_402_300_800).iso8601() == "10000-01-01T00:00:00Z")  // past the fast path
        #expect(Timestamp(seconds: -62_135_596_800).iso8601() == "0001-01-01T00:00:00Z")
    }

    @Test func messageAndContainerFieldsAppearWhenSet() {
        var doc = sample()
        doc.source.uri = "https://example.org/a"
        doc.source.warcRecordId = "<urn:uuid:1>"
        var message = MessageInfo(id: -42)
        message.chatName = "Labarai"
        message.mediaType = "photo"
        doc.message = message
        doc.normalized?.entities = [Entity(type: "link", start: 0, end: 5, href: "https://example.org")]
        let json = Record(document: doc, pipeline: pipeline, ingestedAt: Timestamp(seconds: 0)).json
        #expect(json["source"]?["uri"] == .string("https://example.org/a"))
        #expect(json["source"]?["warcDate"] == nil)
        #expect(json["message"]?["id"] == .int(-42))
        #expect(json["message"]?["media"]?["type"] == .string("photo"))
        #expect(json["message"]?["chat"]?["name"] == .string("Labarai"))
        #expect(json["entities"] == .array([.object([("type", .string("link")), ("start", .int(0)), ("end", .int(5)),
                                                     ("href", .string("https://example.org"))])]))
        #expect(Record(document: sample(), pipeline: pipeline, ingestedAt: Timestamp(seconds: 0)).json["message"] == .null)
    }

    @Test func streamedLineEqualsTheTreeSerialised() {
        var full = sample()
        full.source.uri = "https://example.org/a"
        full.source.pathBytes = [0x66, 0xFF]
        var message = MessageInfo(id: -42)
        message.chatName = "Labarai \"quoted\"\u{2028}"
        message.replyTo = 7
        full.message = message
        full.normalized?.entities = [Entity(type: "link", start: 0, end: 5, href: "https://example.org")]
        full.segments = [Segment(start: 0, end: 5, language: "ha", script: "Latn", confidence: 0.87654)]
        full.language = "ha-Latn"
        full.languageConfidence = 1
        full.warn("decode", "w", "tab\there", count: 3)
        let failed = Record(document: sample(), failure: StageFailure(stage: "decode", message: "bad\u{1}"),
                            pipeline: pipeline, ingestedAt: Timestamp(seconds: 1))
        for record in [Record(document: full, pipeline: pipeline, ingestedAt: Timestamp(seconds: 86_400)),
                       Record(document: sample(), pipeline: pipeline, ingestedAt: Timestamp(seconds: 0)), failed] {
            var line: [UInt8] = Array("prefix ".utf8)
            record.writeJSON(to: &line)
            #expect(String(decoding: line, as: UTF8.self) == "prefix " + record.json.serialized())
        }
    }

    @Test func numbersAreWrittenWithoutStrings() {
        for (value, text) in [(JSONValue.int(0), "0"), (.int(-7), "-7"), (.int(Int.max), "9223372036854775807"),
                              (.int(Int.min), "-9223372036854775808"), (.double(2), "2"), (.double(-0.25), "-0.25"),
                              (.double(0.8765), "0.8765"), (.double(1e15), "1000000000000000.0"), (.double(.nan), "null")] {
            #expect(value.serialized() == text)
            var writer = JSONByteWriter()
            writer.value(value)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == text)
        }
    }

    @Test func stringsAreEscapedWhereverTheSpecialByteFalls() {
        // The writer skips eight safe bytes at a time: each special character at every offset.
        func reference(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                default:
                    if u.value < 0x20 { out += "\\u00" + (u.value < 0x10 ? "0" : "") + String(u.value, radix: 16) } else { out.unicodeScalars.append(u) }
                }
            }
            return out + "\""
        }
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{2028}", "\u{2029}", "\u{2026}", "ك", "\u{7F}"] {
            for offset in 0..<20 {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "b", count: 19 - offset) + special
                #expect(JSONValue.string(text).serialized() == reference(text), "\(special.debugDescription) at \(offset)")
            }
        }
    }

    @Test func base64() {
        #expect(Base64.encode([]) == "")
        #expect(Base64.encode(Array("f".utf8)) == "Zg==")
        #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
        #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
    }
}
