import TaskaCore

/// The header of one WARC record (WARC 0.18, 1.0 or 1.1).
struct WARCHeader {
    /// `WARC/1.0`, `WARC/1.1`, `WARC/0.18`.
    var version: String
    /// Fields in order, names as written (writers differ in case: `WARC-Type`, `Warc-Type`).
    var fields: [(name: String, value: String)]
    /// Offset of the version line in the (decompressed) stream.
    var offset: Int

    /// The value of the first field named `name`, case-insensitively.
    func value(_ name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name.lowercased() == lower }?.value
    }

    /// `WARC-Type`, lowercased (`response`, `resource`, `request`, `warcinfo`, `metadata`, `revisit`, …).
    var type: String { (value("WARC-Type") ?? "unknown").lowercased() }

    var contentLength: Int? {
        value("Content-Length").flatMap { Int($0.warcTrimmed) }.flatMap { $0 >= 0 ? $0 : nil }
    }

    /// `WARC-Target-URI` without the `<…>` some writers (wget) put around it.
    var targetURI: String? {
        guard var uri = value("WARC-Target-URI")?.warcTrimmed, !uri.isEmpty else { return nil }
        if uri.hasPrefix("<") && uri.hasSuffix(">") { uri = String(uri.dropFirst().dropLast()) }
        return uri
    }
}

/// Why a WARC record could not be read.
enum WARCRecordProblem: Error, CustomStringConvertible {
    case notARecord(offset: Int, line: String)
    case noContentLength(offset: Int)
    case truncatedBlock(offset: Int, expected: Int, got: Int)

    var description: String {
        switch self {
        case let .notARecord(offset, line):
            return "byte \(offset) of the WARC data: expected a record header (WARC/1.0) but found «\(line)»; skipped to the next record"
        case let .noContentLength(offset):
            return "the WARC record at byte \(offset) has no valid Content-Length, so its block cannot be framed; skipped to the next record"
        case let .truncatedBlock(offset, expected, got):
            return "the WARC record at byte \(offset) declares a \(expected)-byte block but the data ends after \(got) bytes: the file is truncated"
        }
    }
}

/// Reads WARC records one after another from a (decompressed) byte stream.
///
/// Headers are parsed as lines; blocks are read or skipped by `Content-Length`, so a record
/// the caller does not want costs no memory. After a malformed header the reader resynchronises
/// at the next line that starts with `WARC/`.
final class WARCRecordReader {
    let input: BufferedByteReader
    /// Bytes of the current record's block not yet consumed.
    private var blockLeft = 0

    init(_ input: BufferedByteReader) { self.input = input }

    /// The next record's header, or nil at the end. Throws a `WARCRecordProblem` for a malformed
    /// header (after which the next call resumes at the following record).
    func nextHeader() throws -> WARCHeader? {
        try finishBlock()
        // Records end with CRLF CRLF; tolerate more or fewer blank lines.
        var line: [UInt8]
        var offset: Int
        repeat {
            offset = input.offset
            guard let l = try input.readLine() else { return nil }
            line = l
        } while line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        guard line.starts(with: Self.magic) else {
            let shown = String(decoding: line.prefix(40), as: UTF8.self)
            try resync()
            throw WARCRecordProblem.notARecord(offset: offset, line: shown)
        }
        var fields: [(name: String, value: String)] = []
        while let raw = try input.readLine() {
            if raw.isEmpty { break }
            if (raw.first == 0x20 || raw.first == 0x09), !fields.isEmpty {
                // Folded continuation line (WARC 0.18 allows it).
                fields[fields.count - 1].value += " " + String(decoding: raw, as: UTF8.self).warcTrimmed
                continue
            }
            guard let colon = raw.firstIndex(of: 0x3A) else { continue }
            let name = String(decoding: raw[..<colon], as: UTF8.self).warcTrimmed
            let value = String(decoding: raw[(colon + 1)...], as: UTF8.self).warcTrimmed
            fields.append((name, value))
        }
        var header = WARCHeader(version: String(decoding: line, as: UTF8.self).warcTrimmed, fields: fields, offset: offset)
        if header.version.hasPrefix("WARC/0.") && header.contentLength == nil {
            // WARC 0.18 also puts the length on the version line: "WARC/0.18 <length> <type> …".
            let parts = header.version.split(separator: " ")
            if parts.count > 1, let length = Int(parts[1]) { header.fields.append(("Content-Length", String(length))) }
        }
        guard let length = header.contentLength else {
            try resync()
            throw WARCRecordProblem.noContentLength(offset: offset)
        }
        blockLeft = length
        return header
    }

    /// Reads the whole block of the current record (call after `nextHeader`).
    func readBlock() throws -> [UInt8] {
        let bytes = try input.read(blockLeft)
        blockLeft -= bytes.count
        return bytes
    }

    /// Reads up to `count` bytes of the current block.
    func readBlock(upTo count: Int) throws -> [UInt8] {
        let bytes = try input.read(min(count, blockLeft))
        blockLeft -= bytes.count
        return bytes
    }

    /// Bytes of the current block not yet read.
    var remainingBlock: Int { blockLeft }

    /// Skips what is left of the current block.
    func finishBlock() throws {
        if blockLeft > 0 {
            blockLeft -= try input.skip(blockLeft)
            blockLeft = 0
        }
    }

    /// Skips lines until the next one that starts with `WARC/` (left unread).
    private func resync() throws {
        blockLeft = 0
        while true {
            let head = try input.peek(5)
            if head.isEmpty { return }
            if head.elementsEqual(Self.magic) { return }
            _ = try input.readLine()
        }
    }

    static let magic: [UInt8] = Array("WARC/".utf8)
}

extension String {
    /// Without leading and trailing spaces and tabs (Foundation-free).
    var warcTrimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
