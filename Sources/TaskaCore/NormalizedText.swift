/// A paragraph of the record's `text`: Unicode scalar offsets [start, end) plus its direction
/// and dominant script.
public struct Paragraph: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var direction: Direction
    /// ISO 15924 code of the dominant script (`Latn`, `Arab`, `Zyyy` when none).
    public var script: String

    public init(start: Int, end: Int, direction: Direction, script: String) {
        self.start = start
        self.end = end
        self.direction = direction
        self.script = script
    }
}

/// The share of a script among the script-bearing characters of a text.
public struct ScriptShare: Sendable, Equatable {
    public var script: String
    /// In [0, 1]; shares of one text add up to 1 (rounded to 4 places).
    public var share: Double

    public init(script: String, share: Double) {
        self.script = script
        self.share = share
    }
}

/// A run of one script inside `text`: Unicode scalar offsets [start, end).
public struct ScriptRun: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var script: String

    public init(start: Int, end: Int, script: String) {
        self.start = start
        self.end = end
        self.script = script
    }
}

/// A language-tagged span of `text` (filled by the language stage).
public struct Segment: Sendable, Equatable {
    public var start: Int
    public var end: Int
    /// BCP 47 language subtag: `ha`, `knc`, `ar`, `en` or `und`.
    public var language: String
    /// ISO 15924 script code: `Latn`, `Arab`, …
    public var script: String
    /// In [0, 1]; calibrated (of segments with confidence ≥ 0.9, at least 90 % are right).
    public var confidence: Double

    public init(start: Int, end: Int, language: String, script: String, confidence: Double) {
        self.start = start
        self.end = end
        self.language = language
        self.script = script
        self.confidence = confidence
    }

    /// `language-script`, e.g. `knc-Arab`.
    public var tag: String { "\(language)-\(script)" }
}

/// A language (BCP 47 tag with script, `ha-Latn`) and its share of a document's text.
public struct LanguageShare: Sendable, Equatable {
    public var tag: String
    public var share: Double

    public init(tag: String, share: Double) {
        self.tag = tag
        self.share = share
    }
}

/// The output of the Normalize stage: what ends up in a record's text fields.
public struct NormalizedText: Sendable, Equatable {
    /// Paragraphs joined by `\n`, normalised (NFC by default).
    public var text: String
    /// Search form of `text`: case-folded, harakat/tatweel removed, alef/yeh/teh-marbuta folded.
    public var searchKey: String
    public var direction: Direction
    public var scripts: [ScriptShare]
    public var paragraphs: [Paragraph]
    public var scriptRuns: [ScriptRun]
    /// Inline spans of the blocks, mapped onto `text` (scalar offsets).
    public var entities: [Entity]
    /// Language hints from markup per paragraph (index-aligned with `paragraphs`; nil when none).
    public var declaredLanguages: [String?]
    /// The source page of each paragraph (index-aligned with `paragraphs`; empty when the
    /// source has no pages).
    public var paragraphPages: [Int?]

    public init(text: String, searchKey: String, direction: Direction, scripts: [ScriptShare],
                paragraphs: [Paragraph], scriptRuns: [ScriptRun] = [], entities: [Entity] = [],
                declaredLanguages: [String?] = [], paragraphPages: [Int?] = []) {
        self.paragraphPages = paragraphPages
        self.text = text
        self.searchKey = searchKey
        self.direction = direction
        self.scripts = scripts
        self.paragraphs = paragraphs
        self.scriptRuns = scriptRuns
        self.entities = entities
        self.declaredLanguages = declaredLanguages
    }
}

extension [PageInfo] {
    /// These pages with offsets into `normalized.text`: each page runs from its first
    /// paragraph's start to its last paragraph's end; a page without text sits, empty, where
    /// the text of the next page starts (or at the end).
    public func placed(in normalized: NormalizedText) -> [PageInfo] {
        var spans: [Int: (start: Int, end: Int)] = [:]
        for (k, page) in normalized.paragraphPages.enumerated() {
            guard let page, k < normalized.paragraphs.count else { continue }
            let p = normalized.paragraphs[k]
            if let s = spans[page] { spans[page] = (Swift.min(s.start, p.start), Swift.max(s.end, p.end)) } else { spans[page] = (p.start, p.end) }
        }
        let length = normalized.text.unicodeScalars.count
        var out = self
        var next = length
        for i in out.indices.reversed() {
            if let s = spans[out[i].number] {
                out[i].start = s.start
                out[i].end = s.end
                next = s.start
            } else {
                out[i].start = next
                out[i].end = next
            }
        }
        return out
    }
}
