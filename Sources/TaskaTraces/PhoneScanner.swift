/// Finds phone numbers: `+` or `00` and a calling code, a known region's code written without
/// `+` before a mobile number, and Nigerian mobile numbers in their national form (`0803…`),
/// in any digit system, with digit groups split by spaces, hyphens, dots or brackets.
///
/// Why so narrow for national forms: an eight-digit Chadian or Nigerien local number looks like
/// any other count, while `0` + `70|71|80|81|90|91` + eight digits is Nigerian mobile and
/// nothing else; numbers written without a code are read only in that one unambiguous shape.
struct PhoneScanner {
    /// The longest digit count a chain of groups may have and still be read.
    static let maxDigits = 17

    /// One digit group of a candidate: its digits and where it ends in the text.
    private struct Group {
        var digits: [UInt8]
        var start: Int
        var end: Int
    }

    func scan(_ s: [UInt32], claimed: inout [Bool], into out: inout [Trace]) {
        let n = s.count
        var i = 0
        while i < n {
            let v = s[i]
            let startsNumber = v == 0x2B || v == 0x28 || ScalarClass.digit(v) != nil
            guard startsNumber, !claimed[i], boundaryBefore(s, i) else { i += 1; continue }
            var at = i
            var plus = false
            if v == 0x2B {  // '+'
                guard i + 1 < n, ScalarClass.digit(s[i + 1]) != nil else { i += 1; continue }
                plus = true
                at = i + 1
            }
            let (groups, chainEnd) = readGroups(s, from: at)
            guard !groups.isEmpty else { i += 1; continue }
            defer { i = max(chainEnd, i + 1) }
            let total = groups.reduce(0) { $0 + $1.digits.count }
            guard total >= 8, boundaryAfter(s, chainEnd) else { continue }
            guard !(claimed[i..<chainEnd].contains(true)) else { continue }
            if let phone = read(groups[...], plus: plus) {
                out.append(Trace(kind: .phone, start: i, end: groups[groups.count - 1].end, value: phone.value, country: phone.country))
                continue
            }
            // Two numbers side by side, split at a group boundary.
            for split in 1..<groups.count {
                guard let first = read(groups[..<split], plus: plus), let second = read(groups[split...], plus: false) else { continue }
                out.append(Trace(kind: .phone, start: i, end: groups[split - 1].end, value: first.value, country: first.country))
                out.append(Trace(kind: .phone, start: groups[split].start, end: groups[groups.count - 1].end,
                                 value: second.value, country: second.country))
                break
            }
        }
    }

    /// Whether a number may start at `i`: not inside a word, another number, a price or a reference.
    private func boundaryBefore(_ s: [UInt32], _ i: Int) -> Bool {
        guard i > 0 else { return true }
        let p = s[i - 1]
        if ScalarClass.isWord(p) { return false }
        switch p {
        case 0x24, 0xA3, 0x20AC, 0x20A6, 0x23, 0x2B, 0x25, 0x40:  // $ £ € ₦ # + % @
            return false
        case 0x2E, 0x2C, 0x2F, 0x3A, 0x2D, 0x66B, 0x66C, 0x2010...0x2013:  // . , / : - ٫ ٬ dashes
            return !(i >= 2 && ScalarClass.digit(s[i - 2]) != nil)
        default:
            return true
        }
    }

    /// Whether a number may end at `end`: not followed by a letter, digit, percent sign, or a
    /// punctuation mark that continues a larger number (`,5`, `:30`, `/2`).
    private func boundaryAfter(_ s: [UInt32], _ end: Int) -> Bool {
        guard end < s.count else { return true }
        let v = s[end]
        if ScalarClass.isWord(v) || v == 0x25 || v == 0x66A || v == 0x2B { return false }  // % ٪ +
        switch v {
        case 0x2E, 0x2C, 0x2F, 0x3A, 0x2D, 0x66B, 0x66C:
            return !(end + 1 < s.count && ScalarClass.digit(s[end + 1]) != nil)
        default:
            return true
        }
    }

    /// Digit groups from `from`, joined by one hyphen, dot or space (with optional brackets
    /// around a group), and the offset just past the chain.
    private func readGroups(_ s: [UInt32], from: Int) -> ([Group], Int) {
        let n = s.count
        var groups: [Group] = []
        var i = from
        var total = 0
        while i < n {
            // Optional opening bracket.
            var j = i
            var bracket = false
            if s[j] == 0x28 { bracket = true; j += 1 }
            guard j < n, ScalarClass.digit(s[j]) != nil else { break }
            let start = j
            var digits: [UInt8] = []
            while j < n, let d = ScalarClass.digit(s[j]) {
                digits.append(UInt8(d))
                j += 1
            }
            if bracket {
                guard j < n, s[j] == 0x29 else { break }
                j += 1
            }
            total += digits.count
            guard total <= Self.maxDigits * 2 else { return ([], j) }
            groups.append(Group(digits: digits, start: bracket ? start - 1 : start, end: j))
            i = j
            // A separator: at most one hyphen or dot, spaces around it, then a digit or '('.
            var k = i
            var marks = 0
            var spaces = 0
            while k < n, k - i < 3 {
                let v = s[k]
                if ScalarClass.isGroupSpace(v) { spaces += 1 } else if v == 0x2D || v == 0x2E || v == 0x2011 { marks += 1 } else { break }
                k += 1
            }
            guard k > i, marks <= 1, spaces <= 2, k < n, s[k] == 0x28 || ScalarClass.digit(s[k]) != nil else { break }
            i = k
        }
        return (groups, groups.last?.end ?? from)
    }

    /// The E.164 value and country of a chain of groups, or nil when it is not a phone number
    /// in one of the shapes read.
    private func read(_ groups: ArraySlice<Group>, plus: Bool) -> (value: String, country: String?)? {
        var digits = groups.flatMap(\.digits)
        guard digits.count >= 8, digits.count <= Self.maxDigits else { return nil }
        var international = plus
        if !plus && digits.starts(with: [0, 0]) {
            digits.removeFirst(2)
            international = true
        }
        if international {
            guard digits.first != 0 else { return nil }
            if let country = CallingCodes.country(prefixing: digits) {
                var national = Array(digits.dropFirst(country.code.count))
                if country.trunkZero, national.first == 0, national.count - 1 >= country.lengths.lowerBound {
                    national.removeFirst()
                }
                guard country.lengths.contains(national.count) else { return nil }
                return (e164(country.code, national), country.iso)
            }
            // An unknown code: `+` and 8–15 digits is E.164, country unknown; `00` needs a known code.
            guard plus, (8...15).contains(digits.count) else { return nil }
            return ("+" + String(decoding: digits.map { $0 + 0x30 }, as: UTF8.self), nil)
        }
        // National Nigerian mobile: 0 + 70|71|80|81|90|91 + 8 digits.
        if digits.count == 11, digits[0] == 0, Self.isNigerianMobile(digits[1...]) {
            return (e164("234", Array(digits.dropFirst())), "NG")
        }
        // A region's code written without '+' before a mobile number.
        if let country = CallingCodes.country(prefixing: digits), let starts = country.mobileStarts,
           ["234", "235", "237", "227"].contains(country.code) {
            let national = Array(digits.dropFirst(country.code.count))
            let text = String(decoding: national.map { $0 + 0x30 }, as: UTF8.self)
            guard national.count == country.lengths.upperBound, starts.contains(where: text.hasPrefix) else { return nil }
            // The code must be a group of its own or the whole number one run (2348031234567).
            guard groups.count == 1 || groups.first?.digits.count == country.code.count else { return nil }
            return (e164(country.code, national), country.iso)
        }
        return nil
    }

    static func isNigerianMobile(_ national: ArraySlice<UInt8>) -> Bool {
        guard national.count == 10, let a = national.first else { return false }
        let b = national[national.startIndex + 1]
        return (a == 7 || a == 8 || a == 9) && (b == 0 || b == 1)
    }

    private func e164(_ code: String, _ national: [UInt8]) -> String {
        "+" + code + String(decoding: national.map { $0 + 0x30 }, as: UTF8.self)
    }
}
