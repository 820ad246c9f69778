import ArgumentParser
import Foundation
import TaskaDetect
import TaskaPDF
import TaskaRestore

extension Taska {
    /// `taska model`: build the language-identification and hooked-letter models.
    struct Model: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "model",
            abstract: "Build Taska's language-identification, Hausa hooked-letter and PDF ligature models.",
            subcommands: [Train.self, TrainHooks.self, TrainLigatures.self]
        )

        /// `taska model train-ligatures --corpus DIR --out FILE`.
        struct TrainLigatures: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "train-ligatures",
                abstract: "Count the Arabic-script words with a lam beside an alef or yeh (train/ar-Arab.txt, train/knc-Arab.txt).",
                discussion: """
                The PDF reader's tie-breaker between a lam-alef ligature and an alef followed by a lam \
                when glyph widths cannot tell them apart. Deterministic: the same corpus gives the same \
                bytes. The shipped file is Sources/TaskaPDF/Resources/ligatures.bin, built from \
                ../shared/corpora; scripts/check-ligature-lexicon rebuilds it and compares.
                """
            )

            @Option(name: .long, help: ArgumentHelp("Corpus folder holding train/ar-Arab.txt and train/knc-Arab.txt.", valueName: "DIR"))
            var corpus: String

            @Option(name: .long, help: ArgumentHelp("Where to write the lexicon file.", valueName: "FILE"))
            var out: String

            func validate() throws {
                for label in ["ar-Arab", "knc-Arab"] where !FileManager.default.fileExists(atPath: corpus + "/train/\(label).txt") {
                    throw ValidationError("--corpus \(corpus): no train/\(label).txt there; pass the folder that holds train/ (../shared/corpora).")
                }
            }

            func run() throws {
                let bytes: [UInt8]
                do { bytes = try LigatureLexicon.train(corpus: corpus).encoded() } catch {
                    throw RunFailure(description: "cannot read the corpus under \(corpus): \(error.localizedDescription)")
                }
                guard FileManager.default.createFile(atPath: out, contents: Data(bytes)) else {
                    throw RunFailure(description: "cannot write \(out); check the folder exists and is writable")
                }
                FileHandle.standardError.write(Data("Wrote \(out): \((bytes.count - 16) / 10) words, \(bytes.count) bytes.\n".utf8))
            }
        }

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
                commandName: "train",
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
                "Loss weight of one class's lines, e.g. und/pcm-Latn=3 (repeatable; replaces the default weights).",
                valueName: "CLASS=WEIGHT"))
            var classWeight: [String] = []

            @Option(name: .long, help: "Short cuts with names put in, per training line (0: none).")
            var namesShortCuts: Int = ModelTrainer.Options().namesShortCutsPerLine

            @Option(name: .long, help: "Short cuts of the line as written, per training line.")
            var shortCuts: Int = ModelTrainer.Options().shortCutsPerLine

            @Option(name: .long, help: "log2 of the Latin model's hash buckets.")
            var latinBucketBits: Int = ModelTrainer.Options().latinBucketBits

            @Flag(name: .long, help: "Print progress to standard error.")
            var verbose = false

            /// `--class-weight` values as a table, or nil when none were given.
            func classWeights() throws -> [String: Float]? {
                guard !classWeight.isEmpty else { return nil }
                var table: [String: Float] = [:]
                for item in classWeight {
                    let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2, !parts[0].isEmpty, let w = Float(parts[1]), w > 0, w <= 100 else {
                        throw ValidationError("--class-weight \(item): write CLASS=WEIGHT with a weight in (0, 100], e.g. und/pcm-Latn=3.")
                    }
                    table[parts[0]] = w
                }
                return table
            }

            func validate() throws {
                _ = try classWeights()
                guard (0...50).contains(namesShortCuts), (1...50).contains(shortCuts) else {
                    throw ValidationError("--names-short-cuts must be between 0 and 50 and --short-cuts between 1 and 50; got \(namesShortCuts) and \(shortCuts).")
                }
                guard (16...22).contains(latinBucketBits) else {
                    throw ValidationError("--latin-bucket-bits must be between 16 and 22; got \(latinBucketBits).")
                }
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
                options.namesShortCutsPerLine = namesShortCuts
                options.shortCutsPerLine = shortCuts
                options.latinBucketBits = latinBucketBits
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
