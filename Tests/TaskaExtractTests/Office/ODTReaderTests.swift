import Testing
import TaskaCore
@testable import TaskaExtract

private typealias S = OfficeTestSupport

@Suite struct ODTReaderTests {
    static let ns = """
    xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
    xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" \
    xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
    """

    static func content(_ text: String, styles: String = "") -> String {
        "<office:document-content \(ns)><office:automatic-styles>\(styles)</office:automatic-styles><office:body><office:text>\(text)</office:text></office:body></office:document-content>"
    }

    @Test func structureNotesAndWhitespace() throws {
        let text = """
        <text:h text:outline-level="1">Labar makaranta</text:h>
        <text:p>Kura makaranta<text:s text:c="3"/>Gajirambe
        lejin.<text:note text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p>Bayan kalma.</text:p></text:note-body></text:note></text:p>
        <text:list><text:list-item><text:p>Kitawu</text:p></text:list-item></text:list>
        <table:table><table:table-column/><table:table-row><table:table-cell><text:p>Litinin</text:p></table:table-cell>\
        <table:table-cell><text:p>120</text:p></table:table-cell></table:table-row></table:table>
        <text:p>Layi<text:line-break/>na biyu<text:tab/>ƙarshe<office:annotation><text:p>sharhi</text:p></office:annotation></text:p>
        """
        let doc = try S.extract(.odt, ["content.xml": Self.content(text)])
        #expect(doc.blocks.map(\.text) == ["Labar makaranta", "Kura makaranta Gajirambe lejin.", "Kitawu", "Litinin\t120",
                                           "Layi\nna biyu\tƙarshe", "Bayan kalma."])
        #expect(doc.blocks.map(\.kind) == [.heading, .paragraph, .listItem, .tableRow, .paragraph, .paragraph])
        #expect(doc.blocks.last?.spans.first?.type == "endnote")
    }

    @Test func trackedChangesAreAcceptedAndCounted() throws {
        let text = """
        <text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>Litinin</text:p></text:deletion></text:changed-region>\
        <text:changed-region text:id="c2"><text:insertion/></text:changed-region></text:tracked-changes>\
        <text:p>Taro ranar <text:change text:change-id="c1"/><text:change-start text:change-id="c2"/>Laraba<text:change-end text:change-id="c2"/>.</text:p>
        """
        let doc = try S.extract(.odt, ["content.xml": Self.content(text)])
        #expect(doc.blocks.map(\.text) == ["Taro ranar Laraba."])
        #expect(S.warning(doc, "office-tracked-changes")?.count == 2)
    }

    @Test func writingModeAndLanguagesFromStyles() throws {
        let styles = """
        <style:style style:name="P1" style:family="paragraph"><style:paragraph-properties style:writing-mode="rl-tb"/>\
        <style:text-properties fo:language="en" fo:country="GB" style:language-complex="ar" style:country-complex="SA"/></style:style>\
        <style:style style:name="P2" style:family="paragraph" style:parent-style-name="P3"/>\
        <style:style style:name="P3" style:family="paragraph"><style:text-properties fo:language="ha" fo:country="NG"/></style:style>\
        <style:style style:name="T1" style:family="text"><style:text-properties fo:language="en" fo:country="none"/></style:style>
        """
        let text = """
        <text:p text:style-name="P1">بيان البلدية</text:p><text:p text:style-name="P2">Ya ce <text:span text:style-name="T1">good morning</text:span></text:p>
        """
        let doc = try S.extract(.odt, ["content.xml": Self.content(text, styles: styles)])
        #expect(doc.blocks.map(\.declaredDirection) == [.rtl, nil])
        #expect(doc.blocks[0].declaredLanguage == "ar-SA")
        #expect(doc.blocks[1].spans.map(\.language) == ["ha-NG", "en"])
    }

    @Test func metaAndHeaderFooterParagraphs() throws {
        let meta = """
        <office:document-meta \(Self.ns)><office:meta><dc:title>Labar</dc:title><meta:initial-creator>Kyari Modu</meta:initial-creator>\
        <dc:creator>Wani</dc:creator><meta:creation-date>2026-01-20T10:00:00</meta:creation-date><dc:date>2026-01-21T09:12:00</dc:date>\
        <dc:language>knc</dc:language></office:meta></office:document-meta>
        """
        let styles = """
        <office:document-styles \(Self.ns)><office:master-styles><style:master-page style:name="S"><style:header><text:p>Makaranta</text:p></style:header>\
        <style:footer-left><text:p>Shafi</text:p></style:footer-left></style:master-page></office:master-styles></office:document-styles>
        """
        let doc = try S.extract(.odt, ["content.xml": Self.content("<text:p>Rubutu</text:p>"), "meta.xml": meta, "styles.xml": styles])
        #expect(doc.title == "Labar")
        #expect(doc.metadata.author == "Kyari Modu")
        #expect(doc.metadata.created == "2026-01-20T10:00:00")
        #expect(doc.metadata.modified == "2026-01-21T09:12:00")
        #expect(doc.metadata.declaredLanguage == "knc")
        #expect(S.warning(doc, "office-headers-footers")?.count == 2)
        #expect(doc.blocks.map(\.text) == ["Rubutu"])
    }
}
