import TaskaCore

/// Options of the Unpack stage.
public struct UnpackOptions: Sendable, Equatable {
    /// Largest payload of one WARC record (after de-chunking and decompression), and of a
    /// decompressed plain gzip file, taken into memory.
    public var maxRecordBytes: Int
    /// gzip bomb guard: decompression stops once the output is over 100 MiB (or a quarter of
    /// the document's `max-bytes`, if less: 16 MiB by default) and more than this many times
    /// the compressed input.
    public var maxRatio: Int

    public init(maxRecordBytes: Int = 64 << 20, maxRatio: Int = 200) {
        self.maxRecordBytes = maxRecordBytes
        self.maxRatio = maxRatio
    }
}

extension UnpackOptions: StageOptions {
    public init() { self.init(maxRecordBytes: 64 << 20) }

    public static let declarations: [OptionDeclaration<UnpackOptions>] = [
        .integer("max-record-bytes", \.maxRecordBytes, 1...(1 << 34), bytes: true,
                 meaning: "largest payload of one WARC record or gunzipped file"),
        .integer("max-ratio", \.maxRatio, 2...100_000, meaning: "gzip-bomb guard: most output bytes per compressed byte past 100 MiB"),
    ]
}

/// Opens containers before Decode: WARC files (plain or gzip, per-record members or whole-file)
/// and plain gzip files, sniffed by content (`1F 8B`, `WARC/`), never by extension.
///
/// - A WARC file streams record by record (from `SourceDocument.openPayload()`, so a 2 GB file
///   stays in flat memory). Each `response` record with an HTTP payload of HTML, XML or text
///   (HTTP chunking and `Content-Encoding: gzip`/`deflate` undone) and each `resource` record
///   with such a payload becomes one document: `bytes` = the payload, `mediaType` from the
///   HTTP `Content-Type`, `transportCharset` from its `charset` parameter, `source.uri`,
///   `warcRecordId`, `warcDate` from the WARC header, `subIndex` = the record's ordinal in the
///   file (0 = first record, counting every record), so ids are stable.
/// - Other records (`warcinfo`, `request`, `metadata`, `revisit`, non-text or non-2xx
///   responses) are skipped. They are counted in one `warc-records-skipped` warning on the
///   **last** document taken from the file (the stage holds one document back to attach it).
/// - A broken record (malformed header, bad chunking, corrupt content coding, truncation) is
///   emitted as a sub-document with `failure` set: the pipeline writes an error record for
///   that record alone and the rest of the file goes on. If the compressed stream itself
///   breaks (a truncated last gzip member), the partial record gets the error record and the
///   file ends there.
/// - A file with no text record at all fails as a whole (`UnpackError.noTextRecords`).
/// - A plain gzip of anything else becomes one document with the decompressed bytes.
/// - Every other document passes through unchanged.
public struct UnpackStage: Stage {
    public var options: UnpackOptions

    public init(options: UnpackOptions = UnpackOptions()) { self.options = options }

    public var name: String { "unpack" }
    public var configuration: String { options.canonicalDescription }

    static let warcMagic: [UInt8] = Array("WARC/".utf8)

    public func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        let head = document.bytes.prefix(5)
        let isGzip = head.count >= 2 && head[head.startIndex] == 0x1F && head[head.startIndex + 1] == 0x8B
        let isWARC = head.elementsEqual(Self.warcMagic)
        guard isGzip || isWARC else { return try emit(document) }
        let path = document.source.path
        let input: BufferedByteReader
        do {
            let payload = try document.openPayload()
            if isGzip {
                input = BufferedByteReader(try GzipInflater(source: payload, maxRatio: options.maxRatio,
                                                            ratioFloorBytes: min(100 << 20, document.limits.maxBytes / 4)))
            } else {
                input = BufferedByteReader(payload)
            }
            if isGzip, !(try input.peek(5)).elementsEqual(Self.warcMagic) {
                return try emit(gunzipped(document, input))
            }
        } catch let error as UnpackError {
            throw error
        } catch let error as LimitExceeded {
            throw error
        } catch let error as PayloadError {
            throw error
        } catch {
            throw UnpackError.unreadable(path: path, reason: "\(error)")
        }
        try unpackWARC(document, input, emit: emit)
    }

    /// The decompressed document of a plain (non-WARC) gzip file.
    private func gunzipped(_ document: SourceDocument, _ input: BufferedByteReader) throws -> SourceDocument {
        var doc = document
        doc.payloadPath = nil
        var bytes: [UInt8] = []
        do {
            while true {
                let chunk = try input.readAvailable(1 << 20)
                if chunk.isEmpty { break }
                bytes.append(contentsOf: chunk)
                if bytes.count > document.limits.maxBytes {
                    throw LimitExceeded(limit: "max-bytes", allowed: "\(document.limits.maxBytes) bytes",
                                        found: "\(doc.source.path) decompresses to more than that (stopped after \(bytes.count) bytes)")
                }
                if bytes.count > options.maxRecordBytes { throw UnpackError.tooLarge(path: doc.source.path, limit: options.maxRecordBytes) }
            }
        } catch let error as GzipError {
            guard case .truncated = error, !bytes.isEmpty else {
                throw UnpackError.unreadable(path: doc.source.path, reason: error.description)
            }
            doc.warn(name, "gzip-truncated", "The gzip file is truncated: \(error); the text decompressed so far was kept, its end is missing")
        }
        doc.bytes = bytes
        return doc
    }

    /// Streams the records of a WARC file.
    private func unpackWARC(_ container: SourceDocument, _ input: BufferedByteReader,
                            emit: (SourceDocument) throws -> Void) throws {
        let reader = WARCRecordReader(input)
        var ordinal = 0
        var pending: SourceDocument?
        var skipped: [String: Int] = [:]
        var taken = 0
        func send(_ doc: SourceDocument) throws {
            if let previous = pending { try emit(previous) }
            pending = doc
            taken += 1
        }
        reading: while true {
            let outcome: RecordOutcome
            do {
                guard let header = try reader.nextHeader() else { break reading }
                outcome = try takeRecord(header, reader: reader, container: container, ordinal: ordinal)
            } catch let problem as WARCRecordProblem {
                outcome = .failed(failure(container, ordinal: ordinal, header: nil, problem.description), fatal: false)
            } catch {
                // The stream itself broke (truncated or corrupt gzip, I/O error): nothing after it can be framed.
                outcome = .failed(failure(container, ordinal: ordinal, header: nil,
                                          "the WARC data breaks at byte \(input.offset) of the decompressed stream: \(error); records before it were kept"),
                                  fatal: true)
            }
            ordinal += 1
            switch outcome {
            case let .document(doc): try send(doc)
            case let .skipped(reason): skipped[reason, default: 0] += 1
            case let .failed(doc, fatal):
                try send(doc)
                if fatal { break reading }
            }
        }
        let skippedCount = skipped.values.reduce(0, +)
        let summary = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        guard var last = pending else {
            throw UnpackError.noTextRecords(path: container.source.path, records: ordinal, skipped: summary)
        }
        if skippedCount > 0 {
            last.warn(name, "warc-records-skipped",
                      "This WARC file holds \(ordinal) records; \(skippedCount) carried no HTML, XML or text payload and were skipped (\(summary)). This warning sits on the last record taken from the file",
                      count: skippedCount)
        }
        try emit(last)
    }

    enum RecordOutcome {
        case document(SourceDocument)
        case skipped(String)
        case failed(SourceDocument, fatal: Bool)
    }

    /// A sub-document that stands for a broken record (its error record).
    private func failure(_ container: SourceDocument, ordinal: Int, header: WARCHeader?, _ message: String) -> SourceDocument {
        var doc = subDocument(container, ordinal: ordinal, header: header)
        let at = header.map { " (record at byte \($0.offset) of the decompressed stream)" } ?? ""
        doc.failure = StageFailure(stage: name, message: "\(container.source.path): WARC record #\(ordinal)\(at): \(message)")
        return doc
    }

    private func subDocument(_ container: SourceDocument, ordinal: Int, header: WARCHeader?) -> SourceDocument {
        var info = container.source
        info.uri = header?.targetURI
        info.warcRecordId = header?.value("WARC-Record-ID")
        info.warcDate = header?.value("WARC-Date")
        var doc = SourceDocument(source: info, subIndex: ordinal, bytes: [])
        doc.warnings = container.warnings
        doc.limits = container.limits
        doc.restartDeadline()
        return doc
    }

    /// Reads (or skips) the block of one record.
    private func takeRecord(_ header: WARCHeader, reader: WARCRecordReader, container: SourceDocument,
                            ordinal: Int) throws -> RecordOutcome {
        let type = header.type
        guard type == "response" || type == "resource" else { return .skipped(type) }
        let length = header.contentLength ?? 0
        let prefix = try reader.readBlock(upTo: 64 << 10)
        var doc = subDocument(container, ordinal: ordinal, header: header)
        func broken(_ message: String) -> RecordOutcome { .failed(failure(container, ordinal: ordinal, header: header, message), fatal: false) }

        var http: HTTPResponse?
        var contentType: (mediaType: String?, charset: String?)
        let warcType = header.value("Content-Type")?.lowercased()
        if type == "response" {
            let isHTTP = warcType.map { $0.hasPrefix("application/http") } ?? prefix.starts(with: Array("HTTP/".utf8))
            guard isHTTP else { return .skipped("non-HTTP response") }
            do {
                http = try HTTPResponse.parseHead(prefix)
            } catch {
                return broken(error.description)
            }
            let status = http!.status
            guard (200..<300).contains(status) else { return .skipped("non-2xx response") }
            contentType = HTTPResponse.parseContentType(http!.value("Content-Type") ?? header.value("WARC-Identified-Payload-Type"))
        } else {
            contentType = HTTPResponse.parseContentType(header.value("Content-Type"))
        }
        guard Self.isTextPayload(contentType.mediaType, prefix: http.map { Array(prefix.dropFirst($0.bodyOffset)) } ?? prefix) else {
            return .skipped("non-text " + type)
        }
        let maxBytes = min(options.maxRecordBytes, container.limits.maxBytes)
        guard length <= maxBytes + (http?.bodyOffset ?? 0) else {
            return broken(LimitExceeded(limit: "max-bytes", allowed: "\(maxBytes) bytes",
                                        found: "the block is \(length) bytes; the record was skipped").description)
        }
        var block = prefix
        if reader.remainingBlock > 0 { block += try reader.readBlock() }
        if block.count < length {
            return .failed(failure(container, ordinal: ordinal, header: header,
                                   WARCRecordProblem.truncatedBlock(offset: header.offset, expected: length, got: block.count).description),
                           fatal: true)
        }
        var payload: [UInt8]
        if let http {
            do {
                payload = try http.payload(of: block, maxBytes: maxBytes)
            } catch {
                return broken(error.description)
            }
        } else {
            payload = block
        }
        guard !payload.isEmpty else { return .skipped("empty " + type) }
        doc.bytes = payload
        doc.mediaType = contentType.mediaType.flatMap { Self.isTextMediaType($0) ? $0 : nil }
        doc.transportCharset = contentType.charset
        return .document(doc)
    }

    /// Media types taken as documents: HTML, XHTML, XML (feeds, TEI) and plain text.
    static func isTextMediaType(_ type: String) -> Bool {
        if type == "text/css" || type == "text/javascript" || type == "text/ecmascript" { return false }
        return type.hasPrefix("text/") || type == "application/xhtml+xml" || type == "application/xml" || type.hasSuffix("+xml")
    }

    /// Whether a payload is taken: by its media type, or (none given) when its start has no NUL byte.
    static func isTextPayload(_ type: String?, prefix: [UInt8]) -> Bool {
        if let type { return isTextMediaType(type) }
        return !prefix.prefix(1024).contains(0)
    }
}
