import TaskaCore

/// An HTTP response as stored in a WARC `response` record: status, headers and the entity body
/// with transfer coding (chunked) and content coding (gzip, deflate) undone.
struct HTTPResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    /// Offset of the body in the record block.
    var bodyOffset: Int

    func value(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    /// Why a payload could not be recovered.
    enum Problem: Error, CustomStringConvertible {
        case noStatusLine(String)
        case headersUnterminated
        case badChunk(offset: Int, line: String)
        case unsupportedEncoding(String)
        case contentEncoding(String, GzipError)

        var description: String {
            switch self {
            case let .noStatusLine(line):
                return "the record's HTTP message does not start with a status line (found «\(line)»)"
            case .headersUnterminated:
                return "the record's HTTP headers are not terminated by an empty line (truncated record)"
            case let .badChunk(offset, line):
                return "the HTTP body declares Transfer-Encoding: chunked but its chunk framing is broken at body byte \(offset) (found «\(line)»)"
            case let .unsupportedEncoding(coding):
                return "the HTTP body has Content-Encoding: \(coding), which Taska cannot undo"
            case let .contentEncoding(coding, error):
                return "undoing Content-Encoding: \(coding) failed: \(error)"
            }
        }
    }

    /// Parses the status line and headers at the start of `block`.
    static func parseHead(_ block: [UInt8]) throws(Problem) -> HTTPResponse {
        var lines: [[UInt8]] = []
        var i = 0
        var lineStart = 0
        var bodyOffset: Int?
        while i < block.count {
            if block[i] == 0x0A {
                var line = Array(block[lineStart..<i])
                if line.last == 0x0D { line.removeLast() }
                lineStart = i + 1
                if line.isEmpty { bodyOffset = i + 1; break }
                lines.append(line)
            }
            i += 1
        }
        guard let first = lines.first, first.starts(with: Array("HTTP/".utf8)) else {
            let shown = String(decoding: (lines.first ?? Array(block.prefix(40))).prefix(40), as: UTF8.self)
            throw .noStatusLine(shown)
        }
        let parts = String(decoding: first, as: UTF8.self).split(separator: " ", maxSplits: 2)
        let status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        var headers: [(String, String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: 0x3A) else { continue }
            headers.append((String(decoding: line[..<colon], as: UTF8.self).warcTrimmed,
                            String(decoding: line[(colon + 1)...], as: UTF8.self).warcTrimmed))
        }
        guard let bodyOffset else {
            // No blank line: headers only, no body (or truncated). Treat an empty body as such.
            if lines.count > 1 { return HTTPResponse(status: status, headers: headers, bodyOffset: block.count) }
            throw .headersUnterminated
        }
        return HTTPResponse(status: status, headers: headers, bodyOffset: bodyOffset)
    }

    /// Media type (lowercased, no parameters) and charset parameter of a Content-Type value.
    static func parseContentType(_ value: String?) -> (mediaType: String?, charset: String?) {
        guard let value else { return (nil, nil) }
        let parts = value.split(separator: ";")
        let type = parts.first.map { String($0).warcTrimmed.lowercased() }
        var charset: String?
        for param in parts.dropFirst() {
            let kv = param.split(separator: "=", maxSplits: 1)
            if kv.count == 2, String(kv[0]).warcTrimmed.lowercased() == "charset" {
                var v = String(kv[1]).warcTrimmed
                if v.hasPrefix("\"") && v.hasSuffix("\"") && v.count >= 2 { v = String(v.dropFirst().dropLast()) }
                if !v.isEmpty { charset = v }
            }
        }
        return (type?.isEmpty == false ? type : nil, charset)
    }

    /// The entity body of `block`: de-chunked and decompressed, up to `maxBytes`.
    func payload(of block: [UInt8], maxBytes: Int) throws(Problem) -> [UInt8] {
        var body = Array(block[min(bodyOffset, block.count)...])
        if let te = value("Transfer-Encoding")?.lowercased(), te.contains("chunked") {
            body = try Self.dechunk(body)
        }
        if let ce = value("Content-Encoding")?.lowercased().warcTrimmed, !ce.isEmpty, ce != "identity" {
            let format: GzipInflater.Format
            switch ce {
            case "gzip", "x-gzip", "deflate": format = .gzipOrZlib
            default: throw .unsupportedEncoding(ce)
            }
            do {
                body = try GzipInflater.inflateAll(body, format: format, maxOutputBytes: maxBytes)
            } catch let error as GzipError {
                if ce == "deflate", let raw = try? GzipInflater.inflateAll(body, format: .rawDeflate, maxOutputBytes: maxBytes) {
                    body = raw
                } else {
                    throw .contentEncoding(ce, error)
                }
            } catch {
                throw .contentEncoding(ce, .corrupt(compressedOffset: 0, reason: "\(error)"))
            }
        }
        return body
    }

    /// Undoes `Transfer-Encoding: chunked`; throws on framing that does not fit.
    static func dechunk(_ body: [UInt8]) throws(Problem) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = 0
        while true {
            let lineStart = i
            guard let lf = body[i...].firstIndex(of: 0x0A) else {
                // Missing terminating 0-chunk: accept what we have if something was read.
                if i >= body.count, !out.isEmpty { return out }
                throw .badChunk(offset: lineStart, line: String(decoding: body[i...].prefix(20), as: UTF8.self))
            }
            var line = body[i..<lf]
            if line.last == 0x0D { line = line.dropLast() }
            let sizeText = String(decoding: line.prefix { $0 != 0x3B }, as: UTF8.self).warcTrimmed
            guard !sizeText.isEmpty, let size = Int(sizeText, radix: 16), size >= 0 else {
                throw .badChunk(offset: lineStart, line: String(decoding: line.prefix(20), as: UTF8.self))
            }
            i = lf + 1
            if size == 0 { return out }
            guard size <= body.count - i else {
                throw .badChunk(offset: lineStart, line: String(decoding: line.prefix(20), as: UTF8.self) + " (chunk longer than the data left)")
            }
            out.append(contentsOf: body[i..<(i + size)])
            i += size
            // Exactly CRLF after the chunk data (a size that does not fit the data shows here).
            if i >= body.count { return out }
            guard i + 1 < body.count, body[i] == 0x0D, body[i + 1] == 0x0A else {
                throw .badChunk(offset: i, line: String(decoding: body[i...].prefix(20), as: UTF8.self) + " where the chunk should end")
            }
            i += 2
            if i >= body.count { return out }
        }
    }
}
