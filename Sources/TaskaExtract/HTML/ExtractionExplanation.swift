import TaskaCore

/// One candidate block of an HTML page and what main-text extraction did with it.
///
/// For `taska inspect`: the decisions are observed from outside `TreeCleaner` and
/// `MainTextExtractor` (the same calls the reader makes), so explaining never changes what is kept.
public struct BlockDecision: Sendable, Equatable {
    /// What happened to a block.
    public enum Verdict: String, Sendable, Equatable {
        /// In the record's text.
        case kept
        /// Inside page furniture that `TreeCleaner` removed (navigation, footer, aside, banner…).
        case furniture
        /// A verbatim repeat of an earlier paragraph (print/mobile copies) counted once.
        case duplicate
        /// Outside the main-text region, or dropped by the block filter (link list, caption,
        /// byline, short block under a boilerplate vote).
        case notMainText = "not-main-text"
    }

    public var verdict: Verdict
    public var kind: TextBlock.Kind
    public var text: String
    /// The block's element, e.g. `div#content.article-body > p`.
    public var element: String
    /// Non-space characters, share of them inside links, commas and sentence ends.
    public var chars: Int
    public var linkDensity: Double
    public var punctuation: Int
    /// The prose score the block hands to its containers (`1 + punctuation + min(chars/100, 3)`
    /// for prose-like blocks, 0 otherwise).
    public var score: Double
    /// The most negative class/id/role vote on the block's element and its ancestors (0 when none).
    public var vote: Double
}

extension MainTextExtractor {
    /// Every visible block of an HTML page, in reading order, with its verdict and scores.
    ///
    /// The kept blocks are exactly those `HTMLReader` keeps with the same `removeBoilerplate`.
    static func explain(html text: String, path: String, removeBoilerplate: Bool) throws -> [BlockDecision] {
        let tree = try MarkupParser().parse(text, syntax: .html, path: path)
        let root = 0
        let visibleFacts = TreeCleaner(removeBoilerplate: false).facts(of: tree, root: root)
        let visible = BlockSegmenter().blocks(of: tree, root: root, skip: visibleFacts.skip)
        let cleaned: [BlockSegmenter.Block]
        if removeBoilerplate {
            let facts = TreeCleaner(removeBoilerplate: true).facts(of: tree, root: root)
            cleaned = BlockSegmenter().blocks(of: tree, root: root, skip: facts.skip)
        } else {
            cleaned = visible
        }
        let kept = MainTextExtractor(removeBoilerplate: removeBoilerplate).extract(tree, root: root)
        var nextKept = 0
        var cleanedLeft = cleaned.map { ($0.owner, $0.block.text) }
        var seenText = Set<String>()
        var decisions: [BlockDecision] = []
        func decision(_ b: BlockSegmenter.Block, _ verdict: BlockDecision.Verdict) -> BlockDecision {
            var vote = 0.0
            var node = b.owner
            while node >= 0 { vote = min(vote, visibleFacts.vote[node]); node = tree.nodes[node].parent }
            return BlockDecision(
                verdict: verdict, kind: b.block.kind, text: b.block.text, element: describe(b.owner, in: tree),
                chars: b.chars, linkDensity: b.linkDensity, punctuation: b.punctuation,
                score: isProse(b) ? 1 + Double(b.punctuation) + min(Double(b.chars) / 100, 3) : 0, vote: vote)
        }
        for b in visible {
            let verdict: BlockDecision.Verdict
            let inCleaned = cleanedLeft.firstIndex { $0.0 == b.owner && $0.1 == b.block.text }
            if let c = inCleaned { cleanedLeft.remove(at: c) }
            if nextKept < kept.count, kept[nextKept] == b.block {
                // Kept blocks come out in reading order, a subsequence of the visible ones.
                verdict = .kept
                nextKept += 1
            } else if inCleaned != nil {
                verdict = removeBoilerplate && b.chars >= 40 && seenText.contains(b.block.text) ? .duplicate : .notMainText
            } else {
                verdict = .furniture
            }
            if inCleaned != nil { seenText.insert(b.block.text) }
            decisions.append(decision(b, verdict))
        }
        // A kept block the visible segmentation cut differently (furniture inside a paragraph).
        for block in kept[nextKept...] {
            decisions.append(BlockDecision(verdict: .kept, kind: block.kind, text: block.text, element: "(cleaned paragraph)",
                                           chars: block.text.unicodeScalars.filter { !$0.properties.isWhitespace }.count,
                                           linkDensity: 0, punctuation: 0, score: 0, vote: 0))
        }
        return decisions
    }

    /// `parent > element` with id and first classes, e.g. `article#story.post > p`.
    static func describe(_ index: Int, in tree: MarkupTree) -> String {
        func label(_ i: Int) -> String {
            let node = tree.nodes[i]
            var s = node.name
            if let id = node.attribute("id"), !id.isEmpty { s += "#" + id }
            if let cls = node.attribute("class") {
                for token in cls.split(separator: " ").prefix(2) { s += "." + token }
            }
            return s
        }
        let parent = tree.nodes[index].parent
        if parent >= 0, tree.nodes[parent].kind == .element, !["#document", "html"].contains(tree.nodes[parent].name) {
            return label(parent) + " > " + label(index)
        }
        return label(index)
    }
}

extension ExtractStage {
    /// The name of the format reader that reads `document` (`html`, `rss`, `telegram-json`, …).
    public func readerName(for document: SourceDocument) -> String {
        (readers.first { $0.accepts(document) } ?? PlainTextReader()).name
    }

    /// For a document the HTML reader takes: every visible block with its verdict and scores
    /// (see `BlockDecision`); nil for other formats, whose readers keep every block.
    public func explainBlocks(of document: SourceDocument) throws -> [BlockDecision]? {
        guard readerName(for: document) == "html" else { return nil }
        return try MainTextExtractor.explain(html: document.text, path: document.source.path, removeBoilerplate: options.removeBoilerplate)
    }
}
