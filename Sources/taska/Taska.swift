import ArgumentParser
import TaskaCore
import Foundation
import TaskaIngest

/// The `taska` command: configuration only; each subcommand lives in Commands/.
struct Taska: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taska",
        abstract: "Turn scraped documents in Hausa, Kanuri, Arabic and English into clean, tagged records.",
        discussion: """
        Exit status: 0 when the batch completed (failed documents become error records), \
        1 with --strict when any document failed, 2 for usage errors, 3 when the run itself \
        cannot go on (for example unwritable output).
        """,
        version: TaskaVersion.string,
        subcommands: [Ingest.self, Search.self, Export.self, Verify.self, Stats.self, Merge.self, Watch.self, Serve.self, Normalize.self, Detect.self, RestoreHooks.self, Dates.self, Traces.self, Telegram.self, Reposts.self, Reindex.self, Model.self, Pipelines.self, PipelineCommand.self, Inspect.self]
    )
}

/// A failure of the run itself (not of one document): printed, exit status 3.
struct RunFailure: Error, CustomStringConvertible {
    var description: String
}

@main
enum TaskaMain {
    static func main() {
        AllocatorSettings.applyForBatchWork()
        do {
            var command = try Taska.parseAsRoot()
            try command.run()
        } catch let failure as RunFailure {
            FileHandle.standardError.write(Data("taska: \(failure.description)\n".utf8))
            exit(3)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            let code = Taska.exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((Taska.fullMessage(for: error) + "\n").utf8))
                exit(2)
            }
            Taska.exit(withError: error)
        }
    }
}
