// Taska's stage and pipeline benchmarks over a sample of the generated bench corpus.
//
//   scripts/make-bench-corpus --megabytes 50      # once (from the package root)
//   cd Benchmarks && swift package benchmark
//
// The sample is the first `TASKA_BENCH_FILES` files (default 200), in name order, of the
// corpus in `TASKA_BENCH_CORPUS` or else the smallest of `.bench-corpus/{50,100,200}mb`. Each
// benchmark runs its stage over every document of the sample once per iteration (documents are
// prepared by the stages before it, outside the measurement), so `throughput` is samples per
// second and `wallClock` the time per sample. Without a corpus no benchmark is registered and
// a message says how to make one.
import Benchmark
import Foundation
import TaskaCore
import TaskaIngest

/// The documents of the sample, as each stage receives them.
struct BenchSample {
    var read: [SourceDocument] = []
    var unpacked: [SourceDocument] = []
    var decoded: [SourceDocument] = []
    var extracted: [SourceDocument] = []
    var normalized: [SourceDocument] = []
    var detected: [Pipeline.Output] = []
    var bytes = 0
}

enum BenchCorpus {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// The corpus folder to sample, or nil with the reason.
    static func locate() -> (path: String?, message: String) {
        let env = ProcessInfo.processInfo.environment
        if let given = env["TASKA_BENCH_CORPUS"] {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: given, isDirectory: &isDir), isDir.boolValue { return (given, "") }
            return (nil, "TASKA_BENCH_CORPUS=\(given) is not a folder")
        }
        for size in ["50mb", "100mb", "200mb"] {
            let path = packageRoot + "/.bench-corpus/" + size
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { return (path, "") }
        }
        return (nil, "no bench corpus in \(packageRoot)/.bench-corpus; make one with "
            + "`scripts/make-bench-corpus --megabytes 50` (needs ../shared/bench/extraction) or set TASKA_BENCH_CORPUS")
    }

    /// Reads the sample and runs it stage by stage, keeping each stage's input.
    static func load(_ root: String, files: Int, pipeline: Pipeline) throws -> BenchSample {
        var paths: [String] = []
        try FileWalker().walk([root]) { file in
            if paths.count < files { paths.append(file.path) }
        }
        paths.sort()
        var sample = BenchSample()
        let reader = FileReader()
        func stage(_ name: String) -> any Stage { pipeline.stages.first { $0.name == name }! }
        for path in paths {
            guard let doc = try? reader.read(InputFile(path: path)) else { continue }
            sample.read.append(doc)
            sample.bytes += doc.source.bytes
        }
        sample.unpacked = run(stage("unpack"), sample.read)
        sample.decoded = run(stage("decode"), sample.unpacked)
        sample.extracted = run(stage("extract"), sample.decoded)
        sample.normalized = run(stage("normalize"), sample.extracted)
        for doc in run(stage("detect"), sample.normalized) { sample.detected.append(.document(doc)) }
        return sample
    }

    /// Every output of `stage` over `documents` (failures dropped: the next stage would not see them).
    static func run(_ stage: any Stage, _ documents: [SourceDocument]) -> [SourceDocument] {
        var out: [SourceDocument] = []
        for doc in documents { try? stage.process(doc) { out.append($0) } }
        return out
    }
}

let benchmarks: @Sendable () -> Void = {
    let located = BenchCorpus.locate()
    guard let root = located.path else {
        FileHandle.standardError.write(Data("TaskaBenchmarks: skipped: \(located.message)\n".utf8))
        return
    }
    let files = Int(ProcessInfo.processInfo.environment["TASKA_BENCH_FILES"] ?? "") ?? 200
    let pipeline = StandardPipelines.communiques()
    let sample: BenchSample
    do {
        sample = try BenchCorpus.load(root, files: files, pipeline: pipeline)
    } catch {
        FileHandle.standardError.write(Data("TaskaBenchmarks: skipped: cannot read \(root): \(error)\n".utf8))
        return
    }
    FileHandle.standardError.write(Data(("TaskaBenchmarks: sample of \(sample.read.count) files, \(sample.bytes) bytes, "
        + "\(sample.detected.count) records from \(root)\n").utf8))

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(5),
        maxIterations: 20
    )
    func stage(_ name: String) -> any Stage { pipeline.stages.first { $0.name == name }! }

    func stageBenchmark(_ title: String, _ stage: any Stage, _ inputs: [SourceDocument]) {
        Benchmark(title) { benchmark in
            for _ in benchmark.scaledIterations {
                for doc in inputs { try? stage.process(doc) { blackHole($0) } }
            }
        }
    }
    stageBenchmark("decode (\(sample.unpacked.count) docs)", stage("decode"), sample.unpacked)
    stageBenchmark("extract HTML/XML/text (\(sample.decoded.count) docs)", stage("extract"), sample.decoded)
    stageBenchmark("normalize (\(sample.extracted.count) docs)", stage("normalize"), sample.extracted)
    stageBenchmark("detect language (\(sample.normalized.count) docs)", stage("detect"), sample.normalized)

    Benchmark("JSON record writing (\(sample.detected.count) records)") { benchmark in
        let now = IngestRunner.now()
        for _ in benchmark.scaledIterations {
            var line: [UInt8] = []
            for output in sample.detected {
                line.removeAll(keepingCapacity: true)
                Record(output: output, pipeline: pipeline, ingestedAt: now).json.write(to: &line)
                blackHole(line)
            }
        }
    }

    Benchmark("whole pipeline (\(sample.read.count) files, \(sample.bytes / 1000) kB)") { benchmark in
        let now = IngestRunner.now()
        for _ in benchmark.scaledIterations {
            var line: [UInt8] = []
            for doc in sample.read {
                try? pipeline.run(doc) { output in
                    line.removeAll(keepingCapacity: true)
                    Record(output: output, pipeline: pipeline, ingestedAt: now).json.write(to: &line)
                    blackHole(line)
                }
            }
        }
    }
}
