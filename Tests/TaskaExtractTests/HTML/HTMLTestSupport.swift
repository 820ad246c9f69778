import TaskaCore
@testable import TaskaExtract

/// Runs one HTML page through `HTMLReader` and returns the document it emits.
func readHTML(_ html: String, removeBoilerplate: Bool = true) throws -> SourceDocument {
    var doc = SourceDocument(source: SourceInfo(path: "page.html", bytes: html.utf8.count, sha256: "00"), bytes: [])
    doc.text = html
    doc.mediaType = "text/html"
    var out: [SourceDocument] = []
    try HTMLReader(removeBoilerplate: removeBoilerplate).read(doc) { out.append($0) }
    return out[0]
}

/// A page with the usual furniture around `article` (a language's own words for menu, share,
/// related, cookie notice and footer): `nav`, a share bar, a related list, a cookie banner,
/// comments and a footer.
func pageWithFurniture(lang: String, dir: String = "ltr", title: String, article: String,
                       menu: [String], share: String, related: [String], cookie: String, footer: String) -> String {
    """
    <!DOCTYPE html><html lang="\(lang)" dir="\(dir)"><head><meta charset="utf-8"><title>\(title)</title>
    <style>body{font-family:serif}</style><script>var tracking = "analytics-id";</script></head>
    <body>
    <header class="site-header"><a href="/">Logo</a><nav><ul>\(menu.enumerated().map { "<li><a href=\"/\($0.offset)\">\($0.element)</a></li>" }.joined())</ul></nav></header>
    <div class="layout">
    <main><article>\(article)
    <div class="share-bar"><a href="https://x.example/s">\(share)</a> <a href="https://f.example/s">F</a></div>
    </article></main>
    <aside class="related"><ul>\(related.enumerated().map { "<li><a href=\"/r\($0.offset)\">\($0.element)</a></li>" }.joined())</ul></aside>
    </div>
    <div class="cookie-banner" role="dialog">\(cookie) <button>OK</button></div>
    <footer><p>\(footer)</p><a href="/c">©</a></footer>
    </body></html>
    """
}
