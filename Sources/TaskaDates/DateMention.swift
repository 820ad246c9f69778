/// One date expression found in a text: Unicode-scalar offsets [start, end) into the text, the
/// expression as written, the calendar it is written in and its ISO 8601 value.
///
/// Why a value type of its own: records, the `dates` command and the evaluation all need the
/// same facts, and `value` must be comparable across calendars (a full Hijri date is converted).
public struct DateMention: Sendable, Equatable {
    /// The calendar a mention is written in, named as ICU names it.
    public enum CalendarName: String, Sendable {
        case gregorian
        case islamicUmalqura = "islamic-umalqura"
    }

    public var start: Int
    public var end: Int
    public var text: String
    public var calendar: CalendarName
    /// `YYYY-MM-DD` (Gregorian, also for a full Hijri date), `YYYY-MM` / `YYYY` for a partial
    /// Gregorian date, and the Hijri month/year (`1443-09`, `1443`) for a partial Hijri date.
    public var value: String
    /// Why the reading may be wrong (an ambiguous numeric order, a weekday that disagrees), or nil.
    public var note: String?

    public init(start: Int, end: Int, text: String, calendar: CalendarName, value: String, note: String? = nil) {
        self.start = start
        self.end = end
        self.text = text
        self.calendar = calendar
        self.value = value
        self.note = note
    }

    /// Whether the value names a single day.
    public var isFullDate: Bool { value.utf8.count == 10 }
}
