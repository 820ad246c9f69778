import Foundation
import Yams

/// A pipeline definition read from YAML (`Pipelines/*.yaml`): a name, a description and the
/// stages in order with their options, each remembered with its line and column.
///
/// The YAML only arranges and configures the library's stages; `StageCatalog` turns a
/// definition into a `Pipeline`, so there is no second code path for "YAML mode".
public struct PipelineFile: Sendable, Equatable {
    /// One option as written: key, scalar value, and where it sits.
    public struct Option: Sendable, Equatable {
        public var key: String
        public var value: String
        public var line: Int
        public var column: Int
        /// Where the value sits (the key's position when unknown).
        public var valueLine: Int
        public var valueColumn: Int

        public init(key: String, value: String, line: Int, column: Int, valueLine: Int? = nil, valueColumn: Int? = nil) {
            self.key = key
            self.value = value
            self.line = line
            self.column = column
            self.valueLine = valueLine ?? line
            self.valueColumn = valueColumn ?? column
        }
    }

    /// One stage as written.
    public struct StageEntry: Sendable, Equatable {
        public var name: String
        public var options: [Option]
        public var line: Int
        public var column: Int
    }

    public var path: String
    public var name: String
    public var description: String
    public var stages: [StageEntry]
    /// Document limits (`limits:` mapping), as written.
    public var limits: [Option]
    /// Destinations (`sinks:` list): `key` is the sink (`jsonl`, `archive`), `value` its path
    /// or empty for the default one.
    public var sinks: [Option] = []

    /// A problem in a pipeline file: where, what, and what is allowed.
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public var path: String
        public var line: Int
        public var column: Int
        public var message: String
        public var description: String { "\(path):\(line):\(column): \(message)" }
    }

    /// Parses YAML text; `path` is used in error messages.
    public static func parse(_ text: String, path: String) throws(Problem) -> PipelineFile {
        func problem(_ node: Node?, _ message: String) -> Problem {
            Problem(path: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, message: message)
        }
        let root: Node
        do {
            // Every value is read as text and checked by the stage that takes it, so the basic
            // resolver does: the default one compiles a dozen patterns (a millisecond per process).
            guard let composed = try Yams.compose(yaml: text, .basic) else { throw problem(nil, "the file is empty; a pipeline needs `name:` and `stages:`") }
            root = composed
        } catch let error as Problem {
            throw error
        } catch let error as YamlError {
            var line = 1, column = 1
            if case let .scanner(_, _, mark, _) = error { line = mark.line; column = mark.column }
            if case let .parser(_, _, mark, _) = error { line = mark.line; column = mark.column }
            throw Problem(path: path, line: line, column: column, message: "not valid YAML: \(error)")
        } catch {
            throw problem(nil, "not valid YAML: \(error)")
        }
        guard let mapping = root.mapping else { throw problem(root, "the top level must be a mapping with `name:`, `description:` and `stages:`") }
        let allowedTop = ["name", "description", "stages", "limits", "sinks"]
        var name: String?, description = "", stages: [StageEntry] = [], limits: [Option] = [], sinks: [Option] = []
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "name":
                guard let s = value.string, !s.isEmpty else { throw problem(value, "`name` must be a non-empty string") }
                name = s
            case "description":
                description = value.string ?? ""
            case "stages":
                guard let sequence = value.sequence else { throw problem(value, "`stages` must be a list, e.g. `- decode:`") }
                for item in sequence {
                    if let stageName = item.scalar?.string {
                        stages.append(StageEntry(name: stageName, options: [], line: item.mark?.line ?? 1, column: item.mark?.column ?? 1))
                        continue
                    }
                    if let itemMap = item.mapping, itemMap.count > 1, let (stageKey, _) = itemMap.first {
                        let stray = Array(itemMap)[1].key
                        throw problem(stray, "`\(stray.string ?? "")` sits beside stage `\(stageKey.string ?? "")` instead of under it; indent the options of a stage deeper than its name")
                    }
                    guard let itemMap = item.mapping, itemMap.count == 1, let (stageKey, optionsNode) = itemMap.first else {
                        throw problem(item, "each stage is `- NAME:` followed by its options")
                    }
                    var options: [Option] = []
                    if optionsNode.null == nil {
                        guard let optionMap = optionsNode.mapping else {
                            throw problem(optionsNode, "options of stage `\(stageKey.string ?? "")` must be a mapping of `key: value`")
                        }
                        for (k, v) in optionMap {
                            guard let scalar = v.scalar else { throw problem(v, "option `\(k.string ?? "")` must be a single value") }
                            options.append(Option(key: k.string ?? "", value: scalar.string, line: k.mark?.line ?? 1, column: k.mark?.column ?? 1,
                                                  valueLine: v.mark?.line, valueColumn: v.mark?.column))
                        }
                    }
                    stages.append(StageEntry(name: stageKey.string ?? "", options: options,
                                             line: stageKey.mark?.line ?? 1, column: stageKey.mark?.column ?? 1))
                }
            case "limits":
                guard let limitMap = value.mapping else { throw problem(value, "`limits` must be a mapping of `key: value`") }
                for (k, v) in limitMap {
                    guard let scalar = v.scalar else { throw problem(v, "limit `\(k.string ?? "")` must be a single value") }
                    limits.append(Option(key: k.string ?? "", value: scalar.string, line: k.mark?.line ?? 1, column: k.mark?.column ?? 1,
                                         valueLine: v.mark?.line, valueColumn: v.mark?.column))
                }
            case "sinks":
                guard let sequence = value.sequence else { throw problem(value, "`sinks` must be a list, e.g. `- jsonl` or `- archive: taska.sqlite`") }
                for item in sequence {
                    if let sink = item.scalar?.string {
                        sinks.append(Option(key: sink, value: "", line: item.mark?.line ?? 1, column: item.mark?.column ?? 1))
                    } else if let itemMap = item.mapping, itemMap.count == 1, let (k, v) = itemMap.first, let path = v.scalar?.string {
                        sinks.append(Option(key: k.string ?? "", value: path, line: k.mark?.line ?? 1, column: k.mark?.column ?? 1))
                    } else {
                        throw problem(item, "each sink is `- NAME` or `- NAME: PATH` (NAME: jsonl, archive)")
                    }
                }
            default:
                throw problem(keyNode, "unknown key `\(key)`; allowed: \(allowedTop.joined(separator: ", "))")
            }
        }
        guard let name else { throw problem(root, "missing `name:`") }
        guard !stages.isEmpty else { throw problem(root, "missing `stages:` (at least one stage)") }
        return PipelineFile(path: path, name: name, description: description, stages: stages, limits: limits, sinks: sinks)
    }

    /// The same definition with option `key` of stage `stage` set to `value` (added when the
    /// file does not set it; nothing happens when the stage is absent). Command-line flags such
    /// as `--form` go through here, so they are checked and resolved like the file itself.
    public func setting(_ key: String, to value: String, inStage stage: String) -> PipelineFile {
        var copy = self
        guard let index = copy.stages.firstIndex(where: { $0.name == stage }) else { return copy }
        if let option = copy.stages[index].options.firstIndex(where: { $0.key == key }) {
            copy.stages[index].options[option].value = value
        } else {
            let entry = copy.stages[index]
            copy.stages[index].options.append(Option(key: key, value: value, line: entry.line, column: entry.column))
        }
        return copy
    }

    /// Reads and parses a file.
    public static func load(_ path: String) throws(Problem) -> PipelineFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(path: path, line: 1, column: 1, message: "cannot read the file")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }
}
