import TaskaCore

/// Bytes -> text: sniffs the media type, decides the charset, converts, repairs mojibake.
///
/// Sets `mediaType` (when the reader did not), `charset` and `text`, and empties `bytes` so a
/// large payload is not kept twice. Containers (gzip, WARC), PDFs and page images (PNG, JPEG,
/// TIFF, WebP) pass through untouched for the readers that open them, as do office documents
/// whose parts `unarchive` read. Empty files and binary files are refused with a `DecodeError`.
public struct DecodeStage: Stage {
    public var options: DecodeOptions

    public init(options: DecodeOptions = DecodeOptions()) { self.options = options }

    public var name: String { "decode" }

    public var configuration: String { options.canonicalDescription }

    /// Media types a `DecodeStage` leaves undecoded, for the container, PDF and image readers.
    static let containerTypes: Set<String> = ["application/warc", "application/gzip", "application/x-gzip", "application/pdf",
                                              "image/png", "image/jpeg", "image/tiff", "image/webp"]

    public func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        try document.checkDeadline("stopped before decoding")
        if document.payloadPath == nil && document.bytes.count > document.limits.maxBytes {
            throw LimitExceeded(limit: "max-bytes", allowed: "\(document.limits.maxBytes) bytes",
                                found: "\(document.source.path)\(document.subIndex.map { " #\($0)" } ?? ""): \(document.bytes.count) bytes to decode")
        }
        // An office document's parts are XML its reader decodes itself (`OfficePackage`).
        if document.officePackage != nil { return try emit(document) }
        var doc = document
        do {
            let keep = try decode(&doc)
            if !keep { doc.bytes = [] }
        } catch {
            throw error.at(doc.source.path)
        }
        try emit(doc)
    }

    /// Decodes `doc` in place; returns true when the bytes must be kept (containers).
    private func decode(_ doc: inout SourceDocument) throws(DecodeError) -> Bool {
        guard !doc.bytes.isEmpty else { throw DecodeError(path: nil, reason: .empty) }
        let path = doc.source.documentName
        let bytes = doc.bytes
        return try bytes.withUnsafeBufferPointer { buffer throws(DecodeError) -> Bool in
            switch FormatSniffer.sniff(buffer, path: path) {
            case let .binary(_, description):
                throw DecodeError(path: nil, reason: .binary(format: description, firstBytes: Array(buffer.prefix(4))))
            case let .unrecognizedBinary(share):
                throw DecodeError(path: nil, reason: .unrecognizedBinary(controlShare: share, firstBytes: Array(buffer.prefix(4))))
            case let .container(mediaType):
                if doc.mediaType == nil { doc.mediaType = mediaType }
                return true
            case let .text(mediaType):
                if doc.mediaType == nil { doc.mediaType = mediaType }
            }
            if let given = doc.mediaType, DecodeStage.containerTypes.contains(given.lowercased()) { return true }

            // A streamed document carries only its file's first bytes: a UTF-8 sequence cut at
            // their end is no invalid byte of the file (nor a sign of another charset).
            let whole = doc.payloadPath == nil ? buffer : UnsafeBufferPointer(rebasing: buffer[..<DecodeStage.completeUTF8Prefix(buffer)])
            let choice = CharsetDecider(stage: name).decide(
                whole, transport: doc.transportCharset, scanDeclarations: DecodeStage.isMarkup(doc.mediaType))
            let charset = choice.decision.charset
            let body = UnsafeBufferPointer(rebasing: whole[min(choice.bomLength, whole.count)...])
            let converted = try TextConverter.convert(body, charset: charset, validUTF8: choice.utf8?.isValid == true)
            doc.charset = choice.decision
            doc.warnings.append(contentsOf: choice.warnings)
            if choice.decision.source == .default {
                doc.warn(name, "charset-undetermined",
                         "No charset could be determined from the bytes; decoded as UTF-8 with replacement characters. Convert the file to UTF-8 or declare its charset.")
            }
            if choice.decision.source == .detected, choice.decision.confidence < 0.5 {
                let confidence = (choice.decision.confidence * 100).rounded() / 100
                doc.warn(name, "charset-uncertain",
                         "The charset was detected as \(charset) with low confidence (\(confidence)); check the text and declare the charset (or convert the file to UTF-8) if it reads wrongly.")
            }
            if converted.invalid > 0 {
                doc.warn(name, "invalid-bytes", DecodeStage.invalidMessage(converted.invalid, charset: charset, body: body,
                                                                          utf8: choice.utf8), count: converted.invalid)
            }
            var text = converted.text
            if options.repairMojibake, let repair = MojibakeRepairer.repair(text) {
                text = repair.text
                var message = "Repaired UTF-8 text that had been decoded as windows-1252 (\(repair.changed) characters changed)"
                if repair.rounds > 1 { message += "; it had been double-encoded and was repaired twice" }
                if !repair.wholeText { message += "; only some lines were affected" }
                doc.warn(name, "mojibake-repaired", message, count: repair.changed)
            }
            doc.text = text
            return false
        }
    }

    /// The length of `bytes` without a UTF-8 sequence its end cuts short.
    static func completeUTF8Prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var lead = bytes.count - 1
        while lead >= 0, lead > bytes.count - 4, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        guard lead >= 0 else { return bytes.count }
        let b = bytes[lead]
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        return lead + length > bytes.count ? lead : bytes.count
    }

    /// Whether the declared charset of markup should be looked for.
    static func isMarkup(_ mediaType: String?) -> Bool {
        guard let t = mediaType?.lowercased() else { return false }
        return t.contains("html") || t.contains("xml")
    }

    static func invalidMessage(_ count: Int, charset: String, body: UnsafeBufferPointer<UInt8>,
                               utf8: UTF8Validator.Report?) -> String {
        let sequences = count == 1 ? "1 byte sequence was" : "\(count) byte sequences were"
        var message = "\(sequences) not valid \(charset) and became U+FFFD"
        if charset.hasPrefix("utf-16") && body.count % 2 == 1 {
            message += " (the input has an odd number of bytes: it was truncated)"
        } else if charset.hasPrefix("utf-16") {
            message += " (unpaired surrogates)"
        } else if charset == "utf-8", let offset = (utf8 ?? UTF8Validator.validate(body)).firstInvalidOffset {
            message += " (the first at byte \(offset))"
        }
        return message
    }
}
