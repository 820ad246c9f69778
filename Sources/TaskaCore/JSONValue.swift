/// A JSON value whose objects keep their key order, so records print with a stable layout.
///
/// Foundation's encoder can only sort keys alphabetically; the record schema fixes an order.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.double(x), .double(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// `value` or `.null`.
    public static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// The value under `key` of an object, or `nil`.
    public subscript(key: String) -> JSONValue? {
        if case let .object(pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    /// A number as written in JSON: `.int` when it is a whole number that fits, else `.double`
    /// when finite, else the text as `.string` (nothing is lost).
    public init(number text: String) {
        if let n = Int(text) { self = .int(n) }
        else if let d = Double(text), d.isFinite { self = .double(d) }
        else { self = .string(text) }
    }

    /// The text of a string value.
    public var string: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    /// An integer from a whole number or a string of digits (Telegram writes `date_unixtime`
    /// as a string).
    public var int64: Int64? {
        switch self {
        case let .int(n): return Int64(n)
        case let .string(s): return Int64(s)
        default: return nil
        }
    }

    /// A whole number as `Int`.
    public var int: Int? {
        if case let .int(n) = self { return n }
        return nil
    }

    /// A number as `Double` (whole numbers too).
    public var double: Double? {
        switch self {
        case let .int(n): return Double(n)
        case let .double(d): return d
        default: return nil
        }
    }

    /// The items of an array.
    public var array: [JSONValue]? {
        if case let .array(items) = self { return items }
        return nil
    }

    /// The keys of an object in order (empty for other values).
    public var keys: [String] {
        if case let .object(pairs) = self { return pairs.map(\.0) }
        return []
    }

    /// Compact JSON on one line (no newline inside; `\u2028`/`\u2029` escaped).
    public func serialized() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(to: &out, indent: nil, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// JSON with two-space indentation, as used for golden files.
    public func prettyPrinted() -> String {
        var out: [UInt8] = []
        write(to: &out, indent: 2, level: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends compact JSON bytes to `out`.
    public func write(to out: inout [UInt8]) { write(to: &out, indent: nil, level: 0) }

    private func write(to out: inout [UInt8], indent: Int?, level: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case let .bool(b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case let .int(i): JSONValue.writeInt(i, to: &out)
        case let .double(d): JSONValue.writeDouble(d, to: &out)
        case let .string(s): JSONValue.writeString(s, to: &out)
        case let .array(items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent, level + 1)
                item.write(to: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append(UInt8(ascii: "]"))
        case let .object(pairs):
            if pairs.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent, level + 1)
                JSONValue.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                value.write(to: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ out: inout [UInt8], _ indent: Int?, _ level: Int) {
        guard let indent else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Whether any byte of `w` is below 0x20 or is `"`, `\` or 0xE2 (SWAR: a byte equal to
    /// `c` makes `w ^ c·0x0101…` hold a zero byte; a byte below 0x20 survives the borrow test).
    @inline(__always)
    static func mayNeedEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let control = (w &- 0x2020_2020_2020_2020) & ~w & highs != 0
        return control || hasZero(w ^ (0x22 &* ones)) || hasZero(w ^ (0x5C &* ones)) || hasZero(w ^ (0xE2 &* ones))
    }

    /// Decimal digits of `i`, without a `String` in between.
    static func writeInt(_ i: Int, to out: inout [UInt8]) {
        if i == 0 { out.append(48); return }
        if i < 0 { out.append(UInt8(ascii: "-")) }
        var v = i.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // up to 20 digits, filled from the right
        var n = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            while v > 0 {
                n += 1
                raw[24 - n] = 48 + UInt8(truncatingIfNeeded: v % 10)
                v /= 10
            }
            out.append(contentsOf: raw[(24 - n)...])
        }
    }

    /// An integral value below 1e15 as an integer; else Swift's shortest round-trip form;
    /// `null` when not finite.
    static func writeDouble(_ d: Double, to out: inout [UInt8]) {
        guard d.isFinite else { out.append(contentsOf: "null".utf8); return }
        if d == d.rounded(), abs(d) < 1e15 { writeInt(Int(d), to: &out) } else { out.append(contentsOf: "\(d)".utf8) }
    }

    /// Escapes per RFC 8259, plus U+2028/U+2029 so a line of JSON Lines never breaks in JS tools.
    static func writeString(_ s: String, to out: inout [UInt8]) {
        // `withUTF8` also reaches small (inline) strings' bytes without copying them to the heap.
        var s = s
        s.withUTF8 { writeEscaped($0, to: &out) }
    }

    /// `writeString` over the string's UTF-8 (always well-formed): runs of bytes that need no
    /// escape are appended at once.
    private static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let n = bytes.count
        var start = 0
        var i = 0
        let raw = UnsafeRawPointer(bytes.baseAddress)
        while i < n {
            // Eight bytes at a time while none needs a look: no control byte, quote, backslash
            // or E2 (the lead byte of U+2028/U+2029).
            if let raw {
                while i + 8 <= n {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if Self.mayNeedEscape(w) { break }
                    i &+= 8
                }
                guard i < n else { break }
            }
            let b = bytes[i]
            if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") && b != 0xE2 { i += 1; continue }
            if b == 0xE2 {
                // U+2028 = E2 80 A8, U+2029 = E2 80 A9; any other E2 sequence is copied as is.
                guard i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 else { i += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                out.append(contentsOf: bytes[i + 2] == 0xA8 ? "\\u2028".utf8 : "\\u2029".utf8)
                i += 3
                start = i
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            out.append(92)
            switch b {
            case UInt8(ascii: "\""): out.append(34)
            case UInt8(ascii: "\\"): out.append(92)
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            default:
                out.append(UInt8(ascii: "u")); out.append(48); out.append(48)
                out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)])
            }
            i += 1
            start = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<n]))
        out.append(UInt8(ascii: "\""))
    }
}
