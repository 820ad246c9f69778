import Foundation
import Testing
import TaskaTestSupport
@testable import TaskaTraces

/// The finder on Tests/TaskaTracesTests/traces/dev.jsonl keeps issue 24's target: precision and recall
/// ≥ 0.98 for every kind and every language (a trace counts when kind, offsets and value agree).
/// scripts/eval-traces prints the full table from the CLI.
@Suite struct DevSetTests {
    struct Row: Decodable {
        struct Truth: Decodable, Hashable {
            var kind: String
            var start: Int
            var end: Int
            var value: String
        }
        var id: String
        var lang: String
        var text: String
        var traces: [Truth]
    }

    @Test func devSetMeetsTheTarget() throws {
        let lines = try String(contentsOfFile: packagePath("Tests/TaskaTracesTests/traces/dev.jsonl"), encoding: .utf8).split(separator: "\n")
        let finder = TraceFinder()
        var counts: [String: (tp: Int, found: Int, truth: Int)] = [:]
        var misses: [String] = []
        for line in lines {
            let row = try JSONDecoder().decode(Row.self, from: Data(line.utf8))
            let truth = Set(row.traces)
            let found = Set(finder.traces(in: row.text).map { Row.Truth(kind: $0.kind.rawValue, start: $0.start, end: $0.end, value: $0.value) })
            for t in truth.union(found) {
                for group in ["kind=\(t.kind)", "lang=\(row.lang)"] {
                    var c = counts[group] ?? (0, 0, 0)
                    if truth.contains(t) && found.contains(t) { c.tp += 1 }
                    if found.contains(t) { c.found += 1 }
                    if truth.contains(t) { c.truth += 1 }
                    counts[group] = c
                }
                if truth.contains(t) != found.contains(t) { misses.append("\(row.id) \(truth.contains(t) ? "missed" : "false") \(t)") }
            }
        }
        #expect(lines.count > 150)
        #expect(Set(counts.keys.filter { $0.hasPrefix("kind=") }).count == TraceKind.allCases.count)
        for (group, c) in counts.sorted(by: { $0.key < $1.key }) {
            let precision = c.found == 0 ? 1 : Double(c.tp) / Double(c.found)
            let recall = c.truth == 0 ? 1 : Double(c.tp) / Double(c.truth)
            #expect(precision >= 0.98 && recall >= 0.98, "\(group): precision \(precision), recall \(recall); \(misses.prefix(10))")
        }
    }
}
