import Testing
@testable import TaskaExtract

@Suite struct XMLRootSnifferTests {
    @Test func skipsTheProlog() {
        let text = """
            <?xml version="1.0"?><!-- <notroot> --><?pi <no>?>
            <!DOCTYPE rss [ <!ENTITY e "<x>"> ]>
            <rdf:RDF xmlns:rdf="x"><item/></rdf:RDF>
            """
        #expect(XMLRootSniffer.rootName(of: text) == "rdf:RDF")
        #expect(XMLRootSniffer.localName("rdf:RDF") == "RDF")
    }

    @Test func nonASCIINamesAndTheLimit() {
        #expect(XMLRootSniffer.rootName(of: "<?xml version='1.0'?>\n<labarai>x</labarai>") == "labarai")
        #expect(XMLRootSniffer.rootName(of: "<خبر lang='ar'>نص</خبر>") == "خبر")
        #expect(XMLRootSniffer.rootName(of: "<feed/>") == "feed")
        // The limit counts scalars: a root after 20 two-byte scalars is found with limit 30, not 10.
        let text = "<!--" + String(repeating: "ɗ", count: 20) + "--><tei>"
        #expect(XMLRootSniffer.rootName(of: text, limit: 40) == "tei")
        #expect(XMLRootSniffer.rootName(of: text, limit: 10) == nil)
        #expect(XMLRootSniffer.rootName(of: "plain text") == nil)
        #expect(XMLRootSniffer.rootName(of: "< >") == nil)
    }
}
