import Foundation
import Testing
import TaskaCore
import TaskaTestSupport
@testable import TaskaExtract

private typealias S = ContainerTestSupport

@Suite struct TEIReaderTests {
    @Test func arabicFixtureStructure() throws {
        let text = String(decoding: try fileBytes(fixturePath("tei/nashra-sayyadin-ar.tei.xml")), as: UTF8.self)
        let docs = try S.extract(text, mediaType: "application/tei+xml")
        #expect(docs.count == 1)
        let doc = docs[0]
        #expect(doc.title == "نشرة جمعية الصيادين")
        #expect(doc.metadata.author == "جمعية صيادي بحيرة تشاد")
        #expect(doc.metadata.published == "2024-02-20")
        #expect(doc.metadata.declaredLanguage == "ar")
        #expect(doc.blocks.map(\.kind) == [.heading, .paragraph, .paragraph, .line, .line])
        // lb/pb with break="no" inside words do not split them; a plain lb is a space.
        #expect(doc.blocks[1].text == "أعلنت جمعية الصيادين في بحيرة تشاد عن برنامج جديد لتعليم أطفال القرى الساحلية. ويبدأ البرنامج في الشهر القادم.")
        #expect(doc.blocks[2].text == "The programme is funded by the fishers' cooperative.")
        #expect(doc.blocks[2].declaredLanguage == "en")
        #expect(doc.blocks[1].declaredLanguage == "ar")
        // The header is not body text.
        #expect(!doc.blocks.contains { $0.text.contains("مشروع تاسكا") })
    }

    @Test func breaksWithWhitespaceAroundThemAndChoice() throws {
        let xml = """
        <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt></fileDesc></teiHeader>
        <text><body><p>exam<lb break="no"/>
            ple and <choice><sic>teh</sic><corr>the</corr></choice> <abbr>UN</abbr> next<pb n="3"/>word<fw>running head</fw>
        <note>a footnote</note> end</p></body></text></TEI>
        """
        let doc = try S.extract(xml, mediaType: "application/xml")[0]
        #expect(doc.blocks.map(\.text) == ["example and the UN next word end", "a footnote"])
    }

    @Test func headerOnlyFileIsAnEmptyRecordWithAWarning() throws {
        let xml = #"<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Kawai</title></titleStmt></fileDesc></teiHeader></TEI>"#
        let docs = try S.extract(xml, mediaType: "application/xml")
        #expect(docs.count == 1)
        #expect(docs[0].title == "Kawai")
        #expect(docs[0].blocks.isEmpty)
        #expect(docs[0].warnings.contains { $0.code == "tei-no-text" })
    }

    @Test func realSamples() throws {
        guard let dir = sharedPath("formats/tei") else { return }
        let haqaiq = String(decoding: try fileBytes(dir + "/openarabicpe_al-haqaiq_oclc_644997575-i_1.TEIP5.xml"), as: UTF8.self)
        let a = try S.extract(haqaiq, mediaType: "application/xml")
        #expect(a.count == 1)
        #expect(a[0].metadata.declaredLanguage == "ar")
        #expect(a[0].title?.isEmpty == false)
        #expect(a[0].blocks.contains { $0.kind == .heading })
        #expect(a[0].blocks.count > 20)
        // No word split at the page breaks inside paragraphs.
        #expect(a[0].blocks.contains { $0.text.contains("ويسوقهم الغي") })

        let header = String(decoding: try fileBytes(dir + "/openarabicpe_thamarat-al-funun_oclc_792755216-i_1.TEIP5.xml"), as: UTF8.self)
        let b = try S.extract(header, mediaType: "application/xml")
        #expect(b.count == 1)
        #expect(b[0].blocks.isEmpty)
        #expect(b[0].warnings.contains { $0.code == "tei-no-text" })

        let eebo = String(decoding: try fileBytes(dir + "/eebo-tcp_A00001.xml"), as: UTF8.self)
        let c = try S.extract(eebo, mediaType: "application/xml")
        #expect(c.count == 1)
        #expect(c[0].blocks.filter { $0.kind == .line }.count > 10)
        #expect(c[0].title?.isEmpty == false)
    }
}
