/// One JSON value read by `TelegramJSONTokenizer` (a message, at most: never the whole file).
/// Object keys keep their order; a duplicate key keeps its last value.
indirect enum TelegramJSONValue: Equatable {
    case object([(String, TelegramJSONValue)])
    case array([TelegramJSONValue])
    case string(String)
    /// A number as written.
    case number(String)
    case bool(Bool)
    case null

    static func == (a: TelegramJSONValue, b: TelegramJSONValue) -> Bool {
        switch (a, b) {
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.array(x), .array(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        case (.null, .null): return true
        default: return false
        }
    }

    subscript(key: String) -> TelegramJSONValue? {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// An integer from a number or a string of digits (`date_unixtime` is a string).
    var int64: Int64? {
        switch self {
        case .number(let n): return Int64(n)
        case .string(let s): return Int64(s)
        default: return nil
        }
    }

    var keys: [String] {
        if case .object(let pairs) = self { return pairs.map(\.0) }
        return []
    }
}
