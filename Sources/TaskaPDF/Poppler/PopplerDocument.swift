internal import CPoppler
internal import CPopplerText
import TaskaOCR

/// An open PDF: page count, metadata, each page's text layer with character boxes, and page
/// rendering. The only Swift type that holds poppler (GLib or C++) or cairo pointers.
///
/// Why a class: the document handles live while its pages are read one by one (so a 500-page
/// PDF is never held as text all at once) and are released in `deinit` (`g_object_unref`,
/// `taska_pdf_text_close`). Everything it returns is a Swift value: strings and words are
/// copied (and `g_free`d), pages and cairo surfaces are released in the function that made them.
/// The corresponding poppler functions are `poppler_document_new_from_bytes`,
/// `poppler::page::text_list` (through `CPopplerText`), `poppler_page_get_text_for_area`,
/// `poppler_page_get_text_layout_for_area` and `poppler_page_render_for_printing`.
final class PopplerDocument {
    private let document: OpaquePointer
    /// The same bytes opened through poppler's C++ text API (`CPopplerText`), for the text
    /// layer; nil when it could not open them (the GLib selection is read instead).
    private let text: OpaquePointer?
    let pageCount: Int

    /// Opens `bytes` as a PDF; `path` names it in errors.
    init(bytes: [UInt8], path: String) throws(PDFError) {
        let gbytes = bytes.withUnsafeBufferPointer { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(gbytes) }
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_bytes(gbytes, nil, &error) else {
            let code = taska_g_error_code(error)
            let message = taska_g_error_message(error).map { String(cString: $0) } ?? "unknown error"
            taska_g_error_free(error)
            if code == taska_poppler_error_encrypted() { throw PDFError(path: path, reason: .encrypted) }
            throw PDFError(path: path, reason: .damaged(detail: message))
        }
        taska_g_error_free(error)
        self.document = document
        self.pageCount = Int(poppler_document_get_n_pages(document))
        self.text = bytes.withUnsafeBufferPointer { taska_pdf_text_open($0.baseAddress, $0.count) }
    }

    deinit {
        if let text { taska_pdf_text_close(text) }
        taska_g_object_unref(UnsafeMutableRawPointer(document))
    }

    /// Title, author, dates and producer from the info dictionary (or XMP).
    var metadata: PDFMetadata {
        PDFMetadata(title: Self.take(poppler_document_get_title(document)),
                    author: Self.take(poppler_document_get_author(document)),
                    created: Self.isoDate(poppler_document_get_creation_date_time(document)),
                    modified: Self.isoDate(poppler_document_get_modification_date_time(document)),
                    producer: Self.take(poppler_document_get_producer(document)))
    }

    /// Page `index` (0-based): its size in points and its text layer as lines of words with
    /// one box per character. Bidi embedding controls (U+202A…U+202E), which poppler adds
    /// around right-to-left runs and which have no box, are dropped here.
    ///
    /// The words come from poppler's C++ text API. Only when it could not open the file is the
    /// GLib text read instead: a selection from one corner of the area to the other in its own
    /// reading order, which on right-to-left pages skips lines and sometimes a column; so the
    /// page is then read three times (whole, left half, right half) and words already seen at
    /// the same place are dropped from the later readings.
    func textLayer(page index: Int) -> RawPage? {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return nil }
        defer { taska_g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        if let words = words(page: index) {
            return RawPage(width: width, height: height, lines: Self.lines(of: words))
        }
        var lines: [RawLine] = []
        var seen = Set<CharacterKey>()
        for (from, to) in [(0.0, 1.0), (0.0, 0.5), (0.5, 1.0)] {
            var area = PopplerRectangle(x1: width * from, y1: 0, x2: width * to, y2: height)
            for line in Self.read(page, area: &area) {
                var words: [RawWord] = []
                for word in line.words {
                    // Without boxes a reading cannot be matched with another: keep the first only.
                    guard word.boxes.count == word.scalars.count else {
                        if from == 0 && to == 1 { words.append(word) }
                        continue
                    }
                    var fresh = RawWord(scalars: [], boxes: [])
                    for (s, box) in zip(word.scalars, word.boxes) where seen.insert(CharacterKey(s, box)).inserted {
                        fresh.scalars.append(s)
                        fresh.boxes.append(box)
                    }
                    if !fresh.scalars.isEmpty { words.append(fresh) }
                }
                if !words.isEmpty { lines.append(RawLine(words: words)) }
            }
        }
        return RawPage(width: width, height: height, lines: lines)
    }

    /// The words of page `index` from the C++ text API, in poppler's reading order, each as
    /// poppler stores it (visual order) with one box per scalar; nil when that API is not open.
    private func words(page index: Int) -> [RawWord]? {
        guard let text else { return nil }
        let n = taska_pdf_text_read_page(text, Int32(index))
        guard n >= 0 else { return nil }
        var words: [RawWord] = []
        words.reserveCapacity(n)
        for k in 0..<n {
            var count = 0
            var boxes: UnsafePointer<Double>?
            var box: (Double, Double, Double, Double) = (0, 0, 0, 0)
            guard let scalars = withUnsafeMutablePointer(to: &box, { pointer in
                pointer.withMemoryRebound(to: Double.self, capacity: 4) { taska_pdf_text_word(text, k, &count, &boxes, $0) }
            }) else { continue }
            var word = RawWord(scalars: [], boxes: [])
            word.scalars.reserveCapacity(count)
            for i in 0..<count {
                // Bidi controls have no glyph; poppler never stores them here, but be sure.
                guard let s = Unicode.Scalar(scalars[i]), !(0x202A...0x202E).contains(s.value) else { continue }
                word.scalars.append(s)
                if let boxes {
                    let b = boxes + 4 * i
                    word.boxes.append(Box(x0: min(b[0], b[2]), y0: min(b[1], b[3]), x1: max(b[0], b[2]), y1: max(b[1], b[3])))
                }
            }
            if word.boxes.count != word.scalars.count {
                // One box for the word, shared: enough for lines and columns, not for ligature slices.
                let b = Box(x0: min(box.0, box.2), y0: min(box.1, box.3), x1: max(box.0, box.2), y1: max(box.1, box.3))
                word.boxes = word.scalars.isEmpty ? [] : [Box](repeating: b, count: word.scalars.count)
            }
            if !word.scalars.isEmpty { words.append(word) }
        }
        return words
    }

    /// Words in poppler's reading order (each in visual order, left to right) as lines in the
    /// form the GLib text has them: a new line where a word does not sit beside the last one on
    /// its baseline; right-to-left words with their scalars reversed (the GLib order, which
    /// `RightToLeftRepair.logical` expects against boxes running left to right), and the words of
    /// a mostly right-to-left line from right to left.
    static func lines(of words: [RawWord]) -> [RawLine] {
        var lines: [RawLine] = []
        var current: [RawWord] = []
        func close() {
            guard !current.isEmpty else { return }
            var ordered = current.map { word -> RawWord in
                guard RightToLeftRepair.isRightToLeft(word.scalars) else { return word }
                return RawWord(scalars: word.scalars.reversed(), boxes: word.boxes)
            }
            if RightToLeftRepair.isMostlyRightToLeft(current.lazy.map(\.scalars)) { ordered.sort { $0.box.x0 > $1.box.x0 } } else { ordered.sort { $0.box.x0 < $1.box.x0 } }
            lines.append(RawLine(words: ordered))
            current = []
        }
        for word in words {
            if let last = current.last {
                let a = last.box, b = word.box
                let h = max(min(a.height, b.height), 1)
                let overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
                if overlap < 0.5 * h || b.x0 < a.x1 - h || b.x0 - a.x1 > 3 * h { close() }
            }
            current.append(word)
        }
        close()
        return lines
    }

    /// A character's identity on a page: the character and where its box sits.
    private struct CharacterKey: Hashable {
        var scalar: UInt32
        var x: Int, y: Int

        init(_ scalar: Unicode.Scalar, _ box: Box) {
            self.scalar = scalar.value
            x = Int((box.x0 * 10).rounded())
            y = Int((box.y0 * 10).rounded())
        }
    }

    /// The text and character boxes of `area` of `page`, as lines of words.
    private static func read(_ page: OpaquePointer, area: inout PopplerRectangle) -> [RawLine] {
        guard let raw = poppler_page_get_text_for_area(page, &area) else { return [] }
        let text = String(cString: raw)
        taska_g_free(raw)
        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var count: UInt32 = 0
        let hasLayout = poppler_page_get_text_layout_for_area(page, &area, &rects, &count) != 0
        defer { if let rects { taska_g_free(rects) } }
        let scalars = Array(text.unicodeScalars).filter { !(0x202A...0x202E).contains($0.value) }
        var boxes: [Box] = []
        if hasLayout, let rects, Int(count) == scalars.count {
            boxes.reserveCapacity(scalars.count)
            for i in 0..<Int(count) {
                let r = rects[i]
                boxes.append(Box(x0: min(r.x1, r.x2), y0: min(r.y1, r.y2), x1: max(r.x1, r.x2), y1: max(r.y1, r.y2)))
            }
        }
        return lines(scalars, boxes: boxes)
    }

    /// Renders page `index` in grey at `dpi`, lowered so the image has at most `maxPixels`.
    /// The corresponding cairo calls are `cairo_image_surface_create` and `cairo_scale`.
    func render(page index: Int, dpi: Int, maxPixels: Int) -> GrayImage? {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return nil }
        defer { taska_g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        guard width > 0, height > 0, width.isFinite, height.isFinite else { return nil }
        var scale = Double(dpi) / 72
        let pixels = width * scale * height * scale
        if pixels > Double(maxPixels) { scale *= (Double(maxPixels) / pixels).squareRoot() }
        let w = Int((width * scale).rounded(.down)), h = Int((height * scale).rounded(.down))
        guard w > 0, h > 0, w < 32_767, h < 32_767 else { return nil }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(w), Int32(h)) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else { return nil }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render_for_printing(page, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var grey = [UInt8](repeating: 255, count: w * h)
        for y in 0..<h {
            let row = data + y * stride
            for x in 0..<w {
                // CAIRO_FORMAT_RGB24: one native-endian 32-bit word per pixel, 0x00RRGGBB.
                let p = UnsafeRawPointer(row + x * 4).loadUnaligned(as: UInt32.self)
                let r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                grey[y * w + x] = UInt8((r * 299 + g * 587 + b * 114) / 1000)
            }
        }
        return GrayImage(width: w, height: h, pixels: grey, dpi: Int((scale * 72).rounded()))
    }

    /// Splits poppler's page text into lines at `\n` and words at spaces, keeping each
    /// character's box (boxes may be empty when poppler gave none that match).
    static func lines(_ scalars: [Unicode.Scalar], boxes: [Box]) -> [RawLine] {
        let hasBoxes = boxes.count == scalars.count
        var lines: [RawLine] = []
        var words: [RawWord] = []
        var word = RawWord(scalars: [], boxes: [])
        func endWord() {
            if !word.scalars.isEmpty { words.append(word) }
            word = RawWord(scalars: [], boxes: [])
        }
        func endLine() {
            endWord()
            if !words.isEmpty { lines.append(RawLine(words: words)) }
            words = []
        }
        for (i, s) in scalars.enumerated() {
            switch s {
            case "\n", "\r", "\u{0C}": endLine()
            case " ", "\t", "\u{A0}": endWord()
            default:
                // poppler joins the lines of two columns with no space between them; the boxes
                // show the jump, which ends the word (and lets layout cut the line).
                if hasBoxes, let previous = word.boxes.last, isJump(from: previous, to: boxes[i]) { endWord() }
                word.scalars.append(s)
                if hasBoxes { word.boxes.append(boxes[i]) }
            }
        }
        endLine()
        return lines
    }

    /// Whether the next character's box does not continue the previous one (a gap of more than
    /// a third of the line height, either way, or a move to another line).
    static func isJump(from a: Box, to b: Box) -> Bool {
        let h = max(a.height, b.height, 1)
        return abs(b.x0 - a.x1) > h / 3 || abs(b.y0 - a.y0) > h * 0.6 && abs(b.y1 - a.y1) > h * 0.6
    }

    /// Copies a C string from poppler and frees it; blank strings become nil.
    private static func take(_ raw: UnsafeMutablePointer<gchar>?) -> String? {
        guard let raw else { return nil }
        let text = String(cString: raw)
        taska_g_free(raw)
        let trimmed = text.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\u{FEFF}" }
        let result = String(String.UnicodeScalarView(trimmed)).trimmingSpaces
        return result.isEmpty ? nil : result
    }

    /// A GDateTime as ISO 8601 (`2019-08-08T10:00:00+01:00`), released after formatting.
    private static func isoDate(_ date: OpaquePointer?) -> String? {
        guard let date else { return nil }
        defer { g_date_time_unref(date) }
        guard let raw = g_date_time_format_iso8601(date) else { return nil }
        let text = String(cString: raw)
        taska_g_free(raw)
        return text
    }
}

extension String {
    /// Without leading and trailing spaces.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
