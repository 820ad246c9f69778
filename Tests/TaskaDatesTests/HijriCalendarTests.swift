import Testing
@testable import TaskaDates

/// Umm al-Qura conversion against days fixed by Saudi announcements (1 Ramadan, Eid al-Fitr,
/// Eid al-Adha) and against impossible days.
@Suite struct HijriCalendarTests {
    @Test(arguments: [
        (1443, 9, 1, 2022, 4, 2),    // 1 Ramadan 1443
        (1443, 10, 1, 2022, 5, 2),   // Eid al-Fitr 2022
        (1443, 12, 10, 2022, 7, 9),  // Eid al-Adha 2022
        (1444, 1, 1, 2022, 7, 30),   // 1 Muharram 1444
        (1445, 9, 1, 2024, 3, 11),   // 1 Ramadan 1445
        (1436, 10, 1, 2015, 7, 17),  // Eid al-Fitr 2015, a Friday
    ])
    func knownDays(_ h: (Int, Int, Int, Int, Int, Int)) {
        let g = HijriCalendar.gregorian(year: h.0, month: h.1, day: h.2)
        #expect(g?.year == h.3 && g?.month == h.4 && g?.day == h.5)
        let back = HijriCalendar.hijri(year: h.3, month: h.4, day: h.5)
        #expect(back?.year == h.0 && back?.month == h.1 && back?.day == h.2)
    }

    @Test func aDayThatDoesNotExistIsNil() {
        // Ramadan 1443 had 30 days, Shawwal 1443 29: the 30th of Shawwal is no day.
        #expect(HijriCalendar.gregorian(year: 1443, month: 9, day: 30) != nil)
        #expect(HijriCalendar.gregorian(year: 1443, month: 10, day: 30) == nil)
        #expect(HijriCalendar.gregorian(year: 1443, month: 13, day: 1) == nil)
        #expect(!HijriCalendar.isValidGregorian(year: 2023, month: 2, day: 29))
        #expect(HijriCalendar.isValidGregorian(year: 2024, month: 2, day: 29))
    }

    @Test func isoWeekdays() {
        #expect(HijriCalendar.isoWeekday(year: 2015, month: 7, day: 17) == 5)  // Friday
        #expect(HijriCalendar.isoWeekday(year: 2024, month: 3, day: 11) == 1)  // Monday
    }
}
