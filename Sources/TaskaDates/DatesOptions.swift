import TaskaCore

/// Options of the dates stage.
///
/// Why `fill-published` defaults to false: metadata is never guessed unless a pipeline asks;
/// when it does, the derived date is flagged by `metadata.publishedFrom`.
public struct DatesOptions: Sendable, Equatable {
    /// Whether date mentions are found at all (`false`: the stage passes documents through).
    public var find: Bool
    /// Fill a missing `metadata.published` from the earliest full date near the top of the text.
    public var fillPublished: Bool
    /// How many scalars from the start of the text count as "near the top".
    public var publishedWindow: Int

    public init(find: Bool = true, fillPublished: Bool = false, publishedWindow: Int = 200) {
        self.find = find
        self.fillPublished = fillPublished
        self.publishedWindow = publishedWindow
    }
}

extension DatesOptions: StageOptions {
    public init() { self.init(find: true) }

    public static let declarations: [OptionDeclaration<DatesOptions>] = [
        .flag("find", \.find, meaning: "list the date mentions of the text in the record's dates (false: off)"),
        .flag("fill-published", \.fillPublished,
              meaning: "when metadata has no published date, take the earliest full date in the first lines (flagged publishedFrom: dates)"),
        .integer("published-window", \.publishedWindow, 1...100_000,
                 meaning: "fill-published: the date must start within this many characters of the top"),
    ]
}
