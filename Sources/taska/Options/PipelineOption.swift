import ArgumentParser
import TaskaIngest

/// `--pipeline NAME|FILE`, shared by ingest, watch and inspect.
struct PipelineOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A built-in pipeline (see `taska pipelines`) or a pipeline YAML file.", valueName: "NAME|FILE"))
    var pipeline: String = BuiltInPipelines.defaultName

    /// Reads and checks the pipeline, with `settings` (stage, key, value) from command-line
    /// flags applied to the file first; a bad file is a usage error (exit status 2).
    func resolve(settings: [(stage: String, key: String, value: String)] = []) throws -> ResolvedPipeline {
        do {
            var file = try BuiltInPipelines.load(pipeline)
            for setting in settings { file = file.setting(setting.key, to: setting.value, inStage: setting.stage) }
            return try StageCatalog.resolve(file)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
