import TaskaCore

/// The dates stage: lists every date mention of the normalised text in the record's `dates`,
/// warns about ambiguous or contradictory ones, and may fill a missing `metadata.published`.
///
/// Why after detect: it reads the normalised text, whose offsets every span of the record uses,
/// and runs last so a later stage that rewrites letters cannot shift its offsets.
public struct DatesStage: Stage {
    public var options: DatesOptions
    let finder: DateFinder

    public init(options: DatesOptions = DatesOptions(), finder: DateFinder = .shared) {
        self.options = options
        self.finder = finder
    }

    public var name: String { "dates" }
    public var configuration: String { options.canonicalDescription }

    public func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        try document.checkDeadline("stopped before finding dates")
        guard options.find, let text = document.normalized?.text, !text.isEmpty else { return try emit(document) }
        let mentions = finder.mentions(in: text)
        guard !mentions.isEmpty else { return try emit(document) }
        var doc = document
        doc.dates = mentions.map {
            DateSpan(start: $0.start, end: $0.end, text: $0.text, calendar: $0.calendar.rawValue, value: $0.value)
        }
        let noted = mentions.filter { $0.note != nil }
        if !noted.isEmpty {
            let list = noted.prefix(3).map { "'\($0.text)': \($0.note ?? "")" }.joined(separator: "; ")
            doc.warn(name, "date-ambiguous", "\(noted.count) date mention\(noted.count == 1 ? "" : "s") read with an assumption: \(list)",
                     count: noted.count)
        }
        let disagreeing = finder.disagreements(in: text, mentions)
        if !disagreeing.isEmpty {
            let list = disagreeing.prefix(3).map { "'\($0.0.text)' is \($0.0.value) but '\($0.1.text)' is \($0.1.value)" }
                .joined(separator: "; ")
            doc.warn(name, "dual-date-disagrees", "A Hijri and a Gregorian date given as the same day differ (Umm al-Qura): \(list)",
                     count: disagreeing.count)
        }
        if options.fillPublished, doc.metadata.published == nil,
           let first = mentions.first(where: { $0.isFullDate && $0.start < options.publishedWindow }) {
            doc.metadata.published = first.value
            doc.metadata.publishedFrom = "dates"
        }
        try emit(doc)
    }
}
