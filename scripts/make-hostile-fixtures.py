#!/usr/bin/env python3
"""Writes the hostile-input fixtures: small cases into Fixtures/hostile/ (committed), and with
--big DIR the large generated cases into DIR (never committed).

    python3 scripts/make-hostile-fixtures.py            # rewrite Fixtures/hostile/
    python3 scripts/make-hostile-fixtures.py --big DIR  # also write the big cases into DIR

Standard library only; output is byte-identical on every run (gzip mtime 0). Every case's
expected outcome is in Fixtures/hostile/expected.json, checked by
Tests/TaskaIngestTests/HostileFixtureTests.swift (which generates the big cases itself, in the
same shapes as `big_cases` below). All texts are original, written for these tests.

XXE cases point at Fixtures/hostile/.xxe-marker.txt (a hidden file, so the walker never ingests
it) through /proc/self/cwd, so the path is right wherever the package lives when ingesting
from the package root; the test proves the marker's text never reaches a record.
"""
import gzip
import io
import json
import os
import struct
import sys
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
HOSTILE = os.path.join(ROOT, "Fixtures", "hostile")

MARKER_TEXT = "TASKA-XXE-MARKER-5d1c9e: this line must never appear in a record\n"
MARKER_URL = "file:///proc/self/cwd/Fixtures/hostile/.xxe-marker.txt"
MARKER_RELATIVE = "Fixtures/hostile/.xxe-marker.txt"

HA_PARAGRAPH = "Ƙungiyar manoma ta ce an fara gyaran rijiyoyi a ƙauyukan da ke kusa da Monguno."


def gz(data):
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, compresslevel=9) as f:
        f.write(data)
    return out.getvalue()


def warc_record(rtype, n, block, extra="", length=None):
    head = "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n" % (rtype, n)
    head += "WARC-Date: 2026-03-01T00:00:00Z\r\n" + extra
    head += "Content-Length: %s\r\n\r\n" % (len(block) if length is None else length)
    return head.encode() + block + b"\r\n\r\n"


def http_html(body):
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body


def page(title, text):
    return ("<!DOCTYPE html><html lang=\"ha\"><head><meta charset=\"utf-8\"><title>%s</title></head>"
            "<body><h1>%s</h1><p>%s</p></body></html>\n" % (title, title, text)).encode()


RESP = "Content-Type: application/http; msgtype=response\r\nWARC-Target-URI: http://labarai.example/%d\r\n"


def small_cases():
    c = {}
    c[".xxe-marker.txt"] = MARKER_TEXT.encode()
    # --- XML bombs
    laughs = ['<!ENTITY lol "lol">']
    for i in range(1, 10):
        prev = "lol" if i == 1 else "lol%d" % (i - 1)
        laughs.append('<!ENTITY lol%d "%s">' % (i, ("&%s;" % prev) * 10))
    c["billion-laughs.xml"] = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n ' + "\n ".join(laughs)
                               + '\n]>\n<lolz><p>&lol9;</p></lolz>\n').encode()
    c["quadratic-blowup.xml"] = ('<?xml version="1.0"?>\n<!DOCTYPE kaboom [<!ENTITY a "' + "a" * 20000 + '">]>\n<kaboom><p>'
                                 + "&a;" * 20000 + "</p></kaboom>\n").encode()
    # --- external entities and DTDs (XML, feeds, HTML)
    c["xxe-general.xml"] = ('<?xml version="1.0"?>\n<!DOCTYPE labari [<!ENTITY xxe SYSTEM "%s">]>\n'
                            '<labari><p>Rubutu na gaskiya kafin: &xxe; bayan.</p></labari>\n' % MARKER_URL).encode()
    c["xxe-parameter.xml"] = ('<?xml version="1.0"?>\n<!DOCTYPE labari [<!ENTITY %% ext SYSTEM "%s"> %%ext;]>\n'
                              '<labari><p>Rubutu da parameter entity.</p></labari>\n' % MARKER_URL).encode()
    c["xxe-external-dtd.xml"] = ('<?xml version="1.0"?>\n<!DOCTYPE labari SYSTEM "%s">\n'
                                 '<labari><p>Rubutu da DTD na waje &ext;.</p></labari>\n' % MARKER_URL).encode()
    c["xxe-relative.xml"] = ('<?xml version="1.0"?>\n<!DOCTYPE labari [<!ENTITY xxe SYSTEM "%s"><!ENTITY %% p SYSTEM ".xxe-marker.txt">]>\n'
                             '<labari><p>Hanyar dangi: &xxe; ƙarshe.</p></labari>\n' % MARKER_RELATIVE).encode()
    c["xxe-network.xml"] = ('<?xml version="1.0"?>\n<!DOCTYPE labari SYSTEM "http://127.0.0.1:9/taska.dtd" '
                            '[<!ENTITY net SYSTEM "http://127.0.0.1:9/entity">]>\n'
                            '<labari><p>Babu hanyar sadarwa: &net; ƙarshe.</p></labari>\n').encode()
    c["xxe-feed.rss"] = ('<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>\n'
                         '<rss version="2.0"><channel><title>Labarai</title><link>http://labarai.example/</link>'
                         '<description>Tashar labarai</description><item><title>Rijiyoyi</title>'
                         '<description>%s &amp; &xxe;</description></item></channel></rss>\n'
                         % (MARKER_URL, HA_PARAGRAPH)).encode()
    c["xxe-feed.atom"] = ('<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY %% ext SYSTEM "%s"> %%ext;]>\n'
                          '<feed xmlns="http://www.w3.org/2005/Atom"><title>Labarai</title><id>urn:x</id>'
                          '<updated>2026-03-01T00:00:00Z</updated><entry><title>Rijiyoyi</title><id>urn:x:1</id>'
                          '<updated>2026-03-01T00:00:00Z</updated><summary>%s</summary></entry></feed>\n'
                          % (MARKER_URL, HA_PARAGRAPH)).encode()
    c["xxe-doctype.html"] = ('<!DOCTYPE html SYSTEM "%s" [<!ENTITY xxe SYSTEM "%s">]>\n'
                             '<html><head><meta charset="utf-8"><title>Gwaji</title></head>'
                             '<body><p>%s &xxe;</p></body></html>\n' % (MARKER_URL, MARKER_URL, HA_PARAGRAPH)).encode()
    c["xxe-doctype.xhtml"] = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html SYSTEM "%s" [<!ENTITY xxe SYSTEM "%s">]>\n'
                              '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Gwaji</title></head>'
                              '<body><p>%s &xxe;</p></body></html>\n' % (MARKER_URL, MARKER_URL, HA_PARAGRAPH)).encode()
    # --- bytes and encodings
    text = HA_PARAGRAPH.encode()
    c["nul-bytes.txt"] = text[:20] + b"\x00\x00" + text[20:] + b"\x00\n"
    more = ("Shugaban ƙungiyar ya ɗauki alƙawarin kammala aikin kafin damina. "
            "Jama'a sun yaba da matakin, suna cewa ruwa mai tsabta zai rage cututtuka a ƙauyukan.").encode()
    c["invalid-utf8.txt"] = (text + b" \xc0\xaf overlong-2. " + more + b" \xe0\x80\xaf overlong-3. " + more
                             + b" \xf0\x80\x80\xaf overlong-4. " + text + b" \xed\xa0\x80 surrogate. " + more
                             + b" \xf8\x88\x80\x80\x80 five-byte. " + text + b" \xff\xfe end.\n")
    u16 = "\ufeff" + HA_PARAGRAPH + " "
    c["utf16le-lone-surrogates.txt"] = (u16.encode("utf-16-le") + b"\x3d\xd8" + " tsakiya ".encode("utf-16-le")
                                        + b"\x00\xde" + " ƙarshe.\n".encode("utf-16-le"))
    c["utf16be-truncated-surrogate.txt"] = ("\ufeff" + HA_PARAGRAPH + " ").encode("utf-16-be") + b"\xd8\x3d\xde"
    c["empty.txt"] = b""
    c["png-named.html"] = (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
                           + struct.pack(">I", zlib.crc32(b"IHDR" + struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))))
    c["mixed-line-ends.txt"] = ("Layi na farko\r\nLayi na biyu\rLayi na uku\nLayi na huɗu\r\n\r\nSakin layi na biyu\r").encode()
    c["bidi-override.txt"] = ("Sanarwa: fayil \u202egpj.exe\u202c ba hoto ba ne. \u202dAbin\u202c da "
                              "\u2067مرحبا\u2069 ya rubuta.\n" + HA_PARAGRAPH + "\n").encode()
    # --- containers
    full = gz(page("Rijiyoyi", HA_PARAGRAPH) * 40)
    c["truncated.html.gz"] = full[:-40]
    good1 = warc_record("response", 0, http_html(page("Labari na farko", HA_PARAGRAPH)), RESP % 0)
    good2 = warc_record("response", 2, http_html(page("Labari na uku", "Kasuwar Monguno ta buɗe da safe.")), RESP % 2)
    cut = warc_record("response", 1, http_html(page("Labari na biyu", HA_PARAGRAPH * 20)), RESP % 1)
    c["truncated.warc"] = good1 + cut[: len(cut) - 400]
    c["truncated.warc.gz"] = gz(good1) + gz(cut)[:-200]
    c["negative-length.warc"] = (good1 + warc_record("response", 1, http_html(page("Mara tsawo", "Ba daidai ba.")), RESP % 1, length=-5)
                                 + good2)
    lying = http_html(page("Karya", "Tsawon da ba gaskiya ba."))
    c["lying-length-long.warc"] = good1 + warc_record("response", 1, lying, RESP % 1, length=len(lying) + 100000)
    c["lying-length-short.warc"] = good1 + warc_record("response", 1, lying, RESP % 1, length=40) + good2
    # gzip bombs: zeros compress about 1000:1; the ratio cap (200:1 past 16 MiB) stops them.
    zeros = b"\x00" * (48 << 20)
    c["bomb.txt.gz"] = gz(b"Farkon rubutu.\n" + zeros)
    bomb_block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>" + zeros
    c["bomb.warc.gz"] = gz(good1) + gz(warc_record("response", 1, bomb_block, RESP % 1)) + gz(good2)
    # --- Telegram export cut mid-message
    messages = []
    for i, t in enumerate(["Barka da safiya! Kasuwa ta buɗe.", "Farashin gero ya sauka a yau.", "Za a rufe hanya gobe."]):
        messages.append({"id": i + 1, "type": "message", "date": "2026-03-02T08:0%d:00" % i,
                         "date_unixtime": str(1772438400 + i * 60), "from": "Aisha Lawan", "from_id": "user5550001",
                         "text": t, "text_entities": [{"type": "plain", "text": t}]})
    export = json.dumps({"name": "Gwaji", "type": "public_supergroup", "id": 42, "messages": messages},
                        ensure_ascii=False, indent=1).encode()
    c["telegram-truncated/result.json"] = export[: export.index("Za a rufe".encode()) + 4]
    return c


def big_cases():
    """The large cases (the test builds the same shapes itself): name -> bytes."""
    c = {}
    n = 200_000
    c["deep-200000.html"] = b"<!DOCTYPE html><html><body>" + b"<div>" * n + b"zurfi" + b"</div>" * n + b"</body></html>\n"
    c["deep-200000.xml"] = b"<?xml version=\"1.0\"?>\n" + b"<a>" * n + b"zurfi" + b"</a>" * n + b"\n"
    c["deep-200000-telegram/result.json"] = (
        b'{"name": "Zurfi", "type": "personal_chat", "id": 7, "messages": [{"id": 1, "type": "message", '
        b'"date": "2026-03-02T08:00:00", "date_unixtime": "1772438400", "text": "Na farko", '
        b'"text_entities": [{"type": "plain", "text": "Na farko"}]}, {"id": 2, "type": "message", "text_entities": '
        + b"[" * n + b"]" * n + b"}]}\n")
    c["attributes-200000.html"] = (b"<!DOCTYPE html><html><body><p" + b"".join(b" a%d=\"x\"" % i for i in range(n))
                                   + b">Sifofi da yawa.</p></body></html>\n")
    c["single-line-120MB.txt"] = b"kasuwa " * (120_000_000 // 7)
    return c


def write_all(cases, base):
    for name, data in cases.items():
        path = os.path.join(base, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)


def main():
    write_all(small_cases(), HOSTILE)
    if "--big" in sys.argv:
        write_all(big_cases(), sys.argv[sys.argv.index("--big") + 1])


if __name__ == "__main__":
    main()
