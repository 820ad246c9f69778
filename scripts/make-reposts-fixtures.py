#!/usr/bin/env python3
"""Writes the repost-cluster fixtures: four invented public channels exported by Telegram
Desktop (JSON), posting in Hausa, Arabic, Kanuri (Latin and Ajami) and English, where posts
travel between channels as forwards and as edited copies, next to look-alikes that are NOT
the same post:

  Fixtures/reposts/<channel>/result.json      one export per channel
  Fixtures/reposts/clusters.expected.json     the expected clusters (groups of two or more)

Copies carry the edits real channels make: a header line, emoji, hashtags, a signature, a
trimmed sentence, harakat or hooks dropped, schwa ǝ/ə swapped, tatweel, legacy k' spelling.
Hard negatives: two instances of one casualty template (other place, other number) in
English and in Hausa, a channel footer shared by unrelated posts, greetings posted in several
channels (each its own cluster). All texts are original. Run from the package root; the output
is the same on every run.
"""
import datetime, json, os

OFF = 3600  # the exporting machine ran at UTC+01:00 (West Africa Time)
def T(s):
    return int(datetime.datetime.strptime(s, "%Y-%m-%d %H:%M").replace(tzinfo=datetime.timezone.utc).timestamp()) - OFF

CHANNELS = {
    "labarai-yau": ("Labarai Yau", 1700000101),
    "akhbar-albuhayra": ("أخبار البحيرة", 1700000102),
    "kanuri-hawar": ("Kanuri Hawar", 1700000103),
    "lake-watch": ("Lake Watch", 1700000104),
}

HA = ("Jami'an tsaro sun ceto ɗalibai ashirin da uku da aka sace a makarantar garin Dapchi ranar Talata. "
      "Iyayensu sun ce za a mayar da su gida bayan an duba lafiyarsu a asibiti.")
AR = ("أَعْلَنَتْ لَجْنَةُ الإِغَاثَةِ أَنَّهَا وَزَّعَتْ الغِذَاءَ عَلَى أَلْفِ أُسْرَةٍ نَازِحَةٍ فِي مُخَيَّمِ دِيكْوَا. "
      "وَقَالَتْ إِنَّ قَافِلَةً ثَانِيَةً سَتَصِلُ الأُسْبُوعَ المُقْبِلَ.")
AR_BARE = ("أعلنت لجنة الإغاثة أنها وزعت الغذاء على ألف أسرة نازحة في مخيم ديكوا. "
           "وقالت إن قافلة ثانية ستصل الأسبوع المقبل.")
KNC = ("Kam kǝnjibe ngǝwua Monguno-lan kasuwu gana kǝnasǝna. "
       "Bulama ye wono: kasuwu lardǝ ngawo kǝla kura dǝ kǝrmai. Fato ngǝwua sǝdin.")
KNC_SWAPPED = KNC.replace("ǝ", "ə").rsplit(" Fato", 1)[0]
AJAMI = "كَمْ كٗنْجِبٖ نٗغٗوَ مُنْغُنُ لَنْ كَسُوُ غَنَ كٗنَسٗنَ. بُلَمَ يٖ وُنُ: كَسُوُ لَرْدٗ نْغَوُ كٗلَ كُرَ."
AJAMI_TATWEEL = "كَمْ كٗنْجِبٖ نٗغٗوَ مُنْغُنُ لَنْ كَسُـــوُ غَنَ كٗنَسٗنَ. بُلَمَ يٖ وُنُ: كَسُوُ لَرْدٗ نْغَـــوُ كٗلَ كُرَ."
EN = ("The state government said the road between Maiduguri and Damboa will reopen to traffic on Monday "
       "after engineers finished repairing two bridges damaged by the floods.")
TEMPLATE_EN = "At least {n} people were killed when gunmen attacked {place} in Borno State, residents said. The attackers burned {h} houses."
TEMPLATE_HA = "Akalla mutane {n} ne suka rasa rayukansu a wani hari da 'yan bindiga suka kai garin {place} na jihar Borno."
FOOTER = "\n\nFollow Lake Watch for updates from the Lake Chad basin every day"
OTHER_A = "Farmers in Yobe asked the ministry to deliver fertiliser before the rains begin next month, a union leader said."
OTHER_B = "The football final between two Maiduguri clubs was postponed by a week because the stadium needs new lights."

# (channel, id, wall time, text or [runs], extra fields, cluster label or None)
POSTS = [
    ("labarai-yau", 10, "2025-03-04 08:00", HA, {}, "ha"),
    ("lake-watch", 20, "2025-03-04 09:15", HA, {"forwarded_from": "Labarai Yau", "forwarded_from_id": "channel1700000101"}, "ha"),
    ("akhbar-albuhayra", 30, "2025-03-05 11:00",
     [("bold", "Sanarwa:"), ("plain", "\n" + HA.replace("ɗ", "d").replace("Jami'an", "Jamian") + "\n\n"), ("hashtag", "#Borno"), ("plain", " "), ("hashtag", "#Arewa")], {}, "ha"),
    ("akhbar-albuhayra", 31, "2025-03-06 07:30", AR, {}, "ar"),
    ("labarai-yau", 11, "2025-03-06 10:05", "عاجل:\n" + AR_BARE + " 🔴", {}, "ar"),
    ("kanuri-hawar", 40, "2025-03-07 12:00", KNC, {}, "knc"),
    ("lake-watch", 21, "2025-03-08 09:40", KNC_SWAPPED + "\n\n— Lake Watch", {}, "knc"),
    ("kanuri-hawar", 41, "2025-03-09 08:20", AJAMI, {}, "ajami"),
    ("akhbar-albuhayra", 32, "2025-03-09 16:45", AJAMI_TATWEEL, {}, "ajami"),
    ("lake-watch", 22, "2025-03-10 06:55", EN + FOOTER, {}, "en"),
    ("labarai-yau", 12, "2025-03-10 13:10", "BREAKING: " + EN.replace("Monday", "Monday!!") + " #Borno", {}, "en"),
    ("kanuri-hawar", 42, "2025-03-11 18:00", "Forwarded from Lake Watch\n" + EN, {}, "en"),
    # Template instances: each its own post, and one copy of the first.
    ("lake-watch", 23, "2025-03-12 07:00", TEMPLATE_EN.format(n=12, place="Gubio", h=40), {}, "tmpl-en-1"),
    ("labarai-yau", 13, "2025-03-13 07:00", TEMPLATE_EN.format(n=9, place="Monguno", h=31), {}, None),
    ("akhbar-albuhayra", 33, "2025-03-13 09:00", "📌 " + TEMPLATE_EN.format(n=12, place="Gubio", h=40), {}, "tmpl-en-1"),
    ("labarai-yau", 14, "2025-03-14 07:00", TEMPLATE_HA.format(n=5, place="Konduga"), {}, None),
    ("kanuri-hawar", 43, "2025-03-14 08:00", TEMPLATE_HA.format(n=7, place="Bama"), {}, None),
    ("lake-watch", 24, "2025-03-15 07:00", TEMPLATE_HA.format(n=5, place="Konduga").replace("'yan", "yan"), {}, None),
    # A channel footer on unrelated posts.
    ("lake-watch", 25, "2025-03-16 08:00", OTHER_A + FOOTER, {}, None),
    ("lake-watch", 26, "2025-03-16 09:00", OTHER_B + FOOTER, {}, None),
    # Greetings: typed anew everywhere, never clustered.
    ("labarai-yau", 15, "2025-03-21 06:00", "Barka da Juma'a 🤲", {}, None),
    ("kanuri-hawar", 44, "2025-03-21 06:30", "Barka da Juma'a 🤲", {}, None),
    ("akhbar-albuhayra", 34, "2025-03-21 07:00", "جمعة مباركة", {}, None),
    ("lake-watch", 27, "2025-03-21 07:10", "جمعة مباركة", {}, None),
]
# The Hausa template's instance at lake-watch 24 is a copy of labarai-yau 14 (apostrophe lost).
LABELS = {("lake-watch", 24): "tmpl-ha-1", ("labarai-yau", 14): "tmpl-ha-1"}


def runs(text):
    if isinstance(text, str):
        return text, [{"type": "plain", "text": text}]
    out, entities = [], []
    for kind, t in text:
        out.append(t if kind == "plain" else {"type": kind, "text": t})
        entities.append({"type": kind, "text": t})
    if not isinstance(out[-1], str):
        out.append("")
    return out, entities


def export(slug):
    name, cid = CHANNELS[slug]
    messages = [{"id": 1, "type": "service", "date": "2025-01-01T08:00:00", "date_unixtime": str(T("2025-01-01 08:00")),
                 "actor": name, "actor_id": f"channel{cid}", "action": "create_channel", "title": name, "text": "", "text_entities": []}]
    for channel, mid, wall, text, extra, _ in POSTS:
        if channel != slug:
            continue
        text_value, entities = runs(text)
        m = {"id": mid, "type": "message", "date": wall.replace(" ", "T") + ":00", "date_unixtime": str(T(wall)),
             "from": name, "from_id": f"channel{cid}"}
        m.update(extra)
        m["text"] = text_value
        m["text_entities"] = entities
        messages.append(m)
    return {"name": name, "type": "public_channel", "id": cid, "messages": messages}


def main():
    for slug in CHANNELS:
        os.makedirs(f"Fixtures/reposts/{slug}", exist_ok=True)
        with open(f"Fixtures/reposts/{slug}/result.json", "w", encoding="utf-8") as f:
            json.dump(export(slug), f, ensure_ascii=False, indent=1)
            f.write("\n")
    groups = {}
    for channel, mid, _, _, _, label in POSTS:
        label = LABELS.get((channel, mid), label)
        if label:
            groups.setdefault(label, []).append({"channel": channel, "message": mid})
    clusters = [g for g in groups.values() if len(g) > 1]
    with open("Fixtures/reposts/clusters.expected.json", "w", encoding="utf-8") as f:
        json.dump({"note": "Groups of two or more messages that are one post; every other message is alone.", "clusters": clusters},
                  f, ensure_ascii=False, indent=1)
        f.write("\n")


main()
