/// Finds URLs (`http://`, `https://`, `www.`), Telegram links (`t.me/…`, `telegram.me/…`,
/// `telegram.dog/…`, with or without a scheme) and e-mail addresses.
///
/// Why one scanner: a link and an address share their host rules, and a Telegram link is a URL
/// whose host names Telegram; it is reported as `telegram` (its handle is the value), not as `url`.
struct WebScanner {
    /// File extensions that look like top-level domains in image names (`logo@2x.png`).
    static let fileExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "pdf", "js", "css", "mp4", "mp3"]
    private static let telegramHosts: Set<String> = ["t.me", "telegram.me", "telegram.dog"]

    // MARK: Links

    func scanLinks(_ s: [UInt32], claimed: inout [Bool], into out: inout [Trace]) {
        let n = s.count
        var i = 0
        while i < n {
            let v = ScalarClass.lower(s[i])
            guard v == 0x68 || v == 0x77 || v == 0x74 else { i += 1; continue }  // h, w, t
            var hostStart = -1
            var schemeEnd = i
            if s.hasASCIIPrefix("https://", at: i) { hostStart = i + 8 } else if s.hasASCIIPrefix("http://", at: i) {
                hostStart = i + 7
            } else if s.hasASCIIPrefix("www.", at: i) || s.hasASCIIPrefix("t.me/", at: i) || s.hasASCIIPrefix("telegram.me/", at: i)
                        || s.hasASCIIPrefix("telegram.dog/", at: i) {
                hostStart = i
            }
            guard hostStart >= 0, linkBoundary(s, i), !claimed[i] else { i += 1; continue }
            schemeEnd = hostStart
            var end = hostStart
            while end < n, !Self.endsLink(s[end]) { end += 1 }
            end = trimmedEnd(s, from: hostStart, to: end)
            guard let host = host(s, hostStart..<end) else { i = max(i + 1, end); continue }
            let hostText = s.string(host).lowercased()
            let bareHost = hostText.hasPrefix("www.") ? String(hostText.dropFirst(4)) : hostText
            if Self.telegramHosts.contains(bareHost), let handle = telegramValue(s, host.upperBound..<end) {
                out.append(Trace(kind: .telegram, start: i, end: end, value: handle))
            } else if schemeEnd > i || hostText.hasPrefix("www.") {
                let scheme = schemeEnd > i ? s.string(i..<schemeEnd).lowercased() : "http://"
                out.append(Trace(kind: .url, start: i, end: end, value: scheme + hostText + s.string(host.upperBound..<end)))
            } else {
                i += 1
                continue
            }
            for k in i..<end { claimed[k] = true }
            i = end
        }
    }

    /// A link starts at a word boundary, not inside another link or an address.
    private func linkBoundary(_ s: [UInt32], _ i: Int) -> Bool {
        guard i > 0 else { return true }
        let p = s[i - 1]
        return !(ScalarClass.isWord(p) || p == 0x2E || p == 0x2F || p == 0x40 || p == 0x2D || p == 0x3A)
    }

    /// Scalars a link never holds: space, controls, quotes and angle brackets of any script.
    static func endsLink(_ v: UInt32) -> Bool {
        if ScalarClass.isSpaceOrControl(v) { return true }
        switch v {
        case 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7D, 0x7C, 0xAB, 0xBB, 0x2018...0x201F, 0x2039, 0x203A, 0x3008...0x300F:
            return true
        default:
            return false
        }
    }

    /// The end of a link once trailing punctuation (and a closing bracket it did not open) is cut.
    private func trimmedEnd(_ s: [UInt32], from: Int, to: Int) -> Int {
        var opened = 0, closed = 0
        for v in s[from..<to] {
            if v == 0x28 { opened += 1 } else if v == 0x29 { closed += 1 }
        }
        var end = to
        while end > from {
            switch s[end - 1] {
            case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x27, 0x2A, 0x60C, 0x61B, 0x61F, 0x6D4, 0x2026, 0x5D:
                end -= 1
            case 0x29 where closed > opened:
                closed -= 1
                end -= 1
            default:
                return end
            }
        }
        return end
    }

    /// The host part of a link (up to `/`, `?`, `#` or `:`) when it is a name with a
    /// top-level domain of two letters or more, or an IPv4 address.
    private func host(_ s: [UInt32], _ range: Range<Int>) -> Range<Int>? {
        var end = range.lowerBound
        while end < range.upperBound, ![0x2F, 0x3F, 0x23, 0x3A].contains(s[end]) { end += 1 }
        let labels = s[range.lowerBound..<end].split(separator: 0x2E, omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 }) else { return nil }
        for label in labels {
            guard label.first != 0x2D, label.last != 0x2D,
                  label.allSatisfy({ ScalarClass.isASCIIAlphanumeric($0) || $0 == 0x2D || ($0 >= 0x80 && ScalarClass.isLetterOrMark($0)) })
            else { return nil }
        }
        let tld = labels[labels.count - 1]
        if tld.allSatisfy(ScalarClass.isASCIIDigit) {
            guard labels.count == 4, labels.allSatisfy({ $0.count <= 3 && $0.allSatisfy(ScalarClass.isASCIIDigit) }) else { return nil }
        } else {
            guard tld.count >= 2, tld.allSatisfy({ ScalarClass.isASCIILetter($0) || ($0 >= 0x80 && ScalarClass.isLetterOrMark($0)) })
            else { return nil }
        }
        return range.lowerBound..<end
    }

    /// The value of a Telegram link from its path: the handle (lowercased) of `t.me/NAME`,
    /// `t.me/s/NAME`, `t.me/NAME/123`; `+CODE` for invite links (`t.me/+CODE`,
    /// `t.me/joinchat/CODE`); `c/ID` for a private chat's message link. Nil for other paths.
    private func telegramValue(_ s: [UInt32], _ path: Range<Int>) -> String? {
        guard path.lowerBound < path.upperBound, s[path.lowerBound] == 0x2F else { return nil }
        var segments: [[UInt32]] = [[]]
        for v in s[(path.lowerBound + 1)..<path.upperBound] {
            if v == 0x2F || v == 0x3F || v == 0x23 { segments.append([]) } else { segments[segments.count - 1].append(v) }
        }
        let first: [UInt32] = segments[0]
        guard !first.isEmpty else { return nil }
        let firstText: String = first.string(0..<first.count)
        let second: [UInt32] = segments.count > 1 ? segments[1] : []
        let secondText: String = second.string(0..<second.count)
        switch firstText.lowercased() {
        case "joinchat":
            return second.isEmpty ? nil : "+" + secondText
        case "s":
            return HandleScanner.isHandle(second) ? secondText.lowercased() : nil
        case "c":
            return !second.isEmpty && second.allSatisfy(ScalarClass.isASCIIDigit) ? "c/" + secondText : nil
        default:
            if first[0] == 0x2B, first.count > 1 { return firstText }
            return HandleScanner.isHandle(first) ? firstText.lowercased() : nil
        }
    }

    // MARK: E-mail

    func scanEmails(_ s: [UInt32], claimed: inout [Bool], into out: inout [Trace]) {
        let n = s.count
        var i = 0
        while i < n {
            guard s[i] == 0x40, !claimed[i] else { i += 1; continue }
            defer { i += 1 }
            // The local part, backwards.
            var start = i
            while start > 0, Self.isLocal(s[start - 1]) { start -= 1 }
            while start < i, s[start] == 0x2E { start += 1 }
            guard start < i, i - start <= 64, s[i - 1] != 0x2E else { continue }
            if start > 0, ScalarClass.isWord(s[start - 1]) || s[start - 1] == 0x40 { continue }
            guard !s[start..<i].indices.contains(where: { $0 > start && s[$0] == 0x2E && s[$0 - 1] == 0x2E }) else { continue }
            // The domain, forwards.
            var end = i + 1
            while end < n, ScalarClass.isASCIIAlphanumeric(s[end]) || s[end] == 0x2D || s[end] == 0x2E { end += 1 }
            while end > i + 1, s[end - 1] == 0x2E || s[end - 1] == 0x2D { end -= 1 }
            if end < n, ScalarClass.isWord(s[end]) || s[end] == 0x40 { continue }
            guard end > i + 1, let domain = host(s, (i + 1)..<end), domain.upperBound == end else { continue }
            let tld = s.string((s[(i + 1)..<end].lastIndex(of: 0x2E).map { $0 + 1 } ?? end)..<end).lowercased()
            guard !Self.fileExtensions.contains(tld), !tld.allSatisfy(\.isNumber) else { continue }
            guard !claimed[start..<end].contains(true) else { continue }
            out.append(Trace(kind: .email, start: start, end: end, value: s.string(start..<end).lowercased()))
            for k in start..<end { claimed[k] = true }
            i = end - 1
        }
    }

    /// A scalar of an address's local part (RFC 5322 atoms in practice: letters, digits, `._%+-`).
    private static func isLocal(_ v: UInt32) -> Bool {
        ScalarClass.isASCIIAlphanumeric(v) || v == 0x2E || v == 0x5F || v == 0x25 || v == 0x2B || v == 0x2D
    }
}
