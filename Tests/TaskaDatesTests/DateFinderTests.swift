import Testing
@testable import TaskaDates

/// The finder on sentences of our own: every language and calendar, digit systems, offsets,
/// the dual-date check and numbers that are not dates.
@Suite struct DateFinderTests {
    let finder = DateFinder()

    func one(_ text: String) -> DateMention? {
        let found = finder.mentions(in: text)
        #expect(found.count == 1, "\(text): \(found)")
        return found.first
    }

    @Test(arguments: [
        ("صدر البيان في ١٥ رمضان ١٤٤٣هـ، بعد الاجتماع.", "١٥ رمضان ١٤٤٣هـ", "islamic-umalqura", "2022-04-16"),
        ("بتاريخ ۲ من شهر ذي الحجة ۱۴۴۳ للهجرة: اجتمع المجلس.", "۲ من شهر ذي الحجة ۱۴۴۳ للهجرة", "islamic-umalqura", "2022-07-01"),
        ("الأربعاء 6 نيسان 2022م - افتتاح السوق", "الأربعاء 6 نيسان 2022م", "gregorian", "2022-04-06"),
        ("في 3 جويلية 2019 وقع الحادث", "3 جويلية 2019", "gregorian", "2019-07-03"),
        ("في 3 شتنبر 2019 وقع الحادث", "3 شتنبر 2019", "gregorian", "2019-09-03"),
        ("في شهر جمادى الأولى سنة 1440 هـ رحل", "جمادى الأولى سنة 1440 هـ", "islamic-umalqura", "1440-05"),
        ("A ranar Litinin 12 ga watan Maris, 2024, an bude kasuwa.", "Litinin 12 ga watan Maris, 2024", "gregorian", "2024-03-12"),
        ("An yi taron a watan Fabrairun 2019.", "Fabrairun 2019", "gregorian", "2019-02"),
        ("Suro kəntau Marchbe kaunzə 4, 2021lan, ...", "Marchbe kaunzə 4, 2021", "gregorian", "2021-03-04"),
        ("On Monday, 7 March 2022, the council met.", "Monday, 7 March 2022", "gregorian", "2022-03-07"),
        ("Posted March 7, 2022 by the office.", "March 7, 2022", "gregorian", "2022-03-07"),
        ("The meeting of 14/03/2022 was long.", "14/03/2022", "gregorian", "2022-03-14"),
        ("Since 2017, prices rose.", "2017", "gregorian", "2017"),
        ("Signed 7 Sept. 2012 in Kano.", "7 Sept. 2012", "gregorian", "2012-09-07"),
        ("An kafa ta a shekarar 1960, da wasu.", "1960", "gregorian", "1960"),
        ("Ranar 8 ga watan Oktoba na shekarar 2018 da yamma.", "8 ga watan Oktoba na shekarar 2018", "gregorian", "2018-10-08"),
    ])
    func finds(_ c: (String, String, String, String)) {
        guard let m = one(c.0) else { return }
        #expect(m.text == c.1)
        #expect(m.calendar.rawValue == c.2)
        #expect(m.value == c.3)
    }

    @Test func offsetsAreUnicodeScalarsIntoTheText() throws {
        // ه + U+0640 and a combining vowel mark before the date: scalars, not characters or UTF-16.
        let text = "عاجل 🚨 الخَمِيس ٥ شوال ١٤٣٣هـ"
        let m = try #require(one(text))
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[m.start..<m.end])) == m.text)
        #expect(m.end == scalars.count)
        #expect(m.value == "2012-08-23")
    }

    @Test func digitSystemsReadAlike() {
        let western = finder.mentions(in: "في 15 رمضان 1443 هـ").map(\.value)
        let indic = finder.mentions(in: "في ١٥ رمضان ١٤٤٣ هـ").map(\.value)
        let persian = finder.mentions(in: "في ۱۵ رمضان ۱۴۴۳ هـ").map(\.value)
        #expect(western == ["2022-04-16"] && indic == western && persian == western)
    }

    @Test func onlyYearsAndNumericDatesOpenAMatchingWindow() {
        func windows(_ text: String) -> Int { DateFinder.windows(Array(text.utf16)).count }
        #expect(windows("Mutane 31 sun mutu, 12 sun jikkata, an kama 105 da karfe 10.30") == 0)
        #expect(windows("an kai harin ranar 12 ga watan Maris 2024") == 1)
        #expect(windows("on 5/3/24 and again on 12.05.2023") == 1, "two anchors within reach share one window")
        #expect(windows("12345 is no year") == 0)
    }

    @Test func capitalsAndDualCuesMatchWithoutCaseInsensitivePatterns() {
        #expect(finder.mentions(in: "ON 12 MARCH 2024, MAIDUGURI").map(\.value) == ["2024-03-12"])
        let text = "15 Ramadan 1443 AH CORRESPONDING TO 18 April 2022"
        #expect(finder.disagreements(in: text, finder.mentions(in: text)).count == 1)
    }

    @Test func dualDatesGiveBothAndAgree() {
        let text = "في ١٥ رمضان ١٤٤٣هـ الموافق ١٦ أبريل ٢٠٢٢م، عقد الاجتماع."
        let found = finder.mentions(in: text)
        #expect(found.map(\.calendar) == [.islamicUmalqura, .gregorian])
        #expect(found.map(\.value) == ["2022-04-16", "2022-04-16"])
        #expect(finder.disagreements(in: text, found).isEmpty)
    }

    @Test func dualDatesThatDisagreeAreReported() {
        let text = "في ١٥ رمضان ١٤٤٣هـ الموافق ١٨ أبريل ٢٠٢٢م، عقد الاجتماع."
        let found = finder.mentions(in: text)
        let pairs = finder.disagreements(in: text, found)
        #expect(pairs.count == 1)
        #expect(pairs.first?.0.value == "2022-04-16" && pairs.first?.1.value == "2022-04-18")
    }

    @Test func ambiguousNumericDatesSayWhichOrder() throws {
        let m = try #require(one("Deadline 05/03/2024 for all."))
        #expect(m.value == "2024-03-05")
        #expect(m.note?.contains("day-first") == true)
        let monthFirst = try #require(one("Deadline 03/25/2024 for all."))
        #expect(monthFirst.value == "2024-03-25")
        #expect(monthFirst.note?.contains("month-first") == true)
        #expect(try #require(one("Deadline 25/03/2024 for all.")).note == nil)
    }

    @Test func weekdayThatDisagreesIsNoted() throws {
        let m = try #require(one("On Friday, 7 March 2022, they met."))  // 7 March 2022 was a Monday
        #expect(m.note?.contains("weekday") == true)
    }

    @Test(arguments: [
        "(Quran 13:38) and (Suratul Baqara 2:255)",
        "[الرعد: 38] وقال",
        "A bag of rice now sells for N45,000. Naira 1990 only.",
        "وبلغ سعر كيس الأرز ١٩٩٠ نيرة.",
        "Call +234 806 784 6821 or 0803 123 4567.",
        "The clinic is open 24/7; about 3/4 were flooded; it ended 2-1.",
        "عند الساعة 5:15 صباحاً وارتفعت النسبة إلى ٤٢٪.",
        "(رواه البخاري ٣٩٢٥)",
        "At least 2019 people were counted.",
        "Version 1.2.3 and 10.20.30 shipped.",
        "The 31/02/2022 form is no day.",
        "Kasafin kuɗin 2020: Galibin mutane",
        "It rained all of March. 2020 was dry.",
    ])
    func notDates(_ text: String) {
        #expect(finder.mentions(in: text).isEmpty, "\(text)")
    }
}
