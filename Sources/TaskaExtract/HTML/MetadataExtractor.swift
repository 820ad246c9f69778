import TaskaCore

/// Title and descriptive metadata of an HTML page. Missing is `nil`, never guessed.
///
/// Sources, first found wins: Open Graph / article / Dublin Core / schema.org `meta` tags,
/// JSON-LD (the article object), `<link rel=canonical>`, `<time datetime>` marked as the
/// publication time, and a date in the canonical URL (`/2019/11/20/`). Dates are kept only when
/// they are ISO 8601 (a date, or a date-time with optional offset).
struct MetadataExtractor {
    struct Result {
        var title: String?
        var metadata: DocumentMetadata
    }

    func extract(from tree: MarkupTree) -> Result {
        var meta: [String: String] = [:]
        var canonical: String?
        var ldSources: [String] = []
        var timePublished: String?
        var h1: String?
        var titleTag: String?
        // Nodes are read in place: only the few elements switched on below are looked at.
        tree.nodes.withUnsafeBufferPointer { nodes in
            for i in nodes.indices {
                switch nodes[i].tag {
                case .meta:
                    // The content is collapsed once, and only for a key read below that is still unset.
                    lazy var content = nodes[i].attribute("content").map(Self.collapse) ?? ""
                    for key in ["property", "name", "itemprop", "http-equiv"] {
                        guard let k = nodes[i].attribute(key)?.lowercased(), Keys.read.contains(k), meta[k] == nil else { continue }
                        guard !content.isEmpty else { break }
                        meta[k] = content
                    }
                case .link:
                    if canonical == nil, nodes[i].attribute("rel")?.lowercased().split(separator: " ").contains("canonical") == true,
                       let href = nodes[i].attribute("href"), !href.isEmpty { canonical = href }
                case .script:
                    if nodes[i].isJSONLD { ldSources.append(tree.textContent(of: i)) }
                case .time:
                    if timePublished == nil, let dt = nodes[i].attribute("datetime"),
                       nodes[i].attribute("pubdate") != nil || nodes[i].attribute("itemprop")?.lowercased() == "datepublished"
                        || Self.hasAncestor(i, named: ["article", "header"], in: tree) {
                        timePublished = Self.iso8601(dt)
                    }
                case .title:
                    if titleTag == nil { titleTag = Self.collapse(tree.textContent(of: i)) }
                case .h1:
                    if h1 == nil { let t = Self.collapse(tree.textContent(of: i)); if !t.isEmpty { h1 = t } }
                default: break
                }
            }
        }
        let ld = JSONLDReader().article(in: ldSources)
        func first(_ keys: [String]) -> String? {
            for k in keys { if let v = meta[k], !v.isEmpty { return v } }
            return nil
        }
        func ldText(_ key: String) -> String? { ld?[key]?.text.map(Self.collapse).flatMap { $0.isEmpty ? nil : $0 } }

        var m = DocumentMetadata()
        if let root = tree.rootElement, let lang = tree.nodes[root].attribute("lang") ?? tree.nodes[root].attribute("xml:lang"), !lang.isEmpty {
            m.declaredLanguage = lang
        } else if let lang = first(Keys.language) {
            m.declaredLanguage = lang
        }
        m.siteName = first(Keys.siteName) ?? ld?["publisher"]?.text.map(Self.collapse)
        m.canonicalURL = canonical ?? first(Keys.url) ?? ldText("url")
        m.description = first(Keys.description) ?? ldText("description")
        m.author = Self.author(first(Keys.author))
            ?? Self.author(ldText("author"))
        m.published = [first(Keys.published),
                       ldText("datePublished"), timePublished].lazy.compactMap { $0.flatMap(Self.iso8601) }.first
            ?? (m.canonicalURL).flatMap(Self.urlDate)
        m.modified = [first(Keys.modified),
                      ldText("dateModified")].lazy.compactMap { $0.flatMap(Self.iso8601) }.first

        let rawTitle = first(Keys.title) ?? ldText("headline") ?? titleTag.flatMap { $0.isEmpty ? nil : $0 } ?? h1
        // Other names the page gives itself: evidence for a site-name suffix when og:site_name is missing.
        let names = [first(Keys.otherNames)]
            .compactMap { $0 }
        let cleaner = TitleCleaner(siteName: m.siteName, heading: h1, otherNames: names,
                                   host: (m.canonicalURL ?? first(Keys.url)).flatMap(TitleCleaner.hostLabel))
        let title = rawTitle.map { cleaner.clean($0) }
        return Result(title: title, metadata: m)
    }

    /// The `<meta>` keys (property, name, itemprop or http-equiv, lowercased) each field reads,
    /// first found first.
    enum Keys {
        static let language = ["content-language", "dc.language", "language"]
        static let siteName = ["og:site_name", "application-name"]
        static let url = ["og:url"]
        static let description = ["description", "og:description", "twitter:description", "dc.description"]
        static let author = ["author", "article:author", "dc.creator", "dcterms.creator", "byl", "parsely-author", "sailthru.author"]
        static let published = ["article:published_time", "datepublished", "publishdate", "pubdate", "dc.date.issued", "dcterms.issued",
                                "dcterms.created", "dc.date", "date", "parsely-pub-date", "sailthru.date", "og:published_time"]
        static let modified = ["article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified"]
        static let title = ["og:title", "twitter:title"]
        static let otherNames = ["application-name", "apple-mobile-web-app-title", "twitter:site", "al:ios:app_name", "al:android:app_name"]
        /// Every key above: the others are not kept.
        static let read = Set(language + siteName + url + description + author + published + modified + title + otherNames)
    }

    /// An author name; URLs (profile links in `article:author`) are not names.
    static func author(_ value: String?) -> String? {
        guard let v = value, !v.isEmpty, !v.hasPrefix("http://"), !v.hasPrefix("https://") else { return nil }
        return v
    }

    static func hasAncestor(_ i: Int, named names: Set<String>, in tree: MarkupTree) -> Bool {
        var x = tree.nodes[i].parent
        while x >= 0 { if names.contains(tree.nodes[x].name) { return true }; x = tree.nodes[x].parent }
        return false
    }

    static func collapse(_ text: String) -> String { WhitespaceCollapse.collapse(text) }

    /// `value` as ISO 8601 when it is one: `YYYY-MM-DD`, optionally `THH:MM[:SS[.fff]]` (a space
    /// is read as `T`) and `Z` or `±HH[:]MM` (written `±HH:MM`). Anything else is nil; years
    /// before 1900 (placeholders such as `0001-01-01`) too.
    static func iso8601(_ value: String) -> String? {
        let s = Array(Self.trimmed(value).utf8)
        func digits(_ r: Range<Int>) -> Bool { r.upperBound <= s.count && s[r].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard s.count >= 10, digits(0..<4), s[4] == 0x2D, digits(5..<7), s[7] == 0x2D, digits(8..<10) else { return nil }
        let year = Int(String(decoding: s[0..<4], as: UTF8.self)) ?? 0
        let month = Int(String(decoding: s[5..<7], as: UTF8.self)) ?? 0
        let day = Int(String(decoding: s[8..<10], as: UTF8.self)) ?? 0
        guard year >= 1900, (1...12).contains(month), (1...31).contains(day) else { return nil }
        var out = String(decoding: s[0..<10], as: UTF8.self)
        var i = 10
        if i == s.count { return out }
        guard s[i] == 0x54 || s[i] == 0x20, digits(i + 1..<i + 3), i + 3 < s.count, s[i + 3] == 0x3A, digits(i + 4..<i + 6) else { return nil }
        out += "T" + String(decoding: s[i + 1..<i + 6], as: UTF8.self)
        i += 6
        if i < s.count, s[i] == 0x3A, digits(i + 1..<i + 3) {
            out += String(decoding: s[i..<i + 3], as: UTF8.self); i += 3
            if i < s.count, s[i] == 0x2E {
                var j = i + 1
                while j < s.count, s[j] >= 0x30 && s[j] <= 0x39 { j += 1 }
                if j > i + 1 { out += String(decoding: s[i..<j], as: UTF8.self) }
                i = j
            }
        }
        if i == s.count { return out }
        if s[i] == 0x5A && i + 1 == s.count { return out + "Z" }
        if (s[i] == 0x2B || s[i] == 0x2D), digits(i + 1..<i + 3) {
            let sign = String(UnicodeScalar(s[i]))
            let hh = String(decoding: s[i + 1..<i + 3], as: UTF8.self)
            var j = i + 3
            if j < s.count, s[j] == 0x3A { j += 1 }
            guard digits(j..<j + 2), j + 2 == s.count else { return nil }
            return out + sign + hh + ":" + String(decoding: s[j..<j + 2], as: UTF8.self)
        }
        return nil
    }

    /// A publication date written into a URL path: `/2019/11/20/`, `/2019-11-20`, `/20191120/`.
    static func urlDate(_ url: String) -> String? {
        let parts = url.split(separator: "/").map(String.init)
        for (k, p) in parts.enumerated() {
            if p.count == 4, let y = Int(p), (1990...2100).contains(y), k + 2 < parts.count,
               parts[k + 1].count == 2, let mo = Int(parts[k + 1]), (1...12).contains(mo) {
                let dayPart = String(parts[k + 2].prefix(2))
                if let d = Int(dayPart), (1...31).contains(d), parts[k + 2].count == 2 || !(parts[k + 2].dropFirst(2).first?.isNumber ?? false) {
                    return iso8601("\(p)-\(parts[k + 1])-\(dayPart)")
                }
            }
            if p.count >= 10, let v = iso8601(String(p.prefix(10))), p.count == 10 || !(p.dropFirst(10).first?.isNumber ?? false) { return v }
            if p.count == 8, p.allSatisfy(\.isNumber), let v = iso8601("\(p.prefix(4))-\(p.dropFirst(4).prefix(2))-\(p.suffix(2))") { return v }
        }
        return nil
    }
}

/// Removes the site name from a page title: `Rain in Kano | Jaridar Arewa` -> `Rain in Kano`.
///
/// A trailing (or leading) segment is removed when it matches the declared site name, or when
/// no site name is declared and the title's other part is the page's `<h1>`, or the segment is
/// evidently the site's name: it matches another name the page gives itself (`application-name`,
/// `twitter:site`) or the main label of the page's host (`Headline - Daily Trust` on
/// `dailytrust.example`). Nothing else is removed: a dash in a headline is not a suffix.
struct TitleCleaner {
    var siteName: String?
    var heading: String?
    /// Other names the page declares for itself (application name, Twitter handle).
    var otherNames: [String] = []
    /// The longest label of the canonical host without `www` and the top-level domain, compacted.
    var host: String? = nil

    /// `https://www.daily-trust.example/x` -> `dailytrust`; nil when there is no host.
    static func hostLabel(_ url: String) -> String? {
        guard let scheme = MetadataExtractor.find("://", in: url) else { return nil }
        let rest = url[scheme.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }.lowercased()
        let labels = host.split(separator: ".").dropLast().filter { $0 != "www" && $0 != "m" }
        guard let longest = labels.max(by: { $0.count < $1.count }) else { return nil }
        let label = compact(String(longest))
        return label.count >= 3 ? label : nil
    }

    /// Letters and digits only, lowercased: `Daily Trust` -> `dailytrust`, `@DailyTrust` -> `dailytrust`.
    static func compact(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }

    /// Whether a trailing segment is evidently the site's name (beside a declared site name).
    func isSiteName(_ segment: String) -> Bool {
        let c = Self.compact(segment)
        guard !c.isEmpty else { return false }
        if otherNames.contains(where: { let n = Self.compact($0); return n.count >= 3 && (n == c || c.hasPrefix(n)) }) { return true }
        if let host, c == host || c.hasPrefix(host) || (c.count >= 5 && host.hasPrefix(c)) { return true }
        return false
    }

    static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " ~ ", " / "]

    func clean(_ title: String) -> String {
        let t = MetadataExtractor.collapse(title)
        let site = siteName.map { MetadataExtractor.collapse($0).lowercased() }
        for sep in Self.separators {
            guard let range = MetadataExtractor.find(sep, in: t, last: true) else { continue }
            let head = String(t[..<range.lowerBound]), tail = String(t[range.upperBound...])
            if let site, !site.isEmpty {
                let tl = tail.lowercased()
                if tl == site || tl.contains(site) || site.contains(tl) { return clean(head) }
                if let first = MetadataExtractor.find(sep, in: t) {
                    let lead = t[..<first.lowerBound].lowercased()
                    if lead == site || site.contains(lead) { return String(t[first.upperBound...]) }
                }
            }
            if let heading, !heading.isEmpty, head.lowercased() == heading.lowercased() { return head }
            if !head.isEmpty, tail.count < head.count, isSiteName(tail) { return clean(head) }
            if let first = MetadataExtractor.find(sep, in: t), first.lowerBound > t.startIndex {
                let lead = String(t[..<first.lowerBound]), rest = String(t[first.upperBound...])
                let c = Self.compact(lead)
                if lead.count < rest.count, !c.isEmpty, c == host || otherNames.contains(where: { Self.compact($0) == c }) {
                    return rest
                }
            }
        }
        return t
    }
}

extension MetadataExtractor {
    /// `text` without leading and trailing white space.
    static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// The first (or last) occurrence of `needle` in `text` (no Foundation in this module), found
    /// by bytes and kept only where it starts and ends on `Character` boundaries (as a search by
    /// `Character`s would find it).
    static func find(_ needle: String, in text: String, last: Bool = false) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return nil }
        let utf8 = text.utf8
        var found: Range<String.Index>?
        var i = utf8.startIndex
        while i < utf8.endIndex {
            guard let hit = utf8[i...].firstIndex(of: first) else { break }
            var j = hit, k = 0
            while k < pattern.count, j < utf8.endIndex, utf8[j] == pattern[k] { j = utf8.index(after: j); k += 1 }
            if k == pattern.count, let lower = hit.samePosition(in: text), let upper = j.samePosition(in: text) {
                found = lower..<upper
                if !last { return found }
            }
            i = utf8.index(after: hit)
        }
        return found
    }
}
