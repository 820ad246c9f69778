"""The peer side of scripts/compare-peers: trafilatura 2.3.1 + py3langid over a corpus folder,
doing per file what Taska does: HTML -> trafilatura main text -> language; WARC (.warc, per-record
or whole-file gzip) -> each HTML response -> trafilatura -> language; RSS/Atom/RDF -> each item's
HTML -> trafilatura -> language; Telegram result.json -> each message's text -> language; plain
text -> decode -> language. Prints `files records` on stdout when done.

    python compare_peers_peer.py CORPUS [LIST]   (LIST: only the files it names, one per line)
"""
import gzip, io, json, os, re, sys, xml.etree.ElementTree as ET

import py3langid
import trafilatura


def classify(text):
    if text and text.strip():
        py3langid.classify(text)


def html_doc(data):
    classify(trafilatura.extract(data))


def warc_payloads(data):
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)  # per-record members and whole-file gzip alike
    pos = 0
    while True:
        start = data.find(b"WARC/", pos)
        if start < 0:
            return
        end = data.find(b"\r\n\r\n", start)
        if end < 0:
            return
        header = data[start:end].decode("latin-1")
        m = re.search(r"(?im)^content-length:\s*(\d+)", header)
        length = int(m.group(1)) if m else 0
        block = data[end + 4:end + 4 + length]
        pos = end + 4 + length
        if re.search(r"(?im)^warc-type:\s*response", header):
            head, _, body = block.partition(b"\r\n\r\n")
            h = head.decode("latin-1").lower()
            if "content-type: text/html" not in h:
                continue
            if "transfer-encoding: chunked" in h:
                body = dechunk(body)
            if "content-encoding: gzip" in h:
                body = gzip.decompress(body)
            yield body


def dechunk(body):
    out, pos = [], 0
    while True:
        eol = body.find(b"\r\n", pos)
        if eol < 0:
            return b"".join(out)
        size = int(body[pos:eol].split(b";")[0] or b"0", 16)
        if size == 0:
            return b"".join(out)
        out.append(body[eol + 2:eol + 2 + size])
        pos = eol + 2 + size + 2


def feed_items(data):
    root = ET.fromstring(data)
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag in ("item", "entry"):
            title, body = "", ""
            for child in el:
                ctag = child.tag.rsplit("}", 1)[-1]
                if ctag == "title":
                    title = child.text or ""
                elif ctag in ("description", "content", "summary", "encoded"):
                    body = child.text or ""
            yield title, body


def telegram_texts(data):
    for m in json.loads(data).get("messages", []):
        if m.get("type") != "message":
            continue
        t = m.get("text", "")
        if isinstance(t, list):
            t = "".join(p if isinstance(p, str) else p.get("text", "") for p in t)
        yield t


def decode_text(data):
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def process(path):
    data = open(path, "rb").read()
    head = data[:512].lstrip()
    try:
        if data[:2] == b"\x1f\x8b" or data.startswith(b"WARC/"):
            n = 0
            for body in warc_payloads(data):
                html_doc(body); n += 1
            return n
        if head.startswith(b"{"):
            n = 0
            for t in telegram_texts(data):
                classify(t); n += 1
            return n
        if head.startswith(b"<?xml") and re.search(rb"<(rss|feed|rdf:RDF)\b", data[:2048]):
            n = 0
            for title, body in feed_items(data):
                text = trafilatura.extract(body) if body.strip().startswith("<") else body
                classify(title + "\n" + (text or "")); n += 1
            return n
        if re.search(rb"<(html|body|div|p)\b", data[:4096], re.I) or head.startswith(b"<"):
            html_doc(data)
            return 1
        classify(decode_text(data))
        return 1
    except Exception:
        return 1  # an error record, as Taska would write one


def main():
    root = sys.argv[1]
    if len(sys.argv) > 2:
        paths = [l.rstrip("\n") for l in open(sys.argv[2]) if l.strip()]
    else:
        paths = []
        for base, dirs, files in os.walk(root):
            dirs.sort()
            paths += [os.path.join(base, n) for n in sorted(files) if not n.startswith(".")]
    files = records = 0
    for p in paths:
        records += process(p)
        files += 1
        if files % 1000 == 0:
            print(f"  peer: {files}/{len(paths)} files", file=sys.stderr, flush=True)
    print(files, records)


if __name__ == "__main__":
    main()
