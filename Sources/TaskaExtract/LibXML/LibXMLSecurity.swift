internal import CLibXML2

/// The libxml2 safety settings, in one place.
///
/// libxml2 2.9.14 reads local files for `SYSTEM "file:///…"` entities even with NONET, and
/// expands billion-laughs documents when HUGE is set. So: never HUGE, DTDLOAD or DTDVALID;
/// NOENT so the built-in amplification check runs; NONET; and a process-wide deny-all
/// external entity loader, installed once before the first parse (and again before every parse,
/// in case other code in the process replaced it).
///
/// Element nesting: libxml2 halts a parse past `xmlParserMaxDepth` (256 by default, HTML too),
/// silently losing the rest of the document. Taska raises that global once to `depthCeiling`
/// and enforces each document's own `max-depth` while copying the tree (`MarkupParser`), so a
/// deep page gives a clear error record and a 200,000-deep one costs libxml2 at most
/// `depthCeiling` levels (its parser and `xmlFreeDoc` are iterative in 2.9.14: measured safe at
/// 200,000 levels with a 256 KiB stack).
enum LibXMLSecurity {
    /// libxml2's process-wide nesting ceiling; `max-depth` values above it are capped to it.
    static let depthCeiling = 10_000

    /// Parser options for XML input.
    static let xmlOptions: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOENT.rawValue
        | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_RECOVER.rawValue
        | XML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)

    /// Parser options for HTML input (recover mode, no network, encoding given by Decode).
    static let htmlOptions: Int32 = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
        | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue
        | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_NOIMPLIED.rawValue)

    /// Installs the deny-all entity loader and silences libxml2's global error printing.
    /// Safe to call many times; the work happens once.
    static func install() {
        _ = installed
        taska_xml_install_deny_loader()
    }

    private static let installed: Bool = {
        xmlInitParser()
        taska_xml_install_deny_loader()
        taska_xml_silence_errors()
        taska_xml_set_max_depth(UInt32(depthCeiling))
        return true
    }()
}
