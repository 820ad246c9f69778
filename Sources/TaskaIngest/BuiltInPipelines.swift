import Foundation
import TaskaCore

/// The pipeline files Taska ships (`Pipelines/*.yaml`, copied into this module's resources so
/// the CLI finds them from any working directory), and how `--pipeline NAME|FILE` is found.
///
/// The copies under `Sources/TaskaIngest/Resources/Pipelines/` must equal `Pipelines/`
/// byte for byte; a test checks it (refresh with `cp Pipelines/*.yaml Sources/TaskaIngest/Resources/Pipelines/`).
public enum BuiltInPipelines {
    /// The names of the shipped pipelines, default first.
    public static let names = ["communiques", "telegram", "feeds", "web-archive", "extraction"]

    /// The pipeline `taska ingest` runs when no `--pipeline` is given.
    public static let defaultName = "communiques"

    /// The path of a shipped pipeline file inside the resource bundle, or nil.
    public static func path(of name: String) -> String? {
        guard names.contains(name) else { return nil }
        return TaskaResources.path(of: "Pipelines/\(name).yaml", in: "TaskaIngest", fallback: { Bundle.module })
    }

    /// Parses and checks a shipped pipeline by name.
    public static func resolve(_ name: String) throws(PipelineFile.Problem) -> ResolvedPipeline {
        guard names.contains(name) else {
            throw PipelineFile.Problem(path: name, line: 1, column: 1,
                                       message: "no built-in pipeline '\(name)'; built-in: \(names.joined(separator: ", "))")
        }
        return try StageCatalog.resolve(load(name))
    }

    /// Reads `--pipeline NAME|FILE`: a built-in name, else a path to a pipeline file.
    public static func load(_ argument: String) throws(PipelineFile.Problem) -> PipelineFile {
        if !isFileArgument(argument) {
            guard let path = path(of: argument) else {
                throw PipelineFile.Problem(path: argument, line: 1, column: 1,
                                           message: "the built-in pipeline '\(argument)' is missing from the TaskaIngest resources; reinstall taska")
            }
            return try PipelineFile.load(path)
        }
        guard FileManager.default.fileExists(atPath: argument) else {
            throw PipelineFile.Problem(path: argument, line: 1, column: 1,
                                       message: "no such pipeline file, and not a built-in name; built-in: \(names.joined(separator: ", "))")
        }
        return try PipelineFile.load(argument)
    }

    /// Whether `argument` of `--pipeline` names a file rather than a built-in: it has a `/`,
    /// ends in `.yaml`/`.yml`, or is no built-in name.
    public static func isFileArgument(_ argument: String) -> Bool {
        argument.contains("/") || argument.hasSuffix(".yaml") || argument.hasSuffix(".yml") || !names.contains(argument)
    }

    /// Reads and checks `--pipeline NAME|FILE`.
    public static func locate(_ argument: String) throws(PipelineFile.Problem) -> ResolvedPipeline {
        try StageCatalog.resolve(load(argument))
    }
}
