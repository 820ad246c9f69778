import ArgumentParser
import Foundation
import TaskaCore
import TaskaDetect

extension Taska {
    /// `taska detect [TEXT…]`: language of each text (arguments, else each stdin line).
    struct Detect: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "detect",
            abstract: "Identify the language of each text (arguments, else one per standard-input line).",
            discussion: """
            Writes one JSON object per text: {"language", "script", "confidence", "segments"}, \
            languages ha, knc, ar, en or und (anything else) with an ISO 15924 script. Segment \
            offsets are Unicode scalar offsets into the text. --tsv writes exactly one \
            language<TAB>script<TAB>confidence line per input line instead.
            """
        )

        @Argument(help: "Texts to identify (default: read standard input, one text per line).")
        var texts: [String] = []

        @Flag(name: .long, help: "Write language<TAB>script<TAB>confidence, one line per input line.")
        var tsv = false

        @Option(name: .long, help: ArgumentHelp("Measure throughput on FILE (one text per line, one core) and print MB/s.", valueName: "FILE"))
        var benchmark: String?

        @Option(name: .long, help: ArgumentHelp("Use this model file instead of the shipped one.", valueName: "FILE"))
        var model: String?

        @Flag(name: .long, help: "Explain each text's label: class probabilities, trigram coverage and its floor (JSON).")
        var explain = false

        func run() throws {
            let identifier: LanguageIdentifier
            let loadStart = Date()
            do {
                if let model {
                    identifier = try LanguageIdentifier(contentsOf: model)
                } else {
                    identifier = try LanguageIdentifier.shipped()
                }
            } catch {
                throw RunFailure(description: "\(error)")
            }
            if let benchmark {
                print(String(format: "model load (first, in this process): %.1f ms", Date().timeIntervalSince(loadStart) * 1000))
                if model == nil {
                    let times = try LanguageIdentifier.measureLoad(runs: 15)
                    let sorted = times.sorted()
                    print(String(format: "model load (shipped, fresh each run): median %.1f ms of %d runs (min %.1f, max %.1f)",
                                 sorted[sorted.count / 2], sorted.count, sorted[0], sorted[sorted.count - 1]))
                }
                try runBenchmark(benchmark, identifier)
                return
            }
            let tagger = SegmentTagger(identifier: identifier)
            var output = [UInt8]()
            output.reserveCapacity(1 << 16)
            func handle(_ text: String) {
                if explain {
                    let e = identifier.explain(text)
                    let json = JSONValue.object([
                        ("language", .string(e.prediction.language)), ("script", .string(e.prediction.script)),
                        ("confidence", .double((e.prediction.confidence * 10000).rounded() / 10000)),
                        ("coverage", .double((e.coverage * 10000).rounded() / 10000)),
                        ("coverageFloor", .double((e.coverageFloor * 10000).rounded() / 10000)),
                        ("namesKept", .bool(e.namesKept)),
                        ("classes", .array(e.classes.prefix(4).map {
                            .object([("class", .string($0.label)), ("probability", .double(($0.probability * 10000).rounded() / 10000))])
                        })),
                    ])
                    json.write(to: &output)
                    output.append(0x0A)
                    return
                }
                let tagging = tagger.tag(text)
                let (language, script) = Self.split(tagging.language ?? "und-Zyyy")
                let confidence = tagging.confidence ?? 0.1
                if tsv {
                    output.append(contentsOf: "\(language)\t\(script)\t\(String(format: "%.4f", confidence))\n".utf8)
                } else {
                    let json = JSONValue.object([
                        ("language", .string(language)), ("script", .string(script)),
                        ("confidence", .double((confidence * 10000).rounded() / 10000)),
                        ("segments", .array(tagging.segments.map {
                            .object([("start", .int($0.start)), ("end", .int($0.end)), ("language", .string($0.language)),
                                     ("script", .string($0.script)), ("confidence", .double(($0.confidence * 10000).rounded() / 10000))])
                        })),
                    ])
                    json.write(to: &output)
                    output.append(0x0A)
                }
                if output.count >= 1 << 16 {
                    FileHandle.standardOutput.write(Data(output))
                    output.removeAll(keepingCapacity: true)
                }
            }
            if texts.isEmpty {
                while let line = readLine(strippingNewline: true) { handle(line) }
            } else {
                for text in texts { handle(text) }
            }
            FileHandle.standardOutput.write(Data(output))
        }

        static func split(_ tag: String) -> (String, String) {
            guard let dash = tag.lastIndex(of: "-") else { return (tag, "Zyyy") }
            return (String(tag[..<dash]), String(tag[tag.index(after: dash)...]))
        }

        /// Identifies every line of `path` on one core, repeated for at least two seconds.
        func runBenchmark(_ path: String, _ identifier: LanguageIdentifier) throws {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RunFailure(description: "cannot read \(path)")
            }
            let text = String(decoding: data, as: UTF8.self)
            let lines: [[UInt32]] = text.split(separator: "\n").map { $0.unicodeScalars.map(\.value) }
            let bytes = data.count
            var scratch = LanguageIdentifier.Scratch()
            var passes = 0
            var checksum = 0
            // CPU time of this thread: what one core does, whatever else the machine runs.
            func cpuSeconds() -> Double {
                var ts = timespec()
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
                return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
            }
            let cpuStart = cpuSeconds()
            let start = Date()
            var elapsed = 0.0
            repeat {
                for line in lines {
                    let p = line.withUnsafeBufferPointer { identifier.identify($0, 0..<$0.count, scratch: &scratch) }
                    checksum &+= p.letters
                }
                passes += 1
                elapsed = Date().timeIntervalSince(start)
            } while elapsed < 2
            let cpu = cpuSeconds() - cpuStart
            let mb = Double(bytes * passes) / 1e6
            let tagger = SegmentTagger(identifier: identifier)
            let tagStart = Date()
            for line in text.split(separator: "\n") { checksum &+= tagger.tag(String(line)).segments.count }
            let tagSeconds = Date().timeIntervalSince(tagStart)
            print(String(format: "identify: %.1f MB in %.2f s of one core's CPU time: %.1f MB/s, %.0f texts/s (wall clock: %.1f MB/s)",
                         mb, cpu, mb / cpu, Double(lines.count * passes) / cpu, mb / elapsed))
            print(String(format: "segments (sentences, scripts, merging): %.1f MB/s", Double(bytes) / 1e6 / tagSeconds))
            if checksum == 42 { print("") }
        }
    }
}
