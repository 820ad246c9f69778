import TaskaContainers
import TaskaCore
import TaskaDates
import TaskaDecode
import TaskaDetect
import TaskaExtract
import TaskaNormalize
import TaskaReposts
import TaskaRestore
import TaskaTraces
import TaskaPDF

/// The pipelines Taska ships, built from the library's stages.
public enum StandardPipelines {
    /// Options that shape the standard pipeline.
    public struct Options: Sendable {
        public var form: NormalizationForm = .nfc
        public var repairMojibake = true
        /// Remove HTML page furniture (navigation, footers, share/related blocks); `false` keeps
        /// all visible text (`--no-boilerplate-removal`).
        public var removeBoilerplate = true
        public init() {}
    }

    /// `communiques`: unarchive (ZIP, TAR, 7z, RAR) -> unpack (WARC, gzip) -> decode -> extract ->
    /// normalise -> detect -> restore-hooks (OCR pages only) -> dates -> traces -> reposts.
    ///
    /// The CLI runs `Pipelines/communiques.yaml` through `StageCatalog`; this builds the same
    /// definition (same hash, also with `form`/`removeBoilerplate` changed — a test checks it)
    /// for library users and tests that need no file.
    public static func communiques(_ options: Options = Options()) -> Pipeline {
        Pipeline(name: "communiques", version: TaskaVersion.string, stages: [
            UnarchiveStage(options: UnarchiveOptions()),
            UnpackStage(options: UnpackOptions()),
            DecodeStage(options: DecodeOptions(repairMojibake: options.repairMojibake)),
            ExtractStage(options: ExtractOptions(removeBoilerplate: options.removeBoilerplate), formats: [PDFReader(), ImageReader()]),
            NormalizeStage(options: NormalizeOptions(form: options.form, orthography: .source)),
            DetectStage(options: DetectOptions()),
            RestoreHooksStage(options: RestoreHooksOptions(), folding: TextNormalizer()),
            DatesStage(options: DatesOptions()),
            TracesStage(options: TracesOptions()),
            RepostsStage(options: RepostsOptions()),
        ])
    }
}
