import Foundation
import Testing
import TaskaCore
import TaskaTestSupport
@testable import TaskaIngest

private func walk(_ roots: [String], relativeTo directory: String? = nil) throws -> (files: [InputFile], problems: [String]) {
    var files: [InputFile] = []
    var problems: [String] = []
    try FileWalker().walk(roots, relativeTo: directory, onProblem: { problems.append("\($0): \($1)") }) { files.append($0) }
    return (files, problems)
}

@Suite struct FileWalkerTests {
    @Test func walksRecursivelyInByteOrderAndSkipsHidden() throws {
        let dir = try TemporaryFolder()
        dir.write("b.txt", "b")
        dir.write("a/z.txt", "z")
        dir.write("a/.hidden.txt", "h")
        dir.write(".git/config", "x")
        let (files, _) = try walk([dir.path])
        #expect(files.map(\.path) == [dir.path + "/a/z.txt", dir.path + "/b.txt"])
    }

    @Test func pathsStayAsReachedFromTheArgument() throws {
        let dir = try TemporaryFolder()
        dir.write("x/y.txt", "y")
        dir.write("x/z/w.txt", "w")
        try FileManager.default.createSymbolicLink(atPath: dir.path("x/z/loop"), withDestinationPath: "..")
        let (files, problems) = try walk(["x"], relativeTo: dir.path)
        #expect(files.map(\.path) == ["x/y.txt", "x/z/w.txt"])
        #expect(files.allSatisfy { $0.directory == dir.path })
        #expect(files.map { String(decoding: $0.openPathBytes, as: UTF8.self) } == [dir.path("x/y.txt"), dir.path("x/z/w.txt")])
        #expect(problems == ["x/z/loop: folder already visited (symbolic link loop); skipped"])
        // A relative file argument, and an absolute one, which the directory leaves alone.
        #expect(try walk(["x/y.txt", dir.path("x/z/w.txt")], relativeTo: dir.path).files.map(\.path) == ["x/y.txt", dir.path("x/z/w.txt")])
        #expect(throws: WalkError.missing(path: "nope")) { try walk(["nope"], relativeTo: dir.path) }
    }

    @Test func withoutADirectoryPathsOpenAsGiven() {
        #expect(InputFile(path: "x/y.txt").openPathBytes == Array("x/y.txt".utf8))
        #expect(InputFile(path: "/a/b").openPathBytes == Array("/a/b".utf8))
        #expect(InputFile(path: "/a/b", relativeTo: "/c").openPathBytes == Array("/a/b".utf8))
        #expect(InputFile(path: "b", relativeTo: "/c/").openPathBytes == Array("/c/b".utf8))
    }

    @Test func symlinkLoopsEnd() throws {
        let dir = try TemporaryFolder()
        dir.write("d/file.txt", "f")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/d/loop", withDestinationPath: dir.path + "/d")
        let (files, problems) = try walk([dir.path])
        #expect(files.map(\.path) == [dir.path + "/d/file.txt"])
        #expect(problems.count == 1)
        #expect(problems.first?.contains("symbolic link loop") == true)
    }

    @Test func namesThatAreNotUTF8OrHoldNewlinesAreWalked() throws {
        let dir = try TemporaryFolder()
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
        let dir = try TemporaryFolder()
        let file = dir.write("one.txt", "1")
        #expect(try walk([file]).files.map(\.path) == [file])
    }
}

@Suite struct FileReaderTests {
    /// A relative path with a directory is opened from there and recorded as given, loaded or
    /// streamed (a container above the threshold is streamed from the same place).
    @Test func readsARelativePathFromItsDirectory() throws {
        let dir = try TemporaryFolder()
        dir.write("in/a.txt", "abc")
        let loaded = try FileReader().read(InputFile(path: "in/a.txt", relativeTo: dir.path))
        #expect(loaded.bytes == Array("abc".utf8))
        #expect(loaded.source.path == "in/a.txt")
        #expect(loaded.payloadPath == nil)
        let warc = "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
        dir.write("in/c.warc", warc)
        let streamed = try FileReader(streamingThreshold: 8).read(InputFile(path: "in/c.warc", relativeTo: dir.path))
        #expect(streamed.source.path == "in/c.warc")
        #expect(streamed.payloadPath == dir.path("in/c.warc"))
        var payload: [UInt8] = []
        let stream = try streamed.openPayload()
        var chunk = [UInt8](repeating: 0, count: 64)
        while case let n = try chunk.withUnsafeMutableBytes({ try stream.read(into: $0) }), n > 0 { payload += chunk[0..<n] }
        #expect(payload == Array(warc.utf8))
        #expect(throws: ReadError.cannotOpen(path: "in/a.txt", reason: "No such file or directory")) {
            try FileReader().read(InputFile(path: "in/a.txt", relativeTo: dir.path("elsewhere")))
        }
    }

    @Test func readsBytesHashAndSize() throws {
        let dir = try TemporaryFolder()
        let file = dir.write("a.txt", "abc")
        let doc = try FileReader().read(InputFile(path: file))
        #expect(doc.bytes == Array("abc".utf8))
        #expect(doc.source.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(doc.source.bytes == 3)
        #expect(doc.source.modified != nil)
        #expect(doc.source.pathBytes == nil)
    }

    @Test func refusesFilesOverTheLimit() throws {
        let dir = try TemporaryFolder()
        let file = dir.write("big.txt", String(repeating: "x", count: 100))
        #expect(throws: ReadError.tooLarge(path: file, bytes: 100, limit: 10)) {
            try FileReader(maxBytes: 10).read(InputFile(path: file))
        }
    }

    @Test func unreadableFileGivesActionableError() throws {
        let dir = try TemporaryFolder()
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
