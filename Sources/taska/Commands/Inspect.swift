import ArgumentParser
import Foundation
import TaskaIngest

extension Taska {
    /// `taska inspect FILE`: what each stage did to one document.
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inspect",
            abstract: "Show what each stage did to one file: charset and why, blocks kept and dropped, normalisation, paragraphs, languages.",
            discussion: """
            Nothing is stored. On a terminal the view is coloured (not with NO_COLOR or when \
            output is not a terminal) and right-to-left lines are reordered for display, since \
            most terminals do not apply the bidi algorithm; --bidi logical keeps memory order \
            (for terminals that reorder themselves). --json prints one JSON object (see docs/pipelines.md).
            """
        )

        enum BidiMode: String, ExpressibleByArgument, CaseIterable {
            case auto, visual, logical
        }

        @Argument(help: "The file to inspect.", completion: .file())
        var file: String

        @OptionGroup var pipelineOption: PipelineOption

        @Flag(name: .long, help: "Print one JSON object instead of the terminal view.")
        var json = false

        @Option(name: .long, help: "Most documents shown for a file that yields several (feeds, chat exports, WARC files).")
        var maxDocuments: Int = 20

        @Option(name: .long, help: "Right-to-left text on the terminal: auto (visual on a terminal), visual or logical.")
        var bidi: BidiMode = .auto

        @Flag(name: .long, help: "Colour even when standard output is not a terminal.")
        var color = false

        func validate() throws {
            guard FileManager.default.fileExists(atPath: file) else { throw ValidationError("\(file): no such file.") }
            guard maxDocuments >= 1 else { throw ValidationError("--max-documents must be at least 1; got \(maxDocuments).") }
        }

        func run() throws {
            let resolved = try pipelineOption.resolve()
            let inspection = DocumentInspector(pipeline: resolved.pipeline, maxDocuments: maxDocuments).inspect(path: file)
            let report = InspectionReport(inspection)
            if json {
                print(report.json.serialized())
                return
            }
            let terminal = isatty(1) == 1
            let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            let style = InspectionReport.Style(color: color || (terminal && !noColor),
                                               visualBidi: bidi == .visual || (bidi == .auto && terminal))
            print(report.text(style), terminator: "")
        }
    }
}
