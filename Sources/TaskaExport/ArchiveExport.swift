import Foundation
import TaskaCore
import TaskaStore

/// Writes what the archive holds back out: records as JSON Lines, originals as files.
public enum ArchiveExport {
    /// Where an original goes under the export folder: its first path as seen, made relative
    /// and safe (no leading `/`, no `..`), with the hash appended when that name is taken.
    public static func exportPath(for paths: [String], sha256: String, taken: Set<String>) -> String {
        let first = paths.first ?? sha256
        var parts = first.split(separator: "/").filter { $0 != ".." && $0 != "." && !$0.isEmpty }.map(String.init)
        if parts.isEmpty { parts = [sha256] }
        var candidate = parts.joined(separator: "/")
        if taken.contains(candidate) { candidate += "." + sha256.prefix(12) }
        return candidate
    }

    /// Writes every stored original under `directory`; returns how many were written.
    public static func originals(from archive: Archive, to directory: String) throws -> Int {
        var taken = Set<String>()
        var count = 0
        let fm = FileManager.default
        try archive.forEachOriginal { sha, paths, bytes in
            let relative = exportPath(for: paths, sha256: sha, taken: taken)
            taken.insert(relative)
            let target = (directory as NSString).appendingPathComponent(relative)
            try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard fm.createFile(atPath: target, contents: Data(bytes)) else {
                throw SinkError.cannotCreate(path: target, reason: "the file could not be written")
            }
            count += 1
        }
        return count
    }

    /// Writes every record and error record to `sink`, in the schema of `ingest --jsonl`.
    public static func records(from archive: Archive, to sink: JSONLinesSink) throws -> Int {
        var count = 0
        try archive.forEachLine { line in
            try sink.writeLine(Array(line.utf8))
            count += 1
        }
        try sink.finish()
        return count
    }
}
