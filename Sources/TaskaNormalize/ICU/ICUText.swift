internal import CICUShim

// The only file of TaskaNormalize that imports CICUShim or touches a C pointer. Everything it
// returns is a plain Swift value; no ICU memory outlives a call (the shim closes what it opens).

/// Unicode normalisation forms of ICU's Normalizer2.
enum ICUNormalizationForm: Sendable {
    case nfc, nfd, nfkc, nfkd, nfkcCasefold

    fileprivate var raw: Int32 {
        switch self {
        case .nfc: Int32(TASKA_NORM_NFC.rawValue)
        case .nfd: Int32(TASKA_NORM_NFD.rawValue)
        case .nfkc: Int32(TASKA_NORM_NFKC.rawValue)
        case .nfkd: Int32(TASKA_NORM_NFKD.rawValue)
        case .nfkcCasefold: Int32(TASKA_NORM_NFKC_CASEFOLD.rawValue)
        }
    }
}

/// The paragraph level requested from the bidi algorithm.
enum ICUBidiLevel: Sendable {
    /// Base level 0.
    case ltr
    /// Base level 1.
    case rtl
    /// The first strong character decides; left-to-right when there is none.
    case defaultLTR

    fileprivate var raw: Int32 {
        switch self {
        case .ltr: Int32(TASKA_BIDI_LTR.rawValue)
        case .rtl: Int32(TASKA_BIDI_RTL.rawValue)
        case .defaultLTR: Int32(TASKA_BIDI_DEFAULT_LTR.rawValue)
        }
    }
}

/// One resolved bidi level run: UTF-16 offsets [start, start + length).
struct ICUBidiRun: Sendable, Equatable {
    var start: Int
    var length: Int
    var level: Int
    var isRightToLeft: Bool { level & 1 == 1 }
}

/// The bidi resolution of one paragraph.
struct ICUBidiParagraph: Sendable, Equatable {
    var runs: [ICUBidiRun]
    /// The resolved paragraph level (0 left-to-right, 1 right-to-left).
    var paragraphLevel: Int
    /// True when ICU found levels of both parities (`UBIDI_MIXED`).
    var hasBothDirections: Bool
}

/// One script run: UTF-16 offsets [start, end), ISO 15924 code, and how many of its code points
/// have a script of their own (not Common, Inherited or Unknown).
struct ICUScriptRun: Sendable, Equatable {
    var start: Int
    var end: Int
    var script: String
    var scriptBearingCount: Int
}

/// Kinds of text boundaries.
enum ICUBreakKind: Sendable {
    case sentence, word, line

    fileprivate var raw: Int32 {
        switch self {
        case .sentence: Int32(TASKA_BREAK_SENTENCE.rawValue)
        case .word: Int32(TASKA_BREAK_WORD.rawValue)
        case .line: Int32(TASKA_BREAK_LINE.rawValue)
        }
    }
}

/// One text boundary: a UTF-16 offset and ICU's rule status of the segment ending there.
struct ICUBoundary: Sendable, Equatable {
    var offset: Int
    var ruleStatus: Int
}

/// Swift wrappers over the CICUShim functions used by normalisation.
///
/// Each wrapper validates lengths, preflights buffer sizes (retrying once ICU says how much it
/// needs) and throws `NormalizeError` through `icuCall`, the only place that reads a status.
enum ICUText {
    /// The version of the system ICU, e.g. "72.1".
    static var version: String { String(cString: taska_icu_version()) }

    /// `text` in normalisation form `form`.
    /// The corresponding ICU function is `unorm2_normalize`.
    static func normalize(_ text: [UInt16], form: ICUNormalizationForm) throws(NormalizeError) -> [UInt16] {
        _ = try int32Length(text)  // the same refusal of oversized text on either path
        if let result = withoutICU(text, form: form) { return result }
        return try normalizedByICU(text, form: form)
    }

    /// `normalize` without ICU for text that lies wholly where `form` changes nothing (or, for
    /// NFKC_Casefold, only upper-case ASCII letters); nil when ICU must decide. Why: most
    /// paragraphs of English, Hausa and Latin Kanuri text are such text, and each ICU call
    /// allocates and zero-fills its output. Ranges (tests check each against ICU, pairs too):
    /// NFC below U+0300 (no decomposition, and no combining mark to compose with); NFKC below
    /// U+00A0; NFD, NFKD and NFKC_Casefold in ASCII.
    static func withoutICU(_ text: [UInt16], form: ICUNormalizationForm) -> [UInt16]? {
        let limit: UInt16 = switch form {
        case .nfc: 0x300
        case .nfkc: 0xA0
        case .nfd, .nfkd, .nfkcCasefold: 0x80
        }
        guard text.allSatisfy({ $0 < limit }) else { return nil }
        guard form == .nfkcCasefold else { return text }
        return text.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    /// `normalize` by ICU, always.
    static func normalizedByICU(_ text: [UInt16], form: ICUNormalizationForm) throws(NormalizeError) -> [UInt16] {
        let length = try int32Length(text)
        if length == 0 { return [] }
        // NFC/NFKC rarely grow text; ICU tells us the exact size when they do.
        return try preflighted("unorm2_normalize", capacity: text.count + 16) { capacity, status in
            var out = [UInt16](repeating: 0, count: capacity)
            let needed = text.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dest in
                    taska_icu_normalize(form.raw, src.baseAddress, length, dest.baseAddress, Int32(capacity), &status)
                }
            }
            if status <= 0, Int(needed) <= capacity { out.removeSubrange(Int(needed)...) }
            return (needed, out)
        }
    }

    /// Whether `text` is already in form `form`.
    /// The corresponding ICU function is `unorm2_isNormalized`.
    static func isNormalized(_ text: [UInt16], form: ICUNormalizationForm) throws(NormalizeError) -> Bool {
        let length = try int32Length(text)
        return try icuCall("unorm2_isNormalized") { status in
            text.withUnsafeBufferPointer { taska_icu_is_normalized(form.raw, $0.baseAddress, length, &status) } == 1
        }
    }

    /// The direction of the first strong character: `true` right-to-left, `false` left-to-right,
    /// `nil` when there is none. The corresponding ICU function is `ubidi_getBaseDirection`.
    static func baseDirectionIsRightToLeft(_ text: [UInt16]) throws(NormalizeError) -> Bool? {
        let length = try int32Length(text)
        let direction = text.withUnsafeBufferPointer { taska_icu_bidi_base_direction($0.baseAddress, length) }
        switch direction {
        case Int32(TASKA_DIR_LTR.rawValue): return false
        case Int32(TASKA_DIR_RTL.rawValue): return true
        default: return nil
        }
    }

    /// Resolves the bidi levels of one paragraph (no line breaks inside).
    /// The corresponding ICU functions are `ubidi_setPara`, `ubidi_getDirection`, `ubidi_getLogicalRun`.
    static func bidiRuns(_ text: [UInt16], level: ICUBidiLevel) throws(NormalizeError) -> ICUBidiParagraph {
        let length = try int32Length(text)
        var direction: Int32 = 0
        var paragraphLevel: Int32 = 0
        let runs: [ICUBidiRun] = try preflighted("ubidi_setPara", capacity: 8) { capacity, status in
            var raw = [taska_icu_bidi_run](repeating: taska_icu_bidi_run(), count: capacity)
            let count = text.withUnsafeBufferPointer { src in
                raw.withUnsafeMutableBufferPointer { dest in
                    taska_icu_bidi_runs(src.baseAddress, length, level.raw, dest.baseAddress, Int32(capacity),
                                        &direction, &paragraphLevel, &status)
                }
            }
            guard status <= 0, Int(count) <= capacity else { return (count, []) }
            return (count, raw[..<Int(count)].map {
                ICUBidiRun(start: Int($0.start), length: Int($0.length), level: Int($0.level))
            })
        }
        return ICUBidiParagraph(runs: runs, paragraphLevel: Int(paragraphLevel),
                                hasBothDirections: direction == Int32(TASKA_DIR_MIXED.rawValue))
    }

    /// The ISO 15924 code of the script of `scalar` ("Zyyy" for Common, "Zinh" for Inherited).
    /// The corresponding ICU function is `uscript_getScript`.
    static func script(of scalar: Unicode.Scalar) throws(NormalizeError) -> String {
        let code = try icuCall("uscript_getScript") { status in taska_icu_script_of(scalar.value, &status) }
        return scriptCode(code)
    }

    /// Splits one paragraph into script runs (Common and Inherited join their neighbours, paired
    /// brackets take their opening partner's script). Done in CICUShim because ICU's `usc_*`
    /// run API is not public. The corresponding ICU function is `uscript_getScript`.
    static func scriptRuns(_ text: [UInt16]) throws(NormalizeError) -> [ICUScriptRun] {
        let length = try int32Length(text)
        if length == 0 { return [] }
        return try preflighted("uscript_getScript", capacity: 8) { capacity, status in
            var raw = [taska_icu_script_run](repeating: taska_icu_script_run(), count: capacity)
            var counts = [Int32](repeating: 0, count: capacity)
            let count = text.withUnsafeBufferPointer { src in
                raw.withUnsafeMutableBufferPointer { runs in
                    counts.withUnsafeMutableBufferPointer { own in
                        taska_icu_script_runs_counted(src.baseAddress, length, runs.baseAddress, own.baseAddress,
                                                      Int32(capacity), &status)
                    }
                }
            }
            guard status <= 0, Int(count) <= capacity else { return (count, []) }
            var result: [ICUScriptRun] = []
            result.reserveCapacity(Int(count))
            for i in 0..<Int(count) {
                result.append(ICUScriptRun(start: Int(raw[i].start), end: Int(raw[i].end),
                                           script: scriptCode(raw[i].script),
                                           scriptBearingCount: Int(counts[i])))
            }
            return (count, result)
        }
    }

    /// The ISO 15924 code of an ICU script number, e.g. "Arab"; "Zzzz" when ICU has no name.
    /// The corresponding ICU function is `uscript_getShortName`.
    static func scriptCode(_ script: Int32) -> String {
        if script >= 0, Int(script) < scriptCodeTable.count { return scriptCodeTable[Int(script)] }
        return lookUpScriptCode(script)
    }

    /// The ICU script number of an ISO 15924 code, or `nil`.
    /// The corresponding ICU function is `uscript_getCode`.
    static func scriptNumber(_ iso15924: String) -> Int32? {
        let code = taska_icu_script_from_code(iso15924)
        return code < 0 ? nil : code
    }

    /// Sentence, word or line boundaries of `text`, always including 0 and `text.count`.
    /// `locale` nil means ICU's root rules.
    /// The corresponding ICU functions are `ubrk_open`, `ubrk_next`, `ubrk_getRuleStatus`.
    static func boundaries(_ text: [UInt16], kind: ICUBreakKind, locale: String? = nil) throws(NormalizeError) -> [ICUBoundary] {
        let length = try int32Length(text)
        return try preflighted("ubrk_open", capacity: text.count / 4 + 4) { capacity, status in
            var offsets = [Int32](repeating: 0, count: capacity)
            var rules = [Int32](repeating: 0, count: capacity)
            let count = text.withUnsafeBufferPointer { src in
                offsets.withUnsafeMutableBufferPointer { off in
                    rules.withUnsafeMutableBufferPointer { rule in
                        if let locale {
                            return locale.withCString {
                                taska_icu_breaks(kind.raw, $0, src.baseAddress, length, off.baseAddress,
                                                 rule.baseAddress, Int32(capacity), &status)
                            }
                        }
                        return taska_icu_breaks(kind.raw, nil, src.baseAddress, length, off.baseAddress,
                                                rule.baseAddress, Int32(capacity), &status)
                    }
                }
            }
            guard status <= 0, Int(count) <= capacity else { return (count, []) }
            return (count, (0..<Int(count)).map { ICUBoundary(offset: Int(offsets[$0]), ruleStatus: Int(rules[$0])) })
        }
    }

    // MARK: - The status funnel

    /// Runs one shim call and turns a failing status into a typed error. This is the only
    /// function that reads an ICU status.
    @inline(__always)
    static func icuCall<T>(_ function: StaticString, _ body: (inout Int32) -> T) throws(NormalizeError) -> T {
        var status: Int32 = 0
        let value = body(&status)
        if status > 0 { throw NormalizeError.icu(function: "\(function)", status: ICUStatus(rawValue: status)) }
        return value
    }

    /// Calls `body` with a buffer capacity; when ICU answers `U_BUFFER_OVERFLOW_ERROR` it retries
    /// with the size ICU asked for. `body` returns (needed size, result).
    private static func preflighted<R>(_ function: StaticString, capacity initial: Int,
                                       _ body: (Int, inout Int32) -> (Int32, R)) throws(NormalizeError) -> R {
        var capacity = max(initial, 1)
        for _ in 0..<4 {
            var needed: Int32 = 0
            do throws(NormalizeError) {
                return try icuCall(function) { status in
                    let (size, result) = body(capacity, &status)
                    needed = size
                    return result
                }
            } catch {
                guard error.status == .bufferOverflow, Int(needed) > capacity else { throw error }
                capacity = Int(needed)
            }
        }
        throw NormalizeError.icu(function: "\(function)", status: .bufferOverflow)
    }

    private static func int32Length(_ text: [UInt16]) throws(NormalizeError) -> Int32 {
        guard text.count <= Int(Int32.max) else { throw NormalizeError.textTooLong(utf16Length: text.count) }
        return Int32(text.count)
    }

    /// ISO 15924 codes of ICU's script numbers, looked up once per process.
    private static let scriptCodeTable: [String] = (0..<256).map { lookUpScriptCode(Int32($0)) }

    private static func lookUpScriptCode(_ script: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 16)
        let length = buffer.withUnsafeMutableBufferPointer { taska_icu_script_code(script, $0.baseAddress, 16) }
        guard length > 0, length < 16 else { return "Zzzz" }
        return String(decoding: buffer[..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension ICUStatus {
    /// ICU's name of the status, e.g. "U_INVALID_CHAR_FOUND".
    /// The corresponding ICU function is `u_errorName`.
    public var name: String { String(cString: taska_icu_error_name(rawValue)) }
}
