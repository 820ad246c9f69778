import Testing
import TaskaCore
@testable import TaskaExtract

private typealias S = OfficeTestSupport

@Suite struct DOCXReaderTests {
    @Test func headingsListsTablesAndNotesInReadingOrder() throws {
        let styles = """
        <w:styles \(S.w)><w:style w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>
        <w:style w:styleId="Sub"><w:name w:val="Subheading"/><w:basedOn w:val="berschrift1"/></w:style></w:styles>
        """
        let body = """
        <w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr><w:r><w:t>Labarin kasuwa</w:t></w:r></w:p>
        <w:p><w:r><w:t xml:space="preserve">Kasuwa ta buɗe </w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t>yau.</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="Sub"/></w:pPr><w:r><w:t>Ƙaramin kai</w:t></w:r></w:p>
        <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Na farko</w:t></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Gero</w:t></w:r></w:p><w:p><w:r><w:t>buhu</w:t></w:r></w:p></w:tc>
        <w:tc><w:p><w:r><w:t>42,000</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:p><w:r><w:t>Ƙarshe</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r></w:p>
        """
        let footnotes = """
        <w:footnotes \(S.w)><w:footnote w:type="separator" w:id="0"><w:p><w:r><w:t>----</w:t></w:r></w:p></w:footnote>
        <w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Bayani.</w:t></w:r></w:p></w:footnote></w:footnotes>
        """
        let endnotes = "<w:endnotes \(S.w)><w:endnote w:id=\"1\"><w:p><w:r><w:t>Ƙarin bayani.</w:t></w:r></w:p></w:endnote></w:endnotes>"
        let doc = try S.extract(.docx, ["word/document.xml": S.docx(body), "word/styles.xml": styles,
                                        "word/footnotes.xml": footnotes, "word/endnotes.xml": endnotes])
        #expect(doc.blocks.map(\.text) == ["Labarin kasuwa", "Kasuwa ta buɗe yau.", "Ƙaramin kai", "Na farko", "Gero buhu\t42,000",
                                           "Ƙarshe", " Bayani.", "Ƙarin bayani."])
        #expect(doc.blocks.map(\.kind) == [.heading, .paragraph, .heading, .listItem, .tableRow, .paragraph, .paragraph, .paragraph])
        #expect(doc.blocks[6].spans.first?.type == "footnote")
        #expect(doc.blocks[7].spans.first?.type == "endnote")
        // No core properties: the first heading is the title.
        #expect(doc.title == "Labarin kasuwa")
    }

    @Test func trackedChangesAreAcceptedAndCounted() throws {
        let body = """
        <w:p><w:r><w:t xml:space="preserve">Taro ranar </w:t></w:r><w:del w:id="1"><w:r><w:delText>Litinin</w:delText></w:r></w:del>\
        <w:ins w:id="2"><w:r><w:t>Laraba</w:t></w:r></w:ins><w:moveFrom w:id="3"><w:r><w:t>tsohon wuri</w:t></w:r></w:moveFrom></w:p>
        """
        let doc = try S.extract(.docx, ["word/document.xml": S.docx(body)])
        #expect(doc.blocks.map(\.text) == ["Taro ranar Laraba"])
        let warning = S.warning(doc, "office-tracked-changes")
        #expect(warning?.count == 3)
        #expect(warning?.message.contains("1 insertions, 2 deletions") == true)
    }

    @Test func headersAndFootersAreFurnitureCountedInAWarning() throws {
        let header = "<w:hdr \(S.w)><w:p><w:r><w:t>Sunan ofis</w:t></w:r></w:p><w:p/></w:hdr>"
        let footer = "<w:ftr \(S.w)><w:p><w:r><w:t>Shafi 1</w:t></w:r></w:p></w:ftr>"
        let doc = try S.extract(.docx, ["word/document.xml": S.docx("<w:p><w:r><w:t>Rubutu</w:t></w:r></w:p>"),
                                        "word/header1.xml": header, "word/footer1.xml": footer])
        #expect(doc.blocks.map(\.text) == ["Rubutu"])
        #expect(S.warning(doc, "office-headers-footers")?.count == 2)
    }

    @Test func bidiAndLanguageBecomeDirectionAndHints() throws {
        let body = """
        <w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/><w:lang w:val="en-US" w:bidi="ar-SA"/></w:rPr><w:t xml:space="preserve">بيان البلدية </w:t></w:r>\
        <w:r><w:rPr><w:lang w:val="en-US" w:bidi="ar-SA"/></w:rPr><w:t>Lake Chad</w:t></w:r></w:p>
        <w:p><w:r><w:rPr><w:lang w:val="ha-NG"/></w:rPr><w:t xml:space="preserve">Ya ce </w:t></w:r>\
        <w:r><w:rPr><w:rtl/><w:lang w:bidi="ar-SA"/></w:rPr><w:t>الحمد لله</w:t></w:r></w:p>
        <w:p><w:pPr><w:bidi w:val="0"/></w:pPr><w:r><w:rPr><w:lang w:val="ha-NG"/></w:rPr><w:t>Duka</w:t></w:r></w:p>
        """
        let doc = try S.extract(.docx, ["word/document.xml": S.docx(body)])
        #expect(doc.blocks.map(\.declaredDirection) == [.rtl, nil, nil])
        // Arabic text takes w:bidi, Latin text w:val: two languages, so two hints and no block language.
        #expect(doc.blocks[0].declaredLanguage == nil)
        #expect(doc.blocks[0].spans.map(\.language) == ["ar-SA", "en-US"])
        // In a left-to-right paragraph the right-to-left run is a direction hint too.
        let hints = doc.blocks[1].spans
        #expect(hints.map(\.language) == ["ha-NG", "ar-SA"])
        #expect(hints.map(\.direction) == [nil, .rtl])
        #expect(hints.last?.start == 6)
        #expect(hints.last?.end == 15)
        #expect(doc.blocks[2].declaredLanguage == "ha-NG")
        #expect(doc.blocks[2].spans.isEmpty)
    }

    @Test func fieldCodesAreNotTextAndTextBoxesAreReadOnce() throws {
        let box = "<w:txbxContent><w:p><w:r><w:t>Akwatin rubutu</w:t></w:r></w:p></w:txbxContent>"
        let body = """
        <w:p><w:r><w:t xml:space="preserve">Duba </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>\
        <w:r><w:instrText> HYPERLINK "http://x.example" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>\
        <w:r><w:t>shafin</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
        <w:r><mc:AlternateContent><mc:Choice Requires="wps">\(box)</mc:Choice><mc:Fallback>\(box)</mc:Fallback></mc:AlternateContent></w:r>\
        <w:r><w:tab/><w:t>nan.</w:t><w:br/><w:t>Sabon layi</w:t></w:r></w:p>
        """
        let doc = try S.extract(.docx, ["word/document.xml": S.docx(body)])
        #expect(doc.blocks.map(\.text) == ["Duba shafin\tnan.\nSabon layi", "Akwatin rubutu"])
    }

    @Test func coreMetadataGoesToTheRecord() throws {
        let core = """
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">\
        <dc:title>Sanarwa</dc:title><dc:creator>Hauwa Bukar</dc:creator><dcterms:created>2026-02-10T08:15:00Z</dcterms:created>\
        <dcterms:modified>yesterday</dcterms:modified><dc:language>ha-NG</dc:language></cp:coreProperties>
        """
        let doc = try S.extract(.docx, ["word/document.xml": S.docx("<w:p><w:r><w:t>Rubutu</w:t></w:r></w:p>"), "docProps/core.xml": core])
        #expect(doc.title == "Sanarwa")
        #expect(doc.metadata.author == "Hauwa Bukar")
        #expect(doc.metadata.created == "2026-02-10T08:15:00Z")
        // Not ISO 8601: not guessed.
        #expect(doc.metadata.modified == nil)
        #expect(doc.metadata.declaredLanguage == "ha-NG")
    }

    @Test func brokenXMLKeepsWhatWasReadWithAWarningNamingThePart() throws {
        let doc = try S.extract(.docx, ["word/document.xml": "<w:document \(S.w)><w:body><w:p><w:r><w:t>Rubutu ya yanke"])
        #expect(doc.blocks.map(\.text) == ["Rubutu ya yanke"])
        #expect(S.warning(doc, "markup-errors")?.message.contains("'word/document.xml'") == true)
    }

    @Test func aPackageWithoutItsBodyIsAnError() throws {
        #expect(throws: ExtractError.officePartMissing(path: "t", format: "DOCX", part: "word/document.xml")) {
            _ = try S.extract(.docx, ["word/styles.xml": "<w:styles \(S.w)/>"])
        }
    }

    @Test func entityBombsInAPartAreRefused() throws {
        let bomb = """
        <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\
        <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">\
        <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>\
        <w:document \(S.w)><w:body><w:p><w:r><w:t>&g;</w:t></w:r></w:p></w:body></w:document>
        """
        #expect(throws: ExtractError.self) { _ = try S.extract(.docx, ["word/document.xml": bomb]) }
    }
}
