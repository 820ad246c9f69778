import Testing
@testable import TaskaIngest

@Suite struct PipelineFileParsingTests {
    @Test func parsesStagesWithOptionsAndPositions() throws {
        let yaml = """
        name: telegram
        description: Telegram channel exports.
        stages:
          - decode:
              repairMojibake: false
          - extract
          - normalize:
              form: nfkc
        limits:
          maxBytes: 1000
        """
        let file = try PipelineFile.parse(yaml, path: "t.yaml")
        #expect(file.name == "telegram")
        #expect(file.stages.map(\.name) == ["decode", "extract", "normalize"])
        #expect(file.stages[0].options == [.init(key: "repairMojibake", value: "false", line: 5, column: 7, valueLine: 5, valueColumn: 23)])
        #expect(file.stages[2].options.first?.value == "nfkc")
        #expect(file.limits.first?.key == "maxBytes")
    }

    @Test func unknownTopLevelKeyNamesFileLineColumnAndTheAllowedKeys() {
        do {
            _ = try PipelineFile.parse("name: x\nstagez:\n  - decode\n", path: "bad.yaml")
            Issue.record("expected a problem")
        } catch {
            #expect(error.description.hasPrefix("bad.yaml:2:1: unknown key `stagez`"))
            #expect(error.description.contains("allowed: name, description, stages"))
        }
    }

    @Test func malformedYAMLIsReportedWithItsPosition() {
        do {
            _ = try PipelineFile.parse("name: x\nstages: [decode\n", path: "broken.yaml")
            Issue.record("expected a problem")
        } catch {
            #expect(error.description.hasPrefix("broken.yaml:"))
            #expect(error.description.contains("not valid YAML"))
        }
    }

    @Test func optionsBesideTheirStageArePointedAt() {
        do {
            _ = try PipelineFile.parse("name: x\nstages:\n  - decode\n  - normalize:\n    form: nfc\n", path: "i.yaml")
            Issue.record("expected a problem")
        } catch {
            #expect(error.description == "i.yaml:5:5: `form` sits beside stage `normalize` instead of under it; indent the options of a stage deeper than its name")
        }
    }

    @Test func missingStagesAndNonScalarOptions() {
        #expect(throws: PipelineFile.Problem.self) { try PipelineFile.parse("name: x\n", path: "a.yaml") }
        #expect(throws: PipelineFile.Problem.self) {
            try PipelineFile.parse("name: x\nstages:\n  - decode:\n      repairMojibake: [1, 2]\n", path: "a.yaml")
        }
    }
}
