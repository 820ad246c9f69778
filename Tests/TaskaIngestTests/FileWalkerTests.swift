import Foundation
import Testing
import TaskaCore
@testable import TaskaIngest

/// A fresh temporary folder, removed at the end of the test.
final class TemporaryFolder {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "taska-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ contents: String) -> String {
        let full = path + "/" + name
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: full, contents: Data(contents.utf8)), "could not prepare the test's files")
        return full
    }

    /// Creates a file whose name is given as raw bytes (possibly invalid UTF-8).
    func write(rawName: [UInt8], _ contents: String) {
        let full = Array(path.utf8) + [UInt8(ascii: "/")] + rawName + [0]
        let fd = full.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644) }
        precondition(fd >= 0)
        _ = contents.utf8CString.withUnsafeBufferPointer { Foundation.write(fd, $0.baseAddress!, $0.count - 1) }
        close(fd)
    }
}

private func walk(_ roots: [String]) throws -> (files: [InputFile], problems: [String]) {
    var files: [InputFile] = []
    var problems: [String] = []
    try FileWalker().walk(roots, onProblem: { problems.append("\($0): \($1)") }) { files.append($0) }
    return (files, problems)
}

@Suite struct FileWalkerTests {
    @Test func walksRecursivelyInByteOrderAndSkipsHidden() throws {
        let dir = TemporaryFolder()
        dir.write("b.txt", "b")
        dir.write("a/z.txt", "z")
        dir.write("a/.hidden.txt", "h")
        dir.write(".git/config", "x")
        let (files, _) = try walk([dir.path])
        #expect(files.map(\.path) == [dir.path + "/a/z.txt", dir.path + "/b.txt"])
    }

    @Test func pathsStayAsReachedFromTheArgument() throws {
        let dir = TemporaryFolder()
        dir.write("x/y.txt", "y")
        let cwd = FileManager.default.currentDirectoryPath
        #expect(FileManager.default.changeCurrentDirectoryPath(dir.path), "could not prepare the test's files")
        defer { _ = FileManager.default.changeCurrentDirectoryPath(cwd) }
        let (files, _) = try walk(["x"])
        #expect(files.map(\.path) == ["x/y.txt"])
    }

    @Test func symlinkLoopsEnd() throws {
        let dir = TemporaryFolder()
        dir.write("d/file.txt", "f")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/d/loop", withDestinationPath: dir.path + "/d")
        let (files, problems) = try walk([dir.path])
        #expect(files.map(\.path) == [dir.path + "/d/file.txt"])
        #expect(problems.count == 1)
        #expect(problems.first?.contains("symbolic link loop") == true)
    }

    @Test func namesThatAreNotUTF8OrHoldNewlinesAreWalked() throws {
        let dir = TemporaryFolder()
        dir.write(rawName: [0x6C, 0xE9, 0x2E, 0x74, 0x78, 0x74], "latin-1 name")  // "lé.txt" in latin-1
        dir.write("line\nbreak.txt", "newline in name")
        dir.write("ka\u{0301}.txt", "NFD name")
        let (files, _) = try walk([dir.path])
        #expect(files.count == 3)
        #expect(files.filter { !$0.isValidUTF8 }.count == 1)
        #expect(files.contains { $0.path.hasSuffix("line\nbreak.txt") })
        #expect(files.contains { $0.pathBytes.suffix(8) == Array("ka\u{0301}.txt".utf8) })
    }

    @Test func missingArgumentThrows() {
        #expect(throws: WalkError.self) { try walk(["/nonexistent/taska/path"]) }
    }

    @Test func aSingleFileArgumentIsVisited() throws {
        let dir = TemporaryFolder()
        let file = dir.write("one.txt", "1")
        #expect(try walk([file]).files.map(\.path) == [file])
    }
}

@Suite struct FileReaderTests {
    @Test func readsBytesHashAndSize() throws {
        let dir = TemporaryFolder()
        let file = dir.write("a.txt", "abc")
        let doc = try FileReader().read(InputFile(path: file))
        #expect(doc.bytes == Array("abc".utf8))
        #expect(doc.source.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(doc.source.bytes == 3)
        #expect(doc.source.modified != nil)
        #expect(doc.source.pathBytes == nil)
    }

    @Test func refusesFilesOverTheLimit() {
        let dir = TemporaryFolder()
        let file = dir.write("big.txt", String(repeating: "x", count: 100))
        #expect(throws: ReadError.tooLarge(path: file, bytes: 100, limit: 10)) {
            try FileReader(maxBytes: 10).read(InputFile(path: file))
        }
    }

    @Test func unreadableFileGivesActionableError() throws {
        let dir = TemporaryFolder()
        let file = dir.write("locked.txt", "secret")
        chmod(file, 0)
        defer { chmod(file, 0o644) }
        // root can read anything; only check when the permission really bites.
        if getuid() != 0 {
            do {
                _ = try FileReader().read(InputFile(path: file))
                Issue.record("expected an error")
            } catch {
                #expect(error.description.contains("chmod"))
            }
        }
        let vanished = InputFile(path: dir.path + "/vanished.txt")
        #expect(throws: ReadError.self) { try FileReader().read(vanished) }
    }
}
