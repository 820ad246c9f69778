#!/usr/bin/env python3
"""Hausa hooked-letter restoration: how well `taska restore-hooks` (and the restore-hooks stage
of the default pipeline) puts back ɓ ɗ ƙ ƴ that OCR or ASCII typing lost.

    scripts/eval-hooks                 # builds the release binary, then runs this
    python3 scripts/eval_hooks.py TASKA CORPUS_DIR PDF_DIR

Splits (all deterministic; seed 21):
  dev stripped   every line of CORPUS_DIR/dev/ha-Latn.txt that has a hooked letter, with every
                 ɓ ɗ ƙ ƴ (and capital) written b d k y. Apostrophe spellings ('y, k') are kept.
  dev partial    the same lines with the hooks of half the hooked words (chosen at random)
                 stripped: the kept hooks must survive, the stripped ones come back.
  dev ocr-noise  dev stripped, plus OCR-like damage in one word in twelve (a letter read as
                 another: l/1, i/l, e/c, a/o, h/b, u/n, or a random letter): scored with the
                 damaged words (most are misses: the damaged form is unknown) and without them.
  dev as written the lines with hooks, unchanged: nothing the source has may change.
  hookless lines the dev lines with no hook at all, restored as if Hausa (apply: all): how many
                 words get a hook (the truth cannot say whether they should).
  pdf truth      ../shared/formats/pdf truth of the `focus: hooked-letters` documents with their
                 hooks stripped, ingested as text files with the default pipeline but
                 restore-hooks apply: lost (a text file has no page marked OCR, so the stage
                 must recognise it as hook-lost).
  pdf ocr        the same documents' real Tesseract output (baselines/ocr.jsonl, the
                 "OCR every page" baseline), ingested the same way; and once more with the
                 ď (U+010F) Tesseract writes for some ɗ turned into d, as an OCR step that knows
                 Hausa has no ď should hand it on (restore-hooks never changes a letter it is
                 given, so it leaves ď alone).

Word metrics, by position (restoration replaces one scalar by one, so truth, input and output
align; a word is a run of letters and marks with apostrophes inside):
  recall     truth words with a hook whose output equals the truth, over truth words with a hook
  precision  words the restorer changed that now equal the truth, over words it changed
  added      truth words without a hook that got one, over truth words without a hook
Each is printed for all words, and for "writer-consistent" words: a word whose plain b/d/k/y
letters the line's writer never hooks anywhere in the line (a tweet typing `kasa` but `ɗan`) is
left out, since there the truth itself is hook-lost. The PDF rows use score_pdf.py's token
measure (multiset of casefolded tokens) for recall, and hooked tokens beyond the truth's count
over the truth's hookless tokens for added.
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

HOOK = {"ɓ": "b", "ɗ": "d", "ƙ": "k", "ƴ": "y", "Ɓ": "B", "Ɗ": "D", "Ƙ": "K", "Ƴ": "Y"}
HOOKS = set(HOOK)
APOS = "'’‘ʼʻ`´"
CAND = set("bdkyBDKY")


def strip(s):
    return "".join(HOOK.get(c, c) for c in s)


def is_word(c):
    if c in APOS:
        return False
    return c.isalpha() or unicodedata.category(c).startswith("M")


def words(s):
    """(start, end) of each word, as the restorer scans them."""
    out, i, n = [], 0, len(s)
    while i < n:
        if not is_word(s[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            if is_word(s[j]):
                j += 1
            elif s[j] in APOS and j + 1 < n and is_word(s[j + 1]):
                j += 2
            else:
                break
        out.append((i, j))
        i = j
    return out


def restore(taska, lines, model=None):
    args = [taska, "restore-hooks"] + (["--model", model] if model else [])
    out = subprocess.run(args, input="\n".join(lines) + "\n", capture_output=True, text=True, check=True).stdout
    result = out.split("\n")[:-1]
    assert len(result) == len(lines), (len(result), len(lines))
    return result


def hooked_types(line):
    return {HOOK[c].lower() for c in line if c in HOOKS}


class Counts:
    def __init__(self):
        self.hooked = self.found = self.changed = self.changed_right = self.hookless = self.added = 0
        self.kept_hooks_changed = 0

    def row(self):
        r = self.found / self.hooked if self.hooked else float("nan")
        p = self.changed_right / self.changed if self.changed else float("nan")
        a = self.added / self.hookless if self.hookless else float("nan")
        return r, p, a


def score(truths, inputs, outputs, skip=None):
    """Per-word counts for all words and writer-consistent words; skip(line, start, end) drops a word."""
    allc, cons = Counts(), Counts()
    for k, (t, i, o) in enumerate(zip(truths, inputs, outputs)):
        assert len(t) == len(i) == len(o), (t, i, o)
        types = hooked_types(t)
        for a, b in words(t):
            if skip and skip(k, i, a, b):
                continue
            tw, iw, ow = t[a:b], i[a:b], o[a:b]
            consistent = all(c.lower() in types for c in iw if c in CAND) or any(c in HOOKS for c in iw)
            for c, ok in ((allc, True), (cons, consistent)):
                if not ok:
                    continue
                # a hook the input already had must still be there
                c.kept_hooks_changed += sum(1 for x, y in zip(iw, ow) if x in HOOKS and x != y)
                if any(ch in HOOKS for ch in tw):
                    c.hooked += 1
                    c.found += ow == tw
                elif iw == tw:
                    c.hookless += 1
                    c.added += ow != iw
                if ow != iw:
                    c.changed += 1
                    c.changed_right += ow == tw
    return allc, cons


def fmt(x):
    return "  –   " if x != x else f"{x:.4f}"


def table_row(name, counts, extra=""):
    r, p, a = counts.row()
    return f"| {name} | {counts.hooked:,} | {fmt(r)} | {fmt(p)} | {fmt(a)} ({counts.added}/{counts.hookless:,}) |{extra}"


OCR_SWAPS = [("l", "1"), ("i", "l"), ("e", "c"), ("a", "o"), ("h", "b"), ("u", "n")]


def ocr_noise(line, rng):
    """Damage one word in twelve like OCR does; returns the line and the damaged word spans."""
    out, damaged, last = [], [], 0
    for a, b in words(line):
        w = line[a:b]
        out.append(line[last:a])
        if rng.random() < 1 / 12 and len(w) > 2:
            options = [(x, y) for x, y in OCR_SWAPS if x in w and len(x) == len(y)]
            if options and rng.random() < 0.7:
                x, y = rng.choice(options)
                k = [m.start() for m in re.finditer(re.escape(x), w)]
                p = rng.choice(k)
                w = w[:p] + y + w[p + len(x):]
            else:  # same-length damage only (keeps the alignment): a letter read as another
                p = rng.randrange(len(w))
                w = w[:p] + rng.choice("aeiounrst") + w[p + 1:]
            damaged.append((a, b))
        out.append(w)
        last = b
    out.append(line[last:])
    return "".join(out), damaged


def apostrophe_check(truths, outputs):
    """Letters next to an apostrophe (k'asa, 'yan) and every hook of the input: changed how often."""
    spellings = changed = 0
    for t, o in zip(truths, outputs):
        for m in re.finditer(r"(?:(?<=[" + APOS + r"])[bdkyBDKY])|(?:[bdkyBDKY](?=[" + APOS + r"]))", t):
            spellings += 1
            changed += o[m.start()] != t[m.start()]
    return spellings, changed


def pdf_rows(taska, pdf_dir, tmp):
    manifest = [json.loads(l) for l in open(os.path.join(pdf_dir, "manifest.jsonl"), encoding="utf-8")]
    hooked = [d for d in manifest if d.get("focus") == "hooked-letters"]
    if not hooked:
        return []
    ocr = {}
    path = os.path.join(pdf_dir, "baselines", "ocr.jsonl")
    if os.path.exists(path):
        for l in open(path, encoding="utf-8"):
            d = json.loads(l)
            ocr[d["id"]] = d.get("text") or ""
    sys.path.insert(0, pdf_dir)
    import score_pdf  # the set's own tokeniser (normalise + \w+ tokens)
    rows = []
    for name, make in (("truth, hooks stripped", lambda d, truth: strip(truth)),
                       ("Tesseract output (baselines/ocr.jsonl)", lambda d, truth: ocr.get(d["id"], "")),
                       ("Tesseract output, its ď read as d", lambda d, truth: ocr.get(d["id"], "").replace("ď", "d"))):
        folder = os.path.join(tmp, re.sub(r"\W+", "-", name))
        os.makedirs(folder)
        truths = {}
        for d in hooked:
            truth = open(os.path.join(pdf_dir, "truth", d["id"] + ".txt"), encoding="utf-8").read()
            truths[d["id"]] = truth
            with open(os.path.join(folder, d["id"] + ".txt"), "w", encoding="utf-8") as f:
                f.write(make(d, truth))
        lost = os.path.join(tmp, "lost.yaml")
        with open(os.path.join(ROOT, "Pipelines", "communiques.yaml"), encoding="utf-8") as src, open(lost, "w", encoding="utf-8") as dst:
            dst.write(src.read().replace("apply: ocr", "apply: lost"))
        out = subprocess.run([taska, "ingest", folder, "--jsonl", "-", "--pipeline", lost],
                             capture_output=True, text=True, check=True).stdout
        records = {os.path.basename(r["source"]["path"])[:-4]: r for r in map(json.loads, out.splitlines())}
        for d in hooked:
            r = records[d["id"]]
            truth, given = truths[d["id"]], make(d, truths[d["id"]])
            for label, pred, restored in (("as given", given, None), ("after restore-hooks", r["text"], len(r.get("restored", [])))):
                tt, pt = score_pdf.tokens(truth), score_pdf.tokens(pred)
                hooked_n = sum(n for tok, n in tt.items() if any(c in HOOKS for c in tok))
                found = sum(min(n, pt.get(tok, 0)) for tok, n in tt.items() if any(c in HOOKS for c in tok))
                hookless_n = sum(n for tok, n in tt.items() if not any(c in HOOKS for c in tok))
                added = sum(max(0, n - tt.get(tok, 0)) for tok, n in pt.items() if any(c in HOOKS for c in tok))
                rows.append((f"{name}: {d['id']}", label, hooked_n, found / hooked_n if hooked_n else float("nan"),
                             added / hookless_n if hookless_n else float("nan"), added, hookless_n, restored))
    pooled = {}
    for name, label, n, r, a, added, hookless, restored in rows:
        kind = name.split(": ")[0]
        p = pooled.setdefault((kind, label), [0, 0.0, 0, 0, None])
        p[0] += n
        p[1] += r * n
        p[2] += added
        p[3] += hookless
        if restored is not None:
            p[4] = (p[4] or 0) + restored
    for (kind, label), (n, found, added, hookless, restored) in pooled.items():
        rows.append((f"**{kind}, both documents**", label, n, found / n if n else float("nan"),
                     added / hookless if hookless else float("nan"), added, hookless, restored))
    return rows


def main():
    taska, corpus, pdf_dir = sys.argv[1], sys.argv[2], sys.argv[3]
    model = sys.argv[4] if len(sys.argv) > 4 else None
    dev = [l for l in open(os.path.join(corpus, "dev", "ha-Latn.txt"), encoding="utf-8").read().split("\n") if l.strip()]
    with_hooks = [l for l in dev if any(c in HOOKS for c in l)]
    without = [l for l in dev if not any(c in HOOKS for c in l)]
    rng = random.Random(21)

    print(f"# Hausa hooked-letter restoration ({os.path.basename(corpus)}/dev/ha-Latn.txt: {len(dev)} lines, "
          f"{len(with_hooks)} with a hooked letter)\n")
    print("| split | hooked words | recall | precision | hooks added to hookless words |")
    print("|---|---:|---:|---:|---:|")

    stripped = [strip(l) for l in with_hooks]
    out = restore(taska, stripped, model)
    allc, cons = score(with_hooks, stripped, out)
    print(table_row("dev stripped, all words", allc))
    print(table_row("dev stripped, writer-consistent words", cons))

    partial, partial_out_src = [], []
    for l in with_hooks:
        chars = list(l)
        for a, b in words(l):
            if any(c in HOOKS for c in l[a:b]) and rng.random() < 0.5:
                for k in range(a, b):
                    chars[k] = HOOK.get(chars[k], chars[k])
        partial.append("".join(chars))
    pout = restore(taska, partial, model)
    pall, pcons = score(with_hooks, partial, pout, skip=lambda k, i, a, b: any(c in HOOKS for c in i[a:b]))
    kept = sum(1 for i, o in zip(partial, pout) for x, y in zip(i, o) if x in HOOKS and x != y)
    kept_total = sum(1 for i in partial for x in i if x in HOOKS)
    print(table_row("dev partial (stripped words), all", pall))
    print(table_row("dev partial (stripped words), writer-consistent", pcons))

    noisy, damaged_spans = [], []
    for l in stripped:
        n, d = ocr_noise(l, rng)
        noisy.append(n)
        damaged_spans.append(set(d))
    nout = restore(taska, noisy, model)
    noisy_truth = []
    for t, s, n in zip(with_hooks, stripped, noisy):  # the truth with the same damage
        noisy_truth.append("".join(tc if sc == nc else nc for tc, sc, nc in zip(t, s, n)))
    def damaged(k, i, a, b):
        return any(a < y and x < b for x, y in damaged_spans[k])
    nall, ncons = score(noisy_truth, noisy, nout)
    print(table_row("dev OCR noise (1 word in 12 damaged), all", nall))
    print(table_row("dev OCR noise (1 word in 12 damaged), writer-consistent", ncons))
    uall, _ = score(noisy_truth, noisy, nout, skip=damaged)
    print(table_row("dev OCR noise, undamaged words only", uall))

    asis = restore(taska, with_hooks, model)
    changed_hooks = sum(1 for t, o in zip(with_hooks, asis) for x, y in zip(t, o) if x in HOOKS and x != y)
    total_hooks = sum(1 for t in with_hooks for x in t if x in HOOKS)
    added_asis = sum(1 for t, o in zip(with_hooks, asis) for a, b in words(t) if t[a:b] != o[a:b])
    hout = restore(taska, without, model)
    hookless_words = sum(len(words(t)) for t in without)
    hookless_added = sum(1 for t, o in zip(without, hout) for a, b in words(t) if t[a:b] != o[a:b])

    spell_n, spell_changed = apostrophe_check(dev, restore(taska, dev, model))
    spell_n2, spell_changed2 = apostrophe_check(stripped, out)

    print()
    print("Fidelity checks:")
    print(f"- existing hooks changed: {changed_hooks} of {total_hooks:,} (dev as written); "
          f"{kept} of {kept_total:,} kept hooks (dev partial)")
    print(f"- letters next to an apostrophe (k' 'y b' 'd …) changed: {spell_changed} of {spell_n} (dev as written), "
          f"{spell_changed2} of {spell_n2} (dev stripped)")
    print(f"- dev as written (already hooked): {added_asis} words changed of "
          f"{sum(len(words(t)) for t in with_hooks):,} (their writers left those hooks out)")
    print(f"- dev lines with no hook ({len(without)} lines, {hookless_words:,} words), restored as if Hausa (apply: all): "
          f"{hookless_added:,} words got a hook ({hookless_added / max(1, hookless_words):.2%})")
    ok = changed_hooks == 0 and kept == 0 and spell_changed == 0 and spell_changed2 == 0

    if pdf_dir and os.path.isdir(pdf_dir):
        with tempfile.TemporaryDirectory() as tmp:
            rows = pdf_rows(taska, pdf_dir, tmp)
        if rows:
            print()
            print("PDF set (`focus: hooked-letters`), score_pdf.py tokens, default pipeline with restore-hooks apply: lost:")
            print()
            print("| input | text | hooked tokens | hook recall | hooks added to hookless tokens | restored words |")
            print("|---|---|---:|---:|---:|---:|")
            for name, label, n, r, a, added, hookless, restored in rows:
                print(f"| {name} | {label} | {n} | {fmt(r)} | {fmt(a)} ({added}/{hookless}) | {'' if restored is None else restored} |")
    print()
    print("fidelity: OK" if ok else "fidelity: FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
