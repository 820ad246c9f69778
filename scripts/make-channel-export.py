#!/usr/bin/env python3
"""Writes a Telegram Desktop export (result.json) of one simulated channel, streamed, and its truth.

Usage: make-channel-export.py MESSAGES OUT_DIR [--seed N] [--run-every N]
Deterministic for a seed. The channel has what `taska telegram report` must find: id gaps (one
deleted message in 997, a run of 25 missing ids every 20,011 ids, or --run-every), service messages (one in 500),
edits (one in 50), forwards from 12 channels (one in 10), replies (one in 7, to a message up to
40 back, so threads nest) and @mentions (one in 30); text in Hausa, Kanuri, Arabic and English
made of words written for this script. OUT_DIR/truth.json holds the figures `taska telegram report`
must give (missing ids and gaps count service messages too: Taska makes no record of them).
"""
import json, os, random, sys
from datetime import datetime, timezone

WORDS = {
    "ha": "gwamnati ta sanar cewa kasuwa za a bude gobe da safe ruwa ya yi yawa a garin".split(),
    "knc": "kǝla lejin kasuwu nǝm ba kura dǝ Maiduguriro ye suro ruwa ngawo".split(),
    "ar": "أعلنت الحكومة أن السوق سيفتح غدا صباحا وأن المياه كثيرة في المدينة".split(),
    "en": "the council said the market will open tomorrow morning and the water is high".split(),
}
SOURCES = [f"Tashar Labarai {i}" for i in range(12)]
SENDERS = ["Aisha Lawan", "Musa Bukar", "Fatima Kolo", "Bulama Ali"]


def main():
    args = sys.argv[1:]
    count, out = int(args[0]), args[1]
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 7
    run_every = int(args[args.index("--run-every") + 1]) if "--run-every" in args else 20011
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    truth = {"messages": 0, "service": 0, "edited": 0, "replies": 0, "forwards": {}, "mentions": 0}
    records = []  # ids that become records, ascending (for the report's gaps)
    start = 1767225600  # 2026-01-01T00:00:00Z
    with open(os.path.join(out, "result.json"), "w", encoding="utf-8") as f:
        f.write('{\n "name": "Simulated Channel",\n "type": "public_channel",\n "id": 1700000001,\n "messages": [\n')
        msg_id, written, first = 0, 0, True
        present = []  # recent ids, for replies
        while written < count:
            msg_id += 1
            if msg_id % run_every == 0:  # a run of 25 ids missing from the export
                msg_id += 24
                continue
            if msg_id % 997 == 0:  # a deleted message
                continue
            unix = start + msg_id * 37
            date = f"{unix}"
            m = {"id": msg_id, "date_unixtime": date}
            if msg_id % 500 == 0:
                m.update({"type": "service", "actor": "Simulated Channel", "action": "pin_message", "text": "", "text_entities": []})
                truth["service"] += 1
            else:
                lang = rng.choice(list(WORDS))
                words = [rng.choice(WORDS[lang]) for _ in range(rng.randint(6, 24))]
                text = " ".join(words)
                entities = [{"type": "plain", "text": text}]
                m.update({"type": "message", "from": SENDERS[msg_id % len(SENDERS)], "from_id": f"user{msg_id % len(SENDERS)}"})
                if msg_id % 30 == 0:
                    handle = f"@tashar_{msg_id % 5}"
                    text += " " + handle
                    entities = [{"type": "plain", "text": " ".join(words) + " "}, {"type": "mention", "text": handle}]
                    truth["mentions"] += 1
                m["text"] = text if len(entities) == 1 else [entities[0]["text"], entities[1]]
                m["text_entities"] = entities
                if msg_id % 10 == 0:
                    source = SOURCES[(msg_id // 10) % len(SOURCES)]
                    m["forwarded_from"] = source
                    truth["forwards"][source] = truth["forwards"].get(source, 0) + 1
                if msg_id % 7 == 0 and present:
                    m["reply_to_message_id"] = present[-1 - rng.randrange(min(40, len(present)))]
                    truth["replies"] += 1
                if msg_id % 50 == 0:
                    m["edited_unixtime"] = str(unix + 600)
                    truth["edited"] += 1
                truth["messages"] += 1
                records.append(msg_id)
                present.append(msg_id)
                if len(present) > 64:
                    present = present[-64:]
            # Telegram writes local wall time; this export's machine ran on UTC.
            m["date"] = datetime.fromtimestamp(unix, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
            if "edited_unixtime" in m:
                m["edited"] = datetime.fromtimestamp(int(m["edited_unixtime"]), timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
            f.write(("" if first else ",\n") + json.dumps(m, ensure_ascii=False))
            first = False
            written += 1
        f.write("\n ]\n}\n")
    # The report's id range and gaps: ids with no record (deleted, missing, service).
    truth["firstId"], truth["lastId"] = records[0], records[-1]
    truth["missingIds"] = sum(b - a - 1 for a, b in zip(records, records[1:]))
    truth["gapCount"] = sum(1 for a, b in zip(records, records[1:]) if b > a + 1)
    with open(os.path.join(out, "truth.json"), "w") as f:
        json.dump(truth, f, indent=1, ensure_ascii=False)
    print(json.dumps({k: v for k, v in truth.items() if k != "forwards"}))


if __name__ == "__main__":
    main()
