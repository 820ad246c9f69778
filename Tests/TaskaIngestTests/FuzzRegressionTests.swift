import Foundation
import Testing
import TaskaCore
import TaskaDecode
import TaskaExtract
import TaskaNormalize
import TaskaTestSupport
@testable import TaskaIngest

/// Inputs the fuzz targets (Fuzz/, `scripts/fuzz`) found crashing, hanging or leaking, kept
/// in `Fixtures/fuzz/<target>/` once fixed. Each must come out of the standard pipeline and
/// out of its fuzz target's pipeline slice as records (documents or error records): the
/// process surviving is the point, and every output is checked to be a well-formed record.
@Suite struct FuzzRegressionTests {
    /// Fixture folder -> the stages its fuzz target runs (see Fuzz/Sources/Fuzz*/).
    static let slices: [String: [any Stage]] = [
        "decode": [DecodeStage()],
        "html": [DecodeStage(), ForceMediaType(mediaType: "text/html"), ExtractStage()],
        "xml": [DecodeStage(), ForceMediaType(mediaType: "application/xml"), ExtractStage()],
        "telegram-json": [ExtractStage()],
        "warc": [UnpackStage()],
        "normalize": [DecodeStage(), NormalizeStage()],
    ]

    static var fixtures: [String] {
        slices.keys.sorted().flatMap { FixtureCatalog.documents(in: "fuzz/\($0)") }
    }

    @Test func everyFuzzFixtureFolderIsKnown() throws {
        let dir = packageRoot + "/Fixtures/fuzz"
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) where !name.hasPrefix(".") && name != "README.md" {
            #expect(Self.slices[name] != nil, "Fixtures/fuzz/\(name) has no fuzz slice in FuzzRegressionTests")
        }
    }

    @Test(arguments: fixtures)
    func standardPipelineGivesRecords(fixture: String) {
        let records = ingest(fixture: fixture)
        #expect(!records.isEmpty, "\(fixture): no record at all")
        for record in records {
            guard case .object = record.json else { Issue.record("\(fixture): record is not a JSON object"); continue }
            if let failure = record.failure { #expect(!failure.message.isEmpty) }
        }
    }

    @Test(arguments: fixtures)
    func fuzzSliceGivesOutputs(fixture: String) throws {
        let folder = fixture.split(separator: "/")[2]
        let stages = try #require(Self.slices[String(folder)])
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/" + fixture)))
        var document = SourceDocument(source: SourceInfo(path: fixture, bytes: bytes.count, sha256: SHA256.hex(of: bytes)), bytes: bytes)
        if folder == "telegram-json" { document.mediaType = "application/json" }
        let outputs = try Pipeline(name: "fuzz", version: "fuzz", stages: stages).collect(document)
        #expect(!outputs.isEmpty, "\(fixture): the fuzz slice gave nothing")
    }
}

/// Overrides the media type Decode sniffed, as the fuzz targets do to reach one reader.
private struct ForceMediaType: Stage {
    var mediaType: String
    var name: String { "force-media-type" }
    var configuration: String { mediaType }
    func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        var doc = document
        doc.mediaType = mediaType
        try emit(doc)
    }
}
