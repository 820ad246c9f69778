#!/usr/bin/env python3
"""Writes the container fixtures: Fixtures/containers/ (ZIP, tar.gz, nested containers whose
members are documents in every language, each with a golden record written by FixtureTests)
and Fixtures/containers-hostile/ (bombs, overlapping entries, traversal names, links and
devices, encrypted and truncated archives, legacy formats; their outcomes are asserted in
Tests/TaskaContainersTests/HostileContainerTests.swift).

    python3 scripts/make-container-fixtures.py

Standard library only, except the 7z, which `bsdtar` (Debian `libarchive-tools`) writes: without
it the committed labarai.7z is kept and a note says so. Output is byte-identical on every run
(fixed member dates, gzip mtime 0). No free tool writes RAR, so labarai.rar is a RAR 4 archive
of stored members written here byte by byte (RAR 5 and compressed RAR members cannot be made
without WinRAR; libarchive reads both). All texts are original, written for these tests.
"""
import gzip
import io
import json
import os
import shutil
import struct
import subprocess
import tarfile
import zipfile
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "Fixtures", "containers")
HOSTILE = os.path.join(ROOT, "Fixtures", "containers-hostile")
DATE = (2026, 3, 14, 9, 30, 0)

HA = ("Sanarwa daga kwamitin ruwa na unguwar Bulabulin\n\n"
      "Kwamitin ruwa ya sanar da jama'a cewa za a rufe famfon tsakiyar kasuwa ranar Talata domin gyara. "
      "Mata da yara su ɗebo ruwa daga rijiyar makarantar firamare har zuwa ranar Alhamis.\n\n"
      "Shugaban kwamitin ya roƙi masu sana'ar sayar da ruwa kada su ƙara farashi a wannan lokaci. "
      "Duk wanda ya ga ɓarna a bututun ruwa ya kai rahoto ga ofishin mai unguwa.\n")
AR = ("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">"
      "<title>افتتاح مركز صحي جديد في قرية قرب البحيرة</title></head>\n<body><article>\n"
      "<h1>افتتاح مركز صحي جديد في قرية قرب البحيرة</h1>\n"
      "<p>افتتحت السلطات المحلية يوم الأحد مركزاً صحياً صغيراً يخدم ثلاث قرى على ضفاف البحيرة، "
      "بعد أن كان السكان يقطعون مسافة طويلة للوصول إلى أقرب مستوصف.</p>\n"
      "<p>وقال مدير المركز إن الفريق الطبي سيقدم اللقاحات للأطفال مرتين في الأسبوع، "
      "وإن سيارة إسعاف ستصل قبل نهاية الشهر.</p>\n"
      "</article></body></html>\n")
KNC = ("Labar kasuwu bunyibe\n\n"
       "Kasuwu bunyibe Monguno lan kəlanzəna kam ngəwua kasuwu dəga isəna. "
       "Njim kasuwu dəro kənjiwu, kam kasuwube kəlanzəna njimbe ngəla.\n\n"
       "Bulama kasuwube lan kam ngəwua kasuwu dəga kəlanzəna kuru njimbe ngəla ro.\n")
EN = ("Notice to fishing cooperatives\n\n"
      "The cooperative office in Baga will register new canoes from Monday to Friday this week. "
      "Owners should bring the old permit and two witnesses from their landing site.\n\n"
      "Nets with a mesh smaller than two fingers will not be registered, to protect young fish.\n")
KNC_ARAB = ("لَبَرْ كَسُوُ بُنْيِبٖ\n\n"
            "كَسُوُ بُنْيِبٖ مُنْغُنُوْ لَنْ كٖلَنْزٖنَ كَمْ نْغٖوُوَ كَسُوُ دٖغَ إِسٖنَ.\n")


def zip_bytes(members, compression=zipfile.ZIP_DEFLATED):
    """members: list of (name, bytes or None for a folder, external_attr or None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data, attr in members:
            info = zipfile.ZipInfo(name, DATE)
            info.compress_type = compression if data is not None else zipfile.ZIP_STORED
            info.create_system = 3
            info.external_attr = attr if attr is not None else ((0o40755 << 16) | 0x10 if data is None else 0o100644 << 16)
            z.writestr(info, data if data is not None else b"")
    return out.getvalue()


def tar_bytes(members):
    """members: list of (name, bytes, type, linkname)."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.USTAR_FORMAT) as t:
        for name, data, kind, link in members:
            info = tarfile.TarInfo(name)
            info.mtime = 1773480600
            info.mode = 0o644
            info.uname = info.gname = "taska"
            info.type = kind
            info.linkname = link or ""
            if kind == tarfile.CHRTYPE:
                info.devmajor, info.devminor = 1, 3
            info.size = len(data) if kind == tarfile.REGTYPE else 0
            t.addfile(info, io.BytesIO(data) if kind == tarfile.REGTYPE else None)
    return out.getvalue()


def gz(data):
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, compresslevel=9) as f:
        f.write(data)
    return out.getvalue()


def seven_zip(members):
    """A 7z of `members` (name, bytes) written by bsdtar (LZMA) from a TAR of them, so only
    the TAR's fixed dates reach it (files on disk would add their ctime); None without bsdtar."""
    tool = shutil.which("bsdtar")
    if tool is None:
        return None
    source = tar_bytes([(name, data, tarfile.REGTYPE, None) for name, data in members])
    return subprocess.run([tool, "--format", "7zip", "-cf", "-", "@-"], input=source,
                          stdout=subprocess.PIPE, check=True).stdout


def rar4(members):
    """A RAR 4.x archive of stored (method 0x30) members (name, bytes), Unix attributes.
    Every block is CRC16 (low half of CRC-32 over the block after its CRC field), type, flags,
    size; a file block adds packed and unpacked size, host OS, the data's CRC-32, a DOS time,
    version 2.0, method and name (RAR's technote.txt)."""
    def block(kind, flags, body):
        rest = struct.pack("<BHH", kind, flags, 7 + len(body)) + body
        return struct.pack("<H", zlib.crc32(rest) & 0xFFFF) + rest
    dos_time = ((DATE[0] - 1980) << 25) | (DATE[1] << 21) | (DATE[2] << 16) | (DATE[3] << 11) | (DATE[4] << 5)
    out = b"Rar!\x1a\x07\x00" + block(0x73, 0, b"\0" * 6)
    for name, data in members:
        raw = name.encode()
        body = struct.pack("<IIBIIBBHI", len(data), len(data), 3, zlib.crc32(data), dos_time, 20, 0x30,
                           len(raw), 0o100644) + raw
        out += block(0x74, 0x8000, body) + data
    return out + block(0x7B, 0x4000, b"")


def write(folder, name, data):
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


DOCS = [("ha/sanarwa-ruwa.txt", HA.encode()), ("ar/khabar-markaz-sihhi.html", AR.encode()),
        ("knc-Latn/labar-kasuwu.txt", KNC.encode()), ("en/notice-canoes.txt", EN.encode())]


def snippets(name, with_phrases):
    with open(os.path.join(OUT, name + ".snippets.json"), "w", encoding="utf-8") as f:
        json.dump({"with": with_phrases, "without": ["Bud1"]}, f, ensure_ascii=False, indent=2)
        f.write("\n")


def warc_record(kind, uri, payload, n, content_type):
    head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:22222222-0000-4000-8000-{n:012d}>\r\n"
            f"WARC-Date: 2026-03-14T09:30:0{n}Z\r\n" + (f"WARC-Target-URI: {uri}\r\n" if uri else "") +
            f"Content-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n\r\n").encode()
    return head + payload + b"\r\n\r\n"


def http(body, content_type):
    return (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body


def wacz():
    """A Webrecorder WACZ: a zip (stored, as py-wacz writes it) of one WARC.gz, its CDXJ
    index, pages.jsonl and datapackage.json; only the WARC's text responses become records."""
    records = [
        warc_record("warcinfo", None, b"software: taska-fixtures\r\n", 0, "application/warc-fields"),
        warc_record("response", "https://labarai.example/ruwa", http(HA.encode(), "text/plain; charset=utf-8"), 1, "application/http; msgtype=response"),
        warc_record("response", "https://akhbar.example/markaz", http(AR.encode(), "text/html; charset=utf-8"), 2, "application/http; msgtype=response"),
        warc_record("response", "https://baga.example/canoes", http(EN.encode(), "text/plain"), 3, "application/http; msgtype=response"),
    ]
    warc = b"".join(gz(r) for r in records)
    pages = "\n".join(json.dumps({"url": u, "ts": "2026-03-14T09:30:00Z", "title": t}, ensure_ascii=False) for u, t in [
        ("https://labarai.example/ruwa", "Sanarwa"), ("https://akhbar.example/markaz", "مركز صحي"), ("https://baga.example/canoes", "Canoes")])
    cdxj = "example,labarai)/ruwa 20260314093001 {\"url\":\"https://labarai.example/ruwa\"}\n"
    package = json.dumps({"profile": "data-package", "wacz_version": "1.1.1",
                          "resources": [{"name": "data.warc.gz", "path": "archive/data.warc.gz"}]}, indent=2)
    return zip_bytes([("archive/data.warc.gz", warc, None), ("indexes/index.cdxj", cdxj.encode(), None),
                      ("pages/pages.jsonl", (json.dumps({"format": "json-pages-1.0"}) + "\n" + pages + "\n").encode(), None),
                      ("datapackage.json", package.encode(), None)], zipfile.ZIP_STORED)


def telegram_export():
    """A Telegram Desktop JSON export of a small channel, zipped with its folder and some of its
    media: `files/sanarwa-ruwa.txt` comes before result.json in the zip and
    `files/notice-canoes.txt` after it (both are resolved on their messages, with size and
    SHA-256); `photos/photo_1@14-03-2026_09-35-00.jpg` is named by a message but not in the zip
    (media.bytes and media.sha256 null, one telegram-media-missing warning)."""
    def message(n, when, sender, text, **media):
        out = {"id": n, "type": "message", "date": when, "date_unixtime": str(1773480600 + n * 60),
               "from": sender, "from_id": "user777000" + str(n)}
        out.update(media)
        out.update({"text": text, "text_entities": [{"type": "plain", "text": text}]})
        return out
    folder = "ChatExport_2026-03-14/"
    notice_ha, notice_en = HA.encode(), EN.encode()
    export = {"name": "Labaran Ruwa Bulabulin", "type": "public_channel", "id": 1555000111, "messages": [
        message(1, "2026-03-14T09:31:00", "Kwamitin Ruwa", "Za a rufe famfon tsakiyar kasuwa ranar Talata domin gyara. Ku ɗebo ruwa daga rijiyar makaranta."),
        message(2, "2026-03-14T09:32:00", "Kwamitin Ruwa", "سيغلق صنبور السوق المركزي يوم الثلاثاء للصيانة، ويمكن جلب الماء من بئر المدرسة."),
        message(3, "2026-03-14T09:33:00", "Kwamitin Ruwa", "The central market tap closes on Tuesday for repairs; fetch water from the school well until Thursday."),
        message(4, "2026-03-14T09:34:00", "Kwamitin Ruwa", "Ga cikakkiyar sanarwar kwamitin ruwa a rubuce.",
                file="files/sanarwa-ruwa.txt", file_name="sanarwa-ruwa.txt", file_size=len(notice_ha), mime_type="text/plain"),
        message(5, "2026-03-14T09:35:00", "Kwamitin Ruwa", "Hoton famfon da aka rufe a tsakiyar kasuwa.",
                photo="photos/photo_1@14-03-2026_09-35-00.jpg", photo_file_size=48213, width=1280, height=960),
        message(6, "2026-03-14T09:36:00", "Kwamitin Ruwa", "The cooperative office notice for canoe owners is attached.",
                file="files/notice-canoes.txt", file_name="notice-canoes.txt", file_size=len(notice_en), mime_type="text/plain"),
    ]}
    body = json.dumps(export, ensure_ascii=False, indent=1).encode()
    return zip_bytes([(folder, None, None), (folder + "files/", None, None),
                      (folder + "files/sanarwa-ruwa.txt", notice_ha, None),
                      (folder + "result.json", body, None),
                      (folder + "files/notice-canoes.txt", notice_en, None)])

def fixtures():
    os.makedirs(OUT, exist_ok=True)
    write(OUT, "telegram-export.zip", telegram_export())
    snippets("telegram-export.zip", ["Za a rufe famfon tsakiyar kasuwa", "سيغلق صنبور السوق المركزي", "fetch water from the school well",
                                     "Hoton famfon da aka rufe", "ofishin mai unguwa", "Nets with a mesh smaller than two fingers"])
    write(OUT, "crawl.wacz", wacz())
    snippets("crawl.wacz", ["Kwamitin ruwa ya sanar da jama'a", "افتتحت السلطات المحلية", "Nets with a mesh smaller than two fingers"])
    every = ["Kwamitin ruwa ya sanar da jama'a", "ofishin mai unguwa", "افتتحت السلطات المحلية",
             "قبل نهاية الشهر", "Kasuwu bunyibe Monguno", "Nets with a mesh smaller than two fingers"]
    snippets("labarai.zip", every)
    snippets("labarai.tar.gz", every)
    snippets("labarai.7z", every)
    snippets("labarai.rar", every)
    snippets("nested.zip", ["Kwamitin ruwa ya sanar da jama'a", "Owners should bring the old permit", "افتتحت السلطات المحلية"])
    # A zip of one document per language, with a folder entry and a hidden member (skipped).
    write(OUT, "labarai.zip", zip_bytes([("labarai/", None, None)] + [("labarai/" + n, d, None) for n, d in DOCS]
                                         + [("labarai/.DS_Store", b"\0\0\0\1Bud1", None)]))
    # The same documents as a tar.gz, with a symbolic link (skipped, warned).
    write(OUT, "labarai.tar.gz", gz(tar_bytes([(n, d, tarfile.REGTYPE, None) for n, d in DOCS]
                                              + [("latest.txt", b"", tarfile.SYMTYPE, "ha/sanarwa-ruwa.txt")])))
    # The same documents as a 7z (bsdtar) and a RAR 4 (stored members, written above).
    archive = seven_zip(DOCS)
    if archive is None:
        print("bsdtar not found (apt-get install libarchive-tools): kept the committed Fixtures/containers/labarai.7z")
    else:
        write(OUT, "labarai.7z", archive)
    write(OUT, "labarai.rar", rar4(DOCS))
    # A zip in a tar in a zip: provenance chains three levels deep.
    inner = zip_bytes([("knc-Arab/labar-kasuwu.txt", KNC_ARAB.encode(), None), ("en/notice-canoes.txt", EN.encode(), None)])
    middle = tar_bytes([("bundle/ha-sanarwa.txt", HA.encode(), tarfile.REGTYPE, None),
                        ("bundle/inner.zip", inner, tarfile.REGTYPE, None)])
    write(OUT, "nested.zip", zip_bytes([("bundle.tar", middle, None), ("ar/khabar.html", AR.encode(), None)]))


def overlapping_zip(copies, size):
    """One deflated local entry of `size` zero bytes, named by `copies` central-directory
    entries that all point at it (Fifield's overlapping-entry bomb, the simple form)."""
    data = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = data.compress(b"\0" * size) + data.flush()
    crc = zlib.crc32(b"\0" * size)
    name = b"a.txt"
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(body), size, len(name), 0) + name + body
    central = b""
    for i in range(copies):
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(body), size,
                               len(name), 0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, copies, copies, len(central), len(local), 0)
    return local + central + end


def encrypted_zip():
    """A stored member whose general-purpose flag says 'encrypted' (bit 0), plus a plain one."""
    plain = zip_bytes([("notice.txt", EN.encode(), None), ("secret.txt", HA.encode(), None)], zipfile.ZIP_STORED)
    # Set bit 0 of the flags of the second member, in its local header and its central entry.
    z = bytearray(plain)
    name = b"secret.txt"
    local = z.find(b"PK\x03\x04" + b"\x14\x00", z.find(b"PK\x03\x04") + 4)
    z[local + 6] |= 1
    central = z.find(b"PK\x01\x02", z.rfind(name) - 46)
    z[central + 8] |= 1
    return bytes(z)


def hostile():
    os.makedirs(HOSTILE, exist_ok=True)
    # 100 MiB of zeros in one member: larger than max-member-bytes, and a 1000:1 ratio.
    write(HOSTILE, "bomb-member.zip", zip_bytes([("zeros.txt", b"\0" * (100 << 20), None)]))
    # 40 entries over one 8 MiB member: 320 MiB from a few kB if each entry were read.
    write(HOSTILE, "overlap.zip", overlapping_zip(40, 8 << 20))
    # 20 distinct members of 8 MiB of zeros (each under the per-member floor): 160 MiB from 160 kB.
    write(HOSTILE, "many-zeros.zip", zip_bytes([(f"zeros-{i:02d}.txt", b"\0" * (8 << 20), None) for i in range(20)]))
    # Names that climb out or are absolute (read, warned, never written), a link and a device (skipped).
    write(HOSTILE, "traversal.tar", tar_bytes([
        ("../../etc/taska-evil.txt", HA.encode(), tarfile.REGTYPE, None),
        ("/tmp/taska-absolute.txt", EN.encode(), tarfile.REGTYPE, None),
        ("passwd-link", b"", tarfile.SYMTYPE, "/etc/passwd"),
        ("hard-link", b"", tarfile.LNKTYPE, "../../etc/taska-evil.txt"),
        ("null-device", b"", tarfile.CHRTYPE, None),
        ("name\u202ecod.txt", KNC.encode(), tarfile.REGTYPE, None)]))
    write(HOSTILE, "encrypted.zip", encrypted_zip())
    full = zip_bytes([(n, d, None) for n, d in DOCS])
    write(HOSTILE, "truncated.zip", full[: len(full) * 2 // 3])
    # Six containers deep: the default max-depth (4) stops the inner ones.
    deep = zip_bytes([("deepest.txt", EN.encode(), None)])
    for level in range(5, 0, -1):
        deep = zip_bytes([(f"level-{level}.zip", deep, None), (f"level-{level}.txt", f"Level {level}: {EN}".encode(), None)])
    write(HOSTILE, "deep.zip", deep)
    write(HOSTILE, "legacy.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504)
    write(HOSTILE, "legacy.rtf", b"{\\rtf1\\ansi Sanarwa ga jama'a.}\n")
    write(HOSTILE, "empty.zip", zip_bytes([("folder/", None, None)]))
    # RAR magic over bytes that are no RAR: an error record that names the format.
    write(HOSTILE, "broken.rar", b"Rar!\x1a\x07\x00" + b"not a rar archive after all\n" * 8)


if __name__ == "__main__":
    fixtures()
    hostile()
