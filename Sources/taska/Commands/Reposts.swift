import ArgumentParser
import Foundation
import TaskaCore
import TaskaNormalize
import TaskaReposts
import TaskaStore

extension Taska {
    /// `taska reposts [RECORD-ID]`: one repost cluster, or the largest ones.
    struct Reposts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reposts",
            abstract: "List where and when a post appeared: the copies in one record's repost cluster, or the largest clusters.",
            discussion: """
            Clusters group records that are the same post (forwarded, or copied with a new header, \
            signature, hashtags, emoji, a sentence trimmed, harakat or hooks dropped); see docs/reposts.md. \
            They are kept current as records arrive; `taska reindex` rebuilds them.
            """)

        @OptionGroup var archiveOption: ArchiveOption

        @Argument(help: ArgumentHelp("A record id (from search, export or the reading room); without it, the largest clusters.",
                                     valueName: "RECORD-ID"))
        var recordId: String?

        @Option(name: .long, help: "How many clusters to list (without RECORD-ID).")
        var limit = 20

        @Option(name: .long, help: "How many copies of one cluster to list, earliest first (with RECORD-ID).")
        var copiesLimit = 1000

        @Flag(name: .long, help: "One JSON object per line.")
        var json = false

        func validate() throws {
            guard limit >= 1, copiesLimit >= 1 else { throw ValidationError("--limit and --copies-limit must be 1 or more; got \(limit) and \(copiesLimit).") }
        }

        func run() throws {
            let archive: Archive
            do { archive = try Archive(path: archiveOption.archive, readOnly: true) } catch { throw RunFailure(description: error.description) }
            var out = ""
            do {
                if let recordId {
                    guard let (cluster, copies) = try archive.reposts(of: recordId, limit: copiesLimit) else {
                        throw RunFailure(description: "No record \(recordId) in \(archiveOption.archive) (ids are printed by taska search --json and taska reposts).")
                    }
                    if json {
                        out = JSONValue.object([
                            ("cluster", .string(cluster.cluster)), ("clusterSize", .int(cluster.size)),
                            ("copies", .array(copies.map(Self.json))),
                        ]).serialized() + "\n"
                    } else {
                        let places = Set(copies.map { $0.chat ?? $0.path }).count
                        out = "Cluster \(cluster.cluster): \(cluster.size) \(cluster.size == 1 ? "copy" : "copies") in \(places) \(places == 1 ? "place" : "places")\n"
                        if copies.count < cluster.size { out += "  (the first \(copies.count); --copies-limit lists more)\n" }
                        for c in copies {
                                            let forward = c.forwardedFrom.map { "  (forwarded from \($0))" } ?? ""
                            out += "  \(c.date ?? "undated")  \(c.place)\(forward)\n    \(c.recordId)  \(c.excerpt)\n"
                        }
                    }
                } else {
                    let clusters = try archive.largestClusters(limit: limit)
                    if clusters.isEmpty {
                        FileHandle.standardError.write(Data("No repost clusters in \(archiveOption.archive) (no two records are the same post yet).\n".utf8))
                    }
                    for c in clusters {
                        if json {
                            out += JSONValue.object([
                                ("cluster", .string(c.cluster)), ("clusterSize", .int(c.size)), ("places", .int(c.places)),
                                ("first", .string(c.firstDate)), ("excerpt", .string(c.excerpt)),
                            ]).serialized() + "\n"
                        } else {
                            out += "\(c.size) copies in \(c.places) places, first \(c.firstDate ?? "undated")  \(c.cluster)\n  \(c.excerpt)\n"
                        }
                    }
                }
            } catch let error as ArchiveError {
                throw RunFailure(description: error.description)
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }

        static func json(_ c: RepostCopy) -> JSONValue {
            .object([
                ("id", .string(c.recordId)), ("date", .string(c.date)), ("chat", .string(c.chat)),
                ("messageId", c.messageId.map { .int(Int($0)) } ?? .null), ("forwardedFrom", .string(c.forwardedFrom)),
                ("path", .string(c.path)), ("title", .string(c.title)), ("excerpt", .string(c.excerpt)),
            ])
        }
    }

    /// `taska reindex`: rebuilds derived data from the stored records.
    struct Reindex: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reindex",
            abstract: "Rebuild the archive's derived data from its records: name skeletons for cross-script search, then repost clusters.",
            discussion: """
            Run after upgrading Taska (an archive from before cross-script search has no skeletons) or changing \
            the reposts options; records and originals are not touched. Clusters use the reposts options every \
            built-in pipeline ships (docs/reposts.md); skeletons docs/cross-script-search.md.
            """)

        @OptionGroup var archiveOption: ArchiveOption

        /// What `--only` rebuilds.
        enum Part: String, ExpressibleByArgument, CaseIterable {
            case skeletons, clusters
        }

        @Option(name: .long, help: ArgumentHelp("Rebuild only this: skeletons or clusters (default both).", valueName: "PART"))
        var only: Part?

        @Flag(name: .long, help: "No progress line.")
        var quiet = false

        func run() throws {
            let start = Date()
            let quiet = self.quiet
            let done: Int
            let largest: [ClusterSummary]
            do {
                let archive = try Archive(path: archiveOption.archive)
                var records = 0
                if only != .clusters {
                    let skeleton = NameSkeleton()
                    var words = NameSkeleton.WordCache()
                    records = try archive.rebuildSkeletons(all: true, using: { skeleton.skeletonColumn(searchKey: $0, cache: &words) }, progress: { done, total in
                        if !quiet { FileHandle.standardError.write(Data("\rreindex: name skeletons \(done) of \(total) records".utf8)) }
                    })
                    if !quiet { FileHandle.standardError.write(Data("\n".utf8)) }
                }
                if only != .skeletons {
                    let options = RepostsOptions()
                    records = try archive.rebuildClusters(sketch: { RepostsStage.sketch(searchKey: $0, options: options) }, progress: { done in
                        if !quiet { FileHandle.standardError.write(Data("\rreindex: repost clusters \(done) records".utf8)) }
                    })
                }
                done = records
                largest = try archive.largestClusters(limit: 1)
            } catch {
                throw RunFailure(description: "\(error)")
            }
            if !quiet { FileHandle.standardError.write(Data("\n".utf8)) }
            print("Reindexed \(done) records in \(String(format: "%.1f", Date().timeIntervalSince(start))) s; largest cluster: \(largest.first.map { "\($0.size) copies" } ?? "none").")
        }
    }
}
