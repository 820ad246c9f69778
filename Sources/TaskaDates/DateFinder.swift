import Foundation

/// Finds date expressions in text (Arabic Hijri and Gregorian, Hausa, Kanuri Latin, English) and
/// reads each as an ISO 8601 value, converting full Hijri dates through ICU's Umm al-Qura calendar.
///
/// Why patterns over a folded copy: the text is folded scalar by scalar (digits of every system to
/// ASCII, Arabic letter variants to one form, vowel marks dropped, Latin in lower case) with a map
/// back to source offsets, so a handful of anchored patterns cover every spelling and offsets stay
/// exact, and they run without ICU's case-insensitive mode. Word edges are `\w`, which ICU holds
/// precomputed, not `[\p{L}\p{M}]`, which it rebuilds from the Unicode tables at every use
/// (milliseconds per process).
public final class DateFinder: @unchecked Sendable {
    // @unchecked: the compiled patterns are immutable after init, and NSRegularExpression is
    // documented as safe to use from several threads at once.

    /// A shared finder; building the patterns costs a few milliseconds.
    public static let shared = DateFinder()

    private let patterns: [(kind: Kind, regex: NSRegularExpression)]
    private let cue: NSRegularExpression

    /// What shape a pattern reads.
    enum Kind { case dayMonthYear, monthDayYear, monthYear, numeric, hijriYear, cuedYear }

    public init() {
        func alternation(_ names: some Sequence<String>) -> String {
            names.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }.map(Self.literal).joined(separator: "|")
        }
        let months = "(?<m>" + alternation(Array(DateNames.gregorianMonths.keys) + Array(DateNames.hijriMonths.keys)) + ")(?<suf>n|be)?(?:\\.(?=\\s))?(?!\\w)"
        let second = "(?:\\s*[/(\\-]\\s*(?<m2>" + alternation(DateNames.gregorianMonths.keys.filter { $0.unicodeScalars.first!.value > 0x600 })
            + ")\\s*\\)?)?"
        let weekday = "(?:(?<wd>" + alternation(DateNames.weekdays.keys) + ")\\.?,?\\s+)?"
        let day = "(?<d>\\d{1,2})(?:st|nd|rd|th)?(?!\\d)"
        let year = "(?<y>\\d{4})(?!\\d)"
        let era = "(?:\\s?(?<era>" + alternation(DateNames.hijriEras + DateNames.gregorianEras) + ")(?!\\w))?"
        let dayToMonth = "\\s+(?:(?:من\\s+(?:شهر\\s+)?|ga\\s+(?:watan\\s+)?|of\\s+|kəntawu\\s+|kəntau\\s+))?"
        let monthToYear = "[,،]?\\s+(?:(?:سنه|لسنه|لعام|عام|na\\s+shekarar|na|shekara\\s+ta|sa'a|saa|of)\\s+)?"
        let kanuriDay = "(?:\\s+(?:kaunzə|kawunzə|ye\\s+kawunzə))?"
        let start = "(?<!\\w)"
        let sources: [(Kind, String)] = [
            (.dayMonthYear, start + weekday + day + dayToMonth + months + second + monthToYear + year + era),
            (.monthDayYear, start + weekday + months + kanuriDay + "\\s+" + day + "(?:,|\\s+saa|\\s+sa'a)?\\s+" + year + era),
            (.monthYear, start + months + second + monthToYear + year + era),
            (.numeric, "(?<![\\w/.\\-:+])" + weekday + "(?<n1>\\d{1,4})(?<sep>[/.\\-])(?<n2>\\d{1,2})\\k<sep>(?<n3>\\d{1,4})(?![\\d/\\-]|\\.\\d)" + era),
            (.hijriYear, start + year + "\\s?(?<era>" + alternation(DateNames.hijriEras + DateNames.gregorianEras) + ")(?!\\w)"),
            (.cuedYear, "(?<!\\w)(?:since|in|by|until|from|منذ\\s+عام|عام|سنه|shekarar|tun)\\s+" + year + "(?!\\w|[.,]\\d)"),
        ]
        patterns = sources.map { kind, source in
            // The sources are fixed strings of this file: a failure is a programming error.
            (kind, try! NSRegularExpression(pattern: source))
        }
        cue = try! NSRegularExpression(pattern: "الموافق|يوافق|daidai da|correspond|i\\.e\\.|\\(|/|-|=")
    }

    /// `name` as a pattern: regex syntax escaped, a space standing for any run of spaces or hyphens.
    static func literal(_ name: String) -> String {
        var pattern = ""
        for scalar in name.unicodeScalars {
            if scalar == " " {
                pattern += "[\\s\\-]+"
            } else {
                if "\\*+?|{}[]()^$.#-/".unicodeScalars.contains(scalar) { pattern += "\\" }
                pattern.unicodeScalars.append(scalar)
            }
        }
        return pattern
    }

    /// Every date mention in `text`, in text order, not overlapping.
    public func mentions(in text: String) -> [DateMention] {
        let source = Array(text.unicodeScalars)
        let folded = FoldedText(source)
        let units = Array(folded.string.utf16)
        var candidates: [DateMention] = []
        for window in Self.windows(units) {
            // Matched on a copy of the window with some text before it for the look-behinds:
            // ICU copies the whole string it is given, so the text is never given whole.
            let context = max(0, window.location - 24)
            let piece = String(decoding: units[context..<window.upperBound], as: UTF16.self)
            let local = piece as NSString
            let range = NSRange(location: window.location - context, length: window.length)
            for (kind, regex) in patterns {
                for match in regex.matches(in: piece, options: [.withTransparentBounds, .withoutAnchoringBounds], range: range) {
                    if let mention = read(match, kind: kind, ns: local, offset: context, folded: folded, source: source) {
                        candidates.append(mention)
                    }
                }
            }
        }
        candidates.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        var chosen: [DateMention] = []
        for candidate in candidates where chosen.last.map({ candidate.start >= $0.end }) ?? true {
            chosen.append(candidate)
        }
        return chosen
    }

    /// The stretches of the folded text (UTF-16 ranges) that may hold a date, around its anchors:
    /// every pattern needs a year of exactly four digits or a numeric date (`d/d/d`, `d.d.d`,
    /// `d-d-d`), so only the text around those is matched, which keeps number-rich prose
    /// (counts, prices, times) cheap. A window reaches 80 units before an anchor and 60 after.
    static func windows(_ units: [UInt16]) -> [NSRange] {
        let before = 80, after = 60
        let count = units.count
        func isDigit(_ i: Int) -> Bool { i < count && units[i] >= 0x30 && units[i] <= 0x39 }
        func runEnd(_ start: Int) -> Int {
            var i = start
            while isDigit(i) { i += 1 }
            return i
        }
        var windows: [NSRange] = []
        var index = 0
        while index < count {
            guard isDigit(index) else { index += 1; continue }
            let end = runEnd(index)
            var anchorEnd: Int?
            if end - index == 4 {
                anchorEnd = end
            } else if end - index < 4, end < count, [0x2F, 0x2E, 0x2D].contains(units[end]), isDigit(end + 1) {
                let second = runEnd(end + 1)
                if second - (end + 1) <= 2, second < count, units[second] == units[end], isDigit(second + 1) {
                    let third = runEnd(second + 1)
                    if third - (second + 1) <= 4 { anchorEnd = third }
                }
            }
            guard let last = anchorEnd else { index = end; continue }
            let lower = max(0, index - before)
            let upper = min(count, last - 1 + after)
            if let previous = windows.last, previous.upperBound >= lower {
                windows[windows.count - 1] = NSRange(location: previous.location, length: upper - previous.location)
            } else {
                windows.append(NSRange(location: lower, length: upper - lower))
            }
            index = end
        }
        return windows
    }

    /// Pairs of a Hijri and a Gregorian full date written as one (`… هـ الموافق … م`) whose days differ.
    public func disagreements(in text: String, _ mentions: [DateMention]) -> [(DateMention, DateMention)] {
        let source = Array(text.unicodeScalars)
        var pairs: [(DateMention, DateMention)] = []
        for (a, b) in zip(mentions, mentions.dropFirst())
        where a.calendar != b.calendar && a.isFullDate && b.isFullDate && b.start - a.end <= 40 {
            let gap = FoldedText(Array(source[a.end..<b.start])).string
            let linked = cue.firstMatch(in: gap, range: NSRange(location: 0, length: (gap as NSString).length)) != nil
            if linked && a.value != b.value { pairs.append((a, b)) }
        }
        return pairs
    }

    /// The mention `match` reads, or nil; `ns` is the matched piece, `offset` where it starts in the folded text.
    private func read(_ match: NSTextCheckingResult, kind: Kind, ns: NSString, offset: Int, folded: FoldedText,
                      source: [Unicode.Scalar]) -> DateMention? {
        func group(_ name: String) -> String? {
            let range = match.range(withName: name)
            return range.location == NSNotFound ? nil : ns.substring(with: range)
        }
        func number(_ name: String) -> Int? { group(name).flatMap { Int($0) } }
        var calendar = DateMention.CalendarName.gregorian
        var yearNumber: Int?, monthNumber: Int?, dayNumber: Int?
        var note: String?
        let era = group("era").map(Self.key)
        let eraHijri = era.map { DateNames.hijriEras.contains($0) }
        switch kind {
        case .dayMonthYear, .monthDayYear, .monthYear:
            guard let monthName = group("m").map(Self.key) else { return nil }
            // Only an abbreviation takes a full stop (`Sept. 2012`, not `March. 2020`).
            let after = match.range(withName: "m").upperBound + (group("suf")?.utf16.count ?? 0)
            if after < ns.length, ns.character(at: after) == 0x2E, monthName.utf16.count > 4 { return nil }
            if let m = DateNames.hijriMonths[monthName] {
                calendar = .islamicUmalqura
                monthNumber = m
                if eraHijri == false { return nil }
            } else if let m = DateNames.gregorianMonths[monthName] {
                monthNumber = m
                if eraHijri == true { return nil }
                if let second = group("m2").map(Self.key), DateNames.gregorianMonths[second] != m { return nil }
            } else {
                return nil
            }
            yearNumber = number("y")
            if kind != .monthYear { dayNumber = number("d") }
        case .numeric:
            guard let n1 = number("n1"), let n2 = number("n2"), let n3 = number("n3"),
                  let t1 = group("n1"), let t3 = group("n3") else { return nil }
            if t1.utf8.count == 4, t3.utf8.count <= 2 {
                (yearNumber, monthNumber, dayNumber) = (n1, n2, n3)
            } else if t3.utf8.count == 4, t1.utf8.count <= 2 {
                if n2 <= 12 {
                    (yearNumber, monthNumber, dayNumber) = (n3, n2, n1)
                    if n1 <= 12 && n1 != n2 { note = "ambiguous numeric date: read day-first (\(n1) of month \(n2))" }
                } else {
                    (yearNumber, monthNumber, dayNumber) = (n3, n1, n2)
                    note = "numeric date read month-first: its middle number \(n2) cannot be a month"
                }
            } else {
                return nil
            }
            if let y = yearNumber, (1300...1500).contains(y) || eraHijri == true { calendar = .islamicUmalqura }
            if eraHijri == false && calendar == .islamicUmalqura { return nil }
        case .hijriYear:
            yearNumber = number("y")
            if eraHijri == true { calendar = .islamicUmalqura }
        case .cuedYear:
            yearNumber = number("y")
        }
        guard let y = yearNumber else { return nil }
        guard calendar == .gregorian ? (1800...2100).contains(y) : (1300...1500).contains(y) else { return nil }
        guard var value = Self.value(calendar: calendar, year: y, month: monthNumber, day: dayNumber) else { return nil }
        if dayNumber == nil, monthNumber == nil { value = String(format: "%04d", y) }
        if let wd = group("wd").map(Self.key), let expected = DateNames.weekdays[wd], value.utf8.count == 10,
           let actual = Self.isoWeekday(value), actual != expected {
            note = "the weekday \(group("wd") ?? "") does not fall on \(value)"
        }
        // A cued year's span is the year alone: the cue (`Since`, `عام`) is a head word, not the date.
        let range = kind == .cuedYear ? match.range(withName: "y") : match.range
        var start = folded.sourceOffset(offset + range.location)
        var end = folded.sourceOffset(offset + range.location + range.length - 1) + 1
        while end < source.count, Self.isMark(source[end]) { end += 1 }
        while start < end, source[start].properties.isWhitespace { start += 1 }
        let text = String(String.UnicodeScalarView(source[start..<end]))
        return DateMention(start: start, end: end, text: text, calendar: calendar, value: value, note: note)
    }

    /// The ISO value: a full date as its Gregorian day, a partial one in its own calendar.
    static func value(calendar: DateMention.CalendarName, year: Int, month: Int?, day: Int?) -> String? {
        guard let month else { return String(format: "%04d", year) }
        guard (1...12).contains(month) else { return nil }
        guard let day else { return String(format: "%04d-%02d", year, month) }
        switch calendar {
        case .gregorian:
            guard HijriCalendar.isValidGregorian(year: year, month: month, day: day) else { return nil }
            return String(format: "%04d-%02d-%02d", year, month, day)
        case .islamicUmalqura:
            guard let g = HijriCalendar.gregorian(year: year, month: month, day: day) else { return nil }
            return String(format: "%04d-%02d-%02d", g.year, g.month, g.day)
        }
    }

    /// ISO weekday (Monday = 1) of a `YYYY-MM-DD` value.
    static func isoWeekday(_ value: String) -> Int? {
        let parts = value.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return HijriCalendar.isoWeekday(year: parts[0], month: parts[1], day: parts[2])
    }

    /// A matched name as the tables spell it: lower case, one space for runs of spaces and hyphens.
    static func key(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0.isWhitespace }).joined(separator: " ")
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        (0x064B...0x065F).contains(scalar.value) || scalar.value == 0x0670
    }
}
