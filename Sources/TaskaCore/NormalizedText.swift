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
    /// BCP 47 tag with script, e.g. `ha-Latn`, `knc-Arab`, `und-Arab`.
    public var language: String
    public var confidence: Double

    public init(start: Int, end: Int, language: String, confidence: Double) {
        self.start = start
        self.end = end
        self.language = language
        self.confidence = confidence
    }
}

/// A language and its share of a document's text.
public struct LanguageShare: Sendable, Equatable {
    public var language: String
    public var share: Double

    public init(language: String, share: Double) {
        self.language = language
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

    public init(text: String, searchKey: String, direction: Direction, scripts: [ScriptShare],
                paragraphs: [Paragraph], scriptRuns: [ScriptRun] = []) {
        self.text = text
        self.searchKey = searchKey
        self.direction = direction
        self.scripts = scripts
        self.paragraphs = paragraphs
        self.scriptRuns = scriptRuns
    }
}
