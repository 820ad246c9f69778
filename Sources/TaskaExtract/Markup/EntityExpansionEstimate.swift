import TaskaCore

/// How many bytes an XML document's internal general entities would expand to, estimated in
/// one linear pass before libxml2 sees the document.
///
/// libxml2 2.9.14 refuses a quadratic blow-up (a 20,000-character entity referenced 20,000
/// times) only after measuring the entity's length at every reference: 0.2 s of CPU per such
/// file. Summing declared literal lengths times references first refuses it in microseconds.
/// Only internal entities (`<!ENTITY name "literal">`) are counted: external ones are never
/// loaded, and parameter entities (`%name;`) only shape the DTD.
struct EntityExpansionEstimate: Equatable {
    /// Declared internal general entities.
    var entities = 0
    /// Bytes the references outside the DTD expand to (nested references expanded, saturating).
    var expandedBytes = 0

    /// Expansion above this many bytes, and above `ratio` times the document, is refused.
    static let floorBytes = 1 << 20
    static let ratio = 10

    /// Whether libxml2 should not be handed the document.
    func isExcessive(documentBytes: Int) -> Bool {
        expandedBytes > Self.floorBytes && expandedBytes / max(documentBytes, 1) >= Self.ratio
    }

    /// Estimates `bytes` (UTF-8 XML). Documents without `<!ENTITY` cost one `<!DOCTYPE` search.
    static func estimate(_ bytes: UnsafeBufferPointer<UInt8>) -> EntityExpansionEstimate {
        var result = EntityExpansionEstimate()
        guard let doctype = find(Array("<!DOCTYPE".utf8), in: bytes, from: 0, limit: min(bytes.count, 1 << 16)),
              let open = firstIndex(of: 0x5B, in: bytes, from: doctype, stopAt: 0x3E)  // '[' before the doctype's '>'
        else { return result }
        // The internal subset: entity declarations up to the closing "]".
        var literals: [[UInt8]: (start: Int, end: Int)] = [:]
        var i = open + 1
        let n = bytes.count
        var subsetEnd = n
        while i < n {
            let c = bytes[i]
            if c == 0x5D { subsetEnd = i; break }  // ']'
            if c == 0x22 || c == 0x27 {  // a quoted literal outside a declaration we read
                i = (firstIndex(of: c, in: bytes, from: i + 1) ?? n - 1) + 1
                continue
            }
            if c == 0x3C, i + 8 < n, matches(Array("<!ENTITY".utf8), in: bytes, at: i) {
                var j = i + 8
                while j < n, isSpace(bytes[j]) { j += 1 }
                if j < n, bytes[j] == 0x25 { i = j; continue }  // parameter entity
                let nameStart = j
                while j < n, !isSpace(bytes[j]), bytes[j] != 0x22, bytes[j] != 0x27, bytes[j] != 0x3E { j += 1 }
                let name = Array(bytes[nameStart..<j])
                while j < n, isSpace(bytes[j]) { j += 1 }
                guard j < n, bytes[j] == 0x22 || bytes[j] == 0x27 else { i = j; continue }  // SYSTEM / PUBLIC: external
                let quote = bytes[j]
                let end = firstIndex(of: quote, in: bytes, from: j + 1) ?? n
                if !name.isEmpty, literals[name] == nil { literals[name] = (j + 1, end) }
                i = end + 1
                continue
            }
            i += 1
        }
        result.entities = literals.count
        guard !literals.isEmpty else { return result }
        // Expanded length of each entity, nested references included (memoised; a cycle counts
        // as unbounded, which libxml2 refuses too).
        var expanded: [[UInt8]: Int] = [:]
        var visiting: Set<[UInt8]> = []
        func length(of name: [UInt8]) -> Int {
            if let known = expanded[name] { return known }
            guard let range = literals[name] else { return name.count + 2 }  // predefined or unknown: left as is
            if visiting.contains(name) { return Int.max }
            visiting.insert(name)
            var total = 0
            references(in: bytes, range.start, range.end) { ref in
                total = add(total, ref[0] == 0x23 ? 1 : length(of: Array(ref)))  // "&#…;" is one character
            } plain: { total = add(total, $0) }
            visiting.remove(name)
            expanded[name] = total
            return total
        }
        // The body's references are looked up by a hash of their bytes (no name copied for
        // predefined, numeric or undeclared ones), each declared name's expansion computed once.
        var byHash: [UInt64: [(name: [UInt8], length: Int?)]] = [:]
        for name in literals.keys { byHash[hash(name), default: []].append((name, nil)) }
        references(in: bytes, min(subsetEnd + 1, n), n) { ref in
            guard ref[0] != 0x23 else { return }
            let h = hash(ref)
            guard let k = byHash[h]?.firstIndex(where: { $0.name.elementsEqual(ref) }) else { return }
            let each: Int
            if let known = byHash[h]![k].length { each = known } else {
                each = length(of: byHash[h]![k].name)
                byHash[h]![k].length = each
            }
            result.expandedBytes = add(result.expandedBytes, each)
        } plain: { _ in }
        return result
    }

    /// FNV-1a of `bytes`.
    private static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// Calls `reference` with the name of each `&name;` in `bytes[start..<end]` and `plain` with
    /// the number of other bytes.
    private static func references(in bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                   reference: (UnsafeBufferPointer<UInt8>) -> Void, plain: (Int) -> Void) {
        let slice = UnsafeBufferPointer(rebasing: bytes[..<end])
        var i = start
        var run = 0
        while i < end {
            // The next '&' by the word-at-a-time search; the bytes before it are plain.
            let amp = ByteSearch.index(of: 0x26, in: slice, from: i)
            run += amp - i
            i = amp
            guard i < end else { break }
            var j = i + 1
            while j < end, j - i < 256, bytes[j] != 0x3B, !isSpace(bytes[j]), bytes[j] != 0x26, bytes[j] != 0x3C { j += 1 }
            if j < end, bytes[j] == 0x3B, j > i + 1 {
                plain(run); run = 0
                reference(UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j]))
                i = j + 1
                continue
            }
            run += 1
            i += 1
        }
        plain(run)
    }

    @inline(__always) private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }

    private static func add(_ a: Int, _ b: Int) -> Int { let (r, o) = a.addingReportingOverflow(b); return o ? Int.max : r }

    private static func matches(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where bytes[i + k] != needle[k] { return false }
        return true
    }

    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> Int? {
        var i = from
        while i + needle.count <= limit {
            if bytes[i] == needle[0] && matches(needle, in: bytes, at: i) { return i }
            i += 1
        }
        return nil
    }

    private static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, stopAt stop: UInt8? = nil) -> Int? {
        var i = from
        while i < bytes.count {
            if bytes[i] == byte { return i }
            if let stop, bytes[i] == stop { return nil }
            i += 1
        }
        return nil
    }
}
