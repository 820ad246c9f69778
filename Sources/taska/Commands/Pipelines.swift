import ArgumentParser
import Foundation
import TaskaIngest

extension Taska {
    /// `taska pipelines`: the built-in pipelines with their descriptions and origins.
    struct Pipelines: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pipelines",
            abstract: "List the built-in pipelines with one-line descriptions.",
            discussion: "Give one to ingest, watch or inspect with --pipeline NAME, or a YAML file of your own with --pipeline FILE (check it with `taska pipeline check FILE`)."
        )

        @Flag(name: .long, help: "Also show each pipeline's stages and options.")
        var verbose = false

        @Flag(name: .long, help: "Show every stage's options and the limits a pipeline file may set (key, allowed values, default, meaning).")
        var options = false

        func run() throws {
            if options {
                print(StageCatalog.optionsHelp, terminator: "")
                return
            }
            for name in BuiltInPipelines.names {
                do {
                    let resolved = try BuiltInPipelines.resolve(name)
                    let marker = name == BuiltInPipelines.defaultName ? " (default)" : ""
                    print("\(name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(resolved.description)\(marker)")
                    print("\(String(repeating: " ", count: 13))built-in, hash \(resolved.pipeline.hash): \(resolved.path)")
                    if verbose {
                        for stage in resolved.pipeline.stages { print("\(String(repeating: " ", count: 15))\(stage.name): \(stage.configuration)") }
                    }
                } catch {
                    print("\(name): \(error.description)")
                }
            }
        }
    }

    /// `taska pipeline check FILE`.
    struct PipelineCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pipeline",
            abstract: "Work with pipeline files.",
            subcommands: [Check.self]
        )

        /// Checks a pipeline file: exit 0 with a summary, or 2 with `file:line:column: problem`.
        struct Check: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "check",
                abstract: "Check a pipeline file (or built-in name) and print its resolved stages and hash.",
                discussion: "Exit status 0 when the file is valid; 2 with FILE:LINE:COLUMN: problem and the allowed keys or values when not."
            )

            @Argument(help: "A pipeline YAML file or a built-in name.", completion: .file(extensions: ["yaml", "yml"]))
            var file: String

            func run() throws {
                do {
                    let resolved = try BuiltInPipelines.locate(file)
                    print("\(resolved.path): valid")
                    print(resolved.summary, terminator: "")
                } catch {
                    FileHandle.standardError.write(Data("\(error.description)\n".utf8))
                    throw ExitCode(2)
                }
            }
        }
    }
}
