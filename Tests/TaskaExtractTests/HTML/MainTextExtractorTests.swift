import Testing
import TaskaCore
@testable import TaskaExtract

@Suite struct MainTextExtractorTests {
    @Test func hausaArticleKeepsTextAndDropsFurniture() throws {
        let html = pageWithFurniture(
            lang: "ha", title: "Kasuwar kifi ta Kukawa | Jaridar Arewa",
            article: """
            <h1>An sake buɗe kasuwar kifi ta Kukawa</h1>
            <p>Babbar kasuwar kifi ta garin Kukawa ta sake buɗe ƙofofinta ranar Litinin, bayan gyaran watanni uku da ƙaramar hukuma ta yi wa rumfuna da magudanan ruwa.</p>
            <h2>Abin da ’yan kasuwa suka ce</h2>
            <ul><li>An gina sababbin rumfuna guda arba’in.</li><li>An shimfiɗa hanya domin motocin kifi su samu damar wucewa.</li></ul>
            <blockquote>“Mun gode wa gwamnati,” in ji shugaban ’yan kasuwa.</blockquote>
            """,
            menu: ["Gida", "Labarai", "Siyasa", "Wasanni", "Tuntuɓe mu"], share: "Raba wannan labari",
            related: ["Farashin hatsi ya tashi a Maiduguri", "An buɗe sabon asibiti a Monguno"],
            cookie: "Wannan shafi yana amfani da kukis.", footer: "Duk haƙƙoƙi a kiyaye suke.")
        let doc = try readHTML(html)
        let text = doc.blocks.map(\.text).joined(separator: "\n")
        #expect(text.contains("Babbar kasuwar kifi ta garin Kukawa"))
        #expect(text.contains("motocin kifi su samu damar wucewa"))
        #expect(text.contains("Mun gode wa gwamnati"))
        for phrase in ["Tuntuɓe mu", "Raba wannan labari", "Farashin hatsi", "kukis", "haƙƙoƙi", "analytics-id", "font-family"] {
            #expect(!text.contains(phrase), "«\(phrase)» should be removed")
        }
        // Structure is kept: heading, paragraph, heading, two list items, quote.
        #expect(doc.blocks.map(\.kind) == [.heading, .paragraph, .heading, .listItem, .listItem, .quote])
    }

    @Test func arabicRightToLeftArticle() throws {
        let html = pageWithFurniture(
            lang: "ar", dir: "rtl", title: "افتتاح سوق السمك - جريدة الشمال",
            article: """
            <h1>افتتاح سوق السمك في مدينة كوكاوا</h1>
            <p>أعادت السوق الكبيرة للسمك في مدينة كوكاوا فتح أبوابها يوم الاثنين، بعد ثلاثة أشهر من أعمال الترميم التي قامت بها البلدية.</p>
            <p>وقال التجار إن الطريق الجديد سيسمح لشاحنات السمك بالمرور بسهولة، وإن الأسعار ستنخفض قريباً.</p>
            """,
            menu: ["الرئيسية", "أخبار", "رياضة", "اتصل بنا"], share: "شارك هذا الخبر",
            related: ["ارتفاع أسعار الحبوب في مايدوغوري", "افتتاح مستشفى جديد"],
            cookie: "يستخدم هذا الموقع ملفات تعريف الارتباط.", footer: "جميع الحقوق محفوظة.")
        let doc = try readHTML(html)
        let text = doc.blocks.map(\.text).joined(separator: "\n")
        #expect(text.contains("أعادت السوق الكبيرة للسمك"))
        #expect(text.contains("ستنخفض قريباً"))
        for phrase in ["اتصل بنا", "شارك هذا الخبر", "ارتفاع أسعار الحبوب", "ملفات تعريف الارتباط", "جميع الحقوق محفوظة"] {
            #expect(!text.contains(phrase), "«\(phrase)» should be removed")
        }
        #expect(doc.blocks.allSatisfy { $0.declaredDirection == .rtl && $0.declaredLanguage == "ar" })
    }

    @Test func kanuriArticleWithoutClassNames() throws {
        // No class or id anywhere: structure alone (links, text length, punctuation) decides.
        let html = """
        <html lang="knc"><body>
        <div><a href="/">Gana</a> <a href="/l">Labar</a> <a href="/k">Kasuwu</a> <a href="/s">Sandiya</a></div>
        <div><div>
        <p>Kasuwu Kukawabe dǝ kǝnasar kaskǝ yim Litinin lan buɗin, sǝdin tǝlam yakkǝ kam kǝnduye ro.</p>
        <p>Kasuwuma dǝ, ‘Nyiga kǝnasar kaskǝ adǝ kǝla ngǝwo,’ ye. Lori kifi dǝ kǝlanzǝ yaye kǝla nǝmkǝro.</p>
        <p>Ma’aji kasuwube dǝ ngǝwo karangǝ, kǝnduye ba ro kǝla kaskǝ wa, gade kǝmbuye dǝga.</p>
        </div></div>
        <div><a href="/1">Labar fal</a><br><a href="/2">Labar indi</a><br><a href="/3">Labar yasge</a></div>
        </body></html>
        """
        let doc = try readHTML(html)
        let text = doc.blocks.map(\.text).joined(separator: "\n")
        #expect(text.hasPrefix("Kasuwu Kukawabe"))
        #expect(text.contains("gade kǝmbuye dǝga."))
        #expect(!text.contains("Sandiya") && !text.contains("Labar fal"))
    }

    @Test func englishNewsPageDropsCommentsAndRelated() throws {
        let html = pageWithFurniture(
            lang: "en", title: "Clinic reopens in Monguno",
            article: """
            <h1>Clinic reopens in Monguno</h1>
            <p>The primary health clinic in Monguno reopened on Monday after three months of repairs, the local government said.</p>
            <p>Nurses said the new solar panels would keep vaccines cold through the dry season, and that the queue was long.</p>
            <section class="comments"><h3>Comments</h3><p>Great news!</p></section>
            """,
            menu: ["Home", "News", "Sport", "Contact us"], share: "Share this story",
            related: ["Grain prices rise in Maiduguri", "New school opens"],
            cookie: "This site uses cookies.", footer: "All rights reserved.")
        let text = try readHTML(html).blocks.map(\.text).joined(separator: "\n")
        #expect(text.contains("primary health clinic in Monguno"))
        #expect(text.contains("the queue was long."))
        for phrase in ["Contact us", "Share this story", "Grain prices", "cookies", "All rights reserved", "Great news"] {
            #expect(!text.contains(phrase), "«\(phrase)» should be removed")
        }
    }

    @Test func noBoilerplateRemovalKeepsAllVisibleText() throws {
        let html = pageWithFurniture(
            lang: "en", title: "t", article: "<p>The clinic reopened on Monday after three months of repairs, officials said.</p>",
            menu: ["Home", "Contact us"], share: "Share this story", related: ["Grain prices rise"],
            cookie: "This site uses cookies.", footer: "All rights reserved.")
        let text = try readHTML(html, removeBoilerplate: false).blocks.map(\.text).joined(separator: "\n")
        for phrase in ["Contact us", "Share this story", "Grain prices rise", "cookies", "All rights reserved", "clinic reopened"] {
            #expect(text.contains(phrase))
        }
        #expect(!text.contains("analytics-id"))
    }

    @Test func hiddenContainerHoldingThePageIsRead() throws {
        // Streamed server rendering: the content sits in a hidden div that a script reveals.
        let html = """
        <body><div hidden id="S:0"><article><p>The clinic reopened on Monday after three months of repairs, officials said, and the queue was long.</p>
        <p>Nurses said the new panels keep vaccines cold, which matters in the dry season.</p></article></div>
        <div hidden>Loading…</div></body>
        """
        let text = try readHTML(html).blocks.map(\.text).joined(separator: "\n")
        #expect(text.contains("The clinic reopened"))
        #expect(!text.contains("Loading"))
    }

    @Test func repeatedArticleCopiesCountOnce() throws {
        let p = "<p>The clinic reopened on Monday after three months of repairs, officials said, and the queue was long.</p>"
        let html = "<body><article>\(p)\(p)</article><div class=\"print\">\(p)</div></body>"
        let doc = try readHTML(html)
        #expect(doc.blocks.count == 1)
    }

    @Test func recurringLineInOneContainerIsKept() throws {
        // A schedule repeats a line under each heading: the same container, other blocks between.
        let line = "<p>Ana rarraba magani kowace safiya kafin a buɗe ƙofar asibitin garin.</p>"
        let html = """
        <body><article>
        <h2>Ranar Litinin</h2>\(line)<p>Likitoci uku ne ke aiki a ranar, kuma ana duba yara da farko.</p>
        <h2>Ranar Talata</h2>\(line)<p>Ma’aikatan jinya suna zuwa ƙauyuka, sai su dawo da yamma.</p>
        </article></body>
        """
        let texts = try readHTML(html).blocks.map(\.text)
        #expect(texts.filter { $0.hasPrefix("Ana rarraba magani") }.count == 2)
    }

    @Test func regionDoesNotGrowPastTheMainLandmark() throws {
        // Teasers beside <main> carry unlinked excerpts (prose-like), yet they are not the article.
        func teaser(_ n: Int) -> String {
            "<li><h5><a href=\"/t\(n)\">Labari na \(n)</a></h5><div>Wani ɗan gajeren bayani game da labari na \(n), wanda ba na wannan shafi ba ne, kuma ya ɗan yi tsawo.</div></li>"
        }
        let html = """
        <body><div><div><main><article>
        <p>Babbar kasuwar kifi ta garin Kukawa ta sake buɗe ƙofofinta ranar Litinin, bayan gyaran watanni uku.</p>
        <p>’Yan kasuwa sun ce sabuwar hanya za ta taimaka wa motocin kifi su shigo cikin sauƙi, kuma farashi zai sauka.</p>
        <p>Shugaban ƙaramar hukuma ya ce za a gina ƙarin rumfuna kafin damina, domin masu sayarwa su samu wuri.</p>
        </article></main></div>
        <div><h2>Labarai</h2><ul>\(teaser(1))\(teaser(2))</ul></div></div></body>
        """
        let text = try readHTML(html).blocks.map(\.text).joined(separator: "\n")
        #expect(text.contains("Babbar kasuwar kifi"))
        #expect(!text.contains("ɗan gajeren bayani"))
    }

    @Test func linkedTitlesInsideTheArticleStayAndShortLinkLinesGo() throws {
        // A reading list: each line links a title, the author is plain text; judged per paragraph.
        let html = """
        <body><nav><a href="/">Gida</a> <a href="/l">Labarai</a></nav><article>
        <p>Ga jerin littattafan da masu karatu suka fi so a bana, kamar yadda muka tattara daga jaridu goma sha biyu.</p>
        <p>Aisha Musa, <a href="/b/1">Ruwan Kukawa</a><br>Ibrahim Bello, <a href="/b/2">Hanyar Monguno</a><br>Fatima Ali, <a href="/b/3">Kasuwar Kifi</a><br>Musa Kolo, <a href="/b/4">Daren Damina</a></p>
        <p>Littafin farko ya samu yabo daga marubuta da dama, kuma an fassara shi zuwa harsuna uku.</p>
        <p><a href="/other">Karanta kuma: wani labari dabam</a></p>
        </article></body>
        """
        let text = try readHTML(html).blocks.map(\.text).joined(separator: "\n")
        #expect(text.contains("Aisha Musa, Ruwan Kukawa"))
        #expect(text.contains("Musa Kolo, Daren Damina"))
        #expect(!text.contains("Karanta kuma"))
    }

    @Test func classTokenOnTheArticleWrapperDoesNotDropShortParagraphs() throws {
        // `has-share-float` on the wrapper of the whole body is a layout modifier, not a share bar.
        let html = """
        <body><article><div class="post-wrap has-share-float"><div class="entry">
        <p>Kasuwu Kukawabe dǝ kǝnasar kaskǝ yim Litinin lan buɗin, sǝdin tǝlam yakkǝ kam kǝnduye ro, ye.</p>
        <p>Lori kifi dǝ kǝlanzǝ yaye.</p>
        <p>Ma’aji kasuwube dǝ ngǝwo karangǝ, kǝnduye ba ro kǝla kaskǝ wa, gade kǝmbuye dǝga, ye.</p>
        </div></div></article></body>
        """
        let text = try readHTML(html).blocks.map(\.text).joined(separator: "\n")
        #expect(text.contains("Lori kifi dǝ kǝlanzǝ yaye."))
    }
}
