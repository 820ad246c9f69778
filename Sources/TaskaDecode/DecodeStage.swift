import TaskaCore

// TEMPORARY API CONTRACT — the Decode helper replaces this file's bodies.

/// Options of the Decode stage.
public struct DecodeOptions: Sendable, Equatable {
    /// Repair UTF-8 that was decoded as windows-1252/latin-1 and re-encoded (`Ø§Ù„`).
    public var repairMojibake: Bool = true
    public init(repairMojibake: Bool = true) { self.repairMojibake = repairMojibake }
}

/// Bytes -> text: sniffs the media type, decides the charset, converts, repairs mojibake.
public struct DecodeStage: Stage {
    public var options: DecodeOptions
    public init(options: DecodeOptions = DecodeOptions()) { self.options = options }
    public var name: String { "decode" }
    public var configuration: String { "repairMojibake=\(options.repairMojibake)" }
    public func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        var doc = document
        doc.text = String(decoding: doc.bytes, as: UTF8.self)
        doc.charset = CharsetDecision(charset: "utf-8", source: .default, confidence: 0)
        doc.bytes = []
        try emit(doc)
    }
}
