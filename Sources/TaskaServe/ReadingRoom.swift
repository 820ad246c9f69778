import Foundation
import Hummingbird
import HTTPTypes
import TaskaCore
import TaskaStore

/// `taska serve`: a local web reading room over the archive (Hummingbird 2, read-only).
///
/// Binds 127.0.0.1 unless told otherwise; any other address needs a token, checked on every
/// request. Every response carries a strict Content-Security-Policy (no script at all).
public struct ReadingRoom: Sendable {
    public var host: String
    public var port: Int
    public var token: String?
    public let pages: Pages

    public enum Failure: Error, CustomStringConvertible {
        case tokenRequired(host: String)
        public var description: String {
            switch self {
            case let .tokenRequired(host):
                return "binding \(host) exposes the archive beyond this machine; give --token SECRET (or bind 127.0.0.1)"
            }
        }
    }

    /// `folding` folds queries as ingest folded the text (the executable passes `TextNormalizer`).
    public init(archive: Archive, folding: any SearchKeyFolding, skeletons: (any NameSkeletonFolding)? = nil,
                host: String = "127.0.0.1", port: Int = 8080, token: String? = nil) throws(Failure) {
        if !Self.isLoopback(host) && (token ?? "").isEmpty { throw .tokenRequired(host: host) }
        self.host = host
        self.port = port
        self.token = token
        self.pages = Pages(archive: archive, folding: folding, skeletons: skeletons)
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// The router with every page and API route.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SecurityMiddleware(token: token))
        let pages = self.pages
        router.get("/") { request, _ in try Self.html(pages.searchPage(Self.form(request))) }
        router.get("/search") { request, _ in try Self.html(pages.searchPage(Self.form(request))) }
        router.get("/collection") { _, _ in try Self.html(pages.collectionPage()) }
        router.get("/chats") { _, _ in try Self.html(pages.chatsPage()) }
        router.get("/chats/:key") { _, context in
            let key = try Self.pathParameter("key", context)
            guard let page = try pages.chatPage(key: key) else { return Self.notFound("No chat is named \(key).") }
            return Self.html(page)
        }
        router.get("/reposts") { _, _ in try Self.html(pages.repostsPage()) }
        router.get("/reposts/:id") { _, context in
            let id = try Self.pathParameter("id", context)
            guard let page = try pages.repostPage(id: id) else { return Self.notFound("No record has the id \(id).") }
            return Self.html(page)
        }
        router.get("/api/reposts/:id") { _, context in
            let id = try Self.pathParameter("id", context)
            guard let body = try pages.repostsJSON(id: id) else { return Self.notFound("No record has the id \(id).", json: true) }
            return Self.json(body)
        }
        router.get("/documents/:id") { _, context in
            let id = try Self.pathParameter("id", context)
            guard let page = try pages.documentPage(id: id) else { return Self.notFound("No record has the id \(id).") }
            return Self.html(page)
        }
        router.get("/documents/:id/original") { _, context in
            let id = try Self.pathParameter("id", context)
            guard let original = try pages.original(id: id) else { return Self.notFound("No original is stored for \(id).") }
            let safeName = original.name.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 }
            return Response(status: .ok, headers: [
                .contentType: "application/octet-stream",
                .contentDisposition: "attachment; filename=\"\(String(String.UnicodeScalarView(safeName)))\"",
            ], body: .init(byteBuffer: ByteBuffer(bytes: original.bytes)))
        }
        router.get("/static/taska.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
        }
        router.get("/api/search") { request, _ in try Self.json(pages.searchJSON(Self.form(request))) }
        router.get("/api/documents/:id") { _, context in
            let id = try Self.pathParameter("id", context)
            guard let body = try pages.documentJSON(id: id) else { return Self.notFound("No record has the id \(id).", json: true) }
            return Self.json(body)
        }
        router.get("/api/stats") { _, _ in try Self.json(pages.statsJSON()) }
        return router
    }

    static func form(_ request: Request) -> Pages.SearchForm {
        let q = request.uri.queryParameters
        return Pages.SearchForm(query: q.get("q") ?? "", language: q.get("language"), since: q.get("since"),
                                until: q.get("until"), page: q.get("page").flatMap { Int($0) } ?? 1,
                                anyScript: ["1", "true", "on"].contains(q.get("anyScript") ?? ""))
    }

    /// A path parameter, percent-decoded: chat names hold spaces and non-ASCII letters, and
    /// sub-document ids hold `#`, which links send as `%23`.
    static func pathParameter(_ name: String, _ context: BasicRequestContext) throws -> String {
        let raw = try context.parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }

    static func html(_ body: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func json(_ body: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func notFound(_ message: String, json: Bool = false) -> Response {
        let body = json ? "{\"error\":\"\(message.replacingOccurrences(of: "\"", with: "'"))\"}"
            : HTML.page(title: "Not found", body: "<h1>Not found</h1><p>\(HTML.escape(message))</p>")
        return Response(status: .notFound, headers: [.contentType: json ? "application/json; charset=utf-8" : "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// Runs the server until SIGINT/SIGTERM.
    public func run() async throws {
        let app = Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "taska"))
        try await app.runService()
    }
}

/// Security headers on every response, bounded request targets, and the token check.
struct SecurityMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        var setCookie: String?
        if request.uri.description.utf8.count > 4096 {
            response = Response(status: .uriTooLong)
        } else if let token, !token.isEmpty {
            let header = request.headers[.authorization]
            let query = request.uri.queryParameters.get("token")
            let cookie = request.headers[.cookie].flatMap { Self.cookie("taska_token", in: $0) }
            if header == "Bearer \(token)" || cookie == token {
                response = try await next(request, context)
            } else if query == token {
                response = try await next(request, context)
                setCookie = "taska_token=\(token); HttpOnly; SameSite=Strict; Path=/"
            } else {
                response = Response(status: .unauthorized, headers: [.contentType: "text/plain; charset=utf-8"],
                                    body: .init(byteBuffer: ByteBuffer(string: "A token is required: add ?token=… once, or send Authorization: Bearer ….\n")))
            }
        } else {
            response = try await next(request, context)
        }
        response.headers[.contentSecurityPolicy] = ReadingRoom.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        if let setCookie { response.headers[.setCookie] = setCookie }
        return response
    }

    static func cookie(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let kv = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0] == name { return String(kv[1]) }
        }
        return nil
    }
}
