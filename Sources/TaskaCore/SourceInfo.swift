/// Where a document came from: the original file as reached from the command line.
///
/// Every record carries one, so that an archivist can always go back to the exact bytes.
public struct SourceInfo: Sendable, Equatable {
    /// The path as reached from the command-line argument (never made absolute).
    /// Name bytes that are not valid UTF-8 appear as U+FFFD here; see `pathBytes`.
    public var path: String
    /// The raw bytes of `path` when they are not valid UTF-8, else `nil`.
    public var pathBytes: [UInt8]?
    /// Size of the original file in bytes.
    public var bytes: Int
    /// Lowercase hex SHA-256 of the original bytes.
    public var sha256: String
    /// Last modification time of the original file, if known.
    public var modified: Timestamp?
    /// The URI a record inside a container was fetched from (WARC-Target-URI), if any.
    public var uri: String?
    /// The WARC-Record-ID of the record this document came from, if any.
    public var warcRecordId: String?
    /// The WARC-Date of that record (ISO 8601, as written), if any.
    public var warcDate: String?
    /// Where inside a container (ZIP, TAR, 7z, RAR; nested ones too) this document was a
    /// member; `nil` for a document that is a file of its own.
    public var container: ContainerMember?

    /// The name that says what this document is: a container member's own name (whose
    /// extension is the member's, not the container's), else `path`. For hints only.
    public var documentName: String { container?.chain.last ?? path }

    public init(path: String, pathBytes: [UInt8]? = nil, bytes: Int, sha256: String, modified: Timestamp? = nil) {
        self.path = path
        self.pathBytes = pathBytes
        self.bytes = bytes
        self.sha256 = sha256
        self.modified = modified
    }
}

/// One member of a container as a record names it: the chain from the file on disk to the
/// member, and the member's own size and SHA-256.
///
/// The container stays the stored original (`source.sha256`); this is how to find the member in it.
public struct ContainerMember: Sendable, Equatable {
    /// The container's path as given, then each member name on the way in (outermost first),
    /// ending with this member's name. Names are as stored in the archive (never resolved on disk).
    public var chain: [String]
    /// Lowercase hex SHA-256 of the member's own bytes (`nil` when it could not be read whole:
    /// the error record of an encrypted, oversized or broken member, or of a container limit).
    public var sha256: String?
    /// Size of the member's bytes, when read whole.
    public var bytes: Int?
    /// The member's position among every member taken from the outermost container (0, 1, …,
    /// nested members included, in reading order); part of the record id.
    public var ordinal: Int

    public init(chain: [String], sha256: String?, bytes: Int?, ordinal: Int) {
        self.chain = chain
        self.sha256 = sha256
        self.bytes = bytes
        self.ordinal = ordinal
    }

    /// The member names inside the container, escaped and joined with ` → ` (for messages).
    public var shownMembers: String {
        chain.dropFirst().map(Self.escaped).joined(separator: " → ")
    }

    /// A member name in quotes with control, bidi and zero-width characters written as
    /// `\u{…}`, so a hostile name cannot disguise itself in a message or on a terminal.
    public static func escaped(_ name: String) -> String {
        var out = "'"
        for scalar in name.unicodeScalars {
            let v = scalar.value
            let invisible = v < 0x20 || (0x7F...0x9F).contains(v) || (0x200B...0x200F).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0xFEFF
            if invisible { out += "\\u{\(String(v, radix: 16, uppercase: true))}" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "'"
    }
}

/// A point in time as seconds (and nanoseconds) since the Unix epoch, printed as ISO 8601 UTC.
///
/// TaskaCore avoids Foundation so that every stage module stays light; this is all a record needs.
public struct Timestamp: Sendable, Equatable, Comparable {
    public var seconds: Int64
    public var nanoseconds: Int32

    public init(seconds: Int64, nanoseconds: Int32 = 0) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool {
        (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, or with milliseconds when `fraction` is true.
    public func iso8601(fraction: Bool = false) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secs = seconds - days * 86_400
        let (y, m, d) = Timestamp.civil(fromDays: days)
        if y >= 0 && y <= 9999 {
            // The usual case, written digit by digit (each record carries two timestamps).
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { b in
                var n = 0
                func put(_ v: Int64, _ width: Int) {
                    var v = v
                    for k in stride(from: width - 1, through: 0, by: -1) {
                        b[n + k] = 0x30 + UInt8(truncatingIfNeeded: v % 10)
                        v /= 10
                    }
                    n += width
                }
                func put(_ c: UInt8) { b[n] = c; n += 1 }
                put(y, 4); put(0x2D); put(m, 2); put(0x2D); put(d, 2); put(0x54)  // - - T
                put(secs / 3600, 2); put(0x3A); put(secs % 3600 / 60, 2); put(0x3A); put(secs % 60, 2)  // : :
                if fraction { put(0x2E); put(Int64(nanoseconds / 1_000_000), 3) }  // .
                put(0x5A)  // Z
                return String(decoding: UnsafeBufferPointer(rebasing: b[0..<n]), as: UTF8.self)
            }
        }
        func pad(_ v: Int64, _ w: Int) -> String {
            let s = String(v)
            return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
        }
        var out = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs % 3600 / 60, 2)):\(pad(secs % 60, 2))"
        if fraction { out += "." + pad(Int64(nanoseconds / 1_000_000), 3) }
        return out + "Z"
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
