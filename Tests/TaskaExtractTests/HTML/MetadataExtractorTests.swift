import Testing
import TaskaCore
@testable import TaskaExtract

@Suite struct MetadataExtractorTests {
    @Test func openGraphAndArticleTags() throws {
        let html = """
        <html lang="ha"><head><title>Ruwan sama a Kano | Jaridar Arewa</title>
        <meta property="og:title" content="Ruwan sama ya sauka a Kano | Jaridar Arewa">
        <meta property="og:site_name" content="Jaridar Arewa">
        <meta property="article:published_time" content="2026-07-14T08:30:00+01:00">
        <meta property="article:modified_time" content="2026-07-14 10:05:00">
        <meta name="author" content="Aisha Musa">
        <meta name="description" content="Ruwan sama mai ƙarfi ya sauka.">
        <link rel="canonical" href="https://jarida.example/labarai/ruwan-sama">
        </head><body><p>Rubutu.</p></body></html>
        """
        let doc = try readHTML(html)
        #expect(doc.title == "Ruwan sama ya sauka a Kano")
        #expect(doc.metadata == DocumentMetadata(author: "Aisha Musa", published: "2026-07-14T08:30:00+01:00",
                                                  modified: "2026-07-14T10:05:00", siteName: "Jaridar Arewa",
                                                  canonicalURL: "https://jarida.example/labarai/ruwan-sama",
                                                  description: "Ruwan sama mai ƙarfi ya sauka.", declaredLanguage: "ha"))
    }

    @Test func jsonLDArticle() throws {
        let html = #"""
        <html lang="ar"><head><title>خبر</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"الموقع"},
          {"@type":"NewsArticle","headline":"افتتاح \u0633وق السمك","datePublished":"2026-03-02T09:00:00Z",
           "dateModified":"2026-03-03","author":[{"@type":"Person","name":"فاطمة علي"}],
           "publisher":{"@type":"Organization","name":"جريدة الشمال"}}]}</script>
        </head><body><p>نص.</p></body></html>
        """#
        let doc = try readHTML(html)
        #expect(doc.title == "افتتاح سوق السمك")
        #expect(doc.metadata.published == "2026-03-02T09:00:00Z")
        #expect(doc.metadata.modified == "2026-03-03")
        #expect(doc.metadata.author == "فاطمة علي")
        #expect(doc.metadata.siteName == "جريدة الشمال")
        #expect(doc.metadata.declaredLanguage == "ar")
    }

    @Test func jsonLDStringEscapes() throws {
        // Escapes decoded; a surrogate pair is one scalar, a lone surrogate becomes U+FFFD.
        let source = #"{"@type":"NewsArticle","headline":"a\nb \u00e9\u0644 \ud83d\ude00 \"q\" \/ \ud800x ƙ"}"#
        let article = try #require(JSONLDReader().article(in: [source]))
        #expect(article["headline"]?.text == "a\nb \u{E9}\u{644} \u{1F600} \"q\" / \u{FFFD}x ƙ")
    }

    @Test func timeElementAndURLDate() throws {
        let withTime = try readHTML("""
        <html><head><title>Notice</title></head><body><article><header><time datetime="2025-12-01T07:00+0100">1 Dec</time></header><p>Text.</p></article>
        <div class="comments"><time datetime="2025-12-09">later</time></div></body></html>
        """)
        #expect(withTime.metadata.published == "2025-12-01T07:00+01:00")
        let fromURL = try readHTML("""
        <html><head><title>Notice</title><link rel="canonical" href="https://n.example/2024/05/17/market-reopens/"></head><body><p>Text.</p></body></html>
        """)
        #expect(fromURL.metadata.published == "2024-05-17")
        #expect(MetadataExtractor.urlDate("https://n.example/news/2019-11-20-rain") == "2019-11-20")
        #expect(MetadataExtractor.urlDate("https://n.example/news/123456/rain") == nil)
    }

    @Test func datesThatAreNotISO8601AreNotGuessed() {
        #expect(MetadataExtractor.iso8601("Nov 20, 2019") == nil)
        #expect(MetadataExtractor.iso8601("0001-01-01T00:00Z") == nil)
        #expect(MetadataExtractor.iso8601("2019-13-01") == nil)
        #expect(MetadataExtractor.iso8601(" 2019-11-20T10:43Z ") == "2019-11-20T10:43Z")
        #expect(MetadataExtractor.iso8601("2019-11-20T10:43:05.123-0500") == "2019-11-20T10:43:05.123-05:00")
    }

    @Test func missingIsNull() throws {
        let doc = try readHTML("<html><body><p>Babu komai.</p></body></html>")
        #expect(doc.title == nil)
        #expect(doc.metadata == DocumentMetadata())
    }

    @Test func titleSuffixCleaning() {
        #expect(TitleCleaner(siteName: "The Jerusalem Post | JPost.com", heading: nil)
            .clean("Son of former German president stabbed - The Jerusalem Post | JPost.com") == "Son of former German president stabbed")
        #expect(TitleCleaner(siteName: nil, heading: "Kasuwar kifi ta buɗe").clean("Kasuwar kifi ta buɗe – Jaridar Arewa") == "Kasuwar kifi ta buɗe")
        #expect(TitleCleaner(siteName: "BBC", heading: nil).clean("BBC | Labarai da dumi-dumi") == "Labarai da dumi-dumi")
        // Without a site name or a matching heading, a title with a dash stays whole.
        #expect(TitleCleaner(siteName: nil, heading: nil).clean("Kano - Maiduguri road reopens") == "Kano - Maiduguri road reopens")
    }

    @Test func siteSuffixWithoutSiteNameNeedsEvidence() {
        // The host's main label is the suffix.
        let byHost = TitleCleaner(siteName: nil, heading: nil, host: TitleCleaner.hostLabel("https://www.jaridar-arewa.example/labarai/1"))
        #expect(byHost.clean("Ruwan sama ya sauka a Kano - Jaridar Arewa") == "Ruwan sama ya sauka a Kano")
        #expect(byHost.clean("Jaridar Arewa | Ruwan sama ya sauka a Kano") == "Ruwan sama ya sauka a Kano")
        // Another name the page gives itself (application-name), in Arabic.
        let byName = TitleCleaner(siteName: nil, heading: nil, otherNames: ["جريدة الشمال"])
        #expect(byName.clean("افتتاح سوق السمك في كوكاوا | جريدة الشمال") == "افتتاح سوق السمك في كوكاوا")
        // No evidence: a dash inside a headline stays.
        let kanuri = TitleCleaner(siteName: nil, heading: nil, host: "labarkanuri")
        #expect(kanuri.clean("Kukawa - Monguno lardǝ kǝnasar") == "Kukawa - Monguno lardǝ kǝnasar")
        #expect(TitleCleaner.hostLabel("https://news.example.co/x") == "example")
        #expect(TitleCleaner.hostLabel("not a url") == nil)
    }

    @Test func titleFromPageWithCanonicalHostAndNothingElse() throws {
        let doc = try readHTML("""
        <html lang="ha"><head><title>An buɗe sabon asibiti a Monguno | Jaridar Arewa</title>
        <link rel="canonical" href="https://jaridararewa.example/labarai/asibiti"></head>
        <body><p>Rubutu.</p></body></html>
        """)
        #expect(doc.title == "An buɗe sabon asibiti a Monguno")
        // Nothing else is declared: the other fields stay null.
        #expect(doc.metadata.author == nil && doc.metadata.published == nil && doc.metadata.modified == nil && doc.metadata.siteName == nil)
    }
}
