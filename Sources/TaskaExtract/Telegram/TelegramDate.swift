import TaskaCore

/// Dates of Telegram exports: Unix seconds (JSON `date_unixtime`), local ISO wall times (JSON
/// `date`) and HTML `title` attributes (`DD.MM.YYYY HH:MM:SS UTC±HH:MM`).
enum TelegramDate {
    /// ISO 8601 UTC (`2025-11-03T18:10:28Z`) for Unix seconds.
    static func utcISO(_ seconds: Int64) -> String {
        Timestamp(seconds: seconds).iso8601()
    }

    /// Seconds since the epoch of a wall time `YYYY-MM-DDTHH:MM:SS` read as if it were UTC.
    static func wallSeconds(_ wall: String) -> Int64? {
        let parts = wall.split(whereSeparator: { $0 == "-" || $0 == "T" || $0 == ":" || $0 == " " })
        guard parts.count == 6 else { return nil }
        let n = parts.compactMap { Int64($0) }
        guard n.count == 6, (1...12).contains(n[1]), (1...31).contains(n[2]), n[3] < 24, n[4] < 60, n[5] < 61 else { return nil }
        return days(year: n[0], month: n[1], day: n[2]) * 86_400 + n[3] * 3600 + n[4] * 60 + n[5]
    }

    /// `+03:00` / `-05:30` for an offset in seconds (rounded to minutes).
    static func offsetString(_ seconds: Int64) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + pad(minutes / 60) + ":" + pad(minutes % 60)
    }

    /// Offset in seconds of `+03:00`, `-0530`, `+3`.
    static func offsetSeconds(_ text: String) -> Int64? {
        guard let first = text.first, first == "+" || first == "-" else { return nil }
        let digits = text.dropFirst().filter { $0 != ":" }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Int64(digits) else { return nil }
        let (h, m) = digits.count <= 2 ? (value, Int64(0)) : (value / 100, value % 100)
        let seconds = h * 3600 + m * 60
        return first == "-" ? -seconds : seconds
    }

    /// The parts of an HTML export title: `26.08.2016 00:43:08 UTC+03:00` →
    /// (utc `2016-08-25T21:43:08Z`, wall `2016-08-26T00:43:08`, offset `+03:00`).
    static func parseHTMLTitle(_ title: String) -> (date: String, wallTime: String, utcOffset: String?)? {
        let fields = title.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count >= 2 else { return nil }
        let d = fields[0].split(separator: ".")
        guard d.count == 3 else { return nil }
        let wall = "\(d[2])-\(d[1])-\(d[0])T\(fields[1])"
        guard let wallSecs = wallSeconds(wall) else { return nil }
        var offset: Int64 = 0
        var offsetText: String?
        if fields.count >= 3, fields[2].hasPrefix("UTC") {
            let rest = String(fields[2].dropFirst(3))
            if rest.isEmpty {
                offsetText = "+00:00"
            } else if let o = offsetSeconds(rest) {
                offset = o
                offsetText = offsetString(o)
            }
        }
        return (utcISO(wallSecs - offset), wall, offsetText)
    }

    private static func pad(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil, proleptic Gregorian).
    private static func days(year y0: Int64, month m: Int64, day d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
