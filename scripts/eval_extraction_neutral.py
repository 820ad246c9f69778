#!/usr/bin/env python3
"""Language-neutral extraction check (issue 19, part 3); run it through scripts/eval-extraction-neutral.

For each label of the language-ID corpora (ha-Latn, knc-Latn, knc-Arab, ar-Arab, en-Latn), every
page of the extraction benchmark is rewritten with that language's words, keeping its markup, and
its truth text gets the same rewriting, so the truth stays exact. Taska's `extraction` pipeline runs
on the original pages and on each rewritten set; each is scored with the benchmark's own score.py
(imported). If boilerplate removal rests on structure only, every language scores within the
tolerance of the original pages.

The rewriting (deterministic; seeded by page id and label):
  * Words are maximal runs of word characters as score.py sees them: Python's \\w plus
    non-spacing/spacing marks and format controls (score.py deletes those inside a token, so a
    vocalised Arabic word or a word with a soft hyphen is one word). Punctuation, white space,
    markup, attributes, comments and the contents of <script> and <style> stay byte for byte.
  * Text is read as the extractor reads it: the text nodes between two block boundaries (a block
    element, <br>, a table cell, <script>/<style>) form one run, and inline tags and comments
    inside a run are transparent, so `<b>W</b>ord` is one word. A replacement that spans several
    text nodes is cut among them in proportion to their share of the original word.
  * Each distinct word of the page (score.py's normalised form: NFKC, case-folded, marks and
    format controls dropped) maps to one distinct word of ../shared/corpora/dev/<label>.txt,
    the same original always to the same word, so repetition across the page is kept. The
    page's words by frequency (ties in order of appearance) take the corpus's words by
    frequency (ties in an order seeded by page id and label), so frequent short words stay
    frequent short words. With --order corpus, the page's words in order of appearance take the
    corpus's distinct words in the order the sentences give them, from a seeded offset. Words made
    of digits only are kept. When the corpus runs out of distinct words, pairs of corpus words
    are joined. Case follows the original's pattern (lower, Capitalised, UPPER) where the target
    script has case; Arabic script has none.
  * Entities in text are decoded, and rewritten text is re-escaped (& < >); pages are written as
    UTF-8 (a declared charset other than UTF-8 is rewritten to utf-8).

Checks printed beside the main table: `map(original output)`, the words of Taska's output on the
original page mapped with the page's map and scored against the mapped truth, must equal the
original F1 (the map is one-to-one on tokens); `all text`, every visible block of the rewritten
pages (--no-boilerplate-removal) against the mapped truth, must match that of the original pages
(the page and the truth were rewritten alike).
"""
import argparse
import bisect
import collections
import hashlib
import html
import functools
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata

LABELS = ["ha-Latn", "knc-Latn", "knc-Arab", "ar-Arab", "en-Latn"]


def _mark_class():
    """A regex character class of every Mn, Mc and Cf character and U+0640 (tatweel)."""
    ranges, start, prev = [], None, None
    for cp in range(0x110000):
        c = chr(cp)
        inside = cp == 0x640 or unicodedata.category(c) in ("Mn", "Mc", "Cf")
        if inside and start is None:
            start = cp
        if not inside and start is not None:
            ranges.append((start, prev))
            start = None
        if inside:
            prev = cp
    if start is not None:
        ranges.append((start, prev))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


WORD = re.compile(r"(?:\w|[" + _mark_class() + r"])+")
DIGITS = re.compile(r"^[0-9]+$")

# The extractor's block elements (Selectors.blockKinds) plus <br>, table cells and the elements
# whose content is never text: a boundary between two runs of text.
BOUNDARY_TAGS = set("""p div section article main header footer nav aside form figure figcaption address
center dd dt dl fieldset legend details summary caption body html h1 h2 h3 h4 h5 h6 li ul ol menu
blockquote tr table thead tbody tfoot pre hr br td th head title script style noscript template
svg math iframe object embed canvas select option datalist textarea input meta link dialog map
audio video picture source""".split())
RAW_TEXT = {"script", "style"}

MARKUP = re.compile(r"""<(?:!--.*?(?:-->|\Z)|!\[CDATA\[.*?(?:\]\]>|\Z)|[!?][^>]*>|/?([A-Za-z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>)""",
                    re.S)
CHARSET = re.compile(rb"""(<meta\b[^>]*?charset\s*=\s*["']?)([-\w.:]+)""", re.I)


def decode_page(raw: bytes) -> str:
    """The page's text: its declared charset if Python knows it, else UTF-8, else windows-1252."""
    m = CHARSET.search(raw[:8192])
    names = ([m.group(2).decode("ascii", "replace")] if m else []) + ["utf-8", "cp1252"]
    for name in names:
        try:
            return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", "replace")


def encode_page(text: str) -> bytes:
    data = text.encode("utf-8")
    return CHARSET.sub(lambda m: m.group(1) + (m.group(2) if m.group(2).lower() in (b"utf-8", b"utf8") else b"utf-8"), data, count=1)


def text_runs(page: str):
    """Text segments of the page, as (start, end, decoded text), grouped into runs.

    Returns a list of runs; each run is a list of segments the extractor reads as one stretch of
    inline text.
    """
    runs, current, pos = [], [], 0
    n = len(page)
    while pos < n:
        m = MARKUP.search(page, pos)
        end = m.start() if m else n
        if end > pos:
            current.append((pos, end, html.unescape(page[pos:end])))
        if not m:
            break
        pos = m.end()
        name = (m.group(1) or "").lower()
        if m.group(0).startswith("<!") or m.group(0).startswith("<?"):
            continue  # comments and declarations: transparent
        if name in BOUNDARY_TAGS:
            if current:
                runs.append(current)
            current = []
        if name in RAW_TEXT and not m.group(0).startswith("</") and not m.group(0).endswith("/>"):
            close = re.compile(r"</" + name + r"\s*>", re.I).search(page, pos)
            pos = close.end() if close else n
    if current:
        runs.append(current)
    return runs


class Pool:
    """The distinct words of one label's dev sentences, most frequent first."""

    def __init__(self, path: str, score):
        counts, surface, order = collections.Counter(), {}, {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                for w in WORD.findall(line):
                    key = score.normalise(w)
                    if not key or "_" in key or DIGITS.match(key) or score._TOKEN.fullmatch(key) is None:
                        continue
                    counts[key] += 1
                    if key not in surface:
                        surface[key] = w.lower()
                        order[key] = len(order)
        self.cased = any(ch.lower() != ch.upper() for w in list(surface.values())[:200] for ch in w)
        self.keys = sorted(counts, key=lambda k: (-counts[k], order[k]))
        # Words of equal count, most frequent count first.
        self.bands = [[surface[k] for k in self.keys if counts[k] == c] for c in sorted(set(counts.values()), reverse=True)]
        self.sequence = [surface[k] for k in sorted(order, key=order.get)]

    def ranked(self, seed: str, order: str = "frequency"):
        """Words most frequent first, equal counts in an order fixed by `seed`; or, with
        order "corpus", in order of first appearance from an offset fixed by `seed`."""
        rng = random.Random(hashlib.sha256(seed.encode()).digest())
        if order == "corpus":
            start = rng.randrange(len(self.sequence))
            return self.sequence[start:] + self.sequence[:start]
        out = []
        for band in self.bands:
            band = band[:]
            rng.shuffle(band)
            out += band
        return out


def apply_case(original: str, target: str, cased: bool) -> str:
    if not cased:
        return target
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return target.upper()
    if letters and letters[0].isupper():
        return target[:1].upper() + target[1:]
    return target


class WordMap:
    """One page's map from original words (normalised) to words of the target language."""

    def __init__(self, pool: Pool, seed: str, score, order: str = "frequency"):
        self.score = score
        self.order = order
        self.pool = pool
        self.seed = seed
        self.ranked = None  # built on first use
        self.map = {}
        self.used = set()
        self.next = 0
        self.pairs = 0

    def build(self, words):
        """Assign targets to `words` (originals in any form), most frequent first (in order of
        appearance with order "corpus")."""
        counts, first = collections.Counter(), {}
        for w in words:
            k = self.score.normalise(w)
            if k and k not in self.map:
                counts[k] += 1
                first.setdefault(k, len(first))
        for k in sorted(counts, key=lambda k: (-counts[k] if self.order == "frequency" else 0, first[k])):
            self._assign(k)

    def _assign(self, key):
        if DIGITS.match(key):
            self.map[key] = None  # kept as written
            return
        if self.ranked is None:
            self.ranked = self.pool.ranked(self.seed, self.order)
        while True:
            if self.next < len(self.ranked):
                cand = self.ranked[self.next]
                self.next += 1
            else:
                # Out of distinct corpus words: join two of them (still the language's letters).
                i, j = divmod(self.pairs, len(self.ranked))
                self.pairs += 1
                cand = self.ranked[i % len(self.ranked)] + self.ranked[j]
            ck = self.score.normalise(cand)
            if ck not in self.used:
                self.used.add(ck)
                self.map[key] = cand
                return

    def word(self, original: str) -> str:
        key = self.score.normalise(original)
        if not key:
            return original
        if key not in self.map:
            self._assign(key)
        target = self.map[key]
        if target is None:
            return original
        return apply_case(original, target, self.pool.cased)

    def text(self, text: str) -> str:
        return WORD.sub(lambda m: self.word(m.group(0)), text)


def escape_text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def transform_page(page: str, truth: str, wmap: WordMap):
    """The page and its truth with every word replaced through `wmap`."""
    runs = text_runs(page)
    joined = ["".join(seg[2] for seg in run) for run in runs]
    wmap.build(w for text in joined for w in WORD.findall(text))
    wmap.build(WORD.findall(truth))
    edits = []  # (start, end, new raw text)
    for run, text in zip(runs, joined):
        # Offsets of each segment in the joined text.
        starts, off = [], 0
        for seg in run:
            starts.append(off)
            off += len(seg[2])
        pieces = [[] for _ in run]
        cursor = 0  # next unread offset in `text`

        def emit(upto):
            """Copy text[cursor:upto] unchanged into the segments it spans."""
            nonlocal cursor
            while cursor < upto:
                s = bisect.bisect_right(starts, cursor) - 1
                seg_end = starts[s] + len(run[s][2])
                stop = min(upto, seg_end)
                pieces[s].append(text[cursor:stop])
                cursor = stop

        changed = False
        for m in WORD.finditer(text):
            emit(m.start())
            new = wmap.word(m.group(0))
            if new == m.group(0):
                emit(m.end())
                continue
            changed = True
            # Cut the replacement among the segments the word spans, by their share of it.
            a, b = m.start(), m.end()
            s0 = bisect.bisect_right(starts, a) - 1
            s1 = bisect.bisect_right(starts, b - 1) - 1
            if s0 == s1:
                pieces[s0].append(new)
            else:
                done = 0
                for s in range(s0, s1 + 1):
                    lo, hi = max(a, starts[s]), min(b, starts[s] + len(run[s][2]))
                    take = len(new) - done if s == s1 else round(len(new) * (hi - a) / (b - a)) - done
                    pieces[s].append(new[done:done + take])
                    done += take
            cursor = b
        emit(len(text))
        if changed:
            for seg, parts in zip(run, pieces):
                new = "".join(parts)
                if new != seg[2]:
                    edits.append((seg[0], seg[1], escape_text(new)))
    out, last = [], 0
    for start, end, new in edits:
        out.append(page[last:start])
        out.append(new)
        last = end
    out.append(page[last:])
    return "".join(out), wmap.text(truth)


def run_taska(taska, pages_dir, out_jsonl, keep_all=False):
    cmd = [taska, "ingest", pages_dir, "--pipeline", "extraction", "--jsonl", out_jsonl, "--jobs", "1", "--quiet"]
    if keep_all:
        cmd.append("--no-boilerplate-removal")
    subprocess.run(cmd, check=True)
    preds = {}
    with open(out_jsonl, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            name = os.path.basename(rec["source"]["path"])
            if name.endswith(".html"):
                preds[name[:-5]] = rec.get("text") or ""
    return preds


def score_all(score, manifest, preds, truths):
    rows = []
    for m in manifest:
        s = score.page_scores(preds.get(m["id"], ""), truths[m["id"]])
        s.update(id=m["id"], source=m["source"])
        rows.append(s)
    return rows


def summary(score, rows, sources):
    out = {"overall": score.aggregate(rows)["f1"]}
    for src in sources:
        out[src] = score.aggregate([r for r in rows if r["source"] == src])["f1"]
    return out


def self_test(score):
    """The rewriting keeps page and truth alike on a small page (run with --self-test)."""
    page = ('<html><head><title>Home</title><style>p{color:red}</style></head><body>'
            '<nav><a href="/">Home</a><a href="/n">News</a></nav>'
            '<p>The <b>W</b>ord&nbsp;of the day: caf&eacute; 2024 &amp; <i>more</i> words.</p>'
            '<!-- a comment --><script>var The = "word";</script></body></html>')
    truth = "The Word of the day: café 2024 & more words."
    pool = Pool(os.path.join(CORPORA, "knc-Latn.txt"), score)
    new_page, new_truth = transform_page(page, truth, WordMap(pool, "test\0knc-Latn", score))
    assert "<style>p{color:red}</style>" in new_page and 'var The = "word";' in new_page and "<!-- a comment -->" in new_page
    assert "2024" in new_page and "2024" in new_truth
    body = re.sub(r"<script.*?</script>|<style.*?</style>|<!--.*?-->|<title>.*?</title>", "", new_page, flags=re.S)
    visible = html.unescape(re.sub(r"<nav>.*?</nav>", "", re.sub(r"</?(?:b|i)>", "", body)))
    visible = re.sub(r"<[^>]+>", " ", visible)
    got, want = score.tokens(visible), score.tokens(new_truth)
    assert got == want, (got, want)
    assert len(want) == len(score.tokens(truth)), "distinct words must stay distinct"
    assert not set(score.tokens(truth)) & set(want) - {"2024"}, "every word is replaced"
    print("self-test: ok")


HERE = os.path.dirname(os.path.abspath(__file__))
CORPORA = os.path.join(HERE, "..", "..", "shared", "corpora", "dev")


def main():
    global CORPORA
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--taska", help="the taska binary")
    ap.add_argument("--bench", default=os.path.join(HERE, "..", "..", "shared", "bench", "extraction"))
    ap.add_argument("--corpora", default=CORPORA, help="directory of <label>.txt (default ../shared/corpora/dev)")
    ap.add_argument("--labels", default=",".join(LABELS))
    ap.add_argument("--order", choices=["frequency", "corpus"], default="frequency",
                    help="which corpus word a page's word gets: by frequency rank (default) or in corpus order")
    ap.add_argument("--tolerance", type=float, default=0.02)
    ap.add_argument("--work", help="keep the rewritten pages, truths and records here")
    ap.add_argument("--verbose", action="store_true", help="also list each language's pages that moved most")
    ap.add_argument("--worst", type=int, default=8, help="pages listed per language with --verbose")
    ap.add_argument("--self-test", action="store_true")
    a = ap.parse_args()
    CORPORA = a.corpora
    sys.path.insert(0, os.path.abspath(a.bench))
    import score  # the benchmark's scorer: normalise, tokens, page_scores, aggregate
    score.normalise = functools.lru_cache(maxsize=None)(score.normalise)  # the same function, memoised

    if a.self_test:
        self_test(score)
        return 0
    if not a.taska:
        ap.error("--taska is required")
    labels = [l for l in a.labels.split(",") if l]
    manifest = [json.loads(l) for l in open(os.path.join(a.bench, "manifest.jsonl"), encoding="utf-8") if l.strip()]
    sources = sorted({m["source"] for m in manifest})
    truths = {m["id"]: open(os.path.join(a.bench, "truth", m["id"] + ".txt"), encoding="utf-8").read() for m in manifest}
    work = a.work or tempfile.mkdtemp(prefix="taska-neutral-")
    os.makedirs(work, exist_ok=True)

    print(f"== taska on the {len(manifest)} original pages", file=sys.stderr)
    base = run_taska(a.taska, os.path.join(a.bench, "pages"), os.path.join(work, "original.records.jsonl"))
    base_all = run_taska(a.taska, os.path.join(a.bench, "pages"), os.path.join(work, "original.all.records.jsonl"), keep_all=True)
    base_rows = score_all(score, manifest, base, truths)
    results = {"original": (summary(score, base_rows, sources), base_rows)}
    checks = {"original": (summary(score, base_rows, sources)["overall"],
                           summary(score, score_all(score, manifest, base_all, truths), sources)["overall"])}
    schwa = {}
    for label in labels:
        pool = Pool(os.path.join(a.corpora, label + ".txt"), score)
        d = os.path.join(work, label)
        os.makedirs(os.path.join(d, "pages"), exist_ok=True)
        print(f"== {label}: rewriting {len(manifest)} pages ({len(pool.keys)} distinct corpus words)", file=sys.stderr)
        new_truths, maps = {}, {}
        for m in manifest:
            raw = open(os.path.join(a.bench, "pages", m["id"] + ".html"), "rb").read()
            wmap = WordMap(pool, m["id"] + "\0" + label, score, a.order)
            new_page, new_truths[m["id"]] = transform_page(decode_page(raw), truths[m["id"]], wmap)
            maps[m["id"]] = wmap
            with open(os.path.join(d, "pages", m["id"] + ".html"), "wb") as f:
                f.write(encode_page(new_page))
        if a.work:
            os.makedirs(os.path.join(d, "truth"), exist_ok=True)
            for i, t in new_truths.items():
                with open(os.path.join(d, "truth", i + ".txt"), "w", encoding="utf-8") as f:
                    f.write(t)
        print(f"== {label}: taska on the rewritten pages", file=sys.stderr)
        preds = run_taska(a.taska, os.path.join(d, "pages"), os.path.join(d, "records.jsonl"))
        preds_all = run_taska(a.taska, os.path.join(d, "pages"), os.path.join(d, "all.records.jsonl"), keep_all=True)
        rows = score_all(score, manifest, preds, new_truths)
        results[label] = (summary(score, rows, sources), rows)
        mapped = {i: maps[i].text(base[i]) for i in base}
        checks[label] = (summary(score, score_all(score, manifest, mapped, new_truths), sources)["overall"],
                         summary(score, score_all(score, manifest, preds_all, new_truths), sources)["overall"])
        toks = [t for i in new_truths for t in score.tokens(new_truths[i]).elements()]
        schwa[label] = sum(1 for t in toks if "ǝ" in t or "ə" in t) / max(1, len(toks))

    counts = collections.Counter(m["source"] for m in manifest)
    o = results["original"][0]
    head = ["pages", "overall F1", "Δ"] + [f"{s} ({counts[s]})" for s in sources] + ["map(original output)", "all text"]
    print("| " + " | ".join(head) + " |")
    print("|---|" + "---:|" * (len(head) - 1))
    failed = []
    for name, (s, _) in results.items():
        delta = s["overall"] - o["overall"]
        if name != "original" and abs(delta) > a.tolerance:
            failed.append(name)
        cells = [name, f"**{s['overall']:.3f}**", "" if name == "original" else f"{delta:+.3f}"]
        cells += [f"{s[src]:.3f}" + ("" if name == "original" else f" ({s[src] - o[src]:+.3f})") for src in sources]
        cells += [f"{checks[name][0]:.3f}", f"{checks[name][1]:.3f}"]
        print("| " + " | ".join(cells) + " |")
    print(f"\nΔ: against the original pages' F1 (tolerance ±{a.tolerance}). map(original output): Taska's output on the original "
          "page, rewritten with that page's map, against the rewritten truth (equal to the original F1 when the map is one to "
          "one). all text: every visible block (--no-boilerplate-removal) against the truth (equal across rows when page and "
          "truth were rewritten alike).")
    if "knc-Latn" in schwa:
        print(f"knc-Latn: {schwa['knc-Latn']:.1%} of the rewritten truth's tokens have ǝ or ə.")
    if a.verbose:
        for name in labels:
            rows = results[name][1]
            moved = sorted(zip(base_rows, rows), key=lambda p: -abs(p[1]["f1"] - p[0]["f1"]))[:a.worst]
            print(f"\n{name}: pages that moved most (F1 original -> {name}; P, R)")
            for b, r in moved:
                print(f"  {b['id']:<44} {b['source']:<16} {b['f1']:.3f} -> {r['f1']:.3f} ({r['f1'] - b['f1']:+.3f})"
                      f"  P {b['p']:.2f}->{r['p']:.2f}  R {b['r']:.2f}->{r['r']:.2f}")
    if a.work:
        print(f"\nrewritten pages, truths and records: {work}", file=sys.stderr)
    if failed:
        print(f"\nFAIL: {', '.join(failed)} differ from the original pages by more than {a.tolerance} overall", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
