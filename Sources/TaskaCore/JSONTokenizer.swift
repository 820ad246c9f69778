/// The one JSON reader: a pull tokenizer over a `ByteStream` through a fixed 64 KiB buffer, so a
/// multi-GB Telegram `result.json` is read in flat memory; `readValue()` builds one `JSONValue`
/// (a message, a JSON-LD block, a JSON Lines record) when a tree is wanted.
///
/// Tolerant where the official writer is not strict JSON (tdesktop `SerializeString`): `\xNN`
/// escapes become U+00NN, raw control characters inside strings are kept, duplicate keys are
/// accepted (the caller keeps the last value). Each is recorded in `events` for the caller to
/// turn into warnings; none is a failure. Commas and colons are treated as separators, so a
/// missing comma is tolerated too. Only a stream that ends inside a value throws.
public final class JSONTokenizer {
    public enum Token: Equatable, Sendable {
        case beginObject, endObject, beginArray, endArray
        /// A key inside an object (the string before `:`).
        case key(String)
        case string(String)
        /// A number as written (`-12`, `3.5e2`).
        case number(String)
        case bool(Bool)
        case null
        /// End of input.
        case end
    }

    /// Something the tokenizer accepted that strict JSON would not.
    public struct Event: Equatable, Sendable {
        /// `json-x-escape`, `json-raw-control`, `json-duplicate-key`, `json-bad-escape`, `json-bare-word`.
        public var code: String
        public var detail: String
    }

    /// A malformed stream that cannot be read on (it ended inside a value).
    public struct Failure: Error, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "byte \(offset): \(reason)" }

        public init(offset: Int, reason: String) {
            self.offset = offset
            self.reason = reason
        }
    }

    /// An open array or object; an object knows whether a key comes next and its keys so far
    /// (mutated in place on the stack, so the set is never copied).
    private struct Frame {
        var isObject: Bool
        var expectKey = true
        var keys = KeySet()
    }

    /// The keys of one object: a short list searched in order (a message has a dozen keys,
    /// and comparing small strings beats hashing them), moved into a set past 32 keys so a
    /// hostile object of a million keys stays linear.
    struct KeySet {
        private var few: [String] = []
        private var many: Set<String>?

        /// Adds `key`; false when it was already there.
        mutating func insert(_ key: String) -> Bool {
            if many != nil { return many!.insert(key).inserted }
            if few.contains(key) { return false }
            few.append(key)
            if few.count > 32 {
                many = Set(few)
                few = []
            }
            return true
        }
    }

    private let stream: any ByteStream
    /// Deepest nesting of arrays and objects accepted (the document's `max-depth`); deeper
    /// input throws `LimitExceeded`, so no caller ever holds or walks a deeper value.
    let maxDepth: Int
    // Read and written on every byte and token by this class's own methods only, never
    // across threads or overlapping calls: no dynamic exclusivity check.
    @exclusivity(unchecked) private var buffer: [UInt8]
    @exclusivity(unchecked) private var position = 0
    @exclusivity(unchecked) private var count = 0
    private var consumedBefore = 0
    private var atEnd = false
    @exclusivity(unchecked) private var frames: [Frame] = []
    @exclusivity(unchecked) private var peeked: Token?
    @exclusivity(unchecked) private var scratch: [UInt8] = []

    /// What was tolerated since the last `drainEvents()`.
    private(set) var events: [Event] = []

    /// Bytes read so far (the offset of the next byte).
    public var offset: Int { consumedBefore + position }
    /// Nesting depth after the last token returned (1 inside the top-level object).
    public var depth: Int { frames.count }

    public init(stream: any ByteStream, bufferSize: Int = 1 << 16, maxDepth: Int = DocumentLimits().maxDepth) {
        self.stream = stream
        self.maxDepth = maxDepth
        self.buffer = [UInt8](repeating: 0, count: bufferSize)
    }

    /// The first value of `bytes`, or nil when they hold none (tolerant as the tokenizer is;
    /// for small inputs such as a JSON-LD block or one JSON Lines record).
    public static func value(of bytes: [UInt8], maxDepth: Int = DocumentLimits().maxDepth) -> JSONValue? {
        try? JSONTokenizer(stream: MemoryByteStream(bytes), bufferSize: max(16, min(bytes.count, 1 << 16)), maxDepth: maxDepth).readValue()
    }

    /// Returns and forgets the events seen so far.
    public func drainEvents() -> [Event] {
        defer { events.removeAll(keepingCapacity: true) }
        return events
    }

    /// The next token without consuming it.
    public func peek() throws -> Token {
        if let peeked { return peeked }
        let token = try readToken()
        peeked = token
        return token
    }

    /// The next token.
    public func next() throws -> Token {
        if let token = peeked {
            peeked = nil
            return token
        }
        return try readToken()
    }

    /// Skips one whole value (scalar, object or array) without building it.
    public func skipValue() throws {
        let first = try next()
        switch first {
        case .beginObject, .beginArray:
            var level = 1
            while level > 0 {
                switch try next() {
                case .beginObject, .beginArray: level += 1
                case .endObject, .endArray: level -= 1
                case .end: throw Failure(offset: offset, reason: "the file ends inside an object or array (truncated?)")
                default: break
                }
            }
        case .end: throw Failure(offset: offset, reason: "a value was expected but the file ended")
        default: break
        }
    }

    /// Reads one whole value into a tree (one message, one JSON-LD block: bounded by its size
    /// and by `maxDepth`). Iterative: an explicit stack of open containers, no recursion.
    public func readValue() throws -> JSONValue {
        enum Open {
            case array([JSONValue])
            case object(ObjectMembers, key: String?)
        }
        var stack: [Open] = []
        var token = try next()
        while true {
            var value: JSONValue?
            switch stack.last {
            case .array?:
                if token == .endArray, case .array(let items)? = stack.popLast() { value = .array(items) }
                else if token == .end || token == .endObject { throw Failure(offset: offset, reason: "an array is not closed (truncated?)") }
            case .object(_, let key)? where key == nil:
                switch token {
                case .endObject:
                    if case .object(let members, _)? = stack.popLast() { value = .object(members.pairs) }
                case .key(let k):
                    if case .object(let members, _)? = stack.popLast() { stack.append(.object(members, key: k)) }
                    token = try next()
                    continue
                case .end: throw Failure(offset: offset, reason: "an object is not closed (truncated?)")
                default: throw Failure(offset: offset, reason: "a key was expected in an object")
                }
            default:
                break
            }
            if value == nil {
                switch token {
                case .string(let s), .key(let s): value = .string(s)
                case .number(let n): value = JSONValue(number: n)
                case .bool(let b): value = .bool(b)
                case .null: value = .null
                case .beginArray:
                    stack.append(.array([]))
                    token = try next()
                    continue
                case .beginObject:
                    stack.append(.object(ObjectMembers(), key: nil))
                    token = try next()
                    continue
                case .endArray, .endObject:
                    throw Failure(offset: offset, reason: "a value was expected, found a closing bracket")
                case .end:
                    throw Failure(offset: offset, reason: "a value was expected but the file ended")
                }
            }
            guard let done = value else { continue }
            // Hand the finished value to the container it belongs to (or return it).
            switch stack.popLast() {
            case nil:
                return done
            case .array(var items)?:
                items.append(done)
                stack.append(.array(items))
            case .object(var members, let key)?:
                members.set(key ?? "", done)
                stack.append(.object(members, key: nil))
            }
            token = try next()
        }
    }

    // MARK: - Lexing

    private func fill() throws -> Bool {
        if position < count { return true }
        if atEnd { return false }
        consumedBefore += count
        position = 0
        count = try buffer.withUnsafeMutableBytes { try stream.read(into: $0) }
        if count == 0 { atEnd = true; return false }
        return true
    }

    private func nextByte() throws -> UInt8? {
        guard try fill() else { return nil }
        let b = buffer[position]
        position += 1
        return b
    }

    private func peekByte() throws -> UInt8? {
        guard try fill() else { return nil }
        return buffer[position]
    }

    /// A value has been completed in the current frame.
    private func valueDone() {
        if let last = frames.indices.last, frames[last].isObject { frames[last].expectKey = true }
    }

    private func readToken() throws -> Token {
        while let b = try nextByte() {
            switch b {
            case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: ":"):
                continue
            case 0xEF:  // a UTF-8 BOM at the start
                if offset == 1 {
                    _ = try nextByte(); _ = try nextByte()
                    continue
                }
                return try bareWord(first: b)
            case UInt8(ascii: "{"):
                try checkDepth()
                frames.append(Frame(isObject: true))
                return .beginObject
            case UInt8(ascii: "["):
                try checkDepth()
                frames.append(Frame(isObject: false))
                return .beginArray
            case UInt8(ascii: "}"):
                if !frames.isEmpty { frames.removeLast() }
                valueDone()
                return .endObject
            case UInt8(ascii: "]"):
                if !frames.isEmpty { frames.removeLast() }
                valueDone()
                return .endArray
            case UInt8(ascii: "\""):
                let s = try string()
                if let last = frames.indices.last, frames[last].isObject, frames[last].expectKey {
                    if !frames[last].keys.insert(s) {
                        events.append(Event(code: "json-duplicate-key", detail: s))
                    }
                    frames[last].expectKey = false
                    return .key(s)
                }
                valueDone()
                return .string(s)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                scratch.removeAll(keepingCapacity: true)
                scratch.append(b)
                while let c = try peekByte(), Self.isNumberByte(c) {
                    scratch.append(c)
                    position += 1
                }
                valueDone()
                return .number(String(decoding: scratch, as: UTF8.self))
            default:
                return try bareWord(first: b)
            }
        }
        if !frames.isEmpty {
            throw Failure(offset: offset, reason: "the file ends inside an object or array (truncated?)")
        }
        return .end
    }

    /// Refuses to open one more array or object past `maxDepth`.
    private func checkDepth() throws(LimitExceeded) {
        guard frames.count >= maxDepth else { return }
        throw LimitExceeded(limit: "max-depth", allowed: "\(maxDepth) levels",
                            found: "JSON arrays and objects are nested deeper than that at byte \(offset)")
    }

    private static func isNumberByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".")
            || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
    }

    /// `true`, `false`, `null`, or an unquoted word (kept as a string, with an event).
    private func bareWord(first: UInt8) throws -> Token {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(first)
        while let c = try peekByte(), !Self.isDelimiter(c) {
            scratch.append(c)
            position += 1
        }
        let word = String(decoding: scratch, as: UTF8.self)
        let token: Token
        switch word {
        case "true": token = .bool(true)
        case "false": token = .bool(false)
        case "null": token = .null
        default:
            events.append(Event(code: "json-bare-word", detail: String(word.prefix(20))))
            if let last = frames.indices.last, frames[last].isObject, frames[last].expectKey {
                _ = frames[last].keys.insert(word)
                frames[last].expectKey = false
                return .key(word)
            }
            token = .string(word)
        }
        valueDone()
        return token
    }

    private static func isDelimiter(_ c: UInt8) -> Bool {
        switch c {
        case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\""):
            return true
        default:
            return false
        }
    }

    /// The rest of a string after its opening quote, unescaped.
    private func string() throws -> String {
        scratch.removeAll(keepingCapacity: true)
        var rawControls = 0
        while true {
            guard try fill() else {
                throw Failure(offset: offset, reason: "the file ends inside a string (truncated?)")
            }
            // Fast path: copy the run of ordinary bytes up to a quote, backslash or control.
            let runEnd = buffer.withUnsafeBufferPointer { p -> Int in
                var i = position
                while i < count {
                    let c = p[i]
                    if c == 0x22 || c == 0x5C || c < 0x20 { break }
                    i += 1
                }
                return i
            }
            if runEnd > position {
                scratch.append(contentsOf: buffer[position..<runEnd])
                position = runEnd
                continue
            }
            let b = buffer[position]
            position += 1
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") {
                guard let e = try nextByte() else {
                    throw Failure(offset: offset, reason: "the file ends inside a string escape (truncated?)")
                }
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(e)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "u"):
                    try unicodeEscape()
                case UInt8(ascii: "x"):
                    // tdesktop writes other bytes < 0x20 as \xNN: read it as U+00NN.
                    let h1 = try nextByte(), h2 = try nextByte()
                    if let h1, let h2, let v1 = Self.hex(h1), let v2 = Self.hex(h2) {
                        appendScalar(UInt32(v1 << 4 | v2))
                        events.append(Event(code: "json-x-escape", detail: "\\x" + String(decoding: [h1, h2], as: UTF8.self)))
                    } else {
                        events.append(Event(code: "json-bad-escape", detail: "\\x"))
                        scratch.append(UInt8(ascii: "x"))
                        if let h1 { scratch.append(h1) }
                        if let h2 { scratch.append(h2) }
                    }
                default:
                    events.append(Event(code: "json-bad-escape", detail: "\\" + String(decoding: [e], as: UTF8.self)))
                    scratch.append(e)
                }
                continue
            }
            if b < 0x20 { rawControls += 1 }
            scratch.append(b)
        }
        if rawControls > 0 {
            events.append(Event(code: "json-raw-control", detail: "\(rawControls)"))
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    private func unicodeEscape() throws {
        guard let high = try hex4() else {
            events.append(Event(code: "json-bad-escape", detail: "\\u"))
            return
        }
        if high >= 0xD800 && high < 0xDC00 {
            // A surrogate pair is two escapes: \uD83D\uDE00.
            if try peekByte() == UInt8(ascii: "\\") {
                position += 1
                if try nextByte() == UInt8(ascii: "u"), let low = try hex4(), low >= 0xDC00 && low < 0xE000 {
                    appendScalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                    return
                }
            }
            events.append(Event(code: "json-bad-escape", detail: "lone surrogate"))
            appendScalar(0xFFFD)
            return
        }
        if high >= 0xDC00 && high < 0xE000 {
            events.append(Event(code: "json-bad-escape", detail: "lone surrogate"))
            appendScalar(0xFFFD)
            return
        }
        appendScalar(high)
    }

    private func hex4() throws -> UInt32? {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let b = try nextByte(), let d = Self.hex(b) else { return nil }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private func appendScalar(_ v: UInt32) {
        let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
        scratch.append(contentsOf: String(Character(scalar)).utf8)
    }
}

/// The members of one JSON object being read: a later duplicate key replaces the earlier value
/// in place (Telegram writes some keys twice). A message has a dozen keys, searched in order
/// (comparing small strings beats hashing them); past 32 keys an index takes over, so that an
/// object with many keys costs linear time, not quadratic (a fuzz finding).
private struct ObjectMembers {
    var pairs: [(String, JSONValue)] = []
    private var positions: [String: Int]?

    mutating func set(_ key: String, _ value: JSONValue) {
        if positions == nil {
            if let i = pairs.firstIndex(where: { $0.0 == key }) {
                pairs[i] = (key, value)
                return
            }
            pairs.append((key, value))
            if pairs.count > 32 {
                var index: [String: Int] = [:]
                for (i, pair) in pairs.enumerated() { index[pair.0] = i }
                positions = index
            }
            return
        }
        if let i = positions![key] {
            pairs[i] = (key, value)
        } else {
            positions![key] = pairs.count
            pairs.append((key, value))
        }
    }
}
