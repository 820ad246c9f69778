import Foundation
import TaskaTestSupport
import Testing

/// `taska reposts` and `taska reindex` on the repost fixtures (Fixtures/reposts, written by
/// scripts/make-reposts-fixtures.py): the archive's clusters equal the expected ones.
@Suite(.serialized) struct RepostsCommandTests {
    private struct Message: Hashable { var channel: String; var id: Int }

    /// Groups of two or more messages by the `cluster` of the exported records.
    private func clusters(_ db: String) throws -> Set<Set<Message>> {
        let export = try runTaska(["export", "--jsonl", "-", "--archive", db])
        #expect(export.status == 0, "\(export.stderr)")
        var groups: [String: Set<Message>] = [:]
        for line in export.stdout.split(separator: "\n") {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard let cluster = record["cluster"] as? String,
                  let path = (record["source"] as? [String: Any])?["path"] as? String,
                  let id = (record["message"] as? [String: Any])?["id"] as? Int else { continue }
            let channel = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
            groups[cluster, default: []].insert(Message(channel: channel, id: id))
        }
        return Set(groups.values.filter { $0.count > 1 })
    }

    private func expected() throws -> Set<Set<Message>> {
        let data = try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Fixtures/reposts/clusters.expected.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let groups = try #require(root["clusters"] as? [[[String: Any]]])
        return Set(groups.map { Set($0.map { Message(channel: $0["channel"] as! String, id: $0["message"] as! Int) }) })
    }

    private func ingest(_ scratch: TemporaryFolder, _ folders: [String]) throws -> String {
        let db = scratch.path + "/taska.sqlite"
        let result = try runTaska(["ingest"] + folders.map { "Fixtures/reposts/\($0)" } + ["--archive", db, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        return db
    }

    @Test func clustersMatchTheExpectedOnes() throws {
        let scratch = try TemporaryFolder(prefix: "taska-reposts-cli")
        let db = try ingest(scratch, ["labarai-yau", "akhbar-albuhayra", "kanuri-hawar", "lake-watch"])
        #expect(try clusters(db) == expected())
    }

    @Test func channelsIngestedOneByOneGiveTheSameClusters() throws {
        // Incremental: each later ingest joins records to clusters already in the archive.
        let scratch = try TemporaryFolder(prefix: "taska-reposts-cli")
        var db = ""
        for channel in ["lake-watch", "kanuri-hawar", "akhbar-albuhayra", "labarai-yau"] { db = try ingest(scratch, [channel]) }
        #expect(try clusters(db) == expected())
        let clustersOnly = try runTaska(["reindex", "--only", "clusters", "--archive", db, "--quiet"])
        #expect(clustersOnly.status == 0, "\(clustersOnly.stderr)")
        #expect(try clusters(db) == expected())
        let reindex = try runTaska(["reindex", "--archive", db, "--quiet"])
        #expect(reindex.status == 0 && reindex.stdout.hasPrefix("Reindexed "), "\(reindex.stderr)")
        #expect(try clusters(db) == expected())
    }

    @Test func repostsListsWhereAndWhenACopyAppeared() throws {
        let scratch = try TemporaryFolder(prefix: "taska-reposts-cli")
        let db = try ingest(scratch, ["labarai-yau", "akhbar-albuhayra", "kanuri-hawar", "lake-watch"])
        let largest = try runTaska(["reposts", "--archive", db, "--json", "--limit", "2"])
        #expect(largest.status == 0, "\(largest.stderr)")
        let top = try largest.stdout.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(top.map { $0["clusterSize"] as? Int } == [3, 3])
        let first = try #require(top.first?["cluster"] as? String)
        let one = try runTaska(["reposts", first, "--archive", db])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.hasPrefix("Cluster \(first): 3 copies in 3 places\n"), "\(one.stdout)")
        let missing = try runTaska(["reposts", "no-such-record", "--archive", db])
        #expect(missing.status != 0 && missing.stderr.contains("No record no-such-record"), "\(missing.stderr)")
    }
}
