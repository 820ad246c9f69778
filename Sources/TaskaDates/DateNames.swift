/// Month, weekday and era names the date finder knows, written as the folded text spells them
/// (Arabic hamza carriers and ta marbuta folded, Latin in lower case, one space between words).
///
/// Why folded: one table entry then covers the spellings that differ only in hamza, ta marbuta,
/// alif maqsura or vowel marks (`جمادى الأولى`, `جمادي الاولي`), as the dev set's variants do.
enum DateNames {
    /// Gregorian month names: English (and abbreviations), Hausa, Kanuri, and the Arabic
    /// Egyptian/Gulf, Levantine/Iraqi, Algerian/Tunisian and Moroccan series.
    static let gregorianMonths: [String: Int] = {
        var table: [String: Int] = [:]
        let series: [[String]] = [
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
            ["jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
            ["", "", "", "", "", "", "", "", "sept", "", "", ""],
            ["janairu", "fabrairu", "maris", "afrilu", "mayu", "yuni", "yuli", "agusta", "satumba", "oktoba", "nuwamba", "disamba"],
            ["januwari", "fabarairu", "", "", "", "", "", "augusta", "", "", "", ""],
            ["يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر"],
            ["", "", "", "", "", "يونيه", "يوليه", "", "", "", "", ""],
            ["كانون الثاني", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين الاول", "تشرين الثاني", "كانون الاول"],
            ["جانفي", "فيفري", "", "افريل", "ماي", "جوان", "جويليه", "اوت", "", "", "", ""],
            ["", "", "", "", "", "", "يوليوز", "غشت", "شتنبر", "", "نونبر", "دجنبر"],
        ]
        for names in series {
            for (index, name) in names.enumerated() where !name.isEmpty { table[name] = index + 1 }
        }
        return table
    }()

    /// Hijri month names in Arabic and in Latin script (Hausa and English spellings).
    static let hijriMonths: [String: Int] = {
        let names: [[String]] = [
            ["محرم", "المحرم", "muharram", "muharam"],
            ["صفر", "safar"],
            ["ربيع الاول", "ربيع اول", "rabi'ul awwal", "rabi' al awwal", "rabi al awwal", "rabiul awwal", "rabi'ul awal", "rabi' al-awwal"],
            ["ربيع الاخر", "ربيع الثاني", "ربيع اخر", "rabi'us sani", "rabi'ul akhir", "rabi' al thani", "rabi al thani", "rabi' al akhir", "rabi'us thani"],
            ["جمادي الاولي", "جمادي الاول", "جماد الاول", "jimada al ula", "jumada al ula", "jumada al awwal", "jimada al awwal", "jumadal ula"],
            ["جمادي الاخره", "جمادي الثانيه", "جمادي الاخر", "جماد الاخر", "jimada al thani", "jumada al thani", "jumada al akhirah",
             "jumada al akhira", "jimada al akhir", "jumadal akhir"],
            ["رجب", "rajab"],
            ["شعبان", "sha'aban", "sha'ban", "shaaban", "shaban"],
            ["رمضان", "رمضان المبارك", "ramadan", "ramadana", "ramalana", "ramalan", "ramadhan"],
            ["شوال", "shawwal", "shawal"],
            ["ذو القعده", "ذي القعده", "zul qa'ada", "zul qa'ida", "dhu al qa'dah", "dhul qa'dah", "dhu al qadah", "dhu'l qa'da"],
            ["ذو الحجه", "ذي الحجه", "zul hijja", "zul hijjah", "dhu al hijjah", "dhul hijjah", "dhu'l hijja", "zulhijja"],
        ]
        var table: [String: Int] = [:]
        for (index, group) in names.enumerated() {
            for name in group { table[name] = index + 1 }
        }
        return table
    }()

    /// Weekday names (Arabic, Hausa, English) with ISO numbering, Monday = 1.
    static let weekdays: [String: Int] = {
        let names: [[String]] = [
            ["الاثنين", "litinin", "monday", "mon"],
            ["الثلاثاء", "talata", "tuesday", "tue", "tues"],
            ["الاربعاء", "laraba", "wednesday", "wed"],
            ["الخميس", "alhamis", "thursday", "thu", "thurs"],
            ["الجمعه", "juma'a", "jumma'a", "jumaa", "friday", "fri"],
            ["السبت", "asabar", "saturday", "sat"],
            ["الاحد", "lahadi", "sunday", "sun"],
        ]
        var table: [String: Int] = [:]
        for (index, group) in names.enumerated() {
            for name in group { table[name] = index + 1 }
        }
        return table
    }()

    /// Era markers that say Hijri after a year.
    static let hijriEras = ["هـ", "ه", "للهجره", "هجريه", "هجري", "ah", "a.h.", "a.h", "bayan hijira", "hijira kamariyya"]
    /// Era markers that say Gregorian after a year.
    static let gregorianEras = ["م", "ميلاديه", "ميلادي", "للميلاد"]
}
