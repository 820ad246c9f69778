import Foundation
import Testing
import TaskaTestSupport
@testable import TaskaDates

/// The finder on ../shared/analyst/dates/dates.tsv keeps issue 24's targets (exact accuracy
/// ≥ 0.95, false positives on ≤ 2 % of negatives); skipped when ../shared is absent.
/// scripts/eval-dates prints the scorer's full table.
@Suite struct DevSetTests {
    @Test func devSetMeetsTheTargets() throws {
        guard let path = sharedPath("analyst/dates/dates.tsv") else { return }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
        let finder = DateFinder()
        var rows = 0, exact = 0, negatives = 0, falsePositives = 0
        var seenNegatives = Set<String>()
        for line in lines {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 6 else { continue }
            let found = finder.mentions(in: f[2])
            if f[3].isEmpty {
                guard seenNegatives.insert(f[0]).inserted else { continue }
                negatives += 1
                if !found.isEmpty { falsePositives += 1 }
            } else {
                rows += 1
                if found.contains(where: { $0.text == f[3] && $0.value == f[5] && $0.calendar.rawValue == f[4] }) { exact += 1 }
            }
        }
        #expect(rows > 100 && negatives > 10)
        #expect(Double(exact) / Double(rows) >= 0.95, "exact \(exact) of \(rows)")
        #expect(Double(falsePositives) <= 0.02 * Double(negatives), "false positives \(falsePositives) of \(negatives)")
    }
}
