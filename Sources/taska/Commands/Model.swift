import ArgumentParser
import Foundation
import TaskaDetect
import TaskaRestore

extension Taska {
    /// `taska model`: build the language-identification and hooked-letter models.
    struct Model: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build Taska's language-identification and Hausa hooked-letter models.",
            subcommands: [Train.self, TrainHooks.self]
        )

        /// `taska model train-hooks --corpus DIR --out FILE`.
        struct TrainHooks: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "train-hooks",
                abstract: "Train the Hausa hooked-letter model from a corpus folder (train/ha-Latn.txt).",
                discussion: """
                Deterministic: the same corpus gives the same bytes. The shipped model is \
                Sources/TaskaRestore/Resources/hooks.bin, built from ../shared/corpora; \
                scripts/check-hooks-model rebuilds it and compares. See docs/hooked-letters.md.
                """
            )

            @Option(name: .long, help: ArgumentHelp("Corpus folder holding train/ha-Latn.txt.", valueName: "DIR"))
            var corpus: String

            @Option(name: .long, help: ArgumentHelp("Where to write the model file.", valueName: "FILE"))
            var out: String

            @Option(name: .long, help: "Share of a word's spellings the best one needs before it is written.")
            var wordShare: Float = HookModelTrainer.Options().wordShare

            @Option(name: .long, help: "Share of hooked occurrences a letter context needs before an unseen word is hooked.")
            var contextShare: Float = HookModelTrainer.Options().contextShare

            @Flag(name: .long, help: "Print progress to standard error.")
            var verbose = false

            func validate() throws {
                guard (0.5...1).contains(wordShare) else { throw ValidationError("--word-share must be between 0.5 and 1; got \(wordShare).") }
                guard (0.5...1).contains(contextShare) else { throw ValidationError("--context-share must be between 0.5 and 1; got \(contextShare).") }
                guard FileManager.default.fileExists(atPath: HookModelTrainer.trainingFile(corpus: corpus)) else {
                    throw ValidationError("--corpus \(corpus): no train/ha-Latn.txt there; pass the folder that holds train/ (../shared/corpora).")
                }
            }

            func run() throws {
                var options = HookModelTrainer.Options()
                options.wordShare = wordShare
                options.contextShare = contextShare
                let verbose = self.verbose
                let bytes: [UInt8]
                do {
                    bytes = try HookModelTrainer(options: options).train(corpus: corpus) { line in
                        if verbose { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
                    }
                } catch {
                    throw RunFailure(description: "\(error)")
                }
                guard FileManager.default.createFile(atPath: out, contents: Data(bytes)) else {
                    throw RunFailure(description: "cannot write \(out); check the folder exists and is writable")
                }
                FileHandle.standardError.write(Data("Wrote \(out): \(bytes.count) bytes.\n".utf8))
            }
        }

        /// `taska model train --corpus DIR --out FILE`.
        struct Train: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Train the language model from a corpus folder (train/<lang>-<Script>.txt, train/und/*.txt).",
                discussion: """
                Deterministic: the same corpus gives the same bytes. The shipped model is \
                Sources/TaskaDetect/Resources/langid.bin, built from ../shared/corpora; \
                scripts/check-model rebuilds it and compares.
                """
            )

            @Option(name: .long, help: ArgumentHelp("Corpus folder holding train/ (and dev/).", valueName: "DIR"))
            var corpus: String

            @Option(name: .long, help: ArgumentHelp("Where to write the model file.", valueName: "FILE"))
            var out: String

            @Option(name: .long, help: "Passes over the training text.")
            var epochs: Int = ModelTrainer.Options().epochs

            @Option(name: .long, help: "How far below its own held-out text's trigram coverage a text may fall before it is und.")
            var coverageMargin: Float = ModelTrainer.Options().coverageMargin

            @Option(name: .long, help: ArgumentHelp(
                "Loss weight of one class's lines, e.g. und/pcm-Latn=2 (repeatable; replaces the default weights).",
                valueName: "CLASS=WEIGHT"))
            var classWeight: [String] = []

            @Flag(name: .long, help: "Print progress to standard error.")
            var verbose = false

            /// `--class-weight` values as a table, or nil when none were given.
            func classWeights() throws -> [String: Float]? {
                guard !classWeight.isEmpty else { return nil }
                var table: [String: Float] = [:]
                for item in classWeight {
                    let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2, !parts[0].isEmpty, let w = Float(parts[1]), w > 0, w <= 100 else {
                        throw ValidationError("--class-weight \(item): write CLASS=WEIGHT with a weight in (0, 100], e.g. und/pcm-Latn=2.")
                    }
                    table[parts[0]] = w
                }
                return table
            }

            func validate() throws {
                _ = try classWeights()
                guard (1...100).contains(epochs) else { throw ValidationError("--epochs must be between 1 and 100; got \(epochs).") }
                guard (0...0.5).contains(coverageMargin) else {
                    throw ValidationError("--coverage-margin must be between 0 and 0.5; got \(coverageMargin).")
                }
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: corpus + "/train", isDirectory: &isDir), isDir.boolValue else {
                    throw ValidationError("--corpus \(corpus): no train/ folder there; pass the folder that holds train/ and dev/.")
                }
            }

            func run() throws {
                var options = ModelTrainer.Options()
                options.epochs = epochs
                options.coverageMargin = coverageMargin
                if let weights = try classWeights() { options.classWeights = weights }
                let verbose = self.verbose
                let start = Date()
                let bytes: [UInt8]
                do {
                    bytes = try ModelTrainer(options: options).train(corpus: corpus) { line in
                        if verbose { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
                    }
                } catch {
                    throw RunFailure(description: "\(error)")
                }
                guard FileManager.default.createFile(atPath: out, contents: Data(bytes)) else {
                    throw RunFailure(description: "cannot write \(out); check the folder exists and is writable")
                }
                let seconds = Date().timeIntervalSince(start)
                FileHandle.standardError.write(Data("Wrote \(out): \(bytes.count) bytes in \(String(format: "%.1f", seconds)) s.\n".utf8))
            }
        }
    }
}
