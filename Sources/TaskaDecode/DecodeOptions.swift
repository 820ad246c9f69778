import TaskaCore

/// Options of the Decode stage.
public struct DecodeOptions: Sendable, Equatable {
    /// Repair UTF-8 that was decoded as windows-1252/latin-1 and re-encoded (`Ø§Ù„`).
    public var repairMojibake: Bool = true

    public init(repairMojibake: Bool = true) { self.repairMojibake = repairMojibake }
}

extension DecodeOptions: StageOptions {
    public init() { self.init(repairMojibake: true) }

    public static let declarations: [OptionDeclaration<DecodeOptions>] = [
        .flag("repair-mojibake", \.repairMojibake, meaning: "repair UTF-8 that was decoded as windows-1252 and re-encoded"),
    ]
}
