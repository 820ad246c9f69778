import ArgumentParser
import Foundation
import TaskaCore
import TaskaNormalize
import TaskaSearch
import TaskaStore

extension Taska {
    /// `taska search QUERY`: ranked full-text search over the archive.
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search the archive (Arabic with or without harakat, Hausa ƙ or legacy k').")

        @OptionGroup var archiveOption: ArchiveOption

        @Argument(help: "Words to find (all must occur).")
        var query: [String]

        @Option(name: .long, help: "Only records in this language (ha, knc, ar, en, or a full tag like knc-Arab).")
        var language: String?

        @Option(name: .long, help: ArgumentHelp("Only records dated on or after this day.", valueName: "YYYY-MM-DD"))
        var since: String?

        @Option(name: .long, help: ArgumentHelp("Only records dated on or before this day.", valueName: "YYYY-MM-DD"))
        var until: String?

        @Option(name: .long, help: "At most this many hits.")
        var limit: Int = 20

        @Flag(name: .long, help: "One JSON object per hit.")
        var json = false

        func validate() throws {
            guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000; got \(limit).") }
            for (name, value) in [("--since", since), ("--until", until)] {
                if let value, !ArchiveQuery.isDay(value) {
                    throw ValidationError("\(name) takes a day as YYYY-MM-DD; got \(value).")
                }
            }
            guard query.joined().count <= 500 else { throw ValidationError("The query is longer than 500 characters.") }
        }


        func run() throws {
            let archive: Archive
            do { archive = try Archive(path: archiveOption.archive, readOnly: true) } catch { throw RunFailure(description: error.description) }
            let results: [SearchResult]
            do {
                results = try ArchiveSearch(folding: TextNormalizer()).search(archive, query: query.joined(separator: " "), language: language,
                                                     since: since, until: until, limit: limit)
            } catch { throw RunFailure(description: error.description) }
            // Hits in bold on a terminal; «…» when the output goes to a file or a pipe.
            let (open, close) = isatty(STDOUT_FILENO) == 1 ? ("\u{1B}[1m", "\u{1B}[0m") : ("«", "»")
            var out = ""
            for result in results {
                let h = result.hit
                if json {
                    out += JSONValue.object([
                        ("id", .string(h.recordId)), ("title", .string(h.title)), ("language", .string(h.language)),
                        ("date", .string(h.published)), ("path", .string(h.path)), ("snippet", result.snippet.json),
                        ("rank", .double(h.rank)),
                    ]).serialized() + "\n"
                } else {
                    let title = h.title ?? "(untitled)"
                    out += "\(title)  [\(h.language ?? "und")]  \(h.published ?? "")\n  \(h.path)\n  \(result.snippet.rendered(open: open, close: close))\n\n"
                }
            }
            if !json && results.isEmpty {
                FileHandle.standardError.write(Data("No records match.\n".utf8))
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }
}
