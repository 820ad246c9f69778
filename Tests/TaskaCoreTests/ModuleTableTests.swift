import Foundation
import Testing
import TaskaTestSupport

/// docs/development.md's module table says what Package.swift says: the same targets, each
/// with the same dependencies on other targets of the package.
@Suite struct ModuleTableTests {
    /// Target name → names of the package's own targets it depends on, from Package.swift.
    static func packageTargets() throws -> [String: Set<String>] {
        let manifest = try String(contentsOfFile: packagePath("Package.swift"), encoding: .utf8)
        let quoted = try Regex(#""([A-Za-z0-9]+)""#)
        var targets: [String: [String]] = [:]
        for chunk in manifest.components(separatedBy: "\n        .").dropFirst() {
            guard chunk.hasPrefix("target(") || chunk.hasPrefix("executableTarget(") || chunk.hasPrefix("systemLibrary("),
                  let name = chunk.firstMatch(of: quoted)?.output[1].substring.map(String.init) else { continue }
            var deps: [String] = []
            if let start = chunk.range(of: "dependencies: [") {
                let rest = chunk[start.upperBound...]
                var depth = 1, end = rest.startIndex
                for i in rest.indices {
                    if rest[i] == "[" { depth += 1 } else if rest[i] == "]" { depth -= 1; if depth == 0 { end = i; break } }
                }
                deps = rest[..<end].matches(of: quoted).compactMap { $0.output[1].substring.map(String.init) }
            }
            targets[name] = deps
        }
        let names = Set(targets.keys)
        return targets.mapValues { Set($0.filter(names.contains)) }
    }

    /// Module → the package's targets named in its "depends on" cell, from the docs table.
    static func documentedTargets(names: Set<String>) throws -> [String: Set<String>] {
        let page = try String(contentsOfFile: packagePath("docs/development.md"), encoding: .utf8)
        let ticked = try Regex("`([A-Za-z0-9]+)`")
        var out: [String: Set<String>] = [:]
        for line in page.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 5, let module = cells[1].firstMatch(of: ticked)?.output[1].substring.map(String.init),
                  names.contains(module) else { continue }
            out[module] = Set(cells[3].matches(of: ticked).compactMap { $0.output[1].substring.map(String.init) }
                .filter(names.contains))
        }
        return out
    }

    @Test func developmentPageMatchesPackageSwift() throws {
        let package = try Self.packageTargets()
        #expect(package["TaskaServe"] != nil && package["TaskaCore"] != nil, "Package.swift parsed: \(package.keys.sorted())")
        let documented = try Self.documentedTargets(names: Set(package.keys))
        for (target, deps) in package.sorted(by: { $0.key < $1.key }) {
            #expect(documented[target] == deps, "docs/development.md, \(target): documented \(documented[target].map { $0.sorted() } ?? []), Package.swift \(deps.sorted())")
        }
    }

    /// The reading room reaches no ingestion stage, libxml2, ICU or the language model.
    @Test func readingRoomDependsOnArchiveAndSearchOnly() throws {
        let package = try Self.packageTargets()
        var reached = Set<String>(), queue = ["TaskaServe"]
        while let t = queue.popLast() {
            for d in package[t] ?? [] where reached.insert(d).inserted { queue.append(d) }
        }
        for banned in ["TaskaIngest", "TaskaExtract", "TaskaDecode", "TaskaNormalize", "TaskaDetect", "CLibXML2", "CICUShim"] {
            #expect(!reached.contains(banned), "TaskaServe reaches \(banned)")
        }
    }
}
