import ArgumentParser
import Foundation
import TaskaCore
import TaskaExport
import TaskaIngest
import TaskaStore

extension Taska {
    /// `taska export`: records and originals back out of the archive.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export records (JSON Lines, as ingest writes them) and original files from the archive.")

        @OptionGroup var archiveOption: ArchiveOption

        @Option(name: .long, help: ArgumentHelp("Write records as JSON Lines to FILE ('-' for standard output).", valueName: "FILE"))
        var jsonl: String?

        @Option(name: .long, help: ArgumentHelp("Write every stored original under DIR, by the path it was first seen under.", valueName: "DIR"))
        var originals: String?

        @Option(name: .long, help: ArgumentHelp("Write a BagIt bag (RFC 8493) with originals, records and PREMIS metadata to the new folder DIR.", valueName: "DIR"))
        var bag: String?

        func validate() throws {
            guard jsonl != nil || originals != nil || bag != nil else {
                throw ValidationError("Say what to export: --jsonl FILE, --originals DIR and/or --bag DIR.")
            }
        }

        func run() throws {
            do {
                let archive = try Archive(path: archiveOption.archive, readOnly: true)
                if let jsonl {
                    let n = try ArchiveExport.records(from: archive, to: try JSONLinesSink(path: jsonl))
                    FileHandle.standardError.write(Data("Exported \(n) records.\n".utf8))
                }
                if let originals {
                    let n = try ArchiveExport.originals(from: archive, to: originals)
                    FileHandle.standardError.write(Data("Exported \(n) originals to \(originals).\n".utf8))
                }
                if let bag {
                    let s = try BagExporter().export(archive, to: bag)
                    FileHandle.standardError.write(Data("Wrote bag \(bag): \(s.objects) objects, \(s.payloadFiles) payload files, \(s.payloadBytes) bytes.\n".utf8))
                }
            } catch let error as CustomStringConvertible {
                throw RunFailure(description: error.description)
            }
        }
    }

    /// `taska verify`: fixity check of every stored original.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Re-hash every stored original; exit 1 naming each one that no longer matches.")

        @OptionGroup var archiveOption: ArchiveOption

        func run() throws {
            let result: (checked: Int, failures: [FixityFailure])
            do {
                result = try Archive(path: archiveOption.archive, readOnly: true).verify()
            } catch { throw RunFailure(description: error.description) }
            for failure in result.failures {
                let names = failure.paths.joined(separator: ", ")
                FileHandle.standardError.write(Data("MISMATCH \(names): stored as sha256 \(failure.sha256), bytes now hash to \(failure.actual)\n".utf8))
            }
            print("Checked \(result.checked) originals: \(result.checked - result.failures.count) intact, \(result.failures.count) damaged.")
            if !result.failures.isEmpty { throw ExitCode(1) }
        }
    }

    /// `taska stats`: what the archive holds.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "Count documents by language, format, charset and month, and errors.")

        @OptionGroup var archiveOption: ArchiveOption

        @Flag(name: .long, help: "Print JSON.")
        var json = false

        func run() throws {
            let s: ArchiveStats
            do { s = try Archive(path: archiveOption.archive, readOnly: true).stats() } catch { throw RunFailure(description: error.description) }
            func table(_ rows: [(String, Int)]) -> JSONValue { .object(rows.map { ($0.0, .int($0.1)) }) }
            if json {
                print(JSONValue.object([
                    ("documents", .int(s.documents)), ("records", .int(s.records)), ("errors", .int(s.errors)),
                    ("originalBytes", .int(s.originalBytes)), ("byLanguage", table(s.byLanguage)),
                    ("byFormat", table(s.byFormat)), ("byCharset", table(s.byCharset)), ("byMonth", table(s.byMonth)),
                ]).serialized())
                return
            }
            var out = "\(s.documents) documents, \(s.records) records, \(s.errors) errors, \(s.originalBytes) bytes of originals\n"
            for (title, rows) in [("language", s.byLanguage), ("format", s.byFormat), ("charset", s.byCharset), ("month", s.byMonth)] {
                out += "\nby \(title):\n"
                for (key, n) in rows { out += "  \(key.padding(toLength: max(key.count, 24), withPad: " ", startingAt: 0)) \(n)\n" }
            }
            print(out, terminator: "")
        }
    }
}

extension Taska {
    /// `taska merge A B … --into C`: combine shard archives.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge archives (for example the shards of a job array) into one; merging again adds nothing.")

        @Argument(help: "Archives to merge.")
        var archives: [String]

        @Option(name: .long, help: ArgumentHelp("The archive to merge into (created when missing).", valueName: "PATH"))
        var into: String

        func validate() throws {
            guard !archives.isEmpty else { throw ValidationError("Name at least one archive to merge.") }
            for path in archives where !FileManager.default.fileExists(atPath: path) {
                throw ValidationError("\(path): no such archive.")
            }
            if archives.contains(into) { throw ValidationError("--into \(into) is also one of the archives to merge.") }
        }

        func run() throws {
            do {
                let lock = try ArchiveLock(archive: into)
                defer { withExtendedLifetime(lock) {} }
                let target = try Archive(path: into)
                for path in archives {
                    let s = try target.merge(from: path)
                    print("\(path): +\(s.documents) documents, +\(s.records) records, +\(s.errors) errors, +\(s.sightings) sightings")
                }
            } catch let error as CustomStringConvertible { throw RunFailure(description: error.description) }
        }
    }
}
