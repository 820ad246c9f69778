import Testing
@testable import TaskaExtract

/// The linear pre-check that refuses entity blow-ups before libxml2 sees them.
@Suite struct EntityExpansionEstimateTests {
    private func estimate(_ xml: String) -> EntityExpansionEstimate {
        var bytes = Array(xml.utf8)
        return bytes.withUnsafeMutableBufferPointer { EntityExpansionEstimate.estimate(UnsafeBufferPointer($0)) }
    }

    @Test func quadraticBlowUpIsCountedAndExcessive() {
        let literal = String(repeating: "a", count: 2_000)
        let refs = String(repeating: "&a;", count: 2_000)
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE k [<!ENTITY a \"\(literal)\">]>\n<k>\(refs)</k>"
        let e = estimate(xml)
        #expect(e.entities == 1)
        #expect(e.expandedBytes == 2_000 * 2_000)
        #expect(e.isExcessive(documentBytes: xml.utf8.count))
    }

    @Test func nestedEntitiesMultiply() {
        let e = estimate(HostileXMLTests.billionLaughs)
        #expect(e.entities == 10)
        #expect(e.expandedBytes == 3 * 1_000_000_000)
        #expect(e.isExcessive(documentBytes: HostileXMLTests.billionLaughs.utf8.count))
    }

    /// Declared references among predefined, numeric, undeclared and malformed ones all count,
    /// and only they: `&ac;` (undeclared, the shape of `&ab;`) and `&lt;` add nothing.
    @Test func declaredReferencesAmongManyOthersAreCounted() {
        var body = ""
        for k in 0..<3_000 {
            body += k % 3 == 0 ? "&ab;" : (k % 3 == 1 ? "&lt;&#160;&amp;" : "&ac;&xy; &bad ref; &;")
        }
        let xml = "<!DOCTYPE r [<!ENTITY ab \"12345\"><!ENTITY xy \"&ab;&ab;\">]><r>\(body)</r>"
        let e = estimate(xml)
        #expect(e.entities == 2)
        #expect(e.expandedBytes == 1_000 * 5 + 1_000 * 10)
    }

    @Test func recursiveEntitiesAreUnbounded() {
        let xml = "<!DOCTYPE r [<!ENTITY a \"&b;\"><!ENTITY b \"&a;\">]><r>&a;</r>"
        #expect(estimate(xml).expandedBytes == Int.max)
    }

    @Test func ordinaryEntityUseIsNotExcessive() {
        // A TEI-style header declaring a few character entities used throughout the text.
        let body = String(repeating: "<p>Sarki&mdash;na Kano &amp; Borno&hellip;</p>\n", count: 5_000)
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE TEI [
          <!ENTITY mdash "&#8212;">
          <!ENTITY hellip "&#8230;">
          <!ENTITY % local SYSTEM "local.ent">
          <!ENTITY ext SYSTEM "chapter.xml">
        ]>
        <TEI>\(body)</TEI>
        """
        let e = estimate(xml)
        #expect(e.entities == 2)
        #expect(e.expandedBytes == 10_000)
        #expect(!e.isExcessive(documentBytes: xml.utf8.count))
    }

    @Test func documentsWithoutDoctypeCostNothing() {
        #expect(estimate("<rss><channel><title>A &amp; B</title></channel></rss>") == EntityExpansionEstimate())
    }
}
