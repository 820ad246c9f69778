/// Finds running headers, footers and page numbers: lines in a page's top or bottom margin
/// that repeat across pages (digits aside), or that are only a page number.
///
/// Why: printed pages repeat the site, the date and "Page 2 of 3" on every page; in the
/// record's text they would interrupt paragraphs and pollute search and language detection.
enum RunningFurniture {
    /// Share of the page height at the top and at the bottom where furniture may sit.
    static let margin = 0.12

    /// For each page, the indices of its lines that are furniture.
    static func find(in pages: [PageContent]) -> [Set<Int>] {
        var keysOnPages: [String: Set<Int>] = [:]
        var candidates: [[(index: Int, key: String)]] = []
        for (p, page) in pages.enumerated() {
            var mine: [(Int, String)] = []
            for (i, line) in page.lines.enumerated() where inMargin(line.box, page: page) {
                let key = self.key(line.text)
                guard !key.isEmpty else { continue }
                mine.append((i, key))
                keysOnPages[key, default: []].insert(p)
            }
            candidates.append(mine)
        }
        return candidates.enumerated().map { p, mine in
            var found = Set<Int>()
            for (index, key) in mine {
                let line = pages[p].lines[index].text
                if (keysOnPages[key]?.count ?? 0) >= 2 || isPageNumber(line) || isSiteOrDate(line) { found.insert(index) }
            }
            // A margin line beside furniture on the same row belongs to it (a site name left of the date).
            let lines = pages[p].lines
            for (index, _) in mine where !found.contains(index) {
                let box = lines[index].box
                if found.contains(where: { overlapsVertically(lines[$0].box, box) }) { found.insert(index) }
            }
            return found
        }
    }

    static func overlapsVertically(_ a: Box, _ b: Box) -> Bool {
        min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5 * min(a.height, b.height)
    }

    static func inMargin(_ box: Box, page: PageContent) -> Bool {
        guard page.height > 0 else { return false }
        return box.y1 <= page.height * margin || box.y0 >= page.height * (1 - margin)
    }

    /// The line with every digit (any script) as `0`, spaces collapsed, letters lowercased.
    static func key(_ text: String) -> String {
        var out = ""
        var space = false
        for s in text.unicodeScalars {
            if s.properties.isWhitespace { space = !out.isEmpty; continue }
            if space { out.unicodeScalars.append(" "); space = false }
            if s.properties.numericType == .decimal { out.unicodeScalars.append("0") } else { out += String(s).lowercased() }
        }
        return out
    }

    /// A line that is a page number: digits plus at most a few letters of words like "Page",
    /// "of", "Shafi na", "صفحة من" (`12`, `- 3 -`, `Page 2 of 3`, `Shafi na 2 / 3`, `صفحة ٢ من ٣`).
    static func isPageNumber(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { $0.properties.numericType == .decimal }), scalars.count <= 24,
              !scalars.contains(where: { "()[]".unicodeScalars.contains($0) }) else { return false }
        let letters = scalars.filter { $0.properties.isAlphabetic && $0.properties.numericType == nil }.count
        return letters <= 10
    }

    /// A margin line made only of a web address and a date (`jaridar-arewa.example  08.08.2019`).
    static func isSiteOrDate(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " })
        guard !words.isEmpty, words.count <= 4 else { return false }
        return words.allSatisfy { word in
            let s = word.unicodeScalars
            let digits = s.filter { $0.properties.numericType == .decimal }.count
            let isDate = digits >= 4 && s.allSatisfy { $0.properties.numericType == .decimal || "./-".unicodeScalars.contains($0) }
            let isSite = s.contains(".") && !s.contains(where: { $0.properties.isWhitespace }) && s.count >= 6
                && !s.last!.properties.isWhitespace && s.filter({ $0 == "." }).count >= 1 && !isSentenceEnd(word)
            return isDate || isSite
        }
    }

    /// A word that merely ends a sentence with a full stop is not a web address.
    private static func isSentenceEnd(_ word: Substring) -> Bool {
        word.unicodeScalars.filter({ $0 == "." }).count == 1 && word.hasSuffix(".")
    }
}
