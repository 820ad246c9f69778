internal import CICUShim

/// The one file of TaskaDetect that calls ICU: script names of letters outside Latin and
/// Arabic, and sentence boundaries.
enum ICUScripts {
    /// ISO 15924 code of the script of `v` (`Zzzz` if ICU cannot say).
    /// The corresponding ICU functions are `uscript_getScript` and `uscript_getShortName`.
    static func code(of v: UInt32) -> String {
        var status: Int32 = 0
        let script = taska_icu_script_of(v, &status)
        guard status <= 0 else { return "Zzzz" }
        var buf = [CChar](repeating: 0, count: 16)
        let n = buf.withUnsafeMutableBufferPointer { taska_icu_script_code(script, $0.baseAddress, 16) }
        guard n > 0 else { return "Zzzz" }
        return String(decoding: buf.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Sentence boundaries of `text` (UTF-16) as UTF-16 offsets, always including 0 and the end;
    /// just those two when ICU fails. Opens one ICU iterator per call; `SentenceBreaker` keeps one.
    /// The corresponding ICU functions are `ubrk_open`, `ubrk_next`.
    static func sentenceBoundaries(_ text: [UInt16]) -> [Int] {
        collectBoundaries(text) { src, len, off, cap, status in taska_icu_breaks(0, nil, src, len, off, nil, cap, &status) }
    }

    /// Whether `text[range]` (scalar values) holds no code point after which a sentence can end
    /// (Sentence_Break ATerm, STerm, Sep, CR, LF): then it is one sentence and ICU need not
    /// break it. U+0000–U+08FF and U+2000–U+206F are answered from a table made once by ICU;
    /// any other code point counts as a possible end (ICU breaks the text).
    static func isOneSentence(_ text: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Bool {
        sentenceEndBits.withUnsafeBufferPointer { bits in
            for i in range {
                let v = text[i]
                let bit: UInt32
                if v < 0x900 { bit = v } else if v >= 0x2000 && v < 0x2070 { bit = v - 0x2000 + 0x900 } else { return false }
                if bits[Int(bit >> 6)] >> UInt64(bit & 63) & 1 != 0 { return false }
            }
            return true
        }
    }

    /// `taska_icu_may_end_sentence` of U+0000–U+08FF, then of U+2000–U+206F, as bits.
    static let sentenceEndBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (0x900 + 0x70 + 63) / 64)
        func mark(_ k: Int, _ v: Int) {
            if taska_icu_may_end_sentence(UInt32(v)) != 0 { bits[k >> 6] |= 1 << UInt64(k & 63) }
        }
        for v in 0..<0x900 { mark(v, v) }
        for v in 0x2000..<0x2070 { mark(v - 0x2000 + 0x900, v) }
        return bits
    }()

    /// Runs an ICU break call that fills a buffer of UTF-16 offsets, growing the buffer when ICU
    /// asks for more; `[0, text.count]` when ICU fails.
    static func collectBoundaries(
        _ text: [UInt16],
        _ call: (UnsafePointer<UInt16>?, Int32, UnsafeMutablePointer<Int32>?, Int32, inout Int32) -> Int32
    ) -> [Int] {
        guard !text.isEmpty else { return [0] }
        var capacity = text.count / 8 + 8
        while true {
            var offsets = [Int32](repeating: 0, count: capacity)
            var status: Int32 = 0
            let count = text.withUnsafeBufferPointer { src in
                offsets.withUnsafeMutableBufferPointer { off in
                    call(src.baseAddress, Int32(text.count), off.baseAddress, Int32(capacity), &status)
                }
            }
            if status > 0 && status != 15 { return [0, text.count] }  // 15 = U_BUFFER_OVERFLOW_ERROR
            if Int(count) > capacity { capacity = Int(count); continue }
            return offsets.prefix(Int(count)).map { Int($0) }
        }
    }
}

/// One ICU sentence-break iterator reused for many texts (`ubrk_setText` per text instead of
/// `ubrk_open`); why: opening an iterator costs far more than breaking a short paragraph.
/// Not shareable between threads: each tagging call owns its own.
final class SentenceBreaker {
    private let iterator: OpaquePointer?

    init() {
        var status: Int32 = 0
        // nil (ICU failure) falls back to `ICUScripts.sentenceBoundaries` per text. A clone of
        // one shared iterator: opening compiles ICU's rules anew each time (most of the cost of
        // a short message), a clone shares them.
        if let template = Self.template.iterator {
            iterator = taska_icu_break_clone(template, &status)
        } else {
            iterator = taska_icu_break_open(0, nil, &status)
        }
    }

    /// The sentence iterator every `SentenceBreaker` is cloned from; opened once, never given text.
    private final class Template: @unchecked Sendable {
        // Read-only after init; ICU allows concurrent clones of one iterator.
        let iterator: OpaquePointer?
        init() {
            var status: Int32 = 0
            iterator = taska_icu_break_open(0, nil, &status)
        }
        deinit { taska_icu_break_close(iterator) }
    }

    private static let template = Template()

    deinit { taska_icu_break_close(iterator) }

    /// Same boundaries as `ICUScripts.sentenceBoundaries(text)`.
    /// The corresponding ICU functions are `ubrk_setText`, `ubrk_next`.
    func boundaries(_ text: [UInt16]) -> [Int] {
        guard let iterator else { return ICUScripts.sentenceBoundaries(text) }
        return ICUScripts.collectBoundaries(text) { src, len, off, cap, status in
            taska_icu_break_run(iterator, src, len, off, nil, cap, &status)
        }
    }
}
