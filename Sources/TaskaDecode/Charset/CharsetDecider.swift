import TaskaCore

/// Decides the charset of a document from the strongest evidence available.
///
/// The cascade, strongest first:
/// 1. a byte-order mark (stripped before decoding);
/// 2. the transport charset (HTTP `Content-Type` of a WARC record), verified against the bytes;
/// 3. a declaration inside markup (`<meta>`, XML declaration), verified against the bytes;
/// 4. UTF-16/UTF-32 without a BOM, recognised from the layout of the bytes;
/// 5. strict UTF-8 validation (valid UTF-8 is never relabelled a legacy charset);
/// 6. statistical detection: damaged UTF-8 (mostly well-formed), else `StatisticalCharsetDetector`;
/// 7. the default: UTF-8 with replacement characters.
///
/// "Verified" means a named charset that contradicts the bytes is overridden (and a warning
/// says so): a legacy charset on valid multi-byte UTF-8, UTF-8 on bytes that are mostly not
/// UTF-8, ISO-8859-6 on bytes it leaves unassigned, a Latin charset on clearly Arabic bytes.
struct CharsetDecider {
    /// The outcome: what to record, what to decode with, and what to tell the user.
    struct Choice: Sendable {
        var decision: CharsetDecision
        /// Bytes of BOM to skip.
        var bomLength: Int = 0
        /// Non-nil when all the bytes (after the BOM) are known to be valid UTF-8.
        var utf8: UTF8Validator.Report?
        var warnings: [DocumentWarning] = []
    }

    /// The stage name used in warnings.
    var stage = "decode"

    /// Decides the charset of `bytes`; `transport` is a header's charset label, and
    /// `scanDeclarations` enables the `<meta>`/XML declaration scan (markup only).
    func decide(_ bytes: UnsafeBufferPointer<UInt8>, transport: String?, scanDeclarations: Bool) -> Choice {
        if let bom = ByteOrderMark.detect(bytes) {
            var choice = Choice(decision: CharsetDecision(charset: bom.charset, source: .bom, confidence: 1.0), bomLength: bom.length)
            if bom.charset == "utf-8" {
                choice.utf8 = UTF8Validator.validate(UnsafeBufferPointer(rebasing: bytes[bom.length...]))
            }
            return choice
        }
        var evidence = Evidence(bytes: bytes)
        var warnings: [DocumentWarning] = []

        if let transport, !transport.isEmpty {
            switch verify(label: transport, origin: "the transport header (HTTP Content-Type)", source: .transport,
                          code: "transport-charset-overridden", &evidence, &warnings) {
            case let .accepted(choice), let .overridden(choice):
                return finish(choice, warnings, &evidence)
            case .unusable: break
            }
        }
        if scanDeclarations, evidence.wide == nil, let declaration = CharsetDeclarationScanner.scan(bytes) {
            let origin = "\(declaration.kind.rawValue) at byte \(declaration.offset)"
            switch verify(label: declaration.label, origin: origin, source: .declared,
                          code: "declared-charset-overridden", &evidence, &warnings) {
            case let .accepted(choice), let .overridden(choice):
                return finish(choice, warnings, &evidence)
            case .unusable: break
            }
        }
        return finish(undeclared(&evidence), warnings, &evidence)
    }

    private func finish(_ choice: Choice, _ warnings: [DocumentWarning], _ evidence: inout Evidence) -> Choice {
        var c = choice
        c.warnings = warnings + c.warnings
        if c.decision.charset == "utf-8", evidence.utf8Computed, evidence.utf8.isValid { c.utf8 = evidence.utf8 }
        return c
    }

    /// Steps 4–7: no usable name, so the bytes decide.
    private func undeclared(_ evidence: inout Evidence) -> Choice {
        if let wide = evidence.wide {
            return Choice(decision: CharsetDecision(charset: wide.charset, source: .detected, confidence: wide.confidence))
        }
        let utf8 = evidence.utf8
        if utf8.isValid {
            return Choice(decision: CharsetDecision(charset: "utf-8", source: .validated, confidence: utf8.isASCII ? 0.9 : 1.0),
                          utf8: utf8)
        }
        // Mostly well-formed multi-byte UTF-8 with a few bad bytes: UTF-8 that was damaged.
        // (Legacy text forms a valid pair only by accident, far less often than it fails.)
        if utf8.multibyteSequences >= 2 && utf8.multibyteSequences >= 4 * utf8.invalidSequences {
            let share = Double(utf8.multibyteSequences) / Double(utf8.multibyteSequences + utf8.invalidSequences)
            return Choice(decision: CharsetDecision(charset: "utf-8", source: .detected, confidence: 0.9 * share))
        }
        let best = evidence.ranking().first
        // Legacy text almost never forms valid multi-byte UTF-8 pairs (that takes an accented
        // capital or an Arabic letter directly before a C1/punctuation byte), while it fails
        // UTF-8 at nearly every non-ASCII byte. So a few valid pairs against a few bad bytes,
        // with no legacy charset reading convincingly, is damaged UTF-8.
        if utf8.multibyteSequences >= 2, utf8.multibyteSequences * 3 >= utf8.invalidSequences,
           (best?.confidence ?? 0) < 0.5 {
            let share = Double(utf8.multibyteSequences) / Double(utf8.multibyteSequences + utf8.invalidSequences)
            return Choice(decision: CharsetDecision(charset: "utf-8", source: .detected, confidence: 0.6 * share))
        }
        if let best, best.score > 0 {
            return Choice(decision: CharsetDecision(charset: best.charset, source: .detected, confidence: best.confidence))
        }
        return Choice(decision: CharsetDecision(charset: "utf-8", source: .default, confidence: 0))
    }

    private enum Verdict {
        case accepted(Choice)
        case overridden(Choice)
        case unusable
    }

    /// Checks a named charset against the bytes.
    private func verify(label: String, origin: String, source: CharsetSource, code: String,
                        _ evidence: inout Evidence, _ warnings: inout [DocumentWarning]) -> Verdict {
        let what = source == .transport ? "The transport header names" : "The document declares"
        guard let name = CharsetLabel.resolve(label) else {
            warnings.append(DocumentWarning(
                stage: stage, code: "unknown-charset",
                message: "\(what) charset \"\(label)\" (\(origin)), which is not a known charset; it was ignored and the charset was detected from the bytes."))
            return .unusable
        }
        let accepted = { (charset: String) -> Verdict in
            .accepted(Choice(decision: CharsetDecision(charset: charset, source: source, confidence: 0.95)))
        }
        func override(_ reason: String) -> Verdict {
            let choice = undeclared(&evidence)
            warnings.append(DocumentWarning(
                stage: stage, code: code,
                message: "\(what) charset \(label) (\(origin)), but \(reason); decoded as \(choice.decision.charset) instead. Correct the declaration to silence this warning."))
            return .overridden(choice)
        }

        // Wide charsets: the layout of the bytes must agree.
        if CharsetLabel.isWide(name) {
            if let wide = evidence.wide, wide.charset.hasPrefix(name) || name.hasPrefix(wide.charset) {
                return accepted(wide.charset)
            }
            if let wide = evidence.wide { return override("the bytes are laid out as \(wide.charset)") }
            return override("the bytes are not laid out as \(name) (the declaration itself reads as ASCII)")
        }
        if let wide = evidence.wide {
            return override("the bytes are laid out as \(wide.charset) without a byte-order mark")
        }
        let utf8 = evidence.utf8
        if name == "utf-8" {
            if utf8.isValid || utf8.multibyteSequences >= 4 * utf8.invalidSequences { return accepted(name) }
            if let best = evidence.ranking().first, best.charset != "utf-8", best.score > 0, best.confidence >= 0.4 {
                return override("\(utf8.invalidSequences) byte sequences are not valid UTF-8 and the text reads as \(best.charset)")
            }
            return accepted(name)
        }
        // A legacy charset.
        if utf8.isASCII { return accepted(name) }
        if utf8.isValid {
            return override("the bytes are valid UTF-8 with \(utf8.multibyteSequences) multi-byte characters")
        }
        let ranking = evidence.ranking(extra: name)
        if let best = ranking.first, best.charset != name, best.confidence >= 0.4,
           let declared = ranking.first(where: { $0.charset == name }),
           best.score - declared.score >= 0.3 {
            let why: String
            if declared.measure.replacements > 0 {
                why = "\(declared.measure.replacements) characters of the sample are not defined in \(name) and the text reads as \(best.charset)"
            } else {
                why = "the text reads as \(best.charset) (score \(Self.round2(best.score)) against \(Self.round2(declared.score)))"
            }
            return override(why)
        }
        return accepted(name)
    }

    private static func round2(_ x: Double) -> String {
        let v = (x * 100).rounded() / 100
        return "\(v)"
    }

    /// Facts about the bytes, each computed at most once.
    private struct Evidence {
        let bytes: UnsafeBufferPointer<UInt8>
        private var wideResult: WideEncodingDetector.Result??
        private var utf8Result: UTF8Validator.Report?
        private var rankings: [String: [StatisticalCharsetDetector.Candidate]] = [:]

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var wide: WideEncodingDetector.Result? {
            mutating get {
                if let w = wideResult { return w }
                // `detect` first rules out NUL-free valid UTF-8 with its own validation of the
                // first 64 KiB; the whole-text validation (needed for most documents anyway)
                // answers that once.
                let sample = UnsafeBufferPointer(rebasing: bytes.prefix(WideEncodingDetector.sampleLimit))
                let w = bytes.count >= 4 && utf8.isValid && !WideEncodingDetector.containsNUL(sample) ? nil : WideEncodingDetector.detect(bytes)
                wideResult = .some(w)
                return w
            }
        }

        var utf8Computed: Bool { utf8Result != nil }

        var utf8: UTF8Validator.Report {
            mutating get {
                if let r = utf8Result { return r }
                let r = UTF8Validator.validate(bytes)
                utf8Result = r
                return r
            }
        }

        mutating func ranking(extra: String? = nil) -> [StatisticalCharsetDetector.Candidate] {
            let key = extra ?? ""
            if let r = rankings[key] { return r }
            // Any ranking has the same winner unless the extra candidate wins, which it cannot
            // once it has been overridden; reuse it rather than decode the sample again.
            if extra == nil, let r = rankings.values.first { return r }
            let r = StatisticalCharsetDetector.rank(bytes, extra: extra.map { [$0] } ?? [], utf8: utf8)
            rankings[key] = r
            return r
        }
    }
}
