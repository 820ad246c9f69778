#!/usr/bin/env python3
"""Writes a synthetic archive's input: Telegram Desktop JSON exports of many channels, streamed.

Usage: make-synthetic-archive.py OUT_DIR [--records N] [--channels C] [--seed S]
           [--corpora DIR] [--batches K --batch-records M] [--hostile] [--identical N] [--long-mb MB]

OUT_DIR/channels/<slug>/result.json   one export per channel (the real Telegram Desktop shape:
                                      1-space indentation, UTF-8, `text` a string or an array of
                                      runs and entity objects, `text_entities`, WAT local dates)
OUT_DIR/manifest.json                 what was written (records, bytes, languages, reposts,
                                      lengths) and the queries to use: one-word, two-word and
                                      cross-script name queries that occur in the data
OUT_DIR/reposts.jsonl                 one line per repost: where it is, its source and root
OUT_DIR/batches/NNN/result.json       with --batches K: K more exports of M messages each (new
                                      channels, dated after the main set) to feed `taska watch`
OUT_DIR/hostile/…                     with --hostile: identical/result.json (--identical N
                                      identical messages, default 1,000,000), long-line/result.json
                                      (one message of --long-mb MB on a single line, default 10)
                                      and query.txt (500 characters of mixed scripts)

Every message of type "message" has text, so N records come out of N messages (each channel
also opens with a create_channel service message, which makes no record).

Text is real sentences read at run time from ../shared/corpora/train/<label>.txt (--corpora);
nothing of them is stored in the repository. Deterministic for a seed: the messages of a
smaller N are the first messages of a larger one (channel by channel), so the queries, drawn
from the first 10,000 messages, are the same at every size. Messages are generated in time
order and written to all channel files at once; only a bounded pool of recent posts (for
reposts) is held in memory, never the messages.

The mix: 200 channels of Zipf-like sizes, each in one language (Hausa 32 %, Arabic 28 %, English
15 %, Kanuri Ajami 13 %, Kanuri Latin 12 %) with 10 % of its posts in another; lengths from a
one-line post to a long tail of 30+ sentences (capped at 4,000 characters); 4 % short generic
posts (greetings, takbir); 12 % reposts of a recent post of another channel, 35 % of them
forwards (`forwarded_from`, text unchanged) and 65 % copies with 1–3 light edits (header line,
emoji, hashtags, signature, first or last sentence trimmed, harakat removed, Hausa hooks dropped,
punctuation); names of people and places in Latin and Arabic script in 9 % of the posts.
"""
import json, math, os, random, re, sys, unicodedata
from datetime import datetime, timedelta, timezone

LANGS = ["ha-Latn", "ar-Arab", "en-Latn", "knc-Arab", "knc-Latn"]
LANG_WEIGHTS = [32, 28, 15, 13, 12]
ARABIC_SCRIPT = {"ar-Arab", "knc-Arab"}
WAT = timezone(timedelta(hours=1))
START = 1672531200  # 2023-01-01T00:00:00Z
STEP = 95  # mean seconds between two posts of the whole set: 1,000,000 posts span about 3 years

# Names written here for this generator (ordinary names and places of the region), each in a
# Latin and an Arabic-script spelling.
NAMES = [
    ("Maiduguri", "مايدوغوري"), ("Bama", "باما"), ("Gwoza", "غوزا"), ("Damaturu", "داماتورو"),
    ("Monguno", "مونغونو"), ("Konduga", "كوندوغا"), ("Damasak", "داماساك"), ("Potiskum", "بوتيسكوم"),
    ("Gubio", "غوبيو"), ("Kukawa", "كوكاوا"), ("Dapchi", "دابتشي"), ("Askira", "أسكيرا"),
    ("Magumeri", "ماغوميري"), ("Bosso", "بوسو"), ("Kolofata", "كولوفاتا"), ("Sambisa", "سامبيسا"),
    ("Niamey", "نيامي"), ("Abuja", "أبوجا"), ("Kano", "كانو"), ("Gashua", "غاشوا"),
    ("Rann", "ران"), ("Banki", "بانكي"), ("Malam Fatori", "مالام فاتوري"), ("Baroua", "باروا"),
    ("Bulama Bukar", "بولاما بكر"), ("Aisha Lawan", "عائشة لوان"), ("Ibrahim Gambo", "إبراهيم غامبو"),
    ("Hauwa Ali", "حواء علي"), ("Modu Kolo", "مودو كولو"), ("Fanta Kyari", "فانتا كياري"),
    ("Lawan Abba", "لوان أبا"), ("Umar Grema", "عمر غريما"), ("Falmata Bulama", "فالماتا بولاما"),
    ("Abdullahi Sanda", "عبد الله ساندا"), ("Zara Modu", "زارا مودو"), ("Kyari Gana", "كياري غانا"),
]
NAME_FRAMES = {  # {n} is the name, {t} the text
    "ha-Latn": ["{n}: {t}", "{n} ya ce: \"{t}\"", "{t} — in ji {n}.", "A garin {n}, {t}"],
    "en-Latn": ["{n} — {t}", "{t}, said {n}.", "In {n}: {t}"],
    "knc-Latn": ["{n}: {t}", "{n} ye wono: “{t}”"],
    "ar-Arab": ["{n} - {t}", "قال {n}: «{t}»", "{t} - {n}"],
    "knc-Arab": ["{n} - {t}", "«{t}» - {n}"],
}
GENERIC = ["الله أكبر", "Allahu Akbar", "Barka da Sallah 🎉", "جمعة مباركة", "Alhamdulillah",
           "Ina kwana", "عيد مبارك", "Juma'a Mubaraka", "رمضان كريم"]
HEADERS = {"Latn": ["Sanarwa:", "Da dumi-dumi:", "BREAKING:", "Forwarded from {src}", "Labari:"],
           "Arab": ["عاجل:", "منقول", "ملاحظة:", "Forwarded from {src}", "خبر عاجل"]}
HASHTAGS = {"Latn": ["#Borno #Arewa", "#Labarai", "#LakeChad #Borno", "#Yobe"],
            "Arab": ["#بورنو #نيجيريا", "#عاجل", "#بحيرة_تشاد", "#الساحل"]}
EMOJI = ["🔴", "⚠️", "✅", "📢", "🚨", "👇", "🌍"]
HOOKS = str.maketrans({"ɓ": "b", "ɗ": "d", "ƙ": "k", "ƴ": "y", "Ɓ": "B", "Ɗ": "D", "Ƙ": "K", "Ƴ": "Y"})
HARAKAT = re.compile("[\u064B-\u0652\u0670]")
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")
WORD = re.compile(r"[^\W\d_]{3,}")
URL = re.compile(r"https?://\S+|[#@]\S+")


def option(args, name, default, kind=int):
    if name in args:
        i = args.index(name)
        if i + 1 >= len(args):
            sys.exit(f"make-synthetic-archive: {name} needs a value")
        value = args[i + 1]
        del args[i:i + 2]
        try:
            return kind(value)
        except ValueError:
            sys.exit(f"make-synthetic-archive: {name} {value}: not a {kind.__name__}")
    return default


def load_corpora(folder):
    sentences = {}
    for lang in LANGS:
        path = os.path.join(folder, f"{lang}.txt")
        try:
            with open(path, encoding="utf-8") as f:
                lines = [line.strip() for line in f if line.strip()]
        except OSError as e:
            sys.exit(f"make-synthetic-archive: cannot read {path}: {e.strerror} "
                     "(the corpora are in ../shared/corpora/train; give --corpora DIR)")
        sentences[lang] = lines
    return sentences


def script(lang):
    return "Arab" if lang in ARABIC_SCRIPT else "Latn"


class Channel:
    def __init__(self, index, lang, name, slug, out_dir, rng):
        self.index, self.lang, self.name, self.slug = index, lang, name, slug
        self.id = 1_100_000_000 + index * 7919 + rng.randrange(7919)
        self.next_id = 1
        self.messages = 0
        self.path = os.path.join(out_dir, slug, "result.json")
        self.file = None
        self.bytes = 0

    def open(self, created):
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        self.file = open(self.path, "w", encoding="utf-8", buffering=1 << 16)
        head = {"name": self.name, "type": "public_channel", "id": self.id}
        text = json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ",\n \"messages\": [\n"
        self.file.write(text)
        service = {"id": 1, "type": "service", **stamp(created), "actor": self.name,
                   "actor_id": f"channel{self.id}", "action": "create_channel", "title": self.name,
                   "text": "", "text_entities": []}
        self.write(service, first=True)
        self.next_id = 2

    def write(self, message, first=False):
        self.file.write(("" if first else ",\n") + "  " + indented(message, "  "))

    def close(self):
        self.file.write("\n ]\n}\n")
        self.file.close()
        self.bytes = os.path.getsize(self.path)


def indented(value, pad):
    """json.dumps(value, ensure_ascii=False, indent=1) as nested at `pad`, with the C encoder
    for the leaves (the indenting encoder is pure Python and was half the run time)."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = pad + " "
        return "{\n" + ",\n".join(inner + dumps(k) + ": " + indented(v, inner) for k, v in value.items()) + "\n" + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        inner = pad + " "
        return "[\n" + ",\n".join(inner + indented(v, inner) for v in value) + "\n" + pad + "]"
    return dumps(value)


def dumps(value):
    return json.dumps(value, ensure_ascii=False)


def stamp(unix, key="date"):
    local = datetime.fromtimestamp(unix, WAT).strftime("%Y-%m-%dT%H:%M:%S")
    return {key: local, f"{key}_unixtime": str(unix)}


def runs_to_json(runs):
    """runs: list of (type, text); returns the export's `text` and `text_entities`."""
    runs = [r for r in runs if r[1]]
    merged = []
    for kind, text in runs:  # adjacent plain runs are one run, as Telegram writes them
        if merged and kind == "plain" and merged[-1][0] == "plain":
            merged[-1] = ("plain", merged[-1][1] + text)
        else:
            merged.append((kind, text))
    entities = [{"type": k, "text": t} for k, t in merged]
    if len(merged) == 1 and merged[0][0] == "plain":
        return merged[0][1], entities
    text = [t if k == "plain" else {"type": k, "text": t} for k, t in merged]
    if merged[-1][0] != "plain":
        text.append("")
    return text, entities


def plain_text(runs):
    return "".join(t for _, t in runs)


class Generator:
    def __init__(self, sentences, seed):
        self.sentences = sentences
        self.rng = random.Random(seed)
        self.pool = []  # recent posts that may be reposted: (channel, id, root, runs, lang)
        self.pool_at = 0

    def sentence(self, lang):
        lines = self.sentences[lang]
        return lines[self.rng.randrange(len(lines))]

    def length(self):
        """Number of sentences: many one-liners, a long tail."""
        r = self.rng.random()
        if r < 0.42:
            return 1
        if r < 0.64:
            return 2
        if r < 0.77:
            return 3
        return min(40, 4 + int(self.rng.expovariate(1 / 5)))

    def original(self, lang):
        """Returns (runs, names used as (index, script))."""
        rng = self.rng
        if rng.random() < 0.04:
            return [("plain", rng.choice(GENERIC))], []
        count = self.length()
        parts, size = [], 0
        for _ in range(count):
            s = self.sentence(lang)
            if size + len(s) > 4000 and parts:
                break
            parts.append(s)
            size += len(s) + 1
        sep = "\n\n" if count > 3 and rng.random() < 0.5 else ("\n" if rng.random() < 0.3 else " ")
        names = []
        if rng.random() < 0.09:
            i = rng.randrange(len(NAMES))
            name = NAMES[i][1 if lang in ARABIC_SCRIPT else 0]
            frame = rng.choice(NAME_FRAMES[lang])
            parts[0] = frame.format(n=name, t=parts[0])
            names.append((i, script(lang)))
        runs = []
        if len(parts) > 1 and rng.random() < 0.15:
            runs.append(("bold", parts[0]))
            runs.append(("plain", sep + sep.join(parts[1:])))
        else:
            runs.append(("plain", sep.join(parts)))
        r = rng.random()
        if r < 0.08:
            tags = rng.choice(HASHTAGS[script(lang)]).split()
            runs.append(("plain", "\n\n"))
            for j, tag in enumerate(tags):
                runs.append(("hashtag", tag))
                if j + 1 < len(tags):
                    runs.append(("plain", " "))
        elif r < 0.11:
            runs.append(("plain", "\n"))
            runs.append(("link", f"https://example.org/labarai/{rng.randrange(10**6)}"))
        return runs, names

    def copy_edits(self, runs, lang, source_name, channel):
        """A hand-made repost: 1–3 light edits. Returns (runs, edit names)."""
        rng = self.rng
        text = plain_text(runs)
        sc = script(lang)
        possible = ["header", "emoji", "hashtags", "signature", "punct"]
        if len(SENTENCE_END.split(text)) > 1:
            possible += ["trim-first", "trim-last"]
        if sc == "Arab" and HARAKAT.search(text):
            possible += ["harakat-removed"] * 3
        if lang == "ha-Latn" and text != text.translate(HOOKS):
            possible += ["hooks-dropped"] * 3
        edits = rng.sample(possible, min(len(possible), rng.randint(1, 3)))
        if "trim-first" in edits or "trim-last" in edits:
            parts = SENTENCE_END.split(text)
            keep = max(1, math.ceil(len(parts) * 0.6))
            if "trim-first" in edits and len(parts) > keep:
                parts = parts[1:]
            if "trim-last" in edits and len(parts) > keep:
                parts = parts[:-1]
            text = " ".join(parts)
        if "harakat-removed" in edits:
            text = HARAKAT.sub("", text)
        if "hooks-dropped" in edits:
            text = text.translate(HOOKS)
        if "punct" in edits:
            text = text.replace(". ", ".  ", 2).rstrip(".") + rng.choice(["!!", "...", ""])
        out = []
        if "header" in edits:
            out.append((rng.choice(["plain", "bold"]), rng.choice(HEADERS[sc]).format(src=source_name)))
            out.append(("plain", "\n"))
        if "emoji" in edits:
            out.append(("plain", rng.choice(EMOJI) + " "))
        out.append(("plain", text))
        if "emoji" in edits and rng.random() < 0.5:
            out.append(("plain", " " + rng.choice(EMOJI) * rng.randint(1, 3)))
        if "hashtags" in edits:
            out.append(("plain", "\n\n"))
            for j, tag in enumerate(rng.choice(HASHTAGS[sc]).split()):
                if j:
                    out.append(("plain", " "))
                out.append(("hashtag", tag))
        if "signature" in edits:
            out.append(("plain", f"\n\n📡 "))
            out.append(("mention", f"@{channel.slug}"))
        return out, edits

    def remember(self, item):
        if len(self.pool) < 5000:
            self.pool.append(item)
        else:
            self.pool[self.pool_at] = item
            self.pool_at = (self.pool_at + 1) % 5000

    def source(self):
        """A recent post: usually among the last 500."""
        n = len(self.pool)
        last = (self.pool_at - 1) % n if n == 5000 else n - 1
        back = self.rng.randrange(min(n, 500)) if self.rng.random() < 0.7 else self.rng.randrange(n)
        return self.pool[(last - back) % n]


def make_channels(rng, count, out_dir):
    places = [n for n, _ in NAMES[:24]]
    arabic_places = [a for _, a in NAMES[:24]]
    patterns = {
        "ha-Latn": ["Labaran {p}", "Muryar {p}", "Jaridar {p}", "Tashar {p}"],
        "en-Latn": ["{p} Dispatch", "{p} News Watch", "{p} Monitor"],
        "knc-Latn": ["Kanuri {p}", "{p} Hawar", "Labar {p}"],
        "ar-Arab": ["أخبار {a}", "منبر {a}", "نافذة {a}"],
        "knc-Arab": ["كانوري {a}", "صوت {a}"],
    }
    channels = []
    for i in range(count):
        lang = rng.choices(LANGS, LANG_WEIGHTS)[0]
        k = rng.randrange(len(places))
        name = rng.choice(patterns[lang]).format(p=places[k], a=arabic_places[k]) + f" {i + 1}"
        slug = f"c{i + 1:03d}-{lang}"
        channels.append(Channel(i, lang, name, slug, out_dir, rng))
    return channels


def sample_words(text, rng, one, two, limit):
    words = WORD.findall(text)
    if not words:
        return
    w = rng.choice(words)
    if len(w) >= 4 and len(one) < limit and w.lower() not in one:
        one.append(w.lower())
    if len(words) > 1 and len(two) < limit:
        i = rng.randrange(len(words) - 1)
        pair = f"{words[i]} {words[i + 1]}".lower()
        if pair not in two:
            two.append(pair)


def message(gen, channel, unix, runs, extra=None):
    text, entities = runs_to_json(runs)
    m = {"id": channel.next_id, "type": "message", **stamp(unix)}
    if gen.rng.random() < 0.02:
        m.update(stamp(unix + gen.rng.randrange(60, 86400), "edited"))
    m["from"] = channel.name
    m["from_id"] = f"channel{channel.id}"
    if extra:
        m.update(extra)
    if gen.rng.random() < 0.10:
        m.update({"photo": "(File not included. Change data exporting settings to download.)",
                  "photo_file_size": gen.rng.randrange(20000, 300000), "width": 1280, "height": 720})
    m["text"] = text
    m["text_entities"] = entities
    channel.next_id += 2 if gen.rng.random() < 0.02 else 1  # a deleted post now and then
    channel.messages += 1
    return m


def write_main(out, n, channel_count, seed, sentences):
    rng = random.Random(seed)
    channels = make_channels(rng, channel_count, os.path.join(out, "channels"))
    weights = [1 / (r + 1) ** 0.8 for r in range(channel_count)]
    rng.shuffle(weights)
    gen = Generator(sentences, seed + 1)
    pick = random.Random(seed + 2)  # channel and language choices, apart from the text
    queries = random.Random(seed + 3)
    one, two, name_hits = [], [], {}
    stats = {"languages": {}, "reposts": 0, "forwards": 0, "copies": 0, "edits": {},
             "lengths": [0] * 7, "textChars": 0, "names": 0}
    bounds = [50, 100, 200, 500, 1000, 2000]
    opened = set()
    cumulative = []
    total = 0
    for w in weights:
        total += w
        cumulative.append(total)
    import bisect
    reposts = open(os.path.join(out, "reposts.jsonl"), "w", encoding="utf-8")
    unix = START
    for i in range(n):
        unix += 1 + int(gen.rng.expovariate(1 / (STEP - 1)))
        channel = channels[bisect.bisect(cumulative, pick.random() * total)]
        if channel.index not in opened:
            channel.open(unix - 3600)
            opened.add(channel.index)
        extra, names = None, []
        if gen.pool and gen.rng.random() < 0.12:
            src_channel, src_id, root, src_runs, lang, src_name = gen.source()
            if src_channel is channel:
                src_channel = None
        else:
            src_channel = None
        if src_channel is not None:
            stats["reposts"] += 1
            if gen.rng.random() < 0.35:
                runs, edits = src_runs, ["forward"]
                first = root[2]  # Telegram names the first channel, also for a forward of a forward
                extra = {"forwarded_from": first.name, "forwarded_from_id": f"channel{first.id}"}
                stats["forwards"] += 1
            else:
                runs, edits = gen.copy_edits(src_runs, lang, src_name, channel)
                stats["copies"] += 1
            for e in edits:
                stats["edits"][e] = stats["edits"].get(e, 0) + 1
            reposts.write(json.dumps({"channel": channel.slug, "message_id": channel.next_id,
                                      "source_channel": src_channel.slug, "source_id": src_id,
                                      "root_channel": root[0], "root_id": root[1],
                                      "edits": edits}, ensure_ascii=False) + "\n")
            gen.remember((channel, channel.next_id, root, runs, lang, channel.name))
        else:
            lang = channel.lang if pick.random() < 0.9 else pick.choices(LANGS, LANG_WEIGHTS)[0]
            runs, names = gen.original(lang)
            gen.remember((channel, channel.next_id, (channel.slug, channel.next_id, channel),
                          runs, lang, channel.name))
        text = plain_text(runs)
        for k, sc in names:
            name_hits.setdefault(k, {"Latn": 0, "Arab": 0})[sc] += 1
            stats["names"] += 1
        if i < 10000:
            words_of = " ".join(t for k, t in runs if k in ("plain", "bold"))
            sample_words(URL.sub(" ", words_of), queries, one, two, 300)
        stats["languages"][lang] = stats["languages"].get(lang, 0) + 1
        stats["lengths"][bisect.bisect(bounds, len(text))] += 1
        stats["textChars"] += len(text)
        channel.write(message(gen, channel, unix, runs, extra))
        if (i + 1) % 100000 == 0:
            print(f"make-synthetic-archive: {i + 1:,} messages", file=sys.stderr)
    reposts.close()
    for c in channels:
        if c.file:
            c.close()
    length_labels = ["<50", "50-99", "100-199", "200-499", "500-999", "1000-1999", ">=2000"]
    stats["lengths"] = dict(zip(length_labels, stats["lengths"]))
    # Cross-script queries: a name's spelling in the other script, for names written in the
    # data in one script (the query must find those documents).
    cross = []
    for k in sorted(name_hits):
        latin, arabic = NAMES[k]
        if name_hits[k]["Arab"]:
            cross.append({"query": latin, "finds": arabic, "documents": name_hits[k]["Arab"]})
        if name_hits[k]["Latn"]:
            cross.append({"query": arabic, "finds": latin, "documents": name_hits[k]["Latn"]})
    used = [c for c in channels if c.file]
    return {
        "records": n, "channels": len(used),
        "bytes": sum(c.bytes for c in used),
        "largestChannel": max((c.messages for c in used), default=0),
        **stats,
        "queries": {"oneWord": one, "twoWord": two, "crossScript": cross},
    }


def write_batches(out, k, m, seed, sentences, first_unix):
    gen = Generator(sentences, seed + 100)
    pick = random.Random(seed + 101)
    total_bytes = 0
    unix = first_unix
    for b in range(k):
        lang = pick.choices(LANGS, LANG_WEIGHTS)[0]
        channel = Channel(10_000 + b, lang, f"Watch Channel {b + 1}", f"{b + 1:03d}",
                          os.path.join(out, "batches"), pick)
        channel.open(unix)
        for _ in range(m):
            unix += 1 + int(gen.rng.expovariate(1 / 30))
            runs, _ = gen.original(lang)
            channel.write(message(gen, channel, unix, runs))
        channel.close()
        total_bytes += channel.bytes
    return {"batches": k, "messagesPerBatch": m, "bytes": total_bytes}


def write_hostile(out, identical, long_mb, seed, sentences):
    rng = random.Random(seed + 200)
    folder = os.path.join(out, "hostile")
    same = Channel(20_000, "ar-Arab", "Identical Posts", "identical", folder, rng)
    same.open(START)
    text = sentences["ar-Arab"][0]
    for i in range(identical):
        m = {"id": same.next_id, "type": "message", **stamp(START + 60 + i * 60),
             "from": same.name, "from_id": f"channel{same.id}", "text": text,
             "text_entities": [{"type": "plain", "text": text}]}
        same.write(m)
        same.next_id += 1
    same.close()
    long = Channel(20_001, "ha-Latn", "One Long Line", "long-line", folder, rng)
    long.open(START)
    parts, size, target = [], 0, long_mb * 1_000_000
    while size < target:
        lang = rng.choice(LANGS)
        s = sentences[lang][rng.randrange(len(sentences[lang]))]
        parts.append(s)
        size += len(s.encode()) + 1
    text = " ".join(parts)
    long.write({"id": 2, "type": "message", **stamp(START + 60), "from": long.name,
                "from_id": f"channel{long.id}", "text": text,
                "text_entities": [{"type": "plain", "text": text}]})
    long.close()
    # 500 characters of mixed scripts: words of every language and the names, interleaved.
    words = []
    while sum(len(w) + 1 for w in words) < 520:
        lang = LANGS[len(words) % len(LANGS)]
        found = WORD.findall(sentences[lang][rng.randrange(len(sentences[lang]))])
        if found:
            words.append(rng.choice(found))
    query = " ".join(words)[:500].strip()
    with open(os.path.join(folder, "query.txt"), "w", encoding="utf-8") as f:
        f.write(query + "\n")
    return {"identical": {"path": same.path, "records": identical, "bytes": same.bytes},
            "longLine": {"path": long.path, "records": 1, "bytes": long.bytes,
                         "textBytes": len(text.encode())},
            "query": {"path": os.path.join(folder, "query.txt"), "characters": len(query)}}


def main():
    args = sys.argv[1:]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__.strip())
        sys.exit(0 if args else 2)
    here = os.path.dirname(os.path.abspath(__file__))
    n = option(args, "--records", 1_000_000)
    channel_count = option(args, "--channels", 200)
    seed = option(args, "--seed", 23)
    corpora = option(args, "--corpora", os.path.join(here, "..", "..", "shared", "corpora", "train"), str)
    batches = option(args, "--batches", 0)
    batch_records = option(args, "--batch-records", 500)
    identical = option(args, "--identical", 1_000_000)
    long_mb = option(args, "--long-mb", 10)
    hostile = "--hostile" in args
    if hostile:
        args.remove("--hostile")
    if len(args) != 1 or args[0].startswith("-"):
        sys.exit(f"make-synthetic-archive: expected one OUT_DIR, got {args or 'none'} (--help for usage)")
    if n < 0 or channel_count < 1 or (n == 0 and not hostile):
        sys.exit("make-synthetic-archive: --records must be at least 1 (0 with --hostile only) "
                 "and --channels at least 1")
    out = args[0]
    sentences = load_corpora(corpora)
    os.makedirs(out, exist_ok=True)
    for stale in ("channels", "batches", "hostile"):
        if os.path.exists(os.path.join(out, stale)):
            sys.exit(f"make-synthetic-archive: {os.path.join(out, stale)} exists; give an empty OUT_DIR")
    manifest = {"generator": "scripts/make-synthetic-archive.py", "seed": seed,
                "corpora": corpora}
    manifest.update(write_main(out, n, channel_count, seed, sentences))
    if batches:
        manifest["watchBatches"] = write_batches(out, batches, batch_records, seed, sentences,
                                                 START + n * STEP + 86400)
    if hostile:
        manifest["hostile"] = write_hostile(out, identical, long_mb, seed, sentences)
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write("\n")
    q = manifest["queries"]
    print(f"make-synthetic-archive: wrote {n:,} records in {manifest['channels']} channel exports "
          f"({manifest['bytes'] / 1e6:,.1f} MB) to {out}/channels; {manifest['reposts']:,} reposts "
          f"({manifest['forwards']:,} forwards, {manifest['copies']:,} copies); queries: "
          f"{len(q['oneWord'])} one-word, {len(q['twoWord'])} two-word, {len(q['crossScript'])} cross-script")
    if batches:
        wb = manifest["watchBatches"]
        print(f"make-synthetic-archive: {batches} watch batches of {batch_records} records "
              f"({wb['bytes'] / 1e6:,.1f} MB) in {out}/batches")
    if hostile:
        h = manifest["hostile"]
        print(f"make-synthetic-archive: hostile: {identical:,} identical messages "
              f"({h['identical']['bytes'] / 1e6:,.1f} MB), one {h['longLine']['textBytes'] / 1e6:.1f} MB line, "
              f"a {h['query']['characters']}-character query, in {out}/hostile")


if __name__ == "__main__":
    main()
