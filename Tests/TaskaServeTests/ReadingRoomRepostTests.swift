import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TaskaCore
import TaskaIngest
import TaskaNormalize
import TaskaStore
import TaskaTestSupport
@testable import TaskaServe

/// The reading room's repost pages over an archive of the repost fixtures (Fixtures/reposts).
@Suite(.serialized) struct ReadingRoomRepostTests {
    final class RepostArchive: @unchecked Sendable {
        let folder: TemporaryFolder
        let archive: Archive
        init() throws {
            folder = try TemporaryFolder(prefix: "taska-serve-reposts")
            archive = try Archive(path: folder.path + "/a.sqlite")
            _ = try IngestRunner(pipeline: StandardPipelines.communiques(), jobs: 1)
                .run(paths: ["Fixtures/reposts"], relativeTo: packageRoot, sink: nil, archive: archive)
        }
    }

    static let fixtures = try! RepostArchive()
    var room: ReadingRoom { try! ReadingRoom(archive: Self.fixtures.archive, folding: TextNormalizer()) }

    private func get(_ uri: String) async throws -> (status: HTTPResponse.Status, body: String) {
        let app = Application(router: room.router())
        return try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .get) { ($0.status, String(buffer: $0.body)) }
        }
    }

    @Test func documentPageSaysWhereElseThePostWasSeen() async throws {
        let largest = try #require(try Self.fixtures.archive.largestClusters(limit: 1).first)
        let page = try await get("/documents/\(HTML.urlComponent(largest.cluster))")
        #expect(page.status == .ok)
        #expect(page.body.contains("Also seen in 2 places</a> (this is the earliest copy)."), "\(page.body)")
        let cluster = try await get("/reposts/\(HTML.urlComponent(largest.cluster))")
        #expect(cluster.status == .ok)
        #expect(cluster.body.contains("<h1>3 copies of one post</h1>"))
        #expect(cluster.body.contains("(forwarded from Labarai Yau)"))
        let list = try await get("/reposts")
        #expect(list.status == .ok && list.body.contains("<td>3</td><td>3</td>"))
    }

    @Test func apiGivesTheClusterAndTheRecordCarriesIt() async throws {
        let largest = try #require(try Self.fixtures.archive.largestClusters(limit: 1).first)
        let api = try await get("/api/reposts/\(HTML.urlComponent(largest.cluster))")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [String: Any])
        #expect(object["clusterSize"] as? Int == 3 && (object["copies"] as? [Any])?.count == 3)
        let document = try await get("/api/documents/\(HTML.urlComponent(largest.cluster))")
        let record = try #require((try JSONSerialization.jsonObject(with: Data(document.body.utf8)) as? [String: Any])?["record"] as? [String: Any])
        #expect(record["cluster"] as? String == largest.cluster && record["clusterSize"] as? Int == 3)
        #expect(try await get("/reposts/nothing").status == .notFound)
    }
}
