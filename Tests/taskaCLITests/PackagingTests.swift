import Foundation
import Testing
import TaskaTestSupport

/// The version has one source, and a moved binary finds its resources (docs/packaging.md).
@Suite struct PackagingTests {
    @Test func versionMatchesTheScriptsReading() throws {
        let script = Process()
        script.executableURL = URL(fileURLWithPath: packagePath("scripts/version"))
        let out = Pipe()
        script.standardOutput = out
        try script.run()
        let scriptVersion = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        script.waitUntilExit()
        let result = try runTaska(["--version"])
        #expect(script.terminationStatus == 0)
        #expect(result.stdout == scriptVersion)
    }

    /// A binary copied to PREFIX/bin with its bundles in PREFIX/share/taska detects and runs a
    /// built-in pipeline; TASKA_RESOURCES, when set, comes first (an empty model there fails).
    @Test func movedBinaryFindsSharedResources() throws {
        let folder = try TemporaryFolder(prefix: "taska-moved")
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder.path("bin"), withIntermediateDirectories: true)
        try fm.createDirectory(atPath: folder.path("share/taska"), withIntermediateDirectories: true)
        try fm.copyItem(atPath: taskaExecutable.path, toPath: folder.path("bin/taska"))
        let built = taskaExecutable.deletingLastPathComponent().path
        for module in ["TaskaDetect", "TaskaIngest", "TaskaRestore"] {
            let bundle = "Taska_\(module).resources"
            try fm.copyItem(atPath: built + "/" + bundle, toPath: folder.path("share/taska/" + bundle))
        }
        let moved = try run(folder.path("bin/taska"), ["detect", "Sannu da zuwa, ina kwana?"], environment: [:])
        #expect(moved.status == 0)
        #expect(moved.stdout.contains("\"language\":\"ha\""))

        try fm.createDirectory(atPath: folder.path("empty/Taska_TaskaDetect.resources"), withIntermediateDirectories: true)
        _ = folder.write("empty/Taska_TaskaDetect.resources/langid.bin", "")
        let overridden = try run(folder.path("bin/taska"), ["detect", "Sannu da zuwa"],
                                 environment: ["TASKA_RESOURCES": folder.path("empty")])
        #expect(overridden.status != 0)
    }

    private func run(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["TASKA_RESOURCES"] = nil
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}
