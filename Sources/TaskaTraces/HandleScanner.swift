/// Finds Telegram `@handles` and `#hashtags`.
///
/// Why Telegram's rules: a username is 5–32 characters of `A–Z a–z 0–9 _`, starts with a
/// letter, does not end with `_`; anything else after `@` (a price, an e-mail domain, a short
/// word) is not a handle. A hashtag is `#` and a word of any script with at least one letter,
/// so `#1` and `C#` are not.
struct HandleScanner {
    static let handleLengths = 5...32
    static let maxHashtag = 140

    /// Whether `name` is a Telegram username.
    static func isHandle(_ name: [UInt32]) -> Bool {
        guard handleLengths.contains(name.count), let first = name.first, ScalarClass.isASCIILetter(first),
              name.last != 0x5F else { return false }
        return name.allSatisfy { ScalarClass.isASCIIAlphanumeric($0) || $0 == 0x5F }
    }

    func scanHandles(_ s: [UInt32], claimed: inout [Bool], into out: inout [Trace]) {
        let n = s.count
        var i = 0
        while i < n {
            guard s[i] == 0x40, !claimed[i] else { i += 1; continue }
            defer { i += 1 }
            if i > 0, ScalarClass.isWord(s[i - 1]) || s[i - 1] == 0x2E || s[i - 1] == 0x40 || s[i - 1] == 0x2F { continue }
            var end = i + 1
            while end < n, ScalarClass.isASCIIAlphanumeric(s[end]) || s[end] == 0x5F { end += 1 }
            let name = Array(s[(i + 1)..<end])
            guard Self.isHandle(name) else { continue }
            // Not a domain (`@gmail.com`), not glued to more word letters or another '@'.
            if end < n, ScalarClass.isWord(s[end]) || s[end] == 0x40 { continue }
            if end + 1 < n, s[end] == 0x2E, ScalarClass.isASCIILetter(s[end + 1]) { continue }
            guard !claimed[i..<end].contains(true) else { continue }
            out.append(Trace(kind: .telegram, start: i, end: end, value: s.string((i + 1)..<end).lowercased()))
            for k in i..<end { claimed[k] = true }
            i = end - 1
        }
    }

    func scanHashtags(_ s: [UInt32], claimed: inout [Bool], into out: inout [Trace]) {
        let n = s.count
        var i = 0
        while i < n {
            guard s[i] == 0x23 || s[i] == 0xFF03, !claimed[i] else { i += 1; continue }  // '#' '＃'
            defer { i += 1 }
            if i > 0, ScalarClass.isWord(s[i - 1]) || s[i - 1] == 0x26 || s[i - 1] == 0x23 || s[i - 1] == 0x2F { continue }
            var end = i + 1
            var letters = 0
            while end < n, end - i <= Self.maxHashtag {
                let v = s[end]
                if ScalarClass.isLetterOrMark(v) {
                    letters += 1
                } else if !(ScalarClass.isWord(v) || v == 0x2019 || v == 0x27 && end + 1 < n && ScalarClass.isLetterOrMark(s[end + 1])) {
                    break
                }
                end += 1
            }
            while end > i + 1, s[end - 1] == 0x5F { end -= 1 }
            guard letters > 0, end - i <= Self.maxHashtag else { continue }
            // An apostrophe ends a tag unless letters follow it (Hausa k'asa, not a closing quote).
            while end > i + 1, s[end - 1] == 0x2019 || s[end - 1] == 0x27 { end -= 1 }
            guard !claimed[i..<end].contains(true) else { continue }
            out.append(Trace(kind: .hashtag, start: i, end: end, value: s.string((i + 1)..<end).lowercased()))
            for k in i..<end { claimed[k] = true }
            i = end - 1
        }
    }
}
