import ArgumentParser
import Foundation
import TaskaCore
import TaskaNormalize
import TaskaSearch
import TaskaStore
import TaskaTraces

extension Taska {
    /// `taska search QUERY`: ranked full-text search over the archive.
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Search the archive (Arabic with or without harakat, Hausa ƙ or legacy k').")

        @OptionGroup var archiveOption: ArchiveOption

        @Argument(help: "Words to find (all must occur); may be left out when --entity is given.")
        var query: [String] = []

        @Option(name: .long, help: ArgumentHelp(
            "Only records with this trace: a kind (phone, email, url, telegram, hashtag, wallet) alone, or KIND:VALUE, the value normalised as records hold it (phone:0803 123 4567 finds +2348031234567). Repeatable: all must match.",
            valueName: "KIND[:VALUE]"))
        var entity: [String] = []

        @Option(name: .long, help: "Only records in this language (ha, knc, ar, en, or a full tag like knc-Arab).")
        var language: String?

        @Option(name: .long, help: ArgumentHelp("Only records dated on or after this day.", valueName: "YYYY-MM-DD"))
        var since: String?

        @Option(name: .long, help: ArgumentHelp("Only records dated on or before this day.", valueName: "YYYY-MM-DD"))
        var until: String?

        @Option(name: .long, help: "At most this many hits.")
        var limit: Int = 20

        @Flag(name: .long, help: "Also find names written in the other script or spelled another way (Shekau, شيكاو, Shekkau), ranked after the query's own spelling; without it this is done only when the query has no hit.")
        var anyScript = false

        @Flag(name: .long, help: "One JSON object per hit, with what matched.")
        var json = false

        func validate() throws {
            guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000; got \(limit).") }
            for (name, value) in [("--since", since), ("--until", until)] {
                if let value, !ArchiveQuery.isDay(value) {
                    throw ValidationError("\(name) takes a day as YYYY-MM-DD; got \(value).")
                }
            }
            guard query.joined().count <= 500 else { throw ValidationError("The query is longer than 500 characters.") }
            guard !query.joined().trimmingCharacters(in: .whitespaces).isEmpty || !entity.isEmpty else {
                throw ValidationError("Give words to find, or --entity KIND[:VALUE] (e.g. --entity phone:+2348031234567), or both.")
            }
            do { _ = try filters() } catch { throw ValidationError(error.description) }
        }

        /// The --entity options as archive filters, values normalised as the traces stage does.
        func filters() throws(TracesError) -> [EntityFilter] {
            var out: [EntityFilter] = []
            for text in entity {
                let query = try TraceQuery(parsing: text)
                out.append(EntityFilter(kind: query.kind.rawValue, value: query.value))
            }
            return out
        }


        func run() throws {
            let archive: Archive
            do { archive = try Archive(path: archiveOption.archive, readOnly: true) } catch { throw RunFailure(description: error.description) }
            let results: [SearchResult]
            do {
                results = try ArchiveSearch(folding: TextNormalizer(), skeletons: NameSkeleton())
                    .search(archive, query: query.joined(separator: " "), language: language, since: since, until: until, limit: limit,
                            entities: try filters(), anyScript: anyScript)
            } catch let error as ArchiveError {
                throw RunFailure(description: error.description)
            } catch let error as TracesError {
                throw ValidationError(error.description)
            }
            // Hits in bold on a terminal; «…» when the output goes to a file or a pipe.
            let (open, close) = isatty(STDOUT_FILENO) == 1 ? ("\u{1B}[1m", "\u{1B}[0m") : ("«", "»")
            var out = ""
            // Repost clusters of the page's hits (docs/reposts.md), for --json.
            let clusters = json ? ((try? archive.clusters(ofRecordIds: results.map(\.hit.recordId))) ?? [:]) : [:]
            for result in results {
                let h = result.hit
                if json {
                    out += JSONValue.object([
                        ("id", .string(h.recordId)), ("title", .string(h.title)), ("language", .string(h.language)),
                        ("date", .string(h.published)), ("path", .string(h.path)), ("snippet", result.snippet.json),
                        ("rank", .double(h.rank)),
                        ("matched", .object([("column", .string(result.column.rawValue)),
                                             ("spellings", .array(result.spellings.map { .string($0) }))]
                                            + (result.translation.map { [("translation", JSONValue.string($0))] } ?? []))),
                        ("cluster", .string(clusters[h.recordId]?.cluster ?? h.recordId)), ("clusterSize", .int(clusters[h.recordId]?.size ?? 1)),
                    ] + (entity.isEmpty ? [] : [("entities", .array(h.entities.map { e in
                        JSONValue.object([("type", .string(e.kind)), ("value", .string(e.value)), ("start", .int(e.start)), ("end", .int(e.end))])
                    }))])).serialized() + "\n"
                } else {
                    let title = h.title ?? "(untitled)"
                    out += "\(title)  [\(h.language ?? "und")]  \(h.published ?? "")\n  \(h.path)\n  \(result.snippet.rendered(open: open, close: close))\n"
                    if result.column == .nameSkeleton {
                        out += "  name spelled \(result.spellings.joined(separator: " "))"
                            + (result.translation.map { " (query translated: \($0))" } ?? "") + "\n"
                    }
                    for e in h.entities { out += "  \(e.kind) \(e.value)\n" }
                    out += "\n"
                }
            }
            if !json && results.isEmpty {
                FileHandle.standardError.write(Data("No records match.\n".utf8))
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }
}
