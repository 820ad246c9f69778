import Foundation

/// What a pipeline-file option (or limit) accepts, and how its value is written canonically.
public enum OptionKind: Sendable, Equatable {
    case bool
    case oneOf([String])
    case integer(ClosedRange<Int>)
    /// A size in bytes; the suffixes `k`, `M`, `G` multiply by 1024, 1024², 1024³.
    case bytes(ClosedRange<Int>)
    case number(ClosedRange<Double>)
    /// A comma-separated, non-empty list of distinct values from the set.
    case subset([String])

    /// The allowed values in words, as shown in error messages and `taska pipelines --options`.
    public var summary: String {
        switch self {
        case .bool: return "true, false"
        case let .oneOf(values): return values.joined(separator: ", ")
        case let .integer(range): return "an integer from \(range.lowerBound) to \(range.upperBound)"
        case let .bytes(range):
            return "a size in bytes from \(range.lowerBound) to \(Self.formatBytes(range.upperBound)), with an optional suffix k, M or G (e.g. 64M)"
        case let .number(range): return "a number from \(Self.plain(range.lowerBound)) to \(Self.plain(range.upperBound))"
        case let .subset(values): return "a comma-separated list of \(values.joined(separator: ", "))"
        }
    }

    /// The canonical text of `raw` (trimmed, sizes in bytes, numbers as Swift prints them), or
    /// nil when it is not allowed.
    public func canonical(_ raw: String) -> String? {
        let value = raw.trimmingCharacters(in: .whitespaces)
        switch self {
        case .bool:
            return value == "true" || value == "false" ? value : nil
        case let .oneOf(values):
            return values.contains(value) ? value : nil
        case let .integer(range):
            guard let n = Int(value), range.contains(n) else { return nil }
            return String(n)
        case let .bytes(range):
            guard let n = Self.parseBytes(value), range.contains(n) else { return nil }
            return String(n)
        case let .number(range):
            guard let d = Double(value), d.isFinite, range.contains(d) else { return nil }
            return String(d)
        case let .subset(values):
            let items = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !items.isEmpty, items.allSatisfy(values.contains), Set(items).count == items.count else { return nil }
            return items.joined(separator: ",")
        }
    }

    static func plain(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }

    /// `64M` → 67108864; suffixes k, M, G (powers of 1024); nil when not a size.
    public static func parseBytes(_ text: String) -> Int? {
        var digits = Substring(text)
        var factor = 1
        switch text.last {
        case "k", "K": factor = 1 << 10
        case "M": factor = 1 << 20
        case "G": factor = 1 << 30
        default: break
        }
        if factor > 1 { digits = digits.dropLast() }
        guard let n = Int(digits), n >= 0 else { return nil }
        let (product, overflow) = n.multipliedReportingOverflow(by: factor)
        return overflow ? nil : product
    }

    /// 67108864 → `64M` (exact multiples only), else the plain number.
    public static func formatBytes(_ n: Int) -> String {
        for (suffix, factor) in [("G", 1 << 30), ("M", 1 << 20), ("k", 1 << 10)] where n >= factor && n % factor == 0 {
            return "\(n / factor)\(suffix)"
        }
        return String(n)
    }
}

/// One option of a stage, declared once: its pipeline-file key, what it accepts, its meaning,
/// and how it reads from and writes into the stage's options value.
///
/// The catalog's parser, `taska pipelines --options` and the pipeline hash (through
/// `StageOptions.canonicalDescription`) all derive from these declarations.
public struct OptionDeclaration<Options: Sendable>: Sendable {
    public let key: String
    public let kind: OptionKind
    public let meaning: String
    /// The option's canonical text in `options`.
    public let read: @Sendable (Options) -> String
    /// Sets the option from a canonical text that `kind` accepted.
    public let write: @Sendable (inout Options, String) -> Void

    public init(_ key: String, _ kind: OptionKind, meaning: String,
                read: @escaping @Sendable (Options) -> String, write: @escaping @Sendable (inout Options, String) -> Void) {
        self.key = key
        self.kind = kind
        self.meaning = meaning
        self.read = read
        self.write = write
    }

    /// A `true`/`false` option.
    public static func flag(_ key: String, _ path: WritableKeyPath<Options, Bool> & Sendable, meaning: String) -> Self {
        Self(key, .bool, meaning: meaning, read: { String($0[keyPath: path]) }, write: { $0[keyPath: path] = $1 == "true" })
    }

    /// One of an enumeration's raw values.
    public static func choice<E: RawRepresentable & CaseIterable & Sendable>(
        _ key: String, _ path: WritableKeyPath<Options, E> & Sendable, meaning: String
    ) -> Self where E.RawValue == String {
        Self(key, .oneOf(E.allCases.map(\.rawValue)), meaning: meaning,
             read: { $0[keyPath: path].rawValue }, write: { options, text in
                 if let value = E(rawValue: text) { options[keyPath: path] = value }
             })
    }

    /// An integer (`.integer`) or a size in bytes (`.bytes`) in `range`.
    public static func integer(_ key: String, _ path: WritableKeyPath<Options, Int> & Sendable, _ range: ClosedRange<Int>,
                               bytes: Bool = false, meaning: String) -> Self {
        Self(key, bytes ? .bytes(range) : .integer(range), meaning: meaning,
             read: { String($0[keyPath: path]) }, write: { options, text in
                 if let n = Int(text) { options[keyPath: path] = n }
             })
    }

    /// A finite number in `range`.
    public static func number(_ key: String, _ path: WritableKeyPath<Options, Double> & Sendable, _ range: ClosedRange<Double>,
                              meaning: String) -> Self {
        Self(key, .number(range), meaning: meaning,
             read: { String($0[keyPath: path]) }, write: { options, text in
                 if let d = Double(text) { options[keyPath: path] = d }
             })
    }
}

extension OptionDeclaration {
    /// This option as one of an enclosing options value's, reached through `path` (a stage
    /// whose options come from several modules lists each module's declarations lifted).
    public func lifted<Outer: Sendable>(_ path: WritableKeyPath<Outer, Options> & Sendable) -> OptionDeclaration<Outer> {
        let read = self.read, write = self.write
        return OptionDeclaration<Outer>(key, kind, meaning: meaning,
                                        read: { read($0[keyPath: path]) }, write: { write(&$0[keyPath: path], $1) })
    }
}

/// A stage's (or the limits') options value whose every option is declared once.
public protocol StageOptions: Sendable {
    /// The defaults.
    init()
    /// Every option, in the order the canonical description lists them.
    static var declarations: [OptionDeclaration<Self>] { get }
}

extension StageOptions {
    /// `key=value` for every declared option, in declaration order, e.g.
    /// `form=nfc orthography=source`: shown by `taska pipelines --verbose` and hashed into the
    /// pipeline hash, so two configurations hash alike exactly when every option agrees.
    public var canonicalDescription: String {
        Self.declarations.map { "\($0.key)=\($0.read(self))" }.joined(separator: " ")
    }

    /// The options with each given canonical value set over the defaults; keys must be declared
    /// and values accepted by their kind (the catalog checks both first).
    public init(canonicalValues: [String: String]) {
        self.init()
        for declaration in Self.declarations {
            if let text = canonicalValues[declaration.key] { declaration.write(&self, text) }
        }
    }
}
