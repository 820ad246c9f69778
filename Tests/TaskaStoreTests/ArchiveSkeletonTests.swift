import Foundation
import Testing
import GRDB
import TaskaCore
import TaskaTestSupport
@testable import TaskaStore

private let pipeline = Pipeline(name: "communiques", version: "0.1.0", stages: [])

/// A file of one record; `skeleton` is its name-skeleton column as a writer computed it.
private func file(_ text: String, path: String, skeleton: String?) -> ArchivedFile {
    let bytes = Array(text.utf8)
    var doc = SourceDocument(source: SourceInfo(path: path, bytes: bytes.count, sha256: SHA256.hex(of: bytes)), bytes: [])
    doc.normalized = NormalizedText(text: text, searchKey: text.lowercased(), direction: .ltr, scripts: [], paragraphs: [])
    doc.language = "ha-Latn"
    let record = Record(document: doc, pipeline: pipeline, ingestedAt: Timestamp(seconds: 1_700_000_000))
    return ArchivedFile(source: doc.source, original: bytes, records: [(record, record.json.serialized())],
                        seenAt: Timestamp(seconds: 1_700_000_000), skeletons: skeleton.map { [$0] } ?? [])
}

/// A stand-in for the caller's skeleton function: each word's consonants.
private func consonants(_ searchKey: String) -> String {
    searchKey.split(separator: " ").map { String($0.filter { !"aeiou".contains($0) }) }.joined(separator: " ")
}

@Suite struct ArchiveSkeletonTests {
    @Test func skeletonClausesMatchTheSkeletonColumnOnly() throws {
        let archive = try Archive()
        try archive.store([file("Shekau ya ce", path: "a", skeleton: "1ckw 0cikaw y c"), file("ckw", path: "b", skeleton: "")])
        let byName = try archive.search(ArchiveQuery(terms: [], skeletonClauses: [[["ckw"], ["0cikaw"]]]))
        #expect(byName.map(\.path) == ["a"])
        // Every clause must match; within a clause, every token of one alternative.
        #expect(try archive.search(ArchiveQuery(terms: [], skeletonClauses: [[["0cikaw"]], [["nothere"]]])).isEmpty)
        #expect(try archive.search(ArchiveQuery(terms: [], skeletonClauses: [[["0cikaw", "y"]]])).map(\.path) == ["a"])
        // The words themselves are still found in searchKey, and only there.
        #expect(try archive.search(ArchiveQuery(terms: ["ckw"])).map(\.path) == ["b"])
    }

    @Test func tokensThatAreNotSkeletonTokensFindNothing() throws {
        let archive = try Archive()
        try archive.store([file("Shekau", path: "a", skeleton: "ckw")])
        for bad in ["ckw\" OR \"x", "*", "", "NEAR(ckw)", "ش"] {
            #expect(try archive.search(ArchiveQuery(terms: [], skeletonClauses: [[[bad]]])).isEmpty)
        }
        #expect(Archive.skeletonExpression([[["ab", "c1"]], [["d"], ["e"]]]) == "{nameSkeleton} : (((\"ab\" AND \"c1\")) AND ((\"d\") OR (\"e\")))")
    }

    @Test func olderArchivesGainTheColumnAndRebuildFillsIt() throws {
        let folder = try TemporaryFolder(prefix: "taska-skeleton")
        let old = folder.path("old.sqlite")
        do {
            let queue = try DatabaseQueue(path: old)
            try ArchiveMigrator.migrator.migrate(queue, upTo: "v2 entities")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO document (sha256, bytes, firstSeenAt) VALUES ('s', 1, 'x')")
                try db.execute(sql: """
                    INSERT INTO record (recordId, sha256, pipelineName, pipelineVersion, pipelineHash, path, text, searchKey, json, ingestedAt)
                    VALUES ('s', 's', 'communiques', '0.1.0', 'h', 'old', 'Shekau ya ce', 'shekau ya ce', '{}', 'x')
                    """)
            }
        }
        // Read-only, an old archive has no skeletons and says so.
        #expect(try Archive(path: old, readOnly: true).hasNameSkeletons() == false)
        let archive = try Archive(path: old)
        #expect(try archive.hasNameSkeletons())
        #expect(try archive.search(ArchiveQuery(terms: ["shekau"])).map(\.path) == ["old"])
        #expect(try archive.search(ArchiveQuery(terms: [], skeletonClauses: [[["shk"]]])).isEmpty)
        try archive.store([file("Musa ya zo", path: "new", skeleton: "q1")])
        var seen: [(Int, Int)] = []
        #expect(try archive.rebuildSkeletons(using: consonants) { seen.append(($0, $1)) } == 1)
        #expect(seen.map(\.0) == [1] && seen.map(\.1) == [1])
        #expect(try archive.search(ArchiveQuery(terms: [], skeletonClauses: [[["shk"]]])).map(\.path) == ["old"])
        // Records that have a skeleton keep it unless every record is asked for.
        #expect(try archive.search(ArchiveQuery(terms: [], skeletonClauses: [[["q1"]]])).map(\.path) == ["new"])
        #expect(try archive.rebuildSkeletons(using: consonants) == 0)
        #expect(try archive.rebuildSkeletons(all: true, using: consonants) == 2)
        #expect(try archive.search(ArchiveQuery(terms: [], skeletonClauses: [[["q1"]]])).isEmpty)
        #expect(try archive.search(ArchiveQuery(terms: [], skeletonClauses: [[["ms"], ["m"]]])).map(\.path) == ["new"])
        // Both columns follow the records (the triggers were rebuilt with the table).
        #expect(try archive.search(ArchiveQuery(terms: ["musa"])).map(\.path) == ["new"])
    }

    @Test func mergeCarriesSkeletons() throws {
        let folder = try TemporaryFolder(prefix: "taska-skeleton-merge")
        let source = try Archive(path: folder.path("a.sqlite"))
        try source.store([file("Shekau ya ce", path: "a", skeleton: "ckw")])
        let merged = try Archive()
        _ = try merged.merge(from: folder.path("a.sqlite"))
        #expect(try merged.search(ArchiveQuery(terms: [], skeletonClauses: [[["ckw"]]])).map(\.path) == ["a"])
    }
}
