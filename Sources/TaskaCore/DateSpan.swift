/// A date mention of the record's `text`: Unicode scalar offsets [start, end), the expression as
/// written, its calendar (`gregorian`, `islamic-umalqura`) and its ISO 8601 value.
///
/// Why in TaskaCore: the record writer emits it, while the finder that fills it lives in its own
/// module (TaskaDates) that the core must not depend on.
public struct DateSpan: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var text: String
    public var calendar: String
    /// `YYYY-MM-DD` (Gregorian day, also for a full Hijri date), `YYYY-MM` / `YYYY` when partial
    /// (a partial Hijri date keeps its Hijri month and year).
    public var value: String

    public init(start: Int, end: Int, text: String, calendar: String, value: String) {
        self.start = start
        self.end = end
        self.text = text
        self.calendar = calendar
        self.value = value
    }
}
