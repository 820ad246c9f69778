import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TaskaCore
import TaskaIngest
import TaskaNormalize
import TaskaSearch
import TaskaStore
import TaskaTestSupport
@testable import TaskaServe

/// An archive built from a few fixtures plus a hostile page written by the test.
final class FixtureArchive: @unchecked Sendable {
    let folder: TemporaryFolder
    let archive: Archive

    init() throws {
        folder = try TemporaryFolder(prefix: "taska-serve")
        let dir = folder.path
        try FileManager.default.createDirectory(atPath: dir + "/hostile", withIntermediateDirectories: true)
        let hostile = """
        <html><head><title>&lt;script&gt;alert("title")&lt;/script&gt; Labari</title></head><body>
        <p>Rubutu &lt;img src=x onerror=alert(1)&gt; da &lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt; ƙarshe.</p>
        <p><a href="javascript:alert(3)">mahaɗi</a></p></body></html>
        """
        try hostile.write(toFile: dir + "/hostile/page.html", atomically: true, encoding: .utf8)
        archive = try Archive(path: dir + "/a.sqlite")
        // The fixtures are recorded as "Fixtures/…", opened from the package root.
        _ = try IngestRunner(pipeline: StandardPipelines.communiques(), jobs: 1)
            .run(paths: ["Fixtures/ar", "Fixtures/mixed-ha-ar", "Fixtures/ha", "Fixtures/telegram/labarai-kasuwa-json", dir + "/hostile"], relativeTo: packageRoot,
                 sink: nil, archive: archive)
    }

    func id(ofPath suffix: String) throws -> String {
        let hits = try archive.forEachLineCollect().compactMap { line -> String? in
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let path = (o["source"] as? [String: Any])?["path"] as? String, path.hasSuffix(suffix) else { return nil }
            return o["id"] as? String
        }
        return try #require(hits.first)
    }
}

extension Archive {
    func forEachLineCollect() throws -> [String] {
        var lines: [String] = []
        try forEachLine { lines.append($0) }
        return lines
    }
}

private func get(_ room: ReadingRoom, _ uri: String, headers: HTTPFields = [:]) async throws -> (status: HTTPResponse.Status, headers: HTTPFields, body: String) {
    let app = Application(router: room.router())
    return try await app.test(.router) { client in
        try await client.execute(uri: uri, method: .get, headers: headers) { response in
            (response.status, response.headers, String(buffer: response.body))
        }
    }
}

@Suite(.serialized) struct ReadingRoomTests {
    static let fixtures = try! FixtureArchive()

    var room: ReadingRoom { try! ReadingRoom(archive: Self.fixtures.archive, folding: TextNormalizer()) }

    @Test func searchPageFindsTheDocumentAndHighlights() async throws {
        let r = try await get(room, "/search?q=\(HTML.urlComponent("مَدْرَسَة"))")
        #expect(r.status == .ok)
        #expect(r.body.contains("akhbar-madrasa-windows-1256.html"))
        #expect(r.body.contains("<mark>"))
        #expect(r.headers[.contentSecurityPolicy] == ReadingRoom.contentSecurityPolicy)
        #expect(!r.body.contains("<script"))
    }

    @Test func documentPageCarriesDirectionAndProvenance() async throws {
        let id = try Self.fixtures.id(ofPath: "Fixtures/ar/khabar-sayd-mojibake.txt")
        let r = try await get(room, "/documents/\(HTML.urlComponent(id))")
        #expect(r.status == .ok)
        #expect(r.body.contains("<p dir=\"rtl\""))
        #expect(r.body.contains(id.prefix(64)))
        #expect(r.body.contains("mojibake-repaired"))
        #expect(r.body.contains("/original\" download"))
        let mixed = try Self.fixtures.id(ofPath: "Fixtures/mixed-ha-ar/waazi-zaman-lafiya-plain.txt")
        let m = try await get(room, "/documents/\(HTML.urlComponent(mixed))")
        #expect(m.body.contains("<p dir=\"rtl\"") && m.body.contains("<p dir=\"ltr\""))
    }

    @Test func originalDownloadsBitForBit() async throws {
        let id = try Self.fixtures.id(ofPath: "Fixtures/ar/akhbar-madrasa-windows-1256.html")
        let r = try await get(room, "/documents/\(HTML.urlComponent(id))/original")
        #expect(r.status == .ok)
        #expect(r.headers[.contentDisposition]?.contains("akhbar-madrasa-windows-1256.html") == true)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fixturePath("ar/akhbar-madrasa-windows-1256.html")))
        #expect(SHA256.hex(of: Array(bytes)) == id)
    }

    @Test func hostileContentIsInert() async throws {
        let id = try Self.fixtures.id(ofPath: "hostile/page.html")
        let r = try await get(room, "/documents/\(HTML.urlComponent(id))")
        #expect(r.status == .ok)
        #expect(!r.body.contains("<script"))
        #expect(!r.body.contains("<img"))
        #expect(!r.body.contains("javascript:"))
        #expect(r.body.contains("&lt;script&gt;"))
        let s = try await get(room, "/search?q=ƙarshe")
        #expect(s.body.contains("hostile/page.html"))
        #expect(!s.body.contains("<script") && !s.body.contains("<img"))
    }

    @Test func chatPageDrawsTheTimelineAndListsTheGaps() async throws {
        let list = try await get(room, "/chats")
        #expect(list.status == .ok)
        #expect(list.body.contains("<a href=\"/chats/Labaran%20Kasuwar%20Maiduguri\">Labaran Kasuwar Maiduguri</a>"))
        let r = try await get(room, "/chats/Labaran%20Kasuwar%20Maiduguri")
        #expect(r.status == .ok)
        #expect(r.body.contains("<svg class=\"chart timeline\""))
        #expect(r.body.contains("<title>2026-03-02: 4</title>"))
        #expect(r.body.contains("<p class=\"gaps\">9</p>"))
        #expect(r.body.contains("Rediyon Borno"))
        #expect(!r.body.contains("<script"))
        #expect(try await get(room, "/chats/Nobody").status == .notFound)
    }

    @Test func collectionDrawsSVG() async throws {
        let r = try await get(room, "/collection")
        #expect(r.status == .ok)
        #expect(r.body.contains("<svg class=\"chart\""))
        #expect(!r.body.contains("<script"))
    }

    @Test func apiMirrorsThePages() async throws {
        let stats = try await get(room, "/api/stats")
        let object = try JSONSerialization.jsonObject(with: Data(stats.body.utf8)) as? [String: Any]
        #expect((object?["documents"] as? Int ?? 0) > 5)
        let search = try await get(room, "/api/search?q=\(HTML.urlComponent("مدرسة"))")
        let hits = (try JSONSerialization.jsonObject(with: Data(search.body.utf8)) as? [String: Any])?["hits"] as? [[String: Any]]
        #expect(hits?.contains { ($0["path"] as? String)?.contains("akhbar-madrasa") == true } == true)
        let id = try Self.fixtures.id(ofPath: "Fixtures/ha/sanarwa-ruwa-legacy-apostrophe.txt")
        let doc = try await get(room, "/api/documents/\(HTML.urlComponent(id))")
        #expect(doc.body.contains("\"record\":{\"id\":\"\(id)\""))
        #expect(try await get(room, "/api/documents/nope").status == .notFound)
    }

    @Test func anyScriptIsAFormFieldAndAnAPIParameter() async throws {
        let room = try ReadingRoom(archive: Self.fixtures.archive, folding: TextNormalizer(), skeletons: NameSkeleton())
        let page = try await get(room, "/search?q=Maiduguri&anyScript=1")
        #expect(page.body.contains("name=\"anyScript\" value=\"1\" checked"))
        #expect(!(try await get(room, "/search?q=Maiduguri")).body.contains("value=\"1\" checked"))
        let api = try await get(room, "/api/search?q=\(HTML.urlComponent("مايدوغوري"))&anyScript=1")
        let hits = try #require((try JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [String: Any])?["hits"] as? [[String: Any]])
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { (($0["matched"] as? [String: Any])?["column"] as? String) != nil })
    }

    @Test func boundsAndPaging() async throws {
        let long = String(repeating: "a", count: 5000)
        #expect(try await get(room, "/search?q=\(long)").status == .uriTooLong)
        let r = try await get(room, "/search?q=da&page=999999")
        #expect(r.status == .ok)
    }

    @Test func tokenIsRequiredWhenConfigured() async throws {
        let guarded = try ReadingRoom(archive: Self.fixtures.archive, folding: TextNormalizer(), token: "s3cret")
        #expect(try await get(guarded, "/api/stats").status == .unauthorized)
        #expect(try await get(guarded, "/api/stats", headers: [.authorization: "Bearer s3cret"]).status == .ok)
        let viaQuery = try await get(guarded, "/?token=s3cret")
        #expect(viaQuery.status == .ok)
        #expect(viaQuery.headers[.setCookie]?.contains("HttpOnly") == true)
        #expect(try await get(guarded, "/", headers: [.cookie: "taska_token=s3cret"]).status == .ok)
    }

    @Test func nonLoopbackWithoutTokenIsRefused() {
        #expect(throws: ReadingRoom.Failure.self) { try ReadingRoom(archive: Self.fixtures.archive, folding: TextNormalizer(), host: "0.0.0.0") }
        #expect(throws: Never.self) { try ReadingRoom(archive: Self.fixtures.archive, folding: TextNormalizer(), host: "0.0.0.0", token: "x") }
    }
}
