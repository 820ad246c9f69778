import Foundation
import Testing
import TaskaTestSupport

/// libarchive is reached from one file only, which owns and frees every handle.
@Suite struct ArchiveBoundaryTests {
    @Test func onlyTheReaderImportsLibarchive() throws {
        let sources = packagePath("Sources")
        let files = FileManager.default.enumerator(atPath: sources)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 50)
        let importing = try files.filter { file in
            try String(contentsOfFile: sources + "/" + file, encoding: .utf8).contains("import CArchive")
        }
        #expect(importing == ["TaskaContainers/LibArchive/ArchiveReader.swift"])
    }
}
