import Foundation

/// Conversion between the Umm al-Qura Hijri calendar and the Gregorian one, through Foundation's
/// `Calendar`, which is ICU underneath.
///
/// Why ICU and not a table of our own: ICU's `islamic-umalqura` is the calendar the dev set's
/// truth was checked against, and it covers every year the finder accepts.
public enum HijriCalendar {
    private static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!
    private static let hijri: Calendar = {
        var calendar = Calendar(identifier: .islamicUmmAlQura)
        calendar.timeZone = utc
        return calendar
    }()
    private static let western: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        return calendar
    }()

    /// The Gregorian day of Umm al-Qura day `year-month-day` AH, or nil when that day does not
    /// exist (a 30th of a 29-day month).
    public static func gregorian(year: Int, month: Int, day: Int) -> (year: Int, month: Int, day: Int)? {
        guard (1...12).contains(month), (1...30).contains(day),
              let date = hijri.date(from: DateComponents(year: year, month: month, day: day)) else { return nil }
        let back = hijri.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        let g = western.dateComponents([.year, .month, .day], from: date)
        guard let y = g.year, let m = g.month, let d = g.day else { return nil }
        return (y, m, d)
    }

    /// The Umm al-Qura day of Gregorian day `year-month-day`.
    public static func hijri(year: Int, month: Int, day: Int) -> (year: Int, month: Int, day: Int)? {
        guard isValidGregorian(year: year, month: month, day: day),
              let date = western.date(from: DateComponents(year: year, month: month, day: day)) else { return nil }
        let h = hijri.dateComponents([.year, .month, .day], from: date)
        guard let y = h.year, let m = h.month, let d = h.day else { return nil }
        return (y, m, d)
    }

    /// Whether `year-month-day` is a real Gregorian day.
    public static func isValidGregorian(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return day <= (month == 2 && leap ? 29 : lengths[month - 1])
    }

    /// ISO weekday (Monday = 1) of a Gregorian day.
    public static func isoWeekday(year: Int, month: Int, day: Int) -> Int? {
        guard let date = western.date(from: DateComponents(year: year, month: month, day: day)) else { return nil }
        let weekday = western.component(.weekday, from: date)  // 1 = Sunday
        return (weekday + 5) % 7 + 1
    }
}
