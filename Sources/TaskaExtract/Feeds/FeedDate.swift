/// Feed dates as ISO 8601: RSS 2.0 `pubDate` is RFC 822 (`Tue, 05 Mar 2024 09:30:00 +0100`);
/// Atom and Dublin Core dates are already ISO 8601 and are kept as written.
enum FeedDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let zones: [String: Int] = [
        "gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
        "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
    ]

    /// ISO 8601 for a feed date, or nil when it cannot be read (never guessed).
    static func iso8601(_ raw: String) -> String? {
        let text = raw.warcTrimmed
        if isISO(text) { return text }
        return rfc822(text)
    }

    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, optionally followed by `T…`.
    static func isISO(_ text: String) -> Bool {
        let u = Array(text.utf8)
        guard u.count >= 4, u[0..<4].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        return u.count == 4 || u[4] == UInt8(ascii: "-")
    }

    static func rfc822(_ text: String) -> String? {
        var parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { String($0) }
        // Optional day name ("Tue," or "Tue").
        if let first = parts.first, Int(first) == nil { parts.removeFirst() }
        guard parts.count >= 4, let day = Int(parts[0]), (1...31).contains(day),
              let monthIndex = months.firstIndex(of: String(parts[1].lowercased().prefix(3))),
              var year = Int(parts[2]) else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        let clock = parts[3].split(separator: ":").map { Int($0) }
        guard clock.count >= 2, clock.allSatisfy({ $0 != nil }) else { return nil }
        let h = clock[0]!, m = clock[1]!, s = clock.count > 2 ? clock[2]! : 0
        guard (0...23).contains(h), (0...59).contains(m), (0...60).contains(s) else { return nil }
        var offset = 0
        if parts.count > 4 {
            let zone = parts[4]
            if let known = zones[zone.lowercased()] {
                offset = known
            } else if (zone.hasPrefix("+") || zone.hasPrefix("-")), zone.count == 5, let v = Int(zone.dropFirst()) {
                offset = (v / 100 * 60 + v % 100) * (zone.hasPrefix("-") ? -1 : 1)
            } else {
                return nil
            }
        }
        func pad(_ v: Int, _ w: Int = 2) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        let date = "\(pad(year, 4))-\(pad(monthIndex + 1))-\(pad(day))T\(pad(h)):\(pad(m)):\(pad(s))"
        if offset == 0 { return date + "Z" }
        let sign = offset < 0 ? "-" : "+"
        return date + sign + pad(abs(offset) / 60) + ":" + pad(abs(offset) % 60)
    }
}
