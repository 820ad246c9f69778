/// A receiver of JSON events (objects, arrays, keys, scalars) in document order.
///
/// Why: a record's layout is written once, against this protocol, and either streamed as bytes
/// (`JSONByteWriter`, the hot path of every sink) or built as a `JSONValue` tree
/// (`JSONTreeBuilder`, for tests and golden files); both give the same JSON.
public protocol JSONEmitter {
    mutating func beginObject()
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    /// The key of the next value inside an object.
    mutating func key(string key: String)
    /// A key known when compiling (`"text"`): written without an escape scan where the
    /// emitter can. Keys of the record layout are all such literals.
    mutating func key(_ key: StaticString)
    mutating func null()
    mutating func bool(_ value: Bool)
    mutating func int(_ value: Int)
    /// Written as an integer when it is one (below 1e15), `null` when not finite.
    mutating func double(_ value: Double)
    mutating func string(_ value: String)
}

extension JSONEmitter {
    /// `value` or `null`.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// `key` then `value` or `null`.
    public mutating func field(_ key: StaticString, _ value: String?) {
        self.key(key)
        string(value)
    }

    public mutating func field(_ key: StaticString, _ value: Int) {
        self.key(key)
        int(value)
    }

    public mutating func field(_ key: StaticString, _ value: Double?) {
        self.key(key)
        if let value { double(value) } else { null() }
    }

    /// Emits `value` as JSON events.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case let .bool(b): bool(b)
        case let .int(i): int(i)
        case let .double(d): double(d)
        case let .string(s): string(s)
        case let .array(items):
            beginArray()
            for item in items { self.value(item) }
            endArray()
        case let .object(pairs):
            beginObject()
            for (k, v) in pairs { key(string: k); self.value(v) }
            endObject()
        }
    }
}

/// Compact JSON bytes appended to a buffer: the same bytes as `JSONValue.write(to:)`, with no
/// tree in between.
public struct JSONByteWriter: JSONEmitter {
    public var bytes: [UInt8]
    /// Open containers; a comma goes before every value but the first of each.
    private var depth = 0
    private var needsComma = false

    public init(appendingTo bytes: [UInt8] = []) { self.bytes = bytes }

    @inline(__always)
    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    public mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); depth += 1; needsComma = false }
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")); depth -= 1; needsComma = depth > 0 }
    public mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); depth += 1; needsComma = false }
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")); depth -= 1; needsComma = depth > 0 }

    public mutating func key(string key: String) {
        separate()
        JSONValue.writeString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A literal key is plain ASCII with nothing to escape (the record layout's keys): its
    /// bytes are copied as they are.
    public mutating func key(_ key: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func null() { separate(); bytes.append(contentsOf: "null".utf8); needsComma = depth > 0 }
    public mutating func bool(_ value: Bool) { separate(); bytes.append(contentsOf: (value ? "true" : "false").utf8); needsComma = depth > 0 }
    public mutating func int(_ value: Int) { separate(); JSONValue.writeInt(value, to: &bytes); needsComma = depth > 0 }
    public mutating func double(_ value: Double) { separate(); JSONValue.writeDouble(value, to: &bytes); needsComma = depth > 0 }
    public mutating func string(_ value: String) { separate(); JSONValue.writeString(value, to: &bytes); needsComma = depth > 0 }
}

/// Builds a `JSONValue` tree from JSON events.
public struct JSONTreeBuilder: JSONEmitter {
    private enum Frame {
        case object([(String, JSONValue)], key: String?)
        case array([JSONValue])
    }

    private var stack: [Frame] = []
    /// The finished value (the last top-level value emitted).
    public private(set) var result: JSONValue = .null

    public init() {}

    private mutating func add(_ value: JSONValue) {
        guard let top = stack.popLast() else { result = value; return }
        switch top {
        case .object(var pairs, let key):
            pairs.append((key ?? "", value))
            stack.append(.object(pairs, key: nil))
        case var .array(items):
            items.append(value)
            stack.append(.array(items))
        }
    }

    public mutating func beginObject() { stack.append(.object([], key: nil)) }
    public mutating func beginArray() { stack.append(.array([])) }

    public mutating func endObject() {
        guard case let .object(pairs, _)? = stack.popLast() else { preconditionFailure("endObject without beginObject") }
        add(.object(pairs))
    }

    public mutating func endArray() {
        guard case let .array(items)? = stack.popLast() else { preconditionFailure("endArray without beginArray") }
        add(.array(items))
    }

    public mutating func key(string key: String) {
        guard case let .object(pairs, _)? = stack.popLast() else { preconditionFailure("key outside an object") }
        stack.append(.object(pairs, key: key))
    }

    public mutating func key(_ key: StaticString) { self.key(string: "\(key)") }

    public mutating func null() { add(.null) }
    public mutating func bool(_ value: Bool) { add(.bool(value)) }
    public mutating func int(_ value: Int) { add(.int(value)) }
    public mutating func double(_ value: Double) { add(.double(value)) }
    public mutating func string(_ value: String) { add(.string(value)) }
}
