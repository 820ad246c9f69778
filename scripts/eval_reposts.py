#!/usr/bin/env python3
"""Scores Taska's repost clusters on the analysts' reposts set (../shared/analyst/reposts) with
the set's own score_reposts.py, then on stress splits made from it on the fly: the copies
(truth role repost-copy / template-repost-copy) rewritten once more, the truth unchanged.

  layout        sentences moved onto lines of their own, line breaks joined
  spelling      Hausa hooks dropped, schwa swapped, hamza seats and ta marbuta folded
  vocalisation  every Arabic-script copy fully stripped of harakat, or given extra fatha
  noise         emoji, doubled punctuation and stray spaces sprinkled in
  trim          the last sentence of copies with three or more sentences dropped

Usage: eval_reposts.py TASKA-BINARY SET-DIR [--splits all|none|name,name]
Prints Markdown. Splits are deterministic (fixed seed).
"""
import json, os, random, re, shutil, subprocess, sys, tempfile

HARAKAT = re.compile("[\u064B-\u0652\u0670\u0657]")


def text_runs(message, fn):
    t = message.get("text")
    if isinstance(t, str):
        message["text"] = fn(t)
    elif isinstance(t, list):
        message["text"] = [fn(x) if isinstance(x, str) else dict(x, text=fn(x["text"])) for x in t]
    for e in message.get("text_entities", []):
        e["text"] = fn(e["text"])


def splits(rng):
    def layout(t):
        t = t.replace("\n", " ")
        return re.sub(r"([.!?؟]) +", r"\1\n", t)
    def spelling(t):
        t = t.translate(str.maketrans({"ɓ": "b", "ɗ": "d", "ƙ": "k", "ƴ": "y", "Ɓ": "B", "Ɗ": "D", "Ƙ": "K", "ǝ": "ə", "ə": "ǝ",
                                       "أ": "ا", "إ": "ا", "ة": "ه", "ى": "ي"}))
        return t
    def vocalisation(t):
        if not re.search("[\u0600-\u06FF]", t):
            return t
        if rng.random() < 0.5:
            return HARAKAT.sub("", t)
        return re.sub("([\u0628-\u064A])(?![\u064B-\u0652])", lambda m: m.group(1) + ("\u064E" if rng.random() < 0.4 else ""), t)
    def noise(t):
        words = t.split(" ")
        for _ in range(max(1, len(words) // 12)):
            i = rng.randrange(len(words))
            words[i] = words[i] + rng.choice(["!!", " 🔥", "  ", "...", " 👇", "؟؟"])
        return " ".join(words)
    def trim(t):
        parts = re.split(r"(?<=[.!?؟])\s+", t.strip())
        return " ".join(parts[:-1]) if len(parts) >= 3 else t
    return {"layout": layout, "spelling": spelling, "vocalisation": vocalisation, "noise": noise, "trim": trim}


def run(binary, channels_dir, work):
    db = os.path.join(work, "taska.sqlite")
    folders = sorted(os.path.join(channels_dir, c) for c in os.listdir(channels_dir))
    subprocess.run([binary, "ingest", *folders, "--archive", db, "--quiet"], check=True)
    out = subprocess.run([binary, "export", "--jsonl", "-", "--archive", db], check=True, capture_output=True, text=True).stdout
    pred = os.path.join(work, "pred.jsonl")
    with open(pred, "w") as f:
        for line in out.splitlines():
            r = json.loads(line)
            if "cluster" not in r or not r.get("message"):
                continue
            channel = os.path.basename(os.path.dirname(r["source"]["path"]))
            f.write(json.dumps({"channel": channel, "message_id": r["message"]["id"], "cluster": r["cluster"]}) + "\n")
    return pred


def score(set_dir, pred):
    out = subprocess.run([sys.executable, os.path.join(set_dir, "score_reposts.py"), set_dir, pred, "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def row(name, s):
    a, n = s["all"], s["no_generic"]
    return (f"| {name} | {a['pairwise_precision']:.3f} | {a['pairwise_recall']:.3f} | {a['pairwise_f1']:.3f} "
            f"| {a['bcubed_precision']:.3f} | {a['bcubed_recall']:.3f} | {a['bcubed_f1']:.3f} | {n['bcubed_f1']:.3f} |")


def main():
    binary, set_dir = sys.argv[1], sys.argv[2]
    chosen = "all"
    if len(sys.argv) > 4 and sys.argv[3] == "--splits":
        chosen = sys.argv[4]
    truth = {(t["channel"], t["message_id"]): t for t in map(json.loads, open(os.path.join(set_dir, "truth.jsonl")))}
    print("| split | pair P | pair R | pair F1 | B³ P | B³ R | B³ F1 | B³ F1 no generic |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as work:
        print(row("dev set as given", score(set_dir, run(binary, os.path.join(set_dir, "channels"), os.path.join(work)))))
        rng = random.Random(20261206)
        all_splits = splits(rng)
        names = [] if chosen == "none" else list(all_splits) if chosen == "all" else chosen.split(",")
        for name in names:
            fn = all_splits[name]
            split_dir = os.path.join(work, name, "channels")
            for channel in sorted(os.listdir(os.path.join(set_dir, "channels"))):
                export = json.load(open(os.path.join(set_dir, "channels", channel, "result.json"), encoding="utf-8"))
                for m in export["messages"]:
                    t = truth.get((channel, m.get("id")))
                    if t and t["role"] in ("repost-copy", "template-repost-copy"):
                        text_runs(m, fn)
                os.makedirs(os.path.join(split_dir, channel))
                with open(os.path.join(split_dir, channel, "result.json"), "w", encoding="utf-8") as f:
                    json.dump(export, f, ensure_ascii=False, indent=1)
            print(row(f"stress: {name}", score(set_dir, run(binary, split_dir, os.path.join(work, name)))))


main()
