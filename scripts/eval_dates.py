#!/usr/bin/env python3
"""Date mentions on the analysts' dev set and on a stress split made from it.

Usage: eval_dates.py TASKA_BINARY SET_DIR

Runs `taska dates --ids` over every text of SET_DIR/dates.tsv, scores the answers with the
set's own score_dates.py, then builds a stress split in a temporary folder (never in the
repository: the set's text is not ours to ship) by swapping digit systems in Arabic texts and
rewriting month, weekday, era and schwa spellings, and scores that too. Prints Markdown.
"""
import csv, json, os, re, subprocess, sys, tempfile

WESTERN, INDIC, PERSIAN = "0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"
DIGITS = {"western": WESTERN, "arabic-indic": INDIC, "persian": PERSIAN}
NEXT = {"western": "arabic-indic", "arabic-indic": "persian", "persian": "western"}

# Spelling variants the finder should read alike (each applied to date expressions only).
SPELLINGS = [
    ("أبريل", "إبريل"), ("ذو القعدة", "ذي القعدة"), ("ذو الحجة", "ذو الحجه"), ("ذي الحجة", "ذو الحجة"),
    ("الأولى", "الاولى"), ("الآخرة", "الاخرة"), ("الثانية", "الثانيه"), ("ربيع الأول", "ربيع الاول"),
    ("هـ", "ه"), ("محرم", "المحرم"), ("يونيو", "يونيه"), ("يوليو", "يوليه"), ("الإثنين", "الاثنين"),
    ("الاثنين", "الإثنين"), ("الجمعة", "الجمعه"), ("جويلية", "جويليه"), ("ميلادي", "م"),
    ("Fabrairu", "Fabarairu"), ("Agusta", "Augusta"), ("Juma'a", "Jumma'a"), ("Ramadan", "Ramalana"),
    ("Rabi'us Sani", "Rabi’us Sani"), ("Zul Qa'ada", "Zul Qa’ada"), ("ga watan ", "ga "),
    ("September", "Sept"), ("August", "Aug"), ("ə", "ǝ"), ("ǝ", "ə"), ("AH", "A.H."),
]


def digit_system(s):
    for name, digits in DIGITS.items():
        if any(c in digits for c in s):
            return name
    return None


def swap_digits(s, src, dst):
    return s.translate(str.maketrans(DIGITS[src], DIGITS[dst]))


def spell(expr):
    """The first variant whose spelling stands as a whole word in expr (not inside يوليوز)."""
    for a, b in SPELLINGS:
        before = r"(?<!\w)" if a[0].isalnum() and a not in ("ə", "ǝ") else ""
        after = r"(?!\w)" if a[-1].isalnum() and a not in ("ə", "ǝ", "هـ") else ""
        m = re.search(before + re.escape(a) + after, expr)
        if m:
            return expr[:m.start()] + b + expr[m.end():]
    return expr


def load(setdir):
    with open(os.path.join(setdir, "dates.tsv"), encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def stress_rows(rows):
    """Variant rows: Arabic texts with the next digit system, and texts with one spelling changed."""
    groups = {}
    for r in rows:
        groups.setdefault(r["id"].split(".")[0], []).append(r)
    out = []
    for tid, group in groups.items():
        text = group[0]["text"]
        system = digit_system(text) if group[0]["language"] == "ar" else None
        if system:
            dst = NEXT[system]
            for r in group:
                v = dict(r)
                v["id"] = r["id"].replace(tid, tid + "-digits")
                v["text"] = swap_digits(text, system, dst)
                v["expr"] = swap_digits(r["expr"], system, dst)
                v["notes"] = r["notes"].replace("digits=" + system, "digits=" + dst)
                out.append(v)
        if not group[0]["expr"]:
            continue
        new_text, changed = text, []
        for r in group:
            variant = spell(r["expr"])
            if variant != r["expr"] and r["expr"] in new_text:
                new_text = new_text.replace(r["expr"], variant, 1)
            changed.append(variant)
        if new_text != text:
            for r, variant in zip(group, changed):
                v = dict(r)
                v["id"] = r["id"].replace(tid, tid + "-spell")
                v["text"], v["expr"] = new_text, variant
                out.append(v)
    return out


def run(binary, rows, outdir):
    texts = {}
    for r in rows:
        texts.setdefault(r["id"].split(".")[0], r["text"])
    feed = "".join(f"{tid}\t{t.replace(chr(9), ' ').replace(chr(10), ' ')}\n" for tid, t in texts.items())
    answer = subprocess.run([binary, "dates", "--ids"], input=feed, capture_output=True, text=True, check=True).stdout
    pred = os.path.join(outdir, "pred.jsonl")
    with open(pred, "w", encoding="utf-8") as f:
        for line in answer.splitlines():
            d = json.loads(line)
            dates = [{"text": m["text"], "calendar": m["calendar"], "iso": m["value"]} for m in d["dates"]]
            f.write(json.dumps({"id": d["id"], "dates": dates}, ensure_ascii=False) + "\n")
    return pred


def score(scorer, setdir, pred):
    return subprocess.run([sys.executable, scorer, setdir, pred], capture_output=True, text=True, check=True).stdout


def main():
    binary, setdir = sys.argv[1], sys.argv[2]
    scorer = os.path.join(setdir, "score_dates.py")
    rows = load(setdir)
    with tempfile.TemporaryDirectory() as tmp:
        print(f"## Dev set ({setdir})\n\n```")
        print(score(scorer, setdir, run(binary, rows, tmp)).rstrip())
        print("```\n")
        stress = stress_rows(rows)
        sdir = os.path.join(tmp, "stress")
        os.makedirs(sdir)
        with open(os.path.join(sdir, "dates.tsv"), "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), delimiter="\t", lineterminator="\n")
            w.writeheader()
            w.writerows(stress)
        positives = sum(1 for r in stress if r["expr"])
        negatives = len({r["id"] for r in stress if not r["expr"]})
        print(f"## Stress split (made from the dev set: {positives} date rows, {negatives} negative texts;"
              " Arabic digits swapped to the next system, one spelling changed per text)\n\n```")
        print(score(scorer, sdir, run(binary, stress, sdir)).rstrip())
        print("```")


if __name__ == "__main__":
    main()
