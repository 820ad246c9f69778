import Foundation
import Testing
import TaskaCore
import TaskaTestSupport
import TaskaDetect
@testable import TaskaIngest

/// Resolves `yaml` (as file `path`) and returns the problem's text, or nil when it resolves.
private func problem(_ yaml: String, path: String = "Pipelines/x.yaml") -> String? {
    do {
        _ = try StageCatalog.resolve(PipelineFile.parse(yaml, path: path))
        return nil
    } catch {
        return error.description
    }
}

/// A valid pipeline with `stages` text spliced in (line 4 is the first stage line).
private func pipeline(_ stages: String, extra: String = "") -> String {
    "name: x\ndescription: test\nstages:\n" + stages + extra
}

@Suite struct StageCatalogTests {
    /// The default pipeline's YAML resolves to exactly the pipeline the code builds.
    @Test func communiquesYAMLEqualsTheCodePipeline() throws {
        let file = try PipelineFile.load(packageRoot + "/Pipelines/communiques.yaml")
        let resolved = try StageCatalog.resolve(file)
        let code = StandardPipelines.communiques()
        #expect(resolved.pipeline.definition == code.definition)
        #expect(resolved.pipeline.hash == code.hash)
        #expect(resolved.sinks == [.archive(path: "taska.sqlite")])
        // The command-line overrides go through the file and match the code's options too.
        var options = StandardPipelines.Options()
        options.form = .nfkc
        options.removeBoilerplate = false
        let overridden = try StageCatalog.resolve(file.setting("form", to: "nfkc", inStage: "normalize")
            .setting("remove-boilerplate", to: "false", inStage: "extract"))
        #expect(overridden.pipeline.hash == StandardPipelines.communiques(options).hash)
        #expect(overridden.pipeline.hash != code.hash)
    }

    /// The copies in the TaskaIngest resources equal `Pipelines/*.yaml` byte for byte.
    @Test func shippedCopiesEqualThePipelinesFolder() throws {
        let folder = packageRoot + "/Pipelines"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names == BuiltInPipelines.names.map { $0 + ".yaml" }.sorted())
        for name in BuiltInPipelines.names {
            let source = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name).yaml"))
            let copy = try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Sources/TaskaIngest/Resources/Pipelines/\(name).yaml"))
            #expect(source == copy, "\(name).yaml differs from its copy: cp Pipelines/*.yaml Sources/TaskaIngest/Resources/Pipelines/")
            let bundled = try #require(BuiltInPipelines.path(of: name))
            #expect(try Data(contentsOf: URL(fileURLWithPath: bundled)) == source)
        }
    }

    @Test func everyBuiltInResolvesWithItsNameAndADescription() throws {
        var hashes = Set<String>()
        for name in BuiltInPipelines.names {
            let resolved = try BuiltInPipelines.resolve(name)
            #expect(resolved.name == name)
            #expect(!resolved.description.isEmpty && !resolved.description.contains("\n"))
            #expect(resolved.pipeline.stages.map(\.name).contains("decode"))
            hashes.insert(resolved.pipeline.hash)
        }
        #expect(hashes.count == BuiltInPipelines.names.count)
        let web = try BuiltInPipelines.resolve("web-archive")
        #expect(web.pipeline.limits.maxBytes == 32 << 20)
        #expect(web.pipeline.limits.maxDepth == 1000)
        #expect(web.pipeline.limits.maxSeconds == 30)
        // Listing every language the model reports is no restriction: same definition as none.
        #expect(web.pipeline.stages.first { $0.name == "detect" }?.configuration == "model=taska-langid-1 min-letters=20 declared-languages=hint languages=ha,knc,ar,en")
        let feeds = try BuiltInPipelines.resolve("feeds")
        #expect(feeds.pipeline.stages.first { $0.name == "detect" }?.configuration == "model=taska-langid-1 min-letters=12 declared-languages=hint languages=ha,knc,ar,en")
    }

    // MARK: Bad files: file, line, column, the bad key or value, the allowed ones.

    @Test func unknownOption() {
        let yaml = pipeline("  - decode\n  - normalize:\n      fom: nfc\n")
        #expect(problem(yaml) == "Pipelines/x.yaml:6:7: unknown option 'fom' for stage normalize; allowed: form, orthography")
    }

    @Test func orthographyIsANormalizeOptionWithTwoValues() throws {
        #expect(problem(pipeline("  - decode\n  - normalize:\n      orthography: boko\n"))
            == "Pipelines/x.yaml:6:20: bad value 'boko' for option 'orthography' of stage normalize; allowed: source, standard")
        // A file that lists the former stage is told where spelling is chosen.
        #expect(problem(pipeline("  - decode\n  - normalize\n  - detect\n  - orthography\n"))
            == "Pipelines/x.yaml:7:5: unknown stage 'orthography'; allowed: unarchive, unpack, decode, extract, normalize, detect, restore-hooks, dates, traces, reposts (for standard Hausa/Kanuri spelling in text, give normalize the option 'orthography: standard')")
        let standard = try StageCatalog.resolve(PipelineFile.parse(pipeline("  - decode\n  - normalize:\n      orthography: standard\n"), path: "s.yaml"))
        #expect(standard.pipeline.stages.last?.configuration == "form=nfc orthography=standard")
        let source = try StageCatalog.resolve(PipelineFile.parse(pipeline("  - decode\n  - normalize\n"), path: "s.yaml"))
        #expect(source.pipeline.stages.last?.configuration == "form=nfc orthography=source")
        #expect(standard.pipeline.hash != source.pipeline.hash)
    }

    @Test func restoreHooksComesAfterDetectWithFourApplyValues() throws {
        #expect(problem(pipeline("  - decode\n  - normalize\n  - restore-hooks\n"))
            == "Pipelines/x.yaml:6:5: stage 'restore-hooks' needs stage 'detect' before it (it acts only in segments labelled ha); the order is unarchive, unpack, decode, extract, normalize, detect, restore-hooks, dates, traces, reposts")
        #expect(problem(pipeline("  - decode\n  - normalize\n  - detect\n  - restore-hooks:\n      apply: always\n"))
            == "Pipelines/x.yaml:8:14: bad value 'always' for option 'apply' of stage restore-hooks; allowed: ocr, lost, all, none")
        let all = try StageCatalog.resolve(PipelineFile.parse(pipeline("  - decode\n  - normalize\n  - detect\n  - restore-hooks:\n      apply: all\n      min-words: 5\n"), path: "s.yaml"))
        #expect(all.pipeline.stages.last?.configuration == "model=taska-hooks-1 apply=all min-words=5 min-share=0.03 ocr-hooked-share=0.02")
        let byDefault = try StageCatalog.resolve(PipelineFile.parse(pipeline("  - decode\n  - normalize\n  - detect\n  - restore-hooks\n"), path: "s.yaml"))
        #expect(byDefault.pipeline.stages.last?.configuration == "model=taska-hooks-1 apply=ocr min-words=3 min-share=0.03 ocr-hooked-share=0.02")
    }

    @Test func tracesNeedNormalizeAndTakeKindsAndALimit() throws {
        #expect(problem(pipeline("  - decode\n  - traces\n"))
            == "Pipelines/x.yaml:5:5: stage 'traces' needs stage 'normalize' before it (it reads the normalised text); the order is unarchive, unpack, decode, extract, normalize, detect, restore-hooks, dates, traces, reposts")
        #expect(problem(pipeline("  - decode\n  - normalize\n  - traces:\n      kinds: phone,fax\n"))
            == "Pipelines/x.yaml:7:14: bad value 'phone,fax' for option 'kinds' of stage traces; allowed: a comma-separated list of url, telegram, email, wallet, phone, hashtag")
        let some = try StageCatalog.resolve(PipelineFile.parse(pipeline("  - decode\n  - normalize\n  - traces:\n      kinds: wallet, phone\n      max-per-document: 50\n"), path: "s.yaml"))
        #expect(some.pipeline.stages.last?.configuration == "kinds=wallet,phone max-per-document=50")
    }

    @Test func badValues() {
        #expect(problem(pipeline("  - decode\n  - normalize:\n      form: nfd\n"))
            == "Pipelines/x.yaml:6:13: bad value 'nfd' for option 'form' of stage normalize; allowed: nfc, nfkc")
        #expect(problem(pipeline("  - decode:\n      repair-mojibake: maybe\n"))
            == "Pipelines/x.yaml:5:24: bad value 'maybe' for option 'repair-mojibake' of stage decode; allowed: true, false")
        #expect(problem(pipeline("  - decode\n  - normalize\n  - detect:\n      min-letters: -3\n"))
            == "Pipelines/x.yaml:7:20: bad value '-3' for option 'min-letters' of stage detect; allowed: an integer from 0 to 10000")
        #expect(problem(pipeline("  - decode\n  - normalize\n  - detect:\n      languages: ha,fr\n"))
            == "Pipelines/x.yaml:7:18: bad value 'ha,fr' for option 'languages' of stage detect; allowed: a comma-separated list of ha, knc, ar, en")
        #expect(problem(pipeline("  - unpack:\n      max-record-bytes: 12X\n  - decode\n"))?
            .hasPrefix("Pipelines/x.yaml:5:25: bad value '12X' for option 'max-record-bytes' of stage unpack; allowed: a size in bytes from 1 to 16G, with an optional suffix k, M or G") == true)
    }

    @Test func unknownStageListsTheAllowed() {
        #expect(problem(pipeline("  - decode\n  - normalise\n"))
            == "Pipelines/x.yaml:5:5: unknown stage 'normalise'; allowed: unarchive, unpack, decode, extract, normalize, detect, restore-hooks, dates, traces, reposts")
    }

    @Test func stageOrderFollowsTheDataFlow() {
        #expect(problem(pipeline("  - extract\n  - decode\n"))
            == "Pipelines/x.yaml:4:5: stage 'extract' needs stage 'decode' before it (it reads the decoded text); the order is unarchive, unpack, decode, extract, normalize, detect, restore-hooks, dates, traces, reposts")
        #expect(problem(pipeline("  - decode\n  - normalize\n  - extract\n"))
            == "Pipelines/x.yaml:6:5: stage 'extract' must come before 'normalize' (line 5); the order is unarchive, unpack, decode, extract, normalize, detect, restore-hooks, dates, traces, reposts")
        #expect(problem(pipeline("  - decode\n  - detect\n"))
            == "Pipelines/x.yaml:5:5: stage 'detect' needs stage 'normalize' before it (it reads the normalised text); the order is unarchive, unpack, decode, extract, normalize, detect, restore-hooks, dates, traces, reposts")
        #expect(problem(pipeline("  - unpack\n"))?.hasPrefix("Pipelines/x.yaml:4:5: the pipeline has no 'decode' stage") == true)
    }

    @Test func duplicateStage() {
        #expect(problem(pipeline("  - decode\n  - extract\n  - extract:\n      mode: visible-blocks\n"))
            == "Pipelines/x.yaml:6:5: duplicate stage 'extract' (first at line 5); each stage runs once")
    }

    @Test func limits() throws {
        let resolved = try StageCatalog.resolve(PipelineFile.parse(
            pipeline("  - decode\n", extra: "limits:\n  max-bytes: 16M\n  max-depth: 300\n  max-nodes: 5000\n  max-seconds: 2.5\n"), path: "l.yaml"))
        #expect(resolved.pipeline.limits == DocumentLimits(maxBytes: 16 << 20, maxDepth: 300, maxNodes: 5000, maxSeconds: 2.5))
        #expect(resolved.pipeline.definition.contains("limits: max-bytes=16777216 max-depth=300 max-nodes=5000 max-seconds=2.5"))
        #expect(problem(pipeline("  - decode\n", extra: "limits:\n  max-byte: 1k\n"))
            == "Pipelines/x.yaml:6:3: unknown limit 'max-byte'; allowed: max-bytes, max-depth, max-nodes, max-seconds, max-pages, max-page-pixels, max-page-seconds")
        #expect(problem(pipeline("  - decode\n", extra: "limits:\n  max-bytes: 3T\n"))?
            .hasPrefix("Pipelines/x.yaml:6:14: bad value '3T' for limit 'max-bytes'; allowed: a size in bytes") == true)
        #expect(problem(pipeline("  - decode\n", extra: "limits:\n  max-seconds: 0\n"))
            == "Pipelines/x.yaml:6:16: bad value '0' for limit 'max-seconds'; allowed: a number from 0.001 to 86400")
        #expect(OptionKind.parseBytes("64M") == 64 << 20)
        #expect(OptionKind.parseBytes("2k") == 2048)
        #expect(OptionKind.parseBytes("1G") == 1 << 30)
        #expect(OptionKind.parseBytes("1.5M") == nil)
        #expect(OptionKind.formatBytes(64 << 20) == "64M")
    }

    @Test func sinks() throws {
        let resolved = try StageCatalog.resolve(PipelineFile.parse(
            pipeline("  - decode\n", extra: "sinks:\n  - jsonl: out.jsonl\n  - archive\n"), path: "s.yaml"))
        #expect(resolved.sinks == [.jsonl(path: "out.jsonl"), .archive(path: nil)])
        #expect(problem(pipeline("  - decode\n", extra: "sinks:\n  - csv\n"))
            == "Pipelines/x.yaml:6:5: unknown sink 'csv'; allowed: jsonl, archive")
        #expect(problem(pipeline("  - decode\n", extra: "sinks:\n  - jsonl\n  - jsonl: b\n"))
            == "Pipelines/x.yaml:7:5: duplicate sink 'jsonl' (first at line 6)")
        // Sinks do not change records, so they are not hashed.
        let without = try StageCatalog.resolve(PipelineFile.parse(pipeline("  - decode\n"), path: "s.yaml"))
        #expect(without.pipeline.hash == resolved.pipeline.hash)
    }

    @Test func aPipelineFileNameIsAFileAndABuiltInNameIsNot() {
        #expect(!BuiltInPipelines.isFileArgument("telegram"))
        #expect(BuiltInPipelines.isFileArgument("telegram.yaml"))
        #expect(BuiltInPipelines.isFileArgument("./x"))
        #expect(BuiltInPipelines.isFileArgument("nosuch"))
        #expect(throws: PipelineFile.Problem.self) { try BuiltInPipelines.locate("nosuch") }
    }
}

/// Each shipped pipeline runs on the collection type it is for; every record carries its
/// name and hash.
@Suite struct BuiltInPipelineRunTests {
    private func records(_ name: String, _ fixture: String) throws -> (ResolvedPipeline, [Record]) {
        let resolved = try BuiltInPipelines.resolve(name)
        var records: [Record] = []
        IngestRunner(pipeline: resolved.pipeline, jobs: 1).process(InputFile(path: packageRoot + "/" + fixture)) { records.append($0) }
        for record in records {
            #expect(record.pipelineName == name)
            #expect(record.pipelineHash == resolved.pipeline.hash)
        }
        return (resolved, records)
    }

    @Test func communiquesOnAnArabicPage() throws {
        let (_, records) = try records("communiques", "Fixtures/ar/akhbar-madrasa-windows-1256.html")
        #expect(records.count == 1)
        #expect(records[0].document.language == "ar-Arab")
    }

    @Test func telegramOnAChannelExport() throws {
        let (_, records) = try records("telegram", "Fixtures/telegram/labarai-kasuwa-json/result.json")
        #expect(records.count > 3)
        #expect(records.allSatisfy { !$0.isError })
        #expect(records.contains { $0.document.message != nil && $0.document.segments?.isEmpty == false })
    }

    @Test func feedsOnAnRSSFeed() throws {
        let (_, records) = try records("feeds", "Fixtures/feeds/labarai-ha.rss")
        #expect(records.count > 1)
        #expect(records.allSatisfy { !$0.isError })
        #expect(records.contains { $0.document.language == "ha-Latn" })
    }

    @Test func webArchiveOnAWARCFile() throws {
        let (_, records) = try records("web-archive", "Fixtures/warc/crawl-labarai.warc.gz")
        #expect(records.count > 1)
        #expect(records.contains { !$0.isError && $0.document.source.uri != nil && $0.document.language != nil })
    }

    /// `languages:` restricts the labels reported: others become `und`, same spans.
    @Test func detectLanguageSetReportsOthersAsUnd() throws {
        let yaml = pipeline("  - decode\n  - extract\n  - normalize\n  - detect:\n      languages: ha,en\n")
        let restricted = try StageCatalog.resolve(PipelineFile.parse(yaml, path: "r.yaml")).pipeline
        let full = try StageCatalog.resolve(PipelineFile.parse(pipeline("  - decode\n  - extract\n  - normalize\n  - detect\n"), path: "f.yaml")).pipeline
        func run(_ p: Pipeline) -> SourceDocument? {
            var out: SourceDocument?
            IngestRunner(pipeline: p, jobs: 1).process(InputFile(path: packageRoot + "/Fixtures/mixed-ha-ar/huduba-juma-utf8.html")) { out = $0.document }
            return out
        }
        let a = try #require(run(full)), b = try #require(run(restricted))
        let fullSegments = try #require(a.segments), restrictedSegments = try #require(b.segments)
        #expect(fullSegments.contains { $0.language == "ar" })
        #expect(fullSegments.count == restrictedSegments.count)
        for (x, y) in zip(fullSegments, restrictedSegments) {
            #expect(x.start == y.start && x.end == y.end && x.script == y.script)
            #expect(y.language == (["ha", "en"].contains(x.language) ? x.language : "und"))
        }
        #expect(b.languages.allSatisfy { $0.tag.hasPrefix("ha-") || $0.tag.hasPrefix("en-") || $0.tag.hasPrefix("und-") })
    }
}

/// docs/pipelines.md's stage table lists exactly the options the stages declare, in order.
@Suite struct OptionTableTests {
    @Test func documentedOptionsMatchDeclarations() throws {
        let page = try String(contentsOfFile: packagePath("docs/pipelines.md"), encoding: .utf8)
        let table = page.components(separatedBy: "## Stages and their options")[1].components(separatedBy: "\n\n")[1]
        var documented: [String] = []
        var stage = ""
        for row in table.split(separator: "\n") where row.hasPrefix("| ") {
            let cells = row.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count > 4, cells[3].hasPrefix("`") else { continue }
            if cells[1].hasPrefix("`") { stage = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
            documented.append("\(stage).\(cells[3].trimmingCharacters(in: CharacterSet(charactersIn: "`")))")
        }
        let declared = StageCatalog.stages.flatMap { stage in stage.options.map { "\(stage.name).\($0.key)" } }
        #expect(documented == declared)
    }

    @Test func everyDeclarationRoundTripsItsDefault() {
        for stage in StageCatalog.stages {
            for option in stage.options {
                #expect(option.allowed.canonical(option.defaultValue) == option.defaultValue, "\(stage.name).\(option.key)")
            }
        }
        #expect(DocumentLimits(canonicalValues: ["max-bytes": "1024", "max-seconds": "2.5"]) == DocumentLimits(maxBytes: 1024, maxSeconds: 2.5))
        #expect(DetectOptions(canonicalValues: ["languages": "ha,knc,ar,en"]).languages == nil)
        #expect(DetectOptions(canonicalValues: ["languages": "ha,en"]).languages == ["ha", "en"])
    }
}
