import Foundation
import Testing
import TaskaCore
import TaskaTestSupport
@testable import TaskaExtract

/// The extraction benchmark (`../shared/bench/extraction`, dev split) with pinned F1 floors.
///
/// Like trafilatura's `eval_gate.py`: `extraction-floors.json` pins the mean per-page F1 (the
/// scorer's headline) overall and per source, plus a SHA-256 digest of the benchmark inputs
/// (manifest, scorer, truth files). A floor may only rise: when extraction improves, raise it
/// by hand in that file; never lower it to make a change pass. Skips cleanly when the benchmark
/// or `python3` (the benchmark's own scorer) is absent.
///
/// Pages are decoded as UTF-8 here (the Decode stage is not a dependency of TaskaExtract), so
/// the figures differ slightly from `scripts/eval-extraction`, which runs the whole pipeline.
@Suite struct ExtractionBenchmarkTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// `TaskaTestSupport.packageRootURL`, under the name HTMLTreeBuilderTests and
    /// LanguageNeutralExtractionTests use.
    static let packageRoot = packageRootURL
    static let bench = sharedRootURL.appendingPathComponent("bench/extraction")
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let available = FileManager.default.fileExists(atPath: bench.appendingPathComponent("score.py").path) && python != nil

    struct Floors: Decodable {
        var digest: String
        var epsilon: Double
        var overall: Double
        var sources: [String: Double]
    }

    /// SHA-256 over the manifest, the scorer and every truth file, in manifest order.
    static func digest(ids: [String]) throws -> String {
        var hash = SHA256()
        for name in ["manifest.jsonl", "score.py"] {
            hash.update(try [UInt8](Data(contentsOf: Self.bench.appendingPathComponent(name))))
        }
        for id in ids {
            hash.update(try [UInt8](Data(contentsOf: Self.bench.appendingPathComponent("truth/\(id).txt"))))
        }
        return SHA256.hexString(hash.finalize())
    }

    @Test(.enabled(if: available, "../shared/bench/extraction or python3 is absent"))
    func meanF1StaysAboveItsFloors() throws {
        let manifest = try String(contentsOf: Self.bench.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
        let ids = manifest.split(separator: "\n").compactMap { line -> String? in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
        let floors = try JSONDecoder().decode(Floors.self, from: Data(contentsOf: Self.here.appendingPathComponent("extraction-floors.json")))
        let digest = try Self.digest(ids: ids)
        try #require(digest == floors.digest, "benchmark inputs changed (digest \(digest)); re-measure and re-pin extraction-floors.json")

        let work = FileManager.default.temporaryDirectory.appendingPathComponent("taska-bench-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        var lines = ""
        for id in ids {
            let bytes = try [UInt8](Data(contentsOf: Self.bench.appendingPathComponent("pages/\(id).html")))
            var doc = SourceDocument(source: SourceInfo(path: id, bytes: bytes.count, sha256: id), bytes: [])
            doc.text = String(decoding: bytes, as: UTF8.self)
            doc.mediaType = "text/html"
            var text = ""
            try HTMLReader().read(doc) { text = $0.blocks.map(\.text).joined(separator: "\n") }
            let line = try JSONSerialization.data(withJSONObject: ["id": id, "text": text])
            lines += String(decoding: line, as: UTF8.self) + "\n"
        }
        let predictions = work.appendingPathComponent("pred.jsonl")
        try lines.write(to: predictions, atomically: true, encoding: .utf8)
        if let keep = ProcessInfo.processInfo.environment["TASKA_BENCH_KEEP"] {
            try? lines.write(toFile: keep, atomically: true, encoding: .utf8)  // for per-page analysis
        }
        let summary = work.appendingPathComponent("summary.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python!)
        process.arguments = [Self.bench.appendingPathComponent("score.py").path, predictions.path, "--json", summary.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let result = try JSONSerialization.jsonObject(with: Data(contentsOf: summary)) as! [String: Any]
        let overall = (result["overall"] as! [String: Any])["f1"] as! Double
        let groups = result["groups"] as! [String: [String: Any]]
        print("extraction benchmark: overall F1 \(overall)")
        #expect(overall >= floors.overall - floors.epsilon, "overall F1 \(overall) fell below its floor \(floors.overall)")
        for (source, floor) in floors.sources.sorted(by: { $0.key < $1.key }) {
            let f1 = groups["source=\(source)"]?["f1"] as? Double ?? 0
            print("extraction benchmark: \(source) F1 \(f1)")
            #expect(f1 >= floor - floors.epsilon, "\(source) F1 \(f1) fell below its floor \(floor)")
        }
    }
}
