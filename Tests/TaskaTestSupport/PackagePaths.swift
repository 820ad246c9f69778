import Foundation

// Where the tests find the package's own files and the optional `../shared` data: always by
// absolute path. The working directory is one per process and suites run in parallel, so no
// test may change it or read files relative to it (`NoWorkingDirectoryChangeTests` checks).

/// The package root (the folder holding `Package.swift`), from this file's path
/// (`Tests/TaskaTestSupport/PackagePaths.swift`).
public let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// `packageRoot` as a file URL.
public let packageRootURL = URL(fileURLWithPath: packageRoot, isDirectory: true)

/// `<packageRoot>/<relative>` (`packagePath("Pipelines/feeds.yaml")`).
public func packagePath(_ relative: String) -> String {
    packageRoot + "/" + relative
}

/// `<packageRoot>/Fixtures/<relative>` (`fixturePath("ha/labari.html")`).
public func fixturePath(_ relative: String) -> String {
    packageRoot + "/Fixtures/" + relative
}

/// The bytes of the file at `path`.
public func fileBytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}

/// Where `../shared` beside the package root is, whether or not it exists (see `sharedRoot`).
public let sharedRootURL = packageRootURL.deletingLastPathComponent().appendingPathComponent("shared", isDirectory: true)

/// `../shared` beside the package root (reference samples, corpora, the extraction benchmark);
/// `nil` when it is absent, so the tests that need it skip.
public let sharedRoot: String? = {
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: sharedRootURL.path, isDirectory: &isDirectory)
    return exists && isDirectory.boolValue ? sharedRootURL.path : nil
}()

/// `../shared/<relative>` when it exists (`sharedPath("formats/warc")`), else `nil`.
public func sharedPath(_ relative: String) -> String? {
    guard let sharedRoot else { return nil }
    let path = sharedRoot + "/" + relative
    return FileManager.default.fileExists(atPath: path) ? path : nil
}

/// `../shared/corpora` when it exists, else `nil`.
public var corporaRoot: String? { sharedPath("corpora") }
