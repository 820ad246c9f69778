#!/usr/bin/env python3
"""Writes the container and XML-format fixtures: Fixtures/warc, Fixtures/feeds, Fixtures/tei.

Run from the package root: python3 scripts/make-warc-fixtures.py
Standard library only; output is byte-identical on every run (fixed dates, ids, gzip mtime 0).
All texts are original, written for these tests. Do not edit the fixtures by hand: edit this script.
"""
import gzip
import json
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def write(path, data, snippets=None):
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data)
    if snippets is not None:
        with open(full + ".snippets.json", "w", encoding="utf-8") as f:
            json.dump({"with": snippets, "without": []}, f, ensure_ascii=False, indent=2)
            f.write("\n")


# ---------------------------------------------------------------- WARC

AR_HTML = """<!DOCTYPE html>
<html dir="rtl"><head><title>بلدية نغالا: موعد سوق الماشية</title></head>
<body><h1>موعد سوق الماشية الجديد</h1>
<p>أعلنت بلدية نغالا أن سوق الماشية الأسبوعي سينتقل إلى يوم الخميس ابتداء من الشهر القادم.</p>
<p>ودعت البلدية التجار إلى تسجيل أسمائهم لدى مكتب السوق قبل نهاية الأسبوع.</p>
</body></html>
"""

HA_HTML = """<!DOCTYPE html>
<html lang="ha"><head><meta charset="utf-8"><title>Labarai: Gyaran rijiyoyi a Monguno</title></head>
<body><h1>An fara gyaran rijiyoyi a Monguno</h1>
<p>Ƙungiyar manoma ta ce an fara gyaran rijiyoyi guda goma sha biyu a ƙauyukan da ke kusa da Monguno.</p>
<p>Shugaban ƙungiyar ya ɗauki alƙawarin kammala aikin kafin damina.</p>
</body></html>
"""

EN_TEXT = """NOTICE TO FISHERS

The landing site at Baga will be closed on Friday for cleaning.
Boats may use the northern jetty until Saturday morning.
"""


def record(rtype, num, fields, block):
    head = [
        "WARC/1.0",
        "WARC-Type: " + rtype,
        "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>" % num,
        "WARC-Date: 2024-03-0%dT08:%02d:00Z" % (1 + num % 5, num),
    ]
    head += fields
    head.append("Content-Length: %d" % len(block))
    return ("\r\n".join(head) + "\r\n\r\n").encode("utf-8") + block + b"\r\n\r\n"


def http_response(headers, body):
    return ("HTTP/1.1 200 OK\r\n" + "".join(h + "\r\n" for h in headers) + "\r\n").encode("latin-1") + body


def chunked(data, size=97):
    out = b""
    for i in range(0, len(data), size):
        part = data[i:i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


def warc_records():
    info = b"software: make-warc-fixtures.py\r\nformat: WARC File Format 1.0\r\n"
    ar_body = AR_HTML.encode("cp1256")
    ha_body = chunked(gzip.compress(HA_HTML.encode("utf-8"), mtime=0))
    return [
        record("warcinfo", 0, ["Content-Type: application/warc-fields"], info),
        record("request", 1, ["WARC-Target-URI: http://ngala.example/kasuwa",
                              "Content-Type: application/http; msgtype=request"],
               b"GET /kasuwa HTTP/1.1\r\nHost: ngala.example\r\n\r\n"),
        record("response", 2, ["WARC-Target-URI: http://ngala.example/kasuwa",
                               "Content-Type: application/http; msgtype=response"],
               http_response(["Content-Type: text/html; charset=windows-1256",
                              "Content-Length: %d" % len(ar_body)], ar_body)),
        record("request", 3, ["WARC-Target-URI: <http://labarai.example/rijiyoyi>",
                              "Content-Type: application/http; msgtype=request"],
               b"GET /rijiyoyi HTTP/1.1\r\nHost: labarai.example\r\nAccept-Encoding: gzip\r\n\r\n"),
        record("response", 4, ["WARC-Target-URI: <http://labarai.example/rijiyoyi>",
                               "Content-Type: application/http;msgtype=response"],
               http_response(["Content-Type: text/html; charset=utf-8", "Content-Encoding: gzip",
                              "Transfer-Encoding: chunked"], ha_body)),
        record("revisit", 5, ["WARC-Target-URI: <http://labarai.example/rijiyoyi>",
                              "WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest",
                              "Content-Type: application/http; msgtype=response"],
               http_response(["Content-Type: text/html; charset=utf-8"], b"")),
        record("resource", 6, ["WARC-Target-URI: http://baga.example/notice.txt",
                               "Content-Type: text/plain; charset=utf-8"], EN_TEXT.encode("utf-8")),
        record("metadata", 7, ["WARC-Target-URI: http://baga.example/notice.txt",
                               "Content-Type: application/warc-fields"], b"via: http://baga.example/\r\n"),
    ]


WARC_SNIPPETS = [
    "سوق الماشية الأسبوعي سينتقل إلى يوم الخميس",
    "Ƙungiyar manoma ta ce an fara gyaran rijiyoyi",
    "The landing site at Baga will be closed on Friday",
]

# ---------------------------------------------------------------- feeds

RSS2_HA = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Labaran Tafkin Chadi</title>
<link>http://labarai.example/</link>
<description>Labarai daga garuruwan Tafkin Chadi</description>
<language>ha</language>
<item>
<title>An buɗe sabuwar kasuwar kifi a Baga</title>
<link>http://labarai.example/kasuwar-kifi</link>
<pubDate>Tue, 05 Mar 2024 09:30:00 +0100</pubDate>
<dc:creator>Aisha Musa</dc:creator>
<description>Masunta sun yi maraba da sabuwar kasuwa.</description>
<content:encoded><![CDATA[<p>Masunta a Baga sun yi maraba da buɗe sabuwar kasuwar kifi a ranar Litinin.</p><p>Shugaban kasuwar ya ce za a riƙa sayar da kifi kowace safiya.</p><script>var x = "ba rubutu ba";</script>]]></content:encoded>
</item>
<item>
<title>Gyaran hanyar Monguno zuwa Maiduguri</title>
<link>http://labarai.example/hanyar-monguno</link>
<pubDate>Wed, 06 Mar 2024 14:00:00 GMT</pubDate>
<author>labarai@labarai.example (Ibrahim Bukar)</author>
<description>&lt;p&gt;Ma&amp;apos;aikata sun fara gyaran hanyar a makon jiya.&lt;/p&gt;&lt;p&gt;Ana sa ran kammala aikin cikin wata uku.&lt;/p&gt;</description>
</item>
<item>
<title>Taron sulhu a Kukawa</title>
<link>http://labarai.example/sulhu-kukawa</link>
<pubDate>Thu, 07 Mar 2024 08:15:00 +0000</pubDate>
<description>Dattawan gari sun gana domin tattauna zaman lafiya a Kukawa.</description>
</item>
</channel>
</rss>
"""

ATOM_AR = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
<title>أخبار بحيرة تشاد</title>
<id>urn:uuid:7d0e1a52-0000-4000-8000-000000000001</id>
<updated>2024-03-08T10:00:00Z</updated>
<link href="http://akhbar.example/"/>
<entry>
<title>حملة تطعيم للأطفال في مايدوغوري</title>
<id>urn:uuid:7d0e1a52-0000-4000-8000-000000000002</id>
<link rel="alternate" type="text/html" href="http://akhbar.example/tateem"/>
<published>2024-03-07T09:00:00+01:00</published>
<updated>2024-03-08T10:00:00Z</updated>
<author><name>فاطمة علي</name></author>
<content type="html">&lt;p&gt;بدأت وزارة الصحة حملة تطعيم واسعة للأطفال في مايدوغوري.&lt;/p&gt;&lt;p&gt;وتستمر الحملة عشرة أيام في جميع الأحياء.&lt;/p&gt;</content>
</entry>
<entry>
<title>مياه الشرب في كوكاوا</title>
<id>urn:uuid:7d0e1a52-0000-4000-8000-000000000003</id>
<link href="http://akhbar.example/miyah"/>
<updated>2024-03-06T12:30:00Z</updated>
<summary>حفرت البلدية ثلاثة آبار جديدة لتوفير مياه الشرب للسكان.</summary>
</entry>
</feed>
"""

RDF_EN = """<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://notices.example/">
<title>Lake Chad Community Notices</title>
<link>http://notices.example/</link>
<description>Notices from community groups</description>
<items><rdf:Seq>
<rdf:li rdf:resource="http://notices.example/clinic"/>
<rdf:li rdf:resource="http://notices.example/school"/>
</rdf:Seq></items>
</channel>
<item rdf:about="http://notices.example/clinic">
<title>Clinic opening hours change</title>
<link>http://notices.example/clinic</link>
<description>From Monday the clinic in Bol opens at seven and closes at four.</description>
<dc:date>2024-03-04T07:00:00Z</dc:date>
<dc:creator>Bol Health Committee</dc:creator>
</item>
<item rdf:about="http://notices.example/school">
<title>School enrolment week</title>
<link>http://notices.example/school</link>
<description>Parents can enrol their children at the primary school in Bagasola all week.</description>
<dc:date>2024-03-05</dc:date>
</item>
</rdf:RDF>
"""

# ---------------------------------------------------------------- TEI

TEI_AR = """<?xml version="1.0" encoding="utf-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="ar">
<teiHeader>
<fileDesc>
<titleStmt><title>نشرة جمعية الصيادين</title><author>جمعية صيادي بحيرة تشاد</author></titleStmt>
<publicationStmt><publisher>مشروع تاسكا</publisher><date when="2024-02-20">20 فبراير 2024</date></publicationStmt>
<sourceDesc><p>نص كتب لاختبارات تاسكا.</p></sourceDesc>
</fileDesc>
</teiHeader>
<text>
<body>
<div type="article">
<head>برنامج جديد لتعليم الأطفال</head>
<p>أعلنت جمعية الصيا<lb break="no"/>دين في بحيرة تشاد عن برنامج جديد لتعليم أطفال القرى الساحلية.<lb/>ويبدأ البرنا<pb n="2" break="no"/>مج في الشهر القادم.</p>
<p xml:lang="en">The programme is funded by the <hi>fishers' cooperative</hi>.</p>
<lg>
<l>يا بحيرة الخير</l>
<l>يا أم الصيادين</l>
</lg>
</div>
</body>
</text>
</TEI>
"""


def main():
    records = warc_records()
    write("Fixtures/warc/crawl-labarai.warc", b"".join(records), WARC_SNIPPETS)
    write("Fixtures/warc/crawl-labarai.warc.gz", b"".join(gzip.compress(r, mtime=0) for r in records), WARC_SNIPPETS)
    write("Fixtures/warc/crawl-labarai-wholefile.warc.gz", gzip.compress(b"".join(records), mtime=0), WARC_SNIPPETS)
    write("Fixtures/feeds/labarai-ha.rss", RSS2_HA.encode("utf-8"),
          ["Masunta a Baga sun yi maraba", "Ana sa ran kammala aikin cikin wata uku.", "Dattawan gari sun gana"])
    write("Fixtures/feeds/akhbar-ar.atom", ATOM_AR.encode("utf-8"),
          ["بدأت وزارة الصحة حملة تطعيم", "حفرت البلدية ثلاثة آبار جديدة"])
    write("Fixtures/feeds/notices-en.rdf", RDF_EN.encode("utf-8"),
          ["the clinic in Bol opens at seven", "enrol their children at the primary school"])
    write("Fixtures/tei/nashra-sayyadin-ar.tei.xml", TEI_AR.encode("utf-8"),
          ["أعلنت جمعية الصيادين في بحيرة تشاد", "ويبدأ البرنامج في الشهر القادم.", "يا أم الصيادين"])


if __name__ == "__main__":
    main()
