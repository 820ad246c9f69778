#!/usr/bin/env python3
"""Writes the office fixtures: Fixtures/office/ (DOCX, ODT and EPUB documents in Hausa, Kanuri
in Latin and Arabic script, Arabic and English, and a zip holding office documents; each with a
golden record written by FixtureTests) and Fixtures/office-hostile/ (office formats Taska does
not read, legacy .doc and RTF, broken and incomplete DOCX, a DOCX whose body is a bomb, tracked
changes, page headers and footers, an EPUB with DRM; their records are golden files too,
checked by Tests/TaskaIngestTests/OfficeFixtureTests.swift).

    python3 scripts/make-office-fixtures.py

Standard library only (zipfile); output is byte-identical on every run (fixed member dates).
All texts are original, written for these tests. The Kanuri texts are Kanuri-like test text
composed from the project's fixture vocabulary (see Fixtures/README.md), not reference Kanuri.
"""
import io
import os
import zipfile
from xml.sax.saxutils import escape, quoteattr

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "Fixtures", "office")
HOSTILE = os.path.join(ROOT, "Fixtures", "office-hostile")
DATE = (2026, 3, 14, 9, 30, 0)

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"')
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def zip_bytes(members):
    """members: list of (name, bytes, stored?) in archive order."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data, stored in members:
            info = zipfile.ZipInfo(name, DATE)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            z.writestr(info, data)
    return out.getvalue()


def write(folder, name, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def write_json(folder, name, text):
    write(folder, name, text.encode("utf-8"))


# ---------------------------------------------------------------- WordprocessingML

def run(text, lang=None, bidi_lang=None, rtl=False, bold=False):
    props = ""
    if bold:
        props += "<w:b/>"
    if rtl:
        props += "<w:rtl/>"
    if lang or bidi_lang:
        attrs = ""
        if lang:
            attrs += ' w:val="%s"' % lang
        if bidi_lang:
            attrs += ' w:bidi="%s"' % bidi_lang
        props += "<w:lang%s/>" % attrs
    rpr = "<w:rPr>%s</w:rPr>" % props if props else ""
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, escape(text))


def para(content, style=None, bidi=False, numbered=False):
    ppr = ""
    if style:
        ppr += '<w:pStyle w:val="%s"/>' % style
    if numbered:
        ppr += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    if bidi:
        ppr += "<w:bidi/>"
    return "<w:p>%s%s</w:p>" % ("<w:pPr>%s</w:pPr>" % ppr if ppr else "", content)


def table(rows, bidi=False):
    tblpr = '<w:tblPr><w:tblStyle w:val="TableGrid"/>%s</w:tblPr>' % ("<w:bidiVisual/>" if bidi else "")
    out = [tblpr, "<w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"]
    for row in rows:
        cells = "".join("<w:tc><w:tcPr/>%s</w:tc>" % "".join(cell) for cell in row)
        out.append("<w:tr>%s</w:tr>" % cells)
    return "<w:tbl>%s</w:tbl>" % "".join(out)


def note_ref(kind, nid):
    return '<w:r><w:rPr><w:rStyle w:val="%sReference"/></w:rPr><w:%sReference w:id="%d"/></w:r>' % (
        kind.capitalize(), kind, nid)


def notes_part(kind, notes, bidi=False):
    """notes: list of (id, [run xml])."""
    body = ['<w:%s w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:%s>' % (kind, kind),
            '<w:%s w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:%s>' % (kind, kind)]
    for nid, runs in notes:
        mark = '<w:r><w:rPr><w:rStyle w:val="%sReference"/></w:rPr><w:%sRef/></w:r>' % (kind.capitalize(), kind)
        body.append('<w:%s w:id="%d">%s</w:%s>' % (kind, nid, para(mark + "".join(runs), bidi=bidi), kind))
    return (XML_DECL + "<w:%ss %s>%s</w:%ss>" % (kind, W_NS, "".join(body), kind)).encode("utf-8")


def styles_part(heading_names=("heading 1", "heading 2")):
    styles = ['<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults>',
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>',
              '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>',
              '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>',
              '<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/></w:style>']
    for level, name in enumerate(heading_names, start=1):
        styles.append('<w:style w:type="paragraph" w:styleId="Heading%d"><w:name w:val="%s"/><w:basedOn w:val="Normal"/>'
                      '<w:pPr><w:outlineLvl w:val="%d"/></w:pPr></w:style>' % (level, name, level - 1))
    return (XML_DECL + "<w:styles %s>%s</w:styles>" % (W_NS, "".join(styles))).encode("utf-8")


NUMBERING = (XML_DECL + '<w:numbering %s><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
             '<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>' % W_NS).encode("utf-8")


def core_part(title, creator, created, modified, language=None):
    lang = "<dc:language>%s</dc:language>" % language if language else ""
    return (XML_DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            "<dc:title>%s</dc:title><dc:creator>%s</dc:creator><cp:lastModifiedBy>%s</cp:lastModifiedBy>"
            '<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>%s</cp:coreProperties>'
            % (escape(title), escape(creator), escape(creator), created, modified, lang)).encode("utf-8")


def content_types(extra_parts):
    overrides = "".join('<Override PartName="/%s" ContentType="%s"/>' % (name, ctype) for name, ctype in extra_parts)
    return (XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>%s</Types>' % overrides).encode("utf-8")


ROOT_RELS = (XML_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
             "</Relationships>").encode("utf-8")

WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def docx(body, *, core=None, styles=None, footnotes=None, endnotes=None, headers=(), footers=(),
         numbering=False, content_types_last=False, sect=""):
    """body: the w:body content; headers/footers: lists of [paragraph xml]. Returns the zip bytes."""
    parts = []
    rels = []
    types = [("word/document.xml", WORD_TYPE + ".document.main+xml")]
    if styles is not None:
        parts.append(("word/styles.xml", styles))
        types.append(("word/styles.xml", WORD_TYPE + ".styles+xml"))
        rels.append(("styles", "styles.xml"))
    if numbering:
        parts.append(("word/numbering.xml", NUMBERING))
        types.append(("word/numbering.xml", WORD_TYPE + ".numbering+xml"))
        rels.append(("numbering", "numbering.xml"))
    if footnotes is not None:
        parts.append(("word/footnotes.xml", footnotes))
        types.append(("word/footnotes.xml", WORD_TYPE + ".footnotes+xml"))
        rels.append(("footnotes", "footnotes.xml"))
    if endnotes is not None:
        parts.append(("word/endnotes.xml", endnotes))
        types.append(("word/endnotes.xml", WORD_TYPE + ".endnotes+xml"))
        rels.append(("endnotes", "endnotes.xml"))
    sect_refs = ""
    for kind, items in (("header", headers), ("footer", footers)):
        for i, paragraphs in enumerate(items, start=1):
            name = "%s%d.xml" % (kind, i)
            xml = (XML_DECL + "<w:%s %s>%s</w:%s>" % ("hdr" if kind == "header" else "ftr", W_NS, "".join(paragraphs),
                                                     "hdr" if kind == "header" else "ftr")).encode("utf-8")
            parts.append(("word/" + name, xml))
            types.append(("word/" + name, WORD_TYPE + ".%s+xml" % kind))
            rid = "rId%s%d" % (kind, i)
            rels.append((kind, name, rid))
            sect_refs += '<w:%sReference w:type="%s" r:id="%s"/>' % (kind, "default" if i == 1 else "first", rid)
    document = (XML_DECL + "<w:document %s><w:body>%s<w:sectPr>%s%s</w:sectPr></w:body></w:document>"
                % (W_NS, body, sect_refs, sect)).encode("utf-8")
    rel_xml = []
    for i, rel in enumerate(rels, start=1):
        rid = rel[2] if len(rel) > 2 else "rId%d" % i
        rel_xml.append('<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s"/>'
                       % (rid, rel[0], rel[1]))
    doc_rels = (XML_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>'
                % "".join(rel_xml)).encode("utf-8")
    if core is not None:
        types.append(("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"))
    members = [("_rels/.rels", ROOT_RELS, False), ("word/_rels/document.xml.rels", doc_rels, False),
               ("word/document.xml", document, False)]
    members += [(name, data, False) for name, data in parts]
    if core is not None:
        members.append(("docProps/core.xml", core, False))
    ct = ("[Content_Types].xml", content_types(types), False)
    # Word writes [Content_Types].xml first; LibreOffice puts it last.
    members = members + [ct] if content_types_last else [ct] + members
    return zip_bytes(members)


# ---------------------------------------------------------------- Hausa DOCX

HA = "ha-Latn-NG"


def hausa_docx():
    body = "".join([
        para(run("Sabuwar kasuwar hatsi ta buɗe a Dikwa", lang=HA), style="Title"),
        para(run("Ƙungiyar ’yan kasuwar hatsi ta Dikwa ta sanar da buɗe sabuwar kasuwa a gefen babbar hanya. "
                 "Kasuwar za ta riƙa ci ranar Lahadi da ranar Alhamis, kuma kowane ɗan kasuwa zai biya kuɗin rumfa", lang=HA)
             + note_ref("footnote", 1)
             + run(" sau ɗaya a wata.", lang=HA)),
        para(run("Abin da ’yan kasuwa za su sani", lang=HA), style="Heading1"),
        para(run("Shugaban ƙungiyar ya ce an yi haka ne domin k'ara wa manoma k'arfin gwiwa, su kawo amfanin "
                 "gonarsu ba tare da 'bata lokaci ba, kuma d'an kasuwa kada ya ɓoye hatsi don farashi ya tashi.", lang=HA)),
        para(run("Kowane mai rumfa ya zo da katin shaida da rasitin biyan haraji.", lang=HA), style="ListParagraph", numbered=True),
        para(run("A ajiye ƴaƴan itace da buhunan hatsi a wurin da aka keɓe musu.", lang=HA), style="ListParagraph", numbered=True),
        para(run("Kada a ɗaura dabbobi a cikin kasuwa.", lang=HA), style="ListParagraph", numbered=True),
        table([
            [[para(run("Kaya", lang=HA, bold=True))], [para(run("Farashi (naira)", lang=HA, bold=True))]],
            [[para(run("Buhun gero", lang=HA))], [para(run("42,000", lang=HA))]],
            [[para(run("Buhun masara", lang=HA))], [para(run("38,500", lang=HA))]],
        ]),
        para(run("Wani jami’in ƙungiyar ya rubuta a kan allon kasuwa: ", lang=HA)
             + run("Market days are Sunday and Thursday", lang="en-GB")
             + run(", domin baƙi su gane.", lang=HA)),
        para(run("Duk wanda yake da ƙorafi ya kai shi ofishin ƙungiyar kafin ranar Juma’a.", lang=HA)),
    ])
    footnotes = notes_part("footnote", [(1, [run(" Kuɗin rumfa naira dubu biyu ne ga kowane wata.", lang=HA)])])
    return docx(body, styles=styles_part(), numbering=True, footnotes=footnotes,
                headers=[[para(run("Ƙungiyar ’Yan Kasuwar Hatsi ta Dikwa", lang=HA))]],
                footers=[[para(run("Shafi na 1", lang=HA))]],
                core=core_part("Sabuwar kasuwar hatsi ta buɗe a Dikwa", "Hauwa Bukar", "2026-02-10T08:15:00Z",
                               "2026-02-11T16:40:00Z", language="ha-NG"))


# ---------------------------------------------------------------- Arabic DOCX (right to left)

def ar_run(text):
    return run(text, lang="en-US", bidi_lang="ar-SA", rtl=True)


def arabic_docx():
    body = "".join([
        para(ar_run("بيان بلدية كوكاوا حول توزيع مياه الشرب"), style="Title", bidi=True),
        para(ar_run("تعلن بلدية كوكاوا أن صهاريج مياه الشرب ستصل إلى الأحياء الشرقية صباح كل يوم سبت وثلاثاء، "
                    "ابتداءً من الأسبوع القادم، بدعم من مشروع ") + run("Lake Chad Water Project", lang="en-US")
             + ar_run(" الذي يمول حفر الآبار.") + note_ref("endnote", 1), bidi=True),
        para(ar_run("مواعيد التوزيع"), style="Heading1", bidi=True),
        table([
            [[para(ar_run("الحي"), bidi=True)], [para(ar_run("اليوم"), bidi=True)]],
            [[para(ar_run("الحي الشرقي"), bidi=True)], [para(ar_run("السبت"), bidi=True)]],
            [[para(ar_run("حي السوق"), bidi=True)], [para(ar_run("الثلاثاء"), bidi=True)]],
        ], bidi=True),
        para(ar_run("ويرجى من السكان ترك الأوعية نظيفة أمام البيوت، وعدم بيع المياه الموزعة مجاناً، "
                    "والإبلاغ عن أي تسرب في الأنابيب."), bidi=True),
    ])
    endnotes = notes_part("endnote", [(1, [ar_run(" للاستفسار يمكن الاتصال بمكتب البلدية في ساعات الدوام.")])], bidi=True)
    return docx(body, styles=styles_part(), endnotes=endnotes,
                core=core_part("بيان بلدية كوكاوا حول توزيع مياه الشرب", "مكتب الإعلام", "2026-03-01T07:00:00Z",
                               "2026-03-02T12:30:00Z", language="ar-SA"),
                sect='<w:bidi/>')


# ---------------------------------------------------------------- English DOCX, LibreOffice member order

def english_docx():
    en = "en-GB"
    text_box = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
                '<wps:wsp><wps:txbx><w:txbxContent>%s</w:txbxContent></wps:txbx></wps:wsp>'
                '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
                '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>%s</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
                '</mc:AlternateContent></w:r>')
    box = para(run("Bring the old permit and two witnesses.", lang=en))
    body = "".join([
        para(run("Registration of fishing canoes", lang=en), style="Heading1"),
        para(run("The cooperative office in Baga will register new canoes from Monday to Friday this week. "
                 "Owners should come early, because the clerk leaves at noon.", lang=en) + text_box % (box, box)),
        para(run("Nets with a mesh smaller than two fingers will not be registered.", lang=en), style="ListBullet"),
        para(run("Canoes without a painted number will be registered after the owner paints one.", lang=en), style="ListBullet"),
        para(run("More information is on ", lang=en)
             + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             + '<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://coop.example/canoes" </w:instrText></w:r>'
             + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             + run("the cooperative's notice board", lang=en)
             + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
             + run(" beside the landing site.", lang=en)),
    ])
    return docx(body, styles=styles_part(), content_types_last=True,
                core=core_part("Registration of fishing canoes", "Baga Fishing Cooperative", "2026-01-05T09:00:00Z",
                               "2026-01-05T09:45:00Z"))


# ---------------------------------------------------------------- ODF text

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')


def odt(content_body, automatic_styles, *, meta, header=None, footer=None, mimetype="application/vnd.oasis.opendocument.text"):
    content = (XML_DECL + '<office:document-content %s office:version="1.3"><office:automatic-styles>%s</office:automatic-styles>'
               "<office:body><office:text>%s</office:text></office:body></office:document-content>"
               % (ODF_NS, automatic_styles, content_body)).encode("utf-8")
    master = ""
    if header or footer:
        master = ('<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">%s%s</style:master-page></office:master-styles>'
                  % ("<style:header>%s</style:header>" % header if header else "", "<style:footer>%s</style:footer>" % footer if footer else ""))
    styles = (XML_DECL + '<office:document-styles %s office:version="1.3"><office:styles>'
              '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"/>'
              '<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"/>'
              "</office:styles>%s</office:document-styles>" % (ODF_NS, master)).encode("utf-8")
    manifest = (XML_DECL + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="%s"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>" % mimetype).encode("utf-8")
    return zip_bytes([("mimetype", mimetype.encode("ascii"), True), ("META-INF/manifest.xml", manifest, False),
                      ("content.xml", content, False), ("styles.xml", styles, False), ("meta.xml", meta, False)])


def odf_meta(title, initial, creator, created, date, language):
    return (XML_DECL + '<office:document-meta %s office:version="1.3"><office:meta>'
            "<dc:title>%s</dc:title><meta:initial-creator>%s</meta:initial-creator><dc:creator>%s</dc:creator>"
            "<meta:creation-date>%s</meta:creation-date><dc:date>%s</dc:date><dc:language>%s</dc:language>"
            "<meta:generator>LibreOffice/7.4</meta:generator></office:meta></office:document-meta>"
            % (ODF_NS, escape(title), escape(initial), escape(creator), created, date, language)).encode("utf-8")


def kanuri_odt():
    styles = ('<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Text_20_body">'
              '<style:text-properties fo:language="knc" fo:country="NG"/></style:style>'
              '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Text_20_body">'
              '<style:paragraph-properties style:writing-mode="rl-tb"/>'
              '<style:text-properties style:language-complex="knc" style:country-complex="none"/></style:style>'
              '<style:style style:name="T1" style:family="text"><style:text-properties fo:language="en" fo:country="GB"/></style:style>')
    body = "".join([
        '<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>',
        '<text:h text:style-name="Heading_20_1" text:outline-level="1">Labar makaranta Gajirambe</text:h>',
        '<text:p text:style-name="P1">Kura makaranta Gajirambe am bǝlabe samma rokkǝna tadawanǝm makarantaro lejin. '
        "Makaranta kǝntagǝ gade lan buwotǝna, kuru malamwa ngǝwuro sǝdin."
        '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        '<text:note-body><text:p text:style-name="P1">Makaranta adǝ kǝntagǝ Junebe lan buwotǝna.</text:p></text:note-body></text:note>'
        "</text:p>",
        '<text:p text:style-name="P1">Lawan bǝlabe gultǝna:<text:s/>“Tada ngǝwu makarantaro lejin, kuru am kasuwube samma '
        'kayan makarantabe kaltǝna.” Kamuwa kuru <text:span text:style-name="T1">Parents and Teachers Association</text:span> '
        "lan nǝm adǝ ro sǝdin.</text:p>",
        '<text:list><text:list-item><text:p text:style-name="P1">Kitawu kuru alkalam tadawanǝmro.</text:p></text:list-item>'
        '<text:list-item><text:p text:style-name="P1">Kayan kǝmbube tadawa samma.</text:p></text:list-item></text:list>',
        '<table:table table:name="Table1"><table:table-column table:number-columns-repeated="2"/>'
        '<table:table-row><table:table-cell><text:p text:style-name="P1">Kǝntagǝ</text:p></table:table-cell>'
        '<table:table-cell><text:p text:style-name="P1">Tada</text:p></table:table-cell></table:table-row>'
        '<table:table-row><table:table-cell><text:p text:style-name="P1">Litinin</text:p></table:table-cell>'
        '<table:table-cell><text:p text:style-name="P1">120</text:p></table:table-cell></table:table-row>'
        '<table:table-row><table:table-cell><text:p text:style-name="P1">Talata</text:p></table:table-cell>'
        '<table:table-cell><text:p text:style-name="P1">95</text:p></table:table-cell></table:table-row></table:table>',
        '<text:p text:style-name="P2">مَكَرَنْتَ غَجِرَمْبٖ كٗنْتَغٗ غَدٖ لَنْ بُوُتٗنَ، كُرُ تَدَوَنٗمْ مَكَرَنْتَرُو لِيٰجِنْ.</text:p>',
    ])
    return odt(body, styles, header='<text:p text:style-name="Header">Makaranta Gajiram</text:p>',
               footer='<text:p text:style-name="Footer">Shafi 1</text:p>',
               meta=odf_meta("Labar makaranta Gajirambe", "Kyari Modu", "Kyari Modu", "2026-01-20T10:00:00",
                             "2026-01-21T09:12:00", "knc"))


# ---------------------------------------------------------------- EPUB

def xhtml(lang, title, body, rtl=False):
    direction = ' dir="rtl"' if rtl else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="%s" xml:lang="%s"%s>'
            "<head><title>%s</title><link rel=\"stylesheet\" href=\"../style.css\"/></head><body>%s</body></html>\n"
            % (lang, lang, direction, escape(title), body)).encode("utf-8")


def epub(chapters, *, title, creator, language, date, encryption=None):
    """chapters: list of (id, href, bytes) in spine order; manifest and zip order are shuffled on purpose."""
    nav = xhtml("ha", "Abubuwan ciki", '<nav epub:type="toc"><ol>%s</ol></nav>' % "".join(
        '<li><a href="%s">%s</a></li>' % (href.split("/")[-1], cid) for cid, href, _ in chapters))
    manifest_items = ['<item id="nav" href="text/nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
                      '<item id="css" href="style.css" media-type="text/css"/>',
                      '<item id="cover" href="images/cover.png" media-type="image/png"/>']
    for cid, href, _ in reversed(chapters):
        manifest_items.append('<item id=%s href=%s media-type="application/xhtml+xml"/>' % (quoteattr(cid), quoteattr(href)))
    spine = '<itemref idref="nav" linear="no"/>' + "".join('<itemref idref="%s"/>' % cid for cid, _, _ in chapters)
    opf = (XML_DECL + '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">'
           '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="uid">urn:uuid:7f0c3c2e-taska-fixture</dc:identifier>'
           "<dc:title>%s</dc:title><dc:creator>%s</dc:creator><dc:language>%s</dc:language><dc:date>%s</dc:date>"
           '<meta property="dcterms:modified">2026-03-02T08:00:00Z</meta></metadata>'
           "<manifest>%s</manifest><spine>%s</spine></package>"
           % (escape(title), escape(creator), language, date, "".join(manifest_items), spine)).encode("utf-8")
    container = (XML_DECL + '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
                 '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>').encode("utf-8")
    members = [("mimetype", b"application/epub+zip", True), ("META-INF/container.xml", container, False)]
    if encryption is not None:
        members.append(("META-INF/encryption.xml", encryption, False))
    members += [("OEBPS/content.opf", opf, False), ("OEBPS/style.css", b"body { margin: 1em; }\n", False),
                ("OEBPS/images/cover.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 24, True),
                ("OEBPS/text/nav.xhtml", nav, False)]
    # Chapters stored in reverse: the spine, not the zip, gives the reading order.
    members += [("OEBPS/" + href, data, False) for _, href, data in reversed(chapters)]
    return zip_bytes(members)


def mixed_epub():
    ch1 = xhtml("ha", "Babi na ɗaya", "<section><h1>Babi na ɗaya: Kasuwar kifi a Baga</h1>"
                "<p>Da sassafe masunta suke dawowa daga tafki, suna ɗauke da kwanduna cike da kifi. "
                "Mata suna jiran su a bakin ruwa domin su saya su soya.</p>"
                "<p>Wani tsoho ya ce a da tafkin ya fi girma, amma yanzu ruwa ya ja baya sosai.</p></section>")
    ch2 = xhtml("ar", "الفصل الثاني", "<section><h1>الفصل الثاني: موسم الحصاد</h1>"
                "<p>يبدأ موسم الحصاد بعد انتهاء الأمطار، فيخرج المزارعون مع أسرهم إلى الحقول القريبة من البحيرة.</p>"
                "<p>ويحمل الشباب أكياس الذرة إلى السوق الأسبوعي على ظهور الحمير.</p></section>", rtl=True)
    ch3 = xhtml("en", "Chapter three", "<section><h1>Chapter three: The road to Monguno</h1>"
                "<p>The road was repaired last year, and the lorries now reach the market before noon.</p>"
                '<p>Travellers still stop at the well in Kauwa, where <span lang="ha">mai shayi</span> sells tea.</p></section>')
    return epub([("babi-1", "text/babi-1.xhtml", ch1), ("fasl-2", "text/fasl-2.xhtml", ch2), ("chapter-3", "text/chapter%203.xhtml", ch3)],
                title="Labarai daga Tafkin Chadi", creator="Ƙungiyar Marubuta ta Maiduguri", language="ha", date="2026-03-01")


# ---------------------------------------------------------------- hostile

def minimal_xlsx():
    types = (XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             "</Types>").encode("utf-8")
    workbook = (XML_DECL + '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets>'
                '<sheet name="Farashi" sheetId="1"/></sheets></workbook>').encode("utf-8")
    sheet = (XML_DECL + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>Buhun gero</t></is></c></row></sheetData></worksheet>').encode("utf-8")
    return zip_bytes([("[Content_Types].xml", types, False), ("xl/workbook.xml", workbook, False),
                      ("xl/worksheets/sheet1.xml", sheet, False)])


def minimal_ods():
    content = (XML_DECL + '<office:document-content %s><office:body><office:spreadsheet><table:table table:name="Sheet1">'
               '<table:table-row><table:table-cell><text:p>Buhun masara</text:p></table:table-cell></table:table-row>'
               "</table:table></office:spreadsheet></office:body></office:document-content>" % ODF_NS).encode("utf-8")
    return zip_bytes([("mimetype", b"application/vnd.oasis.opendocument.spreadsheet", True), ("content.xml", content, False)])


def broken_xml_docx():
    body = para(run("Sanarwa ga jama’a: za a buɗe rijiyar sabuwar unguwa ranar Litinin.", lang=HA))
    data = docx(body, styles=styles_part())
    # Rewrite word/document.xml cut off in the middle of a run.
    good = zipfile.ZipFile(io.BytesIO(data))
    members = []
    for info in good.infolist():
        content = good.read(info.filename)
        if info.filename == "word/document.xml":
            content = (XML_DECL + "<w:document %s><w:body>%s<w:p><w:r><w:t>Ruwan zai kasance kyauta har zuwa"
                       % (W_NS, body)).encode("utf-8")
        members.append((info.filename, content, False))
    return zip_bytes(members)


def missing_document_docx():
    types = content_types([("word/styles.xml", WORD_TYPE + ".styles+xml")])
    return zip_bytes([("[Content_Types].xml", types, False), ("_rels/.rels", ROOT_RELS, False),
                      ("word/styles.xml", styles_part(), False),
                      ("docProps/core.xml", core_part("Takardar da ta ɓace", "Musa Ali", "2026-02-01T00:00:00Z", "2026-02-01T00:00:00Z"), False)])


def bomb_docx():
    """A 24 MiB body of one repeated paragraph: deflates over 1000 to 1, past max-ratio (200)."""
    paragraph = para(run("a" * 1000)).encode("utf-8")
    document = (XML_DECL + "<w:document %s><w:body>" % W_NS).encode("utf-8") + paragraph * (24 * 1024) + b"</w:body></w:document>"
    types = content_types([("word/document.xml", WORD_TYPE + ".document.main+xml")])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in (("[Content_Types].xml", types), ("_rels/.rels", ROOT_RELS), ("word/document.xml", document)):
            info = zipfile.ZipInfo(name, DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            z.writestr(info, data, compresslevel=9)
    return out.getvalue()


def tracked_changes_docx():
    body = "".join([
        para(run("Canjin lokacin taron manoma", lang=HA), style="Heading1"),
        para(run("Za a yi taron manoma ranar ", lang=HA)
             + '<w:del w:id="1" w:author="Editor" w:date="2026-03-10T10:00:00Z"><w:r><w:delText>Litinin</w:delText></w:r></w:del>'
             + '<w:ins w:id="2" w:author="Editor" w:date="2026-03-10T10:00:00Z">' + run("Laraba", lang=HA) + "</w:ins>"
             + run(" a ɗakin taro na ƙaramar hukuma.", lang=HA)),
        para(run("Kowane manomi ya zo da ", lang=HA)
             + '<w:del w:id="3" w:author="Editor" w:date="2026-03-10T10:01:00Z"><w:r><w:delText>takardar filinsa da </w:delText></w:r></w:del>'
             + run("katin shaida.", lang=HA)
             + '<w:ins w:id="4" w:author="Editor" w:date="2026-03-10T10:02:00Z">' + run(" Za a raba iri kyauta.", lang=HA) + "</w:ins>"),
    ])
    return docx(body, styles=styles_part())


def headers_footers_docx():
    en = "en-GB"
    body = "".join([
        para(run("Clinic opening hours", lang=en), style="Heading1"),
        para(run("The health post in Ngala is open from eight in the morning until four in the afternoon, every day but Friday.", lang=en)),
        para(run("Children under five are seen first; bring the vaccination card.", lang=en)),
    ])
    return docx(body, styles=styles_part(),
                headers=[[para(run("Ngala Health Post — Notices", lang=en))], [para(run("CONFIDENTIAL DRAFT", lang=en))]],
                footers=[[para(run("Page 1 of 1", lang=en)), para(run("Printed by the district office", lang=en))]])


def drm_epub():
    chapter = xhtml("ha", "Babi", "<p>" + "Q2lwaGVydGV4dA==" * 8 + "</p>")
    encryption = (XML_DECL + '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
                  'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
                  '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
                  '<enc:CipherData><enc:CipherReference URI="OEBPS/text/babi-1.xhtml"/></enc:CipherData>'
                  "</enc:EncryptedData></encryption>").encode("utf-8")
    return epub([("babi-1", "text/babi-1.xhtml", chapter)], title="Littafi mai kulle", creator="Mai wallafa",
                language="ha", date="2026-01-01", encryption=encryption)


def snippets(with_phrases, without=()):
    import json
    return json.dumps({"with": list(with_phrases), "without": list(without)}, ensure_ascii=False, indent=2) + "\n"


def main():
    ha = hausa_docx()
    write(OUT, "sanarwar-kasuwa-ha.docx", ha)
    write_json(OUT, "sanarwar-kasuwa-ha.docx.snippets.json", snippets(
        ["Ƙungiyar ’yan kasuwar hatsi ta Dikwa", "k'ara wa manoma k'arfin gwiwa", "'bata lokaci", "ƴaƴan itace",
         "Buhun gero", "Market days are Sunday and Thursday", "Kuɗin rumfa naira dubu biyu"],
        ["Shafi na 1", "Ƙungiyar ’Yan Kasuwar Hatsi ta Dikwa"]))
    ar = arabic_docx()
    write(OUT, "bayan-baladiya-ar.docx", ar)
    write_json(OUT, "bayan-baladiya-ar.docx.snippets.json", snippets(
        ["تعلن بلدية كوكاوا", "Lake Chad Water Project", "حي السوق", "للاستفسار يمكن الاتصال"]))
    en = english_docx()
    write(OUT, "notice-canoes-en.docx", en)
    write_json(OUT, "notice-canoes-en.docx.snippets.json", snippets(
        ["Registration of fishing canoes", "Bring the old permit and two witnesses.", "the cooperative's notice board"],
        ["HYPERLINK", "coop.example"]))
    knc = kanuri_odt()
    write(OUT, "labar-makaranta-knc.odt", knc)
    write_json(OUT, "labar-makaranta-knc.odt.snippets.json", snippets(
        ["Kura makaranta Gajirambe", "Parents and Teachers Association", "Kitawu kuru alkalam", "Makaranta adǝ kǝntagǝ Junebe",
         "مَكَرَنْتَ غَجِرَمْبٖ"], ["Makaranta Gajiram", "Shafi 1"]))
    book = mixed_epub()
    # The third chapter's member name has a space; the manifest writes it percent-encoded.
    z = zipfile.ZipFile(io.BytesIO(book))
    members = [(("OEBPS/text/chapter 3.xhtml" if i.filename == "OEBPS/text/chapter%203.xhtml" else i.filename), z.read(i.filename),
                i.compress_type == zipfile.ZIP_STORED) for i in z.infolist()]
    book = zip_bytes(members)
    write(OUT, "labarai-tafki-mixed.epub", book)
    write_json(OUT, "labarai-tafki-mixed.epub.snippets.json", snippets(
        ["Babi na ɗaya: Kasuwar kifi a Baga", "الفصل الثاني: موسم الحصاد", "Chapter three: The road to Monguno", "mai shayi"],
        ["Abubuwan ciki"]))
    bundle = zip_bytes([("takardu/labar-makaranta-knc.odt", knc, False), ("takardu/notice-canoes-en.docx", en, False),
                        ("takardu/karanta.txt", "Takardun kwamitin makaranta da na masunta, don ajiya.\n".encode("utf-8"), False)])
    write(OUT, "takardu.zip", bundle)
    write_json(OUT, "takardu.zip.snippets.json", snippets(
        ["Kura makaranta Gajirambe", "Registration of fishing canoes", "Takardun kwamitin makaranta"]))

    write(HOSTILE, "workbook.xlsx", minimal_xlsx())
    write(HOSTILE, "spreadsheet.ods", minimal_ods())
    write(HOSTILE, "legacy-word.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 16 + b"\x3E\x00\x03\x00\xFE\xFF" + b"\0" * 490)
    write(HOSTILE, "letter.rtf", b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}}\\f0\\fs24 Sanarwa ga jama'a: "
                                 b"za a yi taro ranar Asabar.\\par }\n")
    write(HOSTILE, "broken-xml.docx", broken_xml_docx())
    write(HOSTILE, "missing-document.docx", missing_document_docx())
    write(HOSTILE, "bomb-part.docx", bomb_docx())
    write(HOSTILE, "tracked-changes.docx", tracked_changes_docx())
    write(HOSTILE, "headers-footers.docx", headers_footers_docx())
    write(HOSTILE, "drm.epub", drm_epub())


if __name__ == "__main__":
    main()
