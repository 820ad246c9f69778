import Foundation
import TaskaContainers
import TaskaCore
import TaskaDates
import TaskaDecode
import TaskaDetect
import TaskaExtract
import TaskaNormalize
import TaskaOCR
import TaskaPDF
import TaskaRestore
import TaskaReposts
import TaskaTraces

/// The one place that turns a pipeline file into a `Pipeline` of the library's stages.
///
/// Every stage declares its option keys and their allowed values here, so a pipeline file is
/// checked completely before anything runs and every error names the file, line, column, the
/// bad key or value and what is allowed. `StandardPipelines` and the CLI both go through it.
public enum StageCatalog {
    /// One option of a stage as the catalog checks it: its key, what it accepts, its default
    /// and its meaning, all read off the stage's `OptionDeclaration`s.
    public struct OptionSpec: Sendable {
        public var key: String
        public var allowed: OptionKind
        public var defaultValue: String
        public var meaning: String

        static func of<O: StageOptions>(_: O.Type) -> [OptionSpec] {
            let defaults = O()
            return O.declarations.map { OptionSpec(key: $0.key, allowed: $0.kind, defaultValue: $0.read(defaults), meaning: $0.meaning) }
        }
    }

    /// One stage the catalog can build.
    public struct StageSpec: Sendable {
        public var name: String
        public var meaning: String
        public var options: [OptionSpec]
        /// Stages that must run before this one, with the reason shown when one is missing.
        public var requires: [(stage: String, reason: String)]
        /// Builds the stage from canonical option values (every key present).
        var build: @Sendable ([String: String]) -> any Stage

        /// A stage whose options are `O`'s declarations, built by `make` from checked values.
        init<O: StageOptions>(name: String, meaning: String, options _: O.Type, requires: [(stage: String, reason: String)] = [],
                              make: @escaping @Sendable (O) -> any Stage) {
            self.name = name
            self.meaning = meaning
            self.options = OptionSpec.of(O.self)
            self.requires = requires
            self.build = { make(O(canonicalValues: $0)) }
        }
    }

    /// The stages in data-flow order: a pipeline lists a subset of them in this order.
    public static let stages: [StageSpec] = [
        StageSpec(name: "unarchive", meaning: "opens ZIP, TAR (gz, bz2, xz), 7z and RAR containers: one document per member, nested ones too; DOCX, ODT and EPUB as one document each",
                  options: UnarchiveOptions.self, make: { UnarchiveStage(options: $0) }),
        StageSpec(name: "unpack", meaning: "opens WARC and gzip containers (one document per text record)",
                  options: UnpackOptions.self, make: { UnpackStage(options: $0) }),
        StageSpec(name: "decode", meaning: "bytes to text: charset from BOM, transport, declaration or detection",
                  options: DecodeOptions.self, make: { DecodeStage(options: $0) }),
        StageSpec(name: "extract", meaning: "text to title, metadata and blocks, by format (PDF and page images with OCR, HTML, feeds, TEI, Telegram, text)",
                  options: ExtractStageOptions.self, requires: [("decode", "it reads the decoded text")],
                  make: { ExtractStage(options: $0.text, formats: [PDFReader(options: $0.pdf), ImageReader(options: $0.pdf)]) }),
        StageSpec(name: "normalize", meaning: "Unicode cleanup, paragraphs, direction, scripts, search key",
                  options: NormalizeOptions.self, requires: [("decode", "it reads the decoded text")], make: { NormalizeStage(options: $0) }),
        StageSpec(name: "detect", meaning: "language segments with calibrated confidence",
                  options: DetectOptions.self, requires: [("normalize", "it reads the normalised text")], make: { DetectStage(options: $0) }),
        StageSpec(name: "restore-hooks",
                  meaning: "Hausa hooked letters (ɓ ɗ ƙ ƴ) restored where OCR or ASCII typing left b d k y, in ha segments; listed in restored",
                  options: RestoreHooksOptions.self, requires: [("detect", "it acts only in segments labelled ha")],
                  make: { RestoreHooksStage(options: $0, folding: TextNormalizer()) }),
        StageSpec(name: "dates",
                  meaning: "date mentions (Hijri and Gregorian; Arabic, Hausa, Kanuri, English) listed in dates with ISO values",
                  options: DatesOptions.self, requires: [("normalize", "it reads the normalised text")], make: { DatesStage(options: $0) }),
        StageSpec(name: "traces",
                  meaning: "phones (E.164), e-mail, URLs, Telegram links and @handles, hashtags, BTC/ETH/TRX wallets (checksums) added to entities with values",
                  options: TracesOptions.self, requires: [("normalize", "it reads the normalised text")], make: { TracesStage(options: $0) }),
        StageSpec(name: "reposts",
                  meaning: "near-duplicate sketch (MinHash LSH on folded text); the archive clusters reposts into cluster and clusterSize",
                  options: RepostsOptions.self, requires: [("normalize", "it reads the search key")], make: { RepostsStage(options: $0) }),
    ]

    /// Languages the shipped model reports (in the order `languages:` lists them by default).
    public static let languages = DetectOptions.modelLanguages

    /// Limits accepted under `limits:`.
    public static let limits = OptionSpec.of(DocumentLimits.self)

    /// Every stage's options and the limits, as `taska pipelines --options` prints them.
    public static var optionsHelp: String {
        func lines(_ specs: [OptionSpec]) -> [String] {
            specs.flatMap { spec in
                let shown = display(spec)
                return ["    \(spec.key): \(spec.allowed.summary) (default \(shown))", "        \(spec.meaning)"]
            }
        }
        var out: [String] = []
        for stage in stages {
            out.append("\(stage.name): \(stage.meaning)")
            out += stage.options.isEmpty ? ["    (no options)"] : lines(stage.options)
        }
        out.append("limits (per document, under limits:)")
        out += lines(limits)
        return out.joined(separator: "\n") + "\n"
    }

    /// A default as a pipeline file would write it (`64M` rather than 67108864).
    private static func display(_ spec: OptionSpec) -> String {
        if case .bytes = spec.allowed, let n = Int(spec.defaultValue) { return OptionKind.formatBytes(n) }
        return spec.defaultValue
    }

    /// Sinks a pipeline file may name.
    public static let sinkNames = ["jsonl", "archive"]

    /// Checks `file` completely and builds its pipeline.
    public static func resolve(_ file: PipelineFile) throws(PipelineFile.Problem) -> ResolvedPipeline {
        func problem(_ line: Int, _ column: Int, _ message: String) -> PipelineFile.Problem {
            PipelineFile.Problem(path: file.path, line: line, column: column, message: message)
        }
        let order = stages.map(\.name)
        var built: [any Stage] = []
        var seen: [String: PipelineFile.StageEntry] = [:]
        var lastRank = -1
        var lastEntry: PipelineFile.StageEntry?
        for entry in file.stages {
            guard let rank = order.firstIndex(of: entry.name) else {
                // Spelling is an option of normalize, not a stage: say so to a file that lists one.
                let hint = entry.name == "orthography"
                    ? " (for standard Hausa/Kanuri spelling in text, give normalize the option 'orthography: standard')" : ""
                throw problem(entry.line, entry.column, "unknown stage '\(entry.name)'; allowed: \(order.joined(separator: ", "))\(hint)")
            }
            if let first = seen[entry.name] {
                throw problem(entry.line, entry.column, "duplicate stage '\(entry.name)' (first at line \(first.line)); each stage runs once")
            }
            if rank < lastRank, let lastEntry {
                throw problem(entry.line, entry.column,
                              "stage '\(entry.name)' must come before '\(lastEntry.name)' (line \(lastEntry.line)); the order is \(order.joined(separator: ", "))")
            }
            let spec = stages[rank]
            for requirement in spec.requires where seen[requirement.stage] == nil {
                throw problem(entry.line, entry.column,
                              "stage '\(entry.name)' needs stage '\(requirement.stage)' before it (\(requirement.reason)); the order is \(order.joined(separator: ", "))")
            }
            let values = try values(of: entry.options, specs: spec.options, what: "option", owner: " for stage \(entry.name)", file: file)
            built.append(spec.build(values))
            seen[entry.name] = entry
            lastRank = rank
            lastEntry = entry
        }
        guard seen["decode"] != nil else {
            let at = file.stages.first
            throw problem(at?.line ?? 1, at?.column ?? 1, "the pipeline has no 'decode' stage; every pipeline decodes its bytes (the order is \(order.joined(separator: ", ")))")
        }
        let limitValues = try values(of: file.limits, specs: limits, what: "limit", owner: "", file: file)
        let documentLimits = DocumentLimits(canonicalValues: limitValues)
        var sinks: [PipelineSink] = []
        var seenSinks: [String: Int] = [:]
        for sink in file.sinks {
            guard sinkNames.contains(sink.key) else {
                throw problem(sink.line, sink.column, "unknown sink '\(sink.key)'; allowed: \(sinkNames.joined(separator: ", "))")
            }
            if let line = seenSinks[sink.key] {
                throw problem(sink.line, sink.column, "duplicate sink '\(sink.key)' (first at line \(line))")
            }
            seenSinks[sink.key] = sink.line
            let path = sink.value.isEmpty ? nil : sink.value
            sinks.append(sink.key == "jsonl" ? .jsonl(path: path) : .archive(path: path))
        }
        let pipeline = Pipeline(name: file.name, version: TaskaVersion.string, stages: built, limits: documentLimits)
        return ResolvedPipeline(name: file.name, description: file.description, path: file.path, pipeline: pipeline, sinks: sinks)
    }

    /// Checks options against their specs; returns canonical values for every spec key.
    private static func values(of options: [PipelineFile.Option], specs: [OptionSpec], what: String, owner: String,
                               file: PipelineFile) throws(PipelineFile.Problem) -> [String: String] {
        var values: [String: String] = [:]
        var given: [String: Int] = [:]
        for option in options {
            guard let spec = specs.first(where: { $0.key == option.key }) else {
                throw PipelineFile.Problem(path: file.path, line: option.line, column: option.column,
                                           message: "unknown \(what) '\(option.key)'\(owner); allowed: \(specs.map(\.key).joined(separator: ", "))")
            }
            if let line = given[option.key] {
                throw PipelineFile.Problem(path: file.path, line: option.line, column: option.column,
                                           message: "\(what) '\(option.key)'\(owner) is given twice (first at line \(line))")
            }
            given[option.key] = option.line
            guard let canonical = spec.allowed.canonical(option.value) else {
                throw PipelineFile.Problem(path: file.path, line: option.valueLine, column: option.valueColumn,
                                           message: "bad value '\(option.value)' for \(what) '\(option.key)'\(owner.replacingOccurrences(of: " for stage", with: " of stage")); allowed: \(spec.allowed.summary)")
            }
            values[option.key] = canonical
        }
        for spec in specs where values[spec.key] == nil {
            values[spec.key] = spec.allowed.canonical(spec.defaultValue) ?? spec.defaultValue
        }
        return values
    }
}

/// The extract stage's options: the text readers' and the PDF/image reader's, declared by
/// their own modules and listed together under `extract:` in a pipeline file.
struct ExtractStageOptions: StageOptions {
    var text = ExtractOptions()
    var pdf = PDFOptions()

    static let declarations: [OptionDeclaration<ExtractStageOptions>] =
        ExtractOptions.declarations.map { $0.lifted(\.text) } + PDFOptions.declarations.map { $0.lifted(\.pdf) }
}

/// Where the records of a pipeline go when the command line names no destination.
public enum PipelineSink: Sendable, Equatable {
    /// JSON Lines to a file (`nil`: standard output).
    case jsonl(path: String?)
    /// The SQLite archive (`nil`: `taska.sqlite`).
    case archive(path: String?)
}

/// A checked pipeline file: its pipeline, description, origin and default sinks.
public struct ResolvedPipeline: Sendable {
    public var name: String
    public var description: String
    /// The file it was read from (a built-in's path inside the resource bundle).
    public var path: String
    public var pipeline: Pipeline
    /// Default destinations; empty means the command's own default.
    public var sinks: [PipelineSink]

    /// Several lines: name, description, stages with their configuration, limits, sinks, hash.
    public var summary: String {
        var lines = ["\(name): \(description)", "  hash: \(pipeline.hash)  (version \(pipeline.version))"]
        for stage in pipeline.stages { lines.append("  \(stage.name): \(stage.configuration)") }
        lines.append("  limits: \(pipeline.limits.canonicalDescription)")
        let sinkText = sinks.map { sink -> String in
            switch sink {
            case let .jsonl(path): return "jsonl \(path ?? "(standard output)")"
            case let .archive(path): return "archive \(path ?? "taska.sqlite")"
            }
        }
        lines.append("  sinks: \(sinkText.isEmpty ? "(command default)" : sinkText.joined(separator: ", "))")
        return lines.joined(separator: "\n") + "\n"
    }
}
