import TaskaCore

/// Finds a page's main text among its blocks.
///
/// The scoring, in order:
/// 1. `TreeCleaner` drops invisible elements and page furniture (semantic tags and roles;
///    class/id tokens only together with link density or shortness).
/// 2. Each prose-like block (enough text, few links) scores
///    `1 + punctuation + min(chars / 100, 3)` — punctuation of every script counts, so
///    Arabic, Hausa and Kanuri prose score like English — and hands the score up to its
///    ancestors with decay (parent 1, grandparent 1/2, then 1/(3·level)).
/// 3. Each scored container adds a tag prior and its class/id vote (capped, so a class name
///    never outweighs the text), and is discounted by its own link density. The best container
///    wins; when several near-best ones (posts of a thread, page-builder sections) share an
///    ancestor, the ancestor wins.
/// 4. The region grows from there to each parent while what the parent adds is mostly good
///    prose (prose-like blocks with few links and no boilerplate vote), and takes in siblings
///    that are mostly good prose. Verbatim repeats of a paragraph count once.
/// 5. Inside the region, blocks are dropped when they are link lists, captions, bylines, or short
///    blocks under a boilerplate vote; short blocks are judged by their neighbours (jusText's
///    context rule).
/// 6. If the region holds too little of the page's good prose (a landing or product page),
///    the whole cleaned page is read instead, block by block (the baseline); if nothing passes,
///    every block that is not a link list is kept.
struct MainTextExtractor {
    var removeBoilerplate = true
    /// Share of good prose a parent must add for the region to grow into it.
    var growRatio = 0.6
    /// Share of the page's good prose the region must hold; below it the whole page is read.
    var regionShare = 0.25

    func extract(_ tree: MarkupTree, root: Int) -> [TextBlock] {
        let facts = TreeCleaner(removeBoilerplate: removeBoilerplate).facts(of: tree, root: root)
        var blocks = BlockSegmenter().blocks(of: tree, root: root, skip: facts.skip)
        if removeBoilerplate {
            // A paragraph repeated verbatim (print, mobile and app copies of one article) counts once,
            // unless the repeat sits beside its first copy in the same container with other blocks
            // between them (a recipe's or a schedule's recurring line: "Eat every 2–3 hours").
            // Keyed by UTF-8 bytes: verbatim means byte for byte, and hashing bytes skips the
            // Unicode normalisation a `String` key costs on every non-ASCII paragraph.
            var seen = [VerbatimKey: Int]()  // text -> parent of the first copy's owner
            var kept: [BlockSegmenter.Block] = []
            kept.reserveCapacity(blocks.count)
            for b in blocks {
                guard b.chars >= 40 else { kept.append(b); continue }
                let container = tree.nodes[b.owner].parent
                let key = VerbatimKey(b.block.text)
                if let first = seen[key] {
                    if first == container && kept.last.map({ $0.block.text.utf8.elementsEqual(key.bytes) }) != true { kept.append(b) }
                } else {
                    seen[key] = container
                    kept.append(b)
                }
            }
            blocks = kept
        }
        guard removeBoilerplate, !blocks.isEmpty else { return blocks.map(\.block) }
        let selected = select(blocks, tree: tree, facts: facts, root: root)
        if selected.isEmpty {
            // Nothing passed: a page of short lines (a form, a product card). Keep what is not a link list.
            return blocks.filter { $0.linkDensity < 0.5 }.map(\.block)
        }
        return selected.map(\.block)
    }

    /// A paragraph's UTF-8 bytes as a dictionary key, hashed 8 bytes at a time (an array of
    /// bytes hashes one byte per call).
    struct VerbatimKey: Hashable {
        let bytes: [UInt8]
        let digest: UInt64

        init(_ text: String) {
            bytes = Array(text.utf8)
            digest = bytes.withUnsafeBytes { raw in
                var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
                var i = 0
                while i + 8 <= raw.count {
                    h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                    h ^= h >> 32
                    i += 8
                }
                while i < raw.count { h = (h ^ UInt64(raw[i])) &* 0xC4CE_B9FE_1A85_EC53; i += 1 }
                return h ^ (h >> 29)
            }
        }

        static func == (a: VerbatimKey, b: VerbatimKey) -> Bool { a.digest == b.digest && a.bytes == b.bytes }
        func hash(into hasher: inout Hasher) { hasher.combine(digest) }
    }

    static func isProse(_ b: BlockSegmenter.Block) -> Bool {
        b.chars >= 25 && b.linkDensity < 0.5 && b.block.kind != .heading
    }

    func select(_ blocks: [BlockSegmenter.Block], tree: MarkupTree, facts: PageFacts, root: Int) -> [BlockSegmenter.Block] {
        let n = tree.nodes.count
        var score = [Double](repeating: 0, count: n)
        var scored = [Bool](repeating: false, count: n)
        for b in blocks where Self.isProse(b) {
            let s = 1 + Double(b.punctuation) + min(Double(b.chars) / 100, 3)
            var node = tree.nodes[b.owner].parent
            if Selectors.blockKinds[tree.nodes[b.owner].name] == .paragraph && tree.nodes[b.owner].name != "p" {
                node = b.owner  // text directly in a div: the div is the container
            }
            var level = 0
            while node >= 0 && level < 5 {
                if !scored[node] { scored[node] = true; score[node] = Self.prior(tree.nodes[node]) + max(-2, min(1, facts.vote[node])) * 25 }
                score[node] += level == 0 ? s : level == 1 ? s / 2 : s / Double(level * 3)
                if node == root { break }
                node = tree.nodes[node].parent
                level += 1
            }
        }
        var best = -1
        var bestScore = -Double.infinity
        for i in 0..<n where scored[i] {
            let final = score[i] * (1 - facts.linkDensity(i))
            score[i] = final
            if final > bestScore { bestScore = final; best = i }
        }
        guard best >= 0 else { return baseline(blocks, facts: facts, tree: tree, root: root) }

        func parent(_ i: Int) -> Int { tree.nodes[i].parent }
        func isAncestor(_ a: Int, of x: Int) -> Bool {
            var x = x
            while x >= 0 { if x == a { return true }; x = tree.nodes[x].parent }
            return false
        }
        let stop: Set<String> = ["body", "html", "#document"]
        // Several near-best candidates under one ancestor: the ancestor is the article (posts of
        // a thread, sections of a page builder).
        let ranked = (0..<n).filter { scored[$0] }.sorted { score[$0] > score[$1] }.prefix(5)
        let alternatives = ranked.dropFirst().filter { score[$0] >= 0.75 * bestScore }
        if alternatives.count >= 2 {
            var anc = parent(best)
            while anc >= 0 && !stop.contains(tree.nodes[anc].name) {
                if alternatives.filter({ isAncestor(anc, of: $0) }).count >= 2 { best = anc; break }
                anc = parent(anc)
            }
        }
        // Grow the region while what a parent adds is mostly good prose (prose-like blocks with
        // few links and no boilerplate vote above them).
        var all = [Int](repeating: 0, count: n)
        var good = [Int](repeating: 0, count: n)
        var negative = [Bool](repeating: false, count: n)
        // Votes on the best container and its ancestors are overruled by its text.
        var isAncestorOfBest = [Bool](repeating: false, count: n)
        var x = best
        while x >= 0 { isAncestorOfBest[x] = true; x = parent(x) }
        for i in 0..<n where tree.nodes[i].kind == .element {
            let p = parent(i)
            negative[i] = (p >= 0 && negative[p]) || (facts.vote[i] <= -1 && !isAncestorOfBest[i])
        }
        for b in blocks {
            let isGood = Self.isProse(b) && b.linkDensity < 0.3 && !negative[b.owner]
            var x = b.owner
            while x >= 0 { all[x] += b.chars; if isGood { good[x] += b.chars }; x = parent(x) }
        }
        var current = best
        while true {
            let p = parent(current)
            if p < 0 || stop.contains(tree.nodes[p].name) { break }
            // The page's own `main` landmark bounds the region: what lies beside it is page furniture.
            if Self.isMainLandmark(tree.nodes[current]) { break }
            let addedAll = all[p] - all[current]
            let addedGood = good[p] - good[current]
            if addedAll == 0 || Double(addedGood) >= growRatio * Double(addedAll) { current = p } else { break }
        }
        best = current
        // Siblings of the region that are mostly good prose (a lead paragraph in the article
        // header, sections split by an advert) join it.
        var region = Set<Int>([best])
        let bestParent = parent(best)
        if bestParent >= 0 && !stop.contains(tree.nodes[bestParent].name) || bestParent >= 0 {
            let threshold = max(10, bestScore * 0.2)
            for sib in tree.nodes[bestParent].children where sib != best && tree.nodes[sib].kind == .element && !facts.skip[sib] && !negative[sib] {
                if (scored[sib] && score[sib] >= threshold && good[sib] > 0) || (good[sib] > 0 && Double(good[sib]) >= 0.5 * Double(all[sib])) {
                    region.insert(sib)
                }
            }
        }
        var inRegion = [Bool](repeating: false, count: n)
        for i in region { inRegion[i] = true }
        for i in 0..<n where !inRegion[i] {
            let p = tree.nodes[i].parent
            if p >= 0 && inRegion[p] { inRegion[i] = true }
        }
        var chosen = blocks.filter { inRegion[$0.owner] }
        let chosenGood = region.reduce(0) { $0 + good[$1] }
        if Double(chosenGood) < regionShare * Double(good[root]) {
            // The page is not one article (a landing, product or service page): its good prose is
            // spread over many containers, so read the whole cleaned page.
            return baseline(blocks, facts: facts, tree: tree, root: root)
        }
        var inside = inRegion
        x = best
        while x >= 0 { inside[x] = false; x = parent(x) }
        let regionChars = region.reduce(0) { $0 + facts.chars[$1] }
        chosen = filter(chosen, facts: facts, tree: tree, stopAt: inside, bulk: regionChars / 2, units: true)
        return chosen
    }

    /// `<main>` or `role="main"`: the landmark HTML gives the page's main content.
    static func isMainLandmark(_ node: borrowing MarkupTree.Node) -> Bool {
        node.name == "main" || node.attribute("role")?.lowercased() == "main"
    }

    /// Tag priors (markup semantics): containers of prose up, list and heading cells down.
    static func prior(_ node: borrowing MarkupTree.Node) -> Double {
        switch node.name {
        case "article", "main": return 10
        case "div", "section": return 5
        case "pre", "td", "blockquote": return 3
        case "ol", "ul", "dl", "dd", "dt", "li", "form", "address": return -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": return -5
        default: return 0
        }
    }

    /// Drops link lists and short blocks under a boilerplate vote; a short block is kept when
    /// its neighbours are kept prose.
    ///
    /// - parameter bulk: an ancestor holding more visible text than this is the article's own
    ///   wrapper, and its class/id vote is not counted (`has-share-float` on the body's wrapper).
    /// - parameter units: judge links per element (a paragraph split by `<br>`, a list item) as
    ///   trafilatura does inside its main container: only a unit that is mostly links and short,
    ///   or nearly all links, is dropped, so a book list with linked titles stays.
    func filter(_ blocks: [BlockSegmenter.Block], facts: PageFacts, tree: MarkupTree, stopAt region: [Bool],
                bulk: Int = .max, units: Bool = false) -> [BlockSegmenter.Block] {
        enum Verdict { case good, bad, short }
        var verdicts: [Verdict] = blocks.map { b in
            if units {
                let unitDensity = facts.linkDensity(b.owner)
                if unitDensity > 0.9 || (unitDensity > 0.8 && facts.chars[b.owner] < 300) { return .bad }
            } else {
                if b.linkDensity > 0.6 { return .bad }
                if b.linkDensity > 0.3 && b.chars < 150 { return .bad }
            }
            // Boilerplate vote on an ancestor inside the region.
            var node = b.owner
            var v = 0.0
            var inFigure = false
            while node >= 0 && region[node] {
                if facts.chars[node] <= bulk { v = min(v, facts.vote[node]) }
                if tree.nodes[node].name == "figure" || tree.nodes[node].name == "figcaption" { inFigure = true }
                node = tree.nodes[node].parent
            }
            if v <= -1 && b.chars < 200 { return .bad }
            // Captions, credits, bylines and datelines beside the text.
            if inFigure && b.chars < 300 { return .bad }
            if v <= -0.5 && b.chars < 100 && b.block.kind != .heading { return .bad }
            if b.chars >= 60 || b.punctuation >= 2 { return .good }
            return .short
        }
        // Context: a short block stays when the nearest non-short neighbour on either side is good.
        let count = verdicts.count
        for i in 0..<count where verdicts[i] == .short {
            var prev: Verdict = .bad, next: Verdict = .bad
            var j = i - 1
            while j >= 0 { if verdicts[j] != .short { prev = verdicts[j]; break }; j -= 1 }
            j = i + 1
            while j < count { if verdicts[j] != .short { next = verdicts[j]; break }; j += 1 }
            if prev == .good || next == .good || blocks[i].block.kind == .heading { verdicts[i] = .good }
        }
        return zip(blocks, verdicts).compactMap { $1 == .good ? $0 : nil }
    }

    /// The whole cleaned page, block by block.
    func baseline(_ blocks: [BlockSegmenter.Block], facts: PageFacts, tree: MarkupTree, root: Int) -> [BlockSegmenter.Block] {
        let all = [Bool](repeating: true, count: tree.nodes.count)
        return filter(blocks, facts: facts, tree: tree, stopAt: all, bulk: facts.chars[root] / 2)
    }
}
