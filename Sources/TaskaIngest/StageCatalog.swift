import Foundation
import TaskaCore
import TaskaDecode
import TaskaDetect
import TaskaExtract
import TaskaNormalize
import TaskaOCR
import TaskaPDF

/// The one place that turns a pipeline file into a `Pipeline` of the library's stages.
///
/// Every stage declares its option keys and their allowed values here, so a pipeline file is
/// checked completely before anything runs and every error names the file, line, column, the
/// bad key or value and what is allowed. `StandardPipelines` and the CLI both go through it.
public enum StageCatalog {
    /// What an option (or limit) accepts.
    public enum Allowed: Sendable {
        case bool
        case oneOf([String])
        case integer(ClosedRange<Int>)
        /// A size in bytes; the suffixes `k`, `M`, `G` multiply by 1024, 1024², 1024³.
        case bytes(ClosedRange<Int>)
        case number(ClosedRange<Double>)
        /// A comma-separated, non-empty list of distinct values from the set.
        case subset([String])

        /// The allowed values in words, as shown in error messages.
        public var summary: String {
            switch self {
            case .bool: return "true, false"
            case let .oneOf(values): return values.joined(separator: ", ")
            case let .integer(range): return "an integer from \(range.lowerBound) to \(range.upperBound)"
            case let .bytes(range):
                return "a size in bytes from \(range.lowerBound) to \(StageCatalog.formatBytes(range.upperBound)), with an optional suffix k, M or G (e.g. 64M)"
            case let .number(range): return "a number from \(Self.plain(range.lowerBound)) to \(Self.plain(range.upperBound))"
            case let .subset(values): return "a comma-separated list of \(values.joined(separator: ", "))"
            }
        }

        static func plain(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }

        /// The canonical text of `raw`, or nil when it is not allowed.
        func canonical(_ raw: String) -> String? {
            let value = raw.trimmingCharacters(in: .whitespaces)
            switch self {
            case .bool:
                return value == "true" || value == "false" ? value : nil
            case let .oneOf(values):
                return values.contains(value) ? value : nil
            case let .integer(range):
                guard let n = Int(value), range.contains(n) else { return nil }
                return String(n)
            case let .bytes(range):
                guard let n = StageCatalog.parseBytes(value), range.contains(n) else { return nil }
                return String(n)
            case let .number(range):
                guard let d = Double(value), d.isFinite, range.contains(d) else { return nil }
                return String(d)
            case let .subset(values):
                let items = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                guard !items.isEmpty, items.allSatisfy(values.contains), Set(items).count == items.count else { return nil }
                return items.joined(separator: ",")
            }
        }
    }

    /// One option of a stage: its key, what it accepts, its default and its meaning.
    public struct OptionSpec: Sendable {
        public var key: String
        public var allowed: Allowed
        public var defaultValue: String
        public var meaning: String
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
    }

    /// The stages in data-flow order: a pipeline lists a subset of them in this order.
    public static let stages: [StageSpec] = [
        StageSpec(
            name: "unpack", meaning: "opens WARC and gzip containers (one document per text record)",
            options: [
                OptionSpec(key: "max-record-bytes", allowed: .bytes(1...(1 << 34)), defaultValue: String(UnpackOptions().maxRecordBytes),
                           meaning: "largest payload of one WARC record or gunzipped file"),
                OptionSpec(key: "max-ratio", allowed: .integer(2...100_000), defaultValue: String(UnpackOptions().maxRatio),
                           meaning: "gzip-bomb guard: most output bytes per compressed byte past 100 MiB"),
            ],
            requires: [],
            build: { UnpackStage(options: UnpackOptions(maxRecordBytes: Int($0["max-record-bytes"]!)!, maxRatio: Int($0["max-ratio"]!)!)) }),
        StageSpec(
            name: "decode", meaning: "bytes to text: charset from BOM, transport, declaration or detection",
            options: [
                OptionSpec(key: "repair-mojibake", allowed: .bool, defaultValue: String(DecodeOptions().repairMojibake),
                           meaning: "repair UTF-8 that was decoded as windows-1252 and re-encoded"),
            ],
            requires: [],
            build: { DecodeStage(options: DecodeOptions(repairMojibake: $0["repair-mojibake"] == "true")) }),
        StageSpec(
            name: "extract", meaning: "text to title, metadata and blocks, by format (PDF and page images with OCR, HTML, feeds, TEI, Telegram, text)",
            options: [
                OptionSpec(key: "mode", allowed: .oneOf([ExtractOptions.Mode.visibleBlocks.rawValue]), defaultValue: ExtractOptions().mode.rawValue,
                           meaning: "which blocks are read"),
                OptionSpec(key: "remove-boilerplate", allowed: .bool, defaultValue: String(ExtractOptions().removeBoilerplate),
                           meaning: "remove HTML page furniture (navigation, footers, share and related blocks)"),
                OptionSpec(key: "ocr", allowed: .oneOf(PDFOptions.OCRMode.allCases.map(\.rawValue)), defaultValue: PDFOptions().ocr.rawValue,
                           meaning: "when PDF pages are read by OCR: auto (pages whose text layer is missing or poor), always, never"),
                OptionSpec(key: "ocr-models", allowed: .oneOf(OCRModels.allCases.map(\.rawValue)), defaultValue: PDFOptions().models.rawValue,
                           meaning: "OCR script models: auto (chosen per page from the page), latin, arabic, both"),
                OptionSpec(key: "ocr-dpi", allowed: .integer(72...600), defaultValue: String(PDFOptions().dpi),
                           meaning: "resolution PDF pages are rendered at for OCR"),
            ],
            requires: [("decode", "it reads the decoded text")],
            build: { values in
                let pdf = PDFOptions(ocr: PDFOptions.OCRMode(rawValue: values["ocr"]!)!, models: OCRModels(rawValue: values["ocr-models"]!)!,
                                     dpi: Int(values["ocr-dpi"]!)!)
                return ExtractStage(options: ExtractOptions(mode: ExtractOptions.Mode(rawValue: values["mode"]!)!, removeBoilerplate: values["remove-boilerplate"] == "true"),
                                    formats: [PDFReader(options: pdf), ImageReader(options: pdf)])
            }),
        StageSpec(
            name: "normalize", meaning: "Unicode cleanup, paragraphs, direction, scripts, search key",
            options: [
                OptionSpec(key: "form", allowed: .oneOf(NormalizationForm.allCases.map(\.rawValue)), defaultValue: NormalizeOptions().form.rawValue,
                           meaning: "Unicode normalisation form of the text"),
                OptionSpec(key: "orthography", allowed: .oneOf(Orthography.allCases.map(\.rawValue)), defaultValue: NormalizeOptions().orthography.rawValue,
                           meaning: "Hausa/Kanuri letters in text: source keeps the source's; standard writes ɓ ɗ ƙ ʼy ə where a paragraph looks Hausa or Kanuri"),
            ],
            requires: [("decode", "it reads the decoded text")],
            build: { NormalizeStage(options: NormalizeOptions(form: NormalizationForm(rawValue: $0["form"]!)!, orthography: Orthography(rawValue: $0["orthography"]!)!)) }),
        StageSpec(
            name: "detect", meaning: "language segments with calibrated confidence",
            options: [
                OptionSpec(key: "model", allowed: .oneOf(["taska-langid-1"]), defaultValue: "taska-langid-1", meaning: "the language model"),
                OptionSpec(key: "min-letters", allowed: .integer(0...10_000), defaultValue: String(DetectOptions().minimumLetters),
                           meaning: "shorter sentence pieces take their paragraph's language"),
                OptionSpec(key: "declared-languages", allowed: .oneOf(["hint", "ignore"]), defaultValue: "hint",
                           meaning: "whether HTML lang attributes hint low-confidence pieces"),
                OptionSpec(key: "languages", allowed: .subset(StageCatalog.languages), defaultValue: StageCatalog.languages.joined(separator: ","),
                           meaning: "languages that may be reported; others become und"),
            ],
            requires: [("normalize", "it reads the normalised text")],
            build: { values in
                let languages = values["languages"]!.split(separator: ",").map(String.init)
                return DetectStage(options: DetectOptions(minimumLetters: Int(values["min-letters"]!)!,
                                                          useDeclaredLanguages: values["declared-languages"] == "hint",
                                                          languages: languages == StageCatalog.languages ? nil : languages))
            }),
    ]

    /// Languages the shipped model reports (in the order `languages:` lists them by default).
    public static let languages = ["ha", "knc", "ar", "en"]

    /// Limits accepted under `limits:` (keys from `DocumentLimits.keys`).
    public static let limits: [OptionSpec] = {
        let d = DocumentLimits()
        let allowed: [String: (Allowed, String)] = [
            "max-bytes": (.bytes(1...(1 << 40)), String(d.maxBytes)),
            "max-depth": (.integer(1...1_000_000), String(d.maxDepth)),
            "max-nodes": (.integer(1...1_000_000_000), String(d.maxNodes)),
            "max-seconds": (.number(0.001...86_400), String(d.maxSeconds)),
            "max-pages": (.integer(1...1_000_000), String(d.maxPages)),
            "max-page-pixels": (.integer(10_000...1_000_000_000), String(d.maxPagePixels)),
            "max-page-seconds": (.number(0.1...3_600), String(d.maxPageSeconds)),
        ]
        return DocumentLimits.keys.map { key, meaning in
            OptionSpec(key: key, allowed: allowed[key]?.0 ?? .integer(1...Int.max), defaultValue: allowed[key]?.1 ?? "", meaning: meaning)
        }
    }()

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
        let documentLimits = DocumentLimits(maxBytes: Int(limitValues["max-bytes"]!)!, maxDepth: Int(limitValues["max-depth"]!)!,
                                            maxNodes: Int(limitValues["max-nodes"]!)!, maxSeconds: Double(limitValues["max-seconds"]!)!,
                                            maxPages: Int(limitValues["max-pages"]!)!, maxPagePixels: Int(limitValues["max-page-pixels"]!)!,
                                            maxPageSeconds: Double(limitValues["max-page-seconds"]!)!)
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

    /// `64M` → 67108864; suffixes k, M, G (powers of 1024); nil when not a size.
    public static func parseBytes(_ text: String) -> Int? {
        var digits = Substring(text)
        var factor = 1
        switch text.last {
        case "k", "K": factor = 1 << 10
        case "M": factor = 1 << 20
        case "G": factor = 1 << 30
        default: break
        }
        if factor > 1 { digits = digits.dropLast() }
        guard let n = Int(digits), n >= 0 else { return nil }
        let (product, overflow) = n.multipliedReportingOverflow(by: factor)
        return overflow ? nil : product
    }

    /// 67108864 → `64M` (exact multiples only), else the plain number.
    public static func formatBytes(_ n: Int) -> String {
        for (suffix, factor) in [("G", 1 << 30), ("M", 1 << 20), ("k", 1 << 10)] where n >= factor && n % factor == 0 {
            return "\(n / factor)\(suffix)"
        }
        return String(n)
    }
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
