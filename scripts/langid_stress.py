#!/usr/bin/env python3
"""Stress splits of a language-ID dev split: the same sentences, written the ways real text is.

Each split is a deterministic transform (seeded per line) of every dev line:
  plain            the line as it is
  harakat-25..100  Arabic harakat and Quranic marks each removed with probability 25/50/75/100 %
  schwa-U+01DD     every Kanuri schwa written ǝ/Ǝ (U+01DD/U+018E), the standard orthography
  schwa-U+0259     every schwa written ə/Ə (U+0259/U+018F), the IPA letter
  schwa-U+04D9     every schwa written with the Cyrillic look-alike ә/Ә (U+04D9/U+04D8)
  schwa-mixed      each schwa drawn at random from ǝ ə
  names-numbers    names (capitalised words that stand inside English dev lines and never in
                   lower case) and numbers (ASCII; Arabic-Indic or Persian digits in Arabic
                   script) inserted between words at news density (see `inject`); Arabic-script
                   lines get Latin-script names
and the unseen-text splits, whose every line must come out `und`:
  shuffled         each line's letters shuffled within the line (same letters, no language)
  random-letters   words of letters drawn uniformly from the line's script
  ajami-letters    Arabic-script lines with letters Hausa Ajami uses and Arabic does not
  mojibake         UTF-8 bytes of an Arabic-script line read as windows-1252 (in Latin-script
                   lines only the few non-ASCII letters change, and the language stays readable)
The shuffled split is reported, not a target: shuffling keeps a line's letter frequencies
(and, in Arabic script, its harakat in place), and in a script a model knows that is often
indistinguishable from text of the language by letter statistics.

Every split is scored at full length and cut to 60 and 30 characters by eval_langid.py.
No language data is added: names come from the dev English file itself.
"""
import random
import unicodedata

HARAKAT = set(range(0x064B, 0x0660)) | {0x0670} | set(range(0x06D6, 0x06EE)) | set(range(0x0610, 0x061B))
SCHWA_LOWER = {"\u0259", "\u01DD"}
SCHWA_UPPER = {"\u018F", "\u018E"}
ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
AJAMI = ["\u067B", "\u069F", "\u06D1", "\u08BB", "\u08BC", "\u08BD"]
ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
LATIN_LETTERS = list("abcdefghijklmnopqrstuvwxyz")

HARAKAT_RATES = [25, 50, 75, 100]
SCHWA_SPLITS = ["schwa-U+01DD", "schwa-U+0259", "schwa-U+04D9", "schwa-mixed"]
LABEL_SPLITS = ["plain"] + [f"harakat-{r}" for r in HARAKAT_RATES] + SCHWA_SPLITS + ["names-numbers"]
UND_SPLITS = ["random-letters", "ajami-letters", "mojibake", "shuffled"]
UND_TARGET_SPLITS = ["random-letters", "ajami-letters", "mojibake"]


def is_arabic_script(text):
    arabic = latin = 0
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if name.startswith("ARABIC"):
                arabic += 1
            elif name.startswith("LATIN"):
                latin += 1
    return arabic > latin


def names_from(lines):
    """Names: capitalised words that stand inside English lines (never first) and never occur
    in lower case there (so `Just`, `Year` are out, `Maiduguri`, `Fatima` in)."""
    lines = list(lines)
    lower = set(w.strip(".,;:!?\"'()[]") for line in lines for w in line.split() if w[:1].islower())
    seen, out = set(), []
    for line in lines:
        for w in line.split()[1:]:
            w = w.strip(".,;:!?\"'()[]")
            if (len(w) >= 3 and w[0].isupper() and w[1:].islower() and w.isalpha() and w.lower() not in lower
                    and w not in seen):
                seen.add(w)
                out.append(w)
    return out


def strip_harakat(text, rate, rng):
    if rate >= 100:
        return "".join(c for c in text if ord(c) not in HARAKAT)
    return "".join(c for c in text if ord(c) not in HARAKAT or rng.random() * 100 >= rate)


def swap_schwa(text, split, rng):
    out = []
    for c in text:
        if c in SCHWA_LOWER:
            c = {"schwa-U+01DD": "\u01DD", "schwa-U+0259": "\u0259", "schwa-U+04D9": "\u04D9"}.get(split) \
                or rng.choice(["\u01DD", "\u0259"])
        elif c in SCHWA_UPPER:
            c = {"schwa-U+01DD": "\u018E", "schwa-U+0259": "\u018F", "schwa-U+04D9": "\u04D8"}.get(split) \
                or rng.choice(["\u018E", "\u018F"])
        out.append(c)
    return "".join(out)


def inject(text, names, rng):
    """Names and numbers at the density of news text: one name per started 12 words (the first
    may have two words), one number in two lines (and one more per started 20 words)."""
    words = text.split(" ")
    arabic = is_arabic_script(text)
    count = len(words)
    for k in range(1 + (count - 1) // 12):
        name = rng.choice(names)
        if k == 0 and rng.random() < 0.4:
            name += " " + rng.choice(names)
        words.insert(rng.randint(0, len(words)), name)
    for _ in range((rng.random() < 0.5) + (count - 1) // 20):
        number = str(rng.choice([rng.randint(1, 99), rng.randint(100, 9999), rng.randint(1990, 2026)]))
        if arabic and rng.random() < 0.5:
            digits = rng.choice([ARABIC_INDIC, PERSIAN])
            number = "".join(digits[int(d)] for d in number)
        words.insert(rng.randint(0, len(words)), number)
    return " ".join(words)


def shuffle_letters(text, rng):
    letters = [c for c in text if c.isalpha()]
    rng.shuffle(letters)
    it = iter(letters)
    return "".join(next(it) if c.isalpha() else c for c in text)


def random_letters(text, rng):
    alphabet = ARABIC_LETTERS if is_arabic_script(text) else LATIN_LETTERS
    return " ".join("".join(rng.choice(alphabet) for _ in range(len(w))) for w in text.split(" "))


def add_ajami(text, rng):
    chars = list(text)
    positions = [i for i, c in enumerate(chars) if c.isalpha()]
    for i in rng.sample(positions, min(len(positions), max(2, len(positions) // 12))):
        chars[i] = rng.choice(AJAMI)
    return "".join(chars)


def transform(split, text, names, seed):
    rng = random.Random(f"{split}\x00{seed}\x00{text}")
    if split == "plain":
        return text
    if split.startswith("harakat-"):
        return strip_harakat(text, int(split.split("-")[1]), rng)
    if split.startswith("schwa-"):
        return swap_schwa(text, split, rng)
    if split == "names-numbers":
        return inject(text, names, rng)
    if split == "shuffled":
        return shuffle_letters(text, rng)
    if split == "random-letters":
        return random_letters(text, rng)
    if split == "ajami-letters":
        return add_ajami(text, rng)
    if split == "mojibake":
        return text.encode("utf-8").decode("cp1252", errors="replace")
    raise ValueError(split)


def keeps_its_property(split, text):
    """Whether `text` (a line of `split`, perhaps cut) still is what the split says: a cut of an
    `ajami-letters` line that holds none of the added Ajami letters is plain Arabic-script text,
    not unseen text, so it is left out of that split's score. Every other split keeps its
    property in any cut (shuffled, random or mojibake letters stay so)."""
    return split != "ajami-letters" or any(c in AJAMI for c in text)


def splits(items, names, seed=0):
    """{split: [(truth, source, text)]}: label splits keep the truth; unseen-text splits are `und`."""
    out = {s: [(t, f, transform(s, x, names, seed)) for t, f, x in items] for s in LABEL_SPLITS}
    # Unseen text: one line in ten (each label and confuser), every one of them `und`.
    sample = items[::10]
    for s in UND_SPLITS:
        rows = [i for i in items if is_arabic_script(i[2])][::5] if s in ("ajami-letters", "mojibake") else sample
        out[s] = [("und", f, transform(s, x, names, seed)) for _, f, x in rows]
    return out
