import TaskaCore
import TaskaDecode
import TaskaExtract
import TaskaNormalize

/// Taska's version: fixes the behaviour of every stage and goes into every record.
public enum TaskaVersion {
    public static let string = "0.1.0"
}

/// The pipelines Taska ships, built from the library's stages.
public enum StandardPipelines {
    /// Options that shape the standard pipeline.
    public struct Options: Sendable {
        public var form: NormalizationForm = .nfc
        public var repairMojibake = true
        public init() {}
    }

    /// `communiques`: decode -> extract -> normalise (the default of `taska ingest`).
    public static func communiques(_ options: Options = Options()) -> Pipeline {
        Pipeline(name: "communiques", version: TaskaVersion.string, stages: [
            DecodeStage(options: DecodeOptions(repairMojibake: options.repairMojibake)),
            ExtractStage(options: ExtractOptions()),
            NormalizeStage(options: NormalizeOptions(form: options.form)),
        ])
    }
}
