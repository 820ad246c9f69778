import Foundation
import Testing
import TaskaTestSupport

/// Suites run in parallel in one process, which has one working directory: a test that
/// changes it moves every other test's relative paths. Tests reach files by absolute path
/// (`TaskaTestSupport`) or pass a base directory (`relativeTo:`) instead.
@Suite struct WorkingDirectoryTests {
    @Test func noTestChangesTheWorkingDirectory() throws {
        // The calls that change the process's working directory, Foundation's and the C
        // library's `chdir`/`fchdir` (spelled in pieces so this file does not match itself).
        let forbidden = try Regex("changeCurrent" + "DirectoryPath" + #"|\bf?ch"# + #"dir\s*\("#)
        let tests = packagePath("Tests")
        let enumerator = try #require(FileManager.default.enumerator(atPath: tests))
        var scanned = 0
        var offenders: [String] = []
        while let name = enumerator.nextObject() as? String {
            guard name.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: tests + "/" + name, encoding: .utf8)
            scanned += 1
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(forbidden) {
                offenders.append("Tests/\(name):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(scanned > 50, "found only \(scanned) test sources under \(tests)")
        #expect(offenders.isEmpty, "tests must not change the working directory:\n\(offenders.joined(separator: "\n"))")
    }
}
