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
}
