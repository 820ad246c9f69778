/// Puts a page's lines in reading order: top to bottom, and column by column where the page
/// has columns (right column first on right-to-left pages).
///
/// Lines are grouped into bands (lines whose vertical extents overlap); consecutive bands that
/// leave a common vertical gutter free form a section with columns; a line that crosses the
/// gutter (a title, a full-width paragraph) ends the section. Why not poppler's order: on
/// two-column pages it reads straight across the gutter, line by line.
enum ReadingOrder {
    /// A gutter narrower than this share of the page width is a word space, not a gutter.
    static let minimumGutter = 0.02

    /// Runs of lines in reading order: one run per column of each section.
    static func columns(_ lines: [PageLine], pageWidth: Double, rtl: Bool) -> [[PageLine]] {
        guard lines.count > 1 else { return lines.isEmpty ? [] : [lines] }
        let bands = self.bands(lines)
        let minGap = max(4, pageWidth * minimumGutter)
        var result: [[PageLine]] = []
        var section: [[PageLine]] = []
        var gutters: [(Double, Double)] = []
        var lastWasSingle = false
        func flush() {
            guard !section.isEmpty else { return }
            // One band alone is one line cut at wide spaces, not columns; one-column sections
            // in a row are one run.
            let multi = section.count > 1 && !gutters.isEmpty
            let runs = split(section.flatMap { $0 }, gutters: multi ? gutters : [], rtl: rtl)
            if !multi && lastWasSingle && !result.isEmpty {
                result[result.count - 1] += runs.flatMap { $0 }
            } else {
                result += runs
            }
            lastWasSingle = !multi
            section = []
            gutters = []
        }
        func inner(_ free: [(Double, Double)]) -> [(Double, Double)] {
            free.filter { $0.0.isFinite && $0.1.isFinite && $0.1 - $0.0 >= minGap }
        }
        for band in bands {
            let free = freeIntervals(band)
            if section.isEmpty {
                section = [band]
                gutters = inner(free)
                continue
            }
            let extent = (section.flatMap { $0 } + band).reduce((Double.infinity, -Double.infinity)) { (min($0.0, $1.box.x0), max($0.1, $1.box.x1)) }
            let kept = intersect(gutters, free).filter { $0.1 - $0.0 >= minGap && $0.0 > extent.0 && $0.1 < extent.1 }
            if gutters.isEmpty {
                // A one-column section goes on while the band has no gutter of its own.
                if inner(free).isEmpty {
                    section.append(band)
                } else {
                    flush()
                    section = [band]
                    gutters = inner(free)
                }
            } else if kept.isEmpty {
                flush()
                section = [band]
                gutters = inner(free)
            } else {
                section.append(band)
                gutters = kept
            }
        }
        flush()
        return result
    }

    /// Lines grouped into bands of overlapping vertical extent, top to bottom.
    static func bands(_ lines: [PageLine]) -> [[PageLine]] {
        let sorted = lines.sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
        var bands: [[PageLine]] = []
        var bottom = -Double.infinity
        for line in sorted {
            // Overlap counted on the middle of the line, so tall marks do not chain bands.
            let top = line.box.y0 + line.box.height * 0.25
            if bands.isEmpty || top >= bottom {
                bands.append([line])
                bottom = line.box.y1 - line.box.height * 0.25
            } else {
                bands[bands.count - 1].append(line)
                bottom = max(bottom, line.box.y1 - line.box.height * 0.25)
            }
        }
        return bands
    }

    /// The x intervals between the lines of a band (inside its extent).
    static func freeIntervals(_ band: [PageLine]) -> [(Double, Double)] {
        let spans = band.map { ($0.box.x0, $0.box.x1) }.sorted { $0.0 < $1.0 }
        var out: [(Double, Double)] = []
        var reach = spans[0].1
        for span in spans.dropFirst() {
            if span.0 > reach { out.append((reach, span.0)) }
            reach = max(reach, span.1)
        }
        // Outside the band's own extent everything is free.
        return [(-Double.infinity, spans[0].0)] + out + [(reach, Double.infinity)]
    }

    static func intersect(_ a: [(Double, Double)], _ b: [(Double, Double)]) -> [(Double, Double)] {
        var out: [(Double, Double)] = []
        for x in a {
            for y in b {
                let lo = max(x.0, y.0), hi = min(x.1, y.1)
                if hi > lo { out.append((lo, hi)) }
            }
        }
        return out
    }

    /// A section's lines split at its gutters into columns, each top to bottom; pieces of one
    /// row inside a column (a justified line cut at wide spaces) are joined back into a line.
    static func split(_ lines: [PageLine], gutters: [(Double, Double)], rtl: Bool) -> [[PageLine]] {
        let cuts = gutters.map { ($0.0 + $0.1) / 2 }.sorted()
        var columns = [[PageLine]](repeating: [], count: cuts.count + 1)
        for line in lines {
            let centre = (line.box.x0 + line.box.x1) / 2
            columns[cuts.firstIndex { centre < $0 } ?? cuts.count].append(line)
        }
        if rtl { columns.reverse() }
        return columns.filter { !$0.isEmpty }.map { column in
            bands(column).map { row in
                let sorted = row.sorted { rtl ? $0.box.x1 > $1.box.x1 : $0.box.x0 < $1.box.x0 }
                guard sorted.count > 1 else { return sorted[0] }
                var merged = sorted[0]
                for piece in sorted.dropFirst() {
                    merged.text += " " + piece.text
                    merged.box = merged.box.union(piece.box)
                    if piece.startsParagraph == true && merged.startsParagraph == nil { merged.startsParagraph = false }
                }
                return merged
            }
        }
    }
}
