/// Options of the Decode stage.
public struct DecodeOptions: Sendable, Equatable {
    /// Repair UTF-8 that was decoded as windows-1252/latin-1 and re-encoded (`Ø§Ù„`).
    public var repairMojibake: Bool = true

    public init(repairMojibake: Bool = true) { self.repairMojibake = repairMojibake }

    /// Canonical text of the options, hashed into the pipeline hash.
    var canonical: String { "repairMojibake=\(repairMojibake)" }
}
