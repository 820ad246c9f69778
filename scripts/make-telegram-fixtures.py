#!/usr/bin/env python3
"""Writes the Telegram export fixtures: one invented chat ("Labaran Kasuwar Maiduguri", a
public supergroup of market news in Hausa, Arabic, Kanuri and English) exported twice, as
Telegram Desktop writes it:

  Fixtures/telegram/labarai-kasuwa-json/result.json          (JSON export)
  Fixtures/telegram/labarai-kasuwa-html/messages.html        (HTML export, page 1)
  Fixtures/telegram/labarai-kasuwa-html/messages2.html       (HTML export, page 2)

plus a `.snippets.json` next to each. Both forms hold the same 11 messages with the same
instants (the machine ran at UTC+01:00): 9 ordinary, 2 service (chat created, pin), date
separators in HTML, joined blocks (one at the top of page 2), a forward, replies (one across
pages), an edit, a signature, a media-only photo that was not downloaded, entities (bold,
italic, hashtag, mention, link, text_link), and in the JSON a `\\x0B` escape and a duplicate
key. All texts are original. Run from the package root; the output is the same on every run.
"""
import json, html, datetime, os
for d in ("labarai-kasuwa-json", "labarai-kasuwa-html"):
    os.makedirs(f"Fixtures/telegram/{d}", exist_ok=True)
OFF = 3600  # the exporting machine ran at UTC+01:00 (West Africa Time)
CHAT = "Labaran Kasuwar Maiduguri"
CID = 1987654321
def T(s): return int(datetime.datetime.strptime(s, "%Y-%m-%d %H:%M:%S").replace(tzinfo=datetime.timezone.utc).timestamp()) - OFF
A = ("Aisha Lawan", "user5550001")
M = ("Musa Bukar", "user5550002")
G = (CHAT, "channel1987654321")
# (id, kind, wall, sender, entities, extra, page, joined)
msgs = [
 (1, "service", "2026-03-02 07:58:00", G, [], {"action": "create_channel", "title": CHAT}, 1, False),
 (2, "message", "2026-03-02 08:05:11", A, [("plain", "Barka da safiya! "), ("bold", "Farashin kasuwa"), ("plain", " na yau:\nHatsi ya sauka kaɗan. "), ("hashtag", "#Maiduguri")], {}, 1, False),
 (3, "message", "2026-03-02 08:06:40", A, [("plain", "أسعار السوق اليوم على "), ("text_link", "الموقع", "https://example.org/suq"), ("plain", ".")], {}, 1, True),
 (4, "message", "2026-03-02 09:12:03", M, [("plain", "Kasuwa Maiduguri-ro kəla kura.")], {"forwarded_from": "Rediyon Borno", "forwarded_from_id": "channel1400000001"}, 1, False),
 (5, "message", "2026-03-02 09:30:00", M, [], {"photo": "(File not included. Change data exporting settings to download.)", "photo_file_size": 81234, "width": 1280, "height": 960}, 1, True),
 (6, "message", "2026-03-03 10:00:05", G, [("plain", "Price list for Tuesday from "), ("mention", "@labarai_kasuwa"), ("plain", ": "), ("link", "https://example.org/prices"), ("plain", " — "), ("italic", "updated hourly")], {"author": "Fatima Ali", "edited": "2026-03-03 10:15:00"}, 1, False),
 (7, "message", "2026-03-03 11:20:30", M, [("plain", "Wake ₦1,200 kowane kwano.")], {}, 1, False),
 (8, "message", "2026-03-03 11:21:10", M, [("plain", "Farashin shinkafa ya tashi\x0bsosai.")], {"dupkey": True}, 2, True),
 (9, "service", "2026-03-03 12:00:00", A, [], {"action": "pin_message", "message_id": 2}, 2, False),
 (10, "message", "2026-03-04 07:45:00", A, [("plain", "Na gode, "), ("bold", "Musa"), ("plain", ". Za mu je kasuwa gobe.")], {"reply_to_message_id": 2}, 2, False),
 (11, "message", "2026-03-04 07:46:12", A, [("plain", "شكرا لكم جميعا.\nنلتقي غدا في السوق.")], {"reply_to_message_id": 10}, 2, True),
]
def dates_for(m):
    wall = m[2]
    return wall.replace(" ", "T"), T(wall)

# ---------- JSON ----------
def js(s):
    out = json.dumps(s, ensure_ascii=False)
    return out.replace("\\u000b", "\\x0B")  # tdesktop writes other control bytes as \xNN
def ent_json(e):
    d = {"type": e[0], "text": e[1]}
    if e[0] == "text_link": d["href"] = e[2]
    return d
lines = ["{", f' "name": {js(CHAT)},', ' "type": "public_supergroup",', f' "id": {CID},', ' "messages": [']
objs = []
for m in msgs:
    mid, kind, wall, snd, ents, extra, page, joined = m
    w, unix = dates_for(m)
    f = [f'   "id": {mid}', f'   "type": "{kind}"', f'   "date": "{w}"', f'   "date_unixtime": "{unix}"']
    if "edited" in extra:
        ew = extra["edited"]
        f += [f'   "edited": "{ew.replace(" ", "T")}"', f'   "edited_unixtime": "{T(ew)}"']
    if kind == "service":
        f += [f'   "actor": {js(snd[0])}', f'   "actor_id": "{snd[1]}"', f'   "action": "{extra["action"]}"']
        if "title" in extra: f.append(f'   "title": {js(extra["title"])}')
        if "message_id" in extra: f.append(f'   "message_id": {extra["message_id"]}')
    else:
        f += [f'   "from": {js(snd[0])}', f'   "from_id": "{snd[1]}"']
        if extra.get("dupkey"):
            f += ['   "author": "Tsohon suna"', '   "author": "Musa Bukar"']
        if "author" in extra: f.append(f'   "author": {js(extra["author"])}')
        if "forwarded_from" in extra:
            f += [f'   "forwarded_from": {js(extra["forwarded_from"])}', f'   "forwarded_from_id": "{extra["forwarded_from_id"]}"']
        if "reply_to_message_id" in extra: f.append(f'   "reply_to_message_id": {extra["reply_to_message_id"]}')
        for k in ("photo", "photo_file_size", "width", "height"):
            if k in extra: f.append(f'   "{k}": {js(extra[k])}')
    # text: a plain string for a single plain run, else an array of strings and entity objects
    if not ents:
        text = '""'
    elif len(ents) == 1 and ents[0][0] == "plain":
        text = js(ents[0][1])
    else:
        parts = [js(e[1]) if e[0] == "plain" else js(ent_json(e)) for e in ents]
        text = "[\n    " + ",\n    ".join(parts) + "\n   ]"
    f.append(f'   "text": {text}')
    te = [js(ent_json(e)) for e in ents]
    f.append('   "text_entities": [' + (("\n    " + ",\n    ".join(te) + "\n   ]") if te else "]"))
    objs.append("  {\n" + ",\n".join(f) + "\n  }")
lines.append(",\n".join(objs))
lines += [" ]", "}"]
open("Fixtures/telegram/labarai-kasuwa-json/result.json", "w").write("\n".join(lines) + "\n")

# ---------- HTML ----------
def ent_html(e):
    t = html.escape(e[1], quote=False).replace("\n", "<br>").replace("\x0b", " ")
    k = e[0]
    if k == "plain": return t
    if k == "bold": return f"<strong>{t}</strong>"
    if k == "italic": return f"<em>{t}</em>"
    if k == "link": return f'<a href="{e[1]}">{t}</a>'
    if k == "text_link": return f'<a href="{e[2]}">{t}</a>'
    if k == "mention": return f'<a href="https://t.me/{e[1][1:]}">{t}</a>'
    if k == "hashtag": return f'<a href="" onclick="return ShowHashtag(&quot;{e[1][1:]}&quot;)">{t}</a>'
    raise ValueError(k)
def title(wall):
    d = datetime.datetime.strptime(wall, "%Y-%m-%d %H:%M:%S")
    return d.strftime("%d.%m.%Y %H:%M:%S") + " UTC+01:00"
def page(n, items, prev=None, nxt=None):
    out = ['<!DOCTYPE html>', '<html>', '', ' <head>', '', '  <meta charset="utf-8"/>', '<title>Exported Data</title>',
           '  <meta content="width=device-width, initial-scale=1.0" name="viewport"/>', '',
           '  <link href="css/style.css" rel="stylesheet"/>', '', ' </head>', '', ' <body onload="CheckLocation();">', '',
           '  <div class="page_wrap">', '', '   <div class="page_header">', '', '    <div class="content">', '',
           '     <div class="text bold">', CHAT, '     </div>', '', '    </div>', '', '   </div>', '',
           '   <div class="page_body chat_page">', '', '    <div class="history">', '']
    if prev: out += [f'     <a class="pagination block_link" href="{prev}">', 'Previous messages', '     </a>', '']
    out += items
    if nxt: out += [f'     <a class="pagination block_link" href="{nxt}">', 'Next messages', '     </a>', '']
    out += ['    </div>', '', '   </div>', '', '  </div>', '', ' </body>', '', '</html>', '']
    return "\n".join(out)
pages = {1: [], 2: []}
sep_id = {1: -1, 2: -2}
last_day = {}
sep_counter = [0]
prev_day = None
for m in msgs:
    mid, kind, wall, snd, ents, extra, pg, joined = m
    day = wall[:10]
    items = pages[pg]
    if day != prev_day:
        sep_counter[0] -= 1
        d = datetime.datetime.strptime(day, "%Y-%m-%d")
        items += [f'     <div class="message service" id="message{sep_counter[0]}">', '', '      <div class="body details">',
                  f'{d.day} {d.strftime("%B %Y")}', '      </div>', '', '     </div>', '']
        prev_day = day
    if kind == "service":
        txt = f'Channel &laquo;{CHAT}&raquo; created' if extra["action"] == "create_channel" else f'{snd[0]} pinned &quot;<a href="messages.html#go_to_message2">this message</a>&quot;'
        items += [f'     <div class="message service" id="message{mid}">', '', '      <div class="body details">', txt,
                  '      </div>', '', '     </div>', '']
        continue
    cls = "message default clearfix" + (" joined" if joined else "")
    items += [f'     <div class="{cls}" id="message{mid}">', '']
    if not joined:
        items += ['      <div class="pull_left userpic_wrap">', '', '       <div class="userpic userpic2" style="width: 42px; height: 42px">', '',
                  '        <div class="initials" style="line-height: 42px">', snd[0][0], '        </div>', '', '       </div>', '', '      </div>', '']
    items += ['      <div class="body">', '', f'       <div class="pull_right date details" title="{title(wall)}">', wall[11:16], '       </div>', '']
    if not joined:
        items += ['       <div class="from_name">', html.escape(snd[0]) + ' ', '       </div>', '']
    if "reply_to_message_id" in extra:
        r = extra["reply_to_message_id"]
        target_page = next(x[6] for x in msgs if x[0] == r)
        link = f'<a href="#go_to_message{r}" onclick="return GoToMessage({r})">this message</a>' if target_page == pg else f'<a href="messages.html#go_to_message{r}">this message</a>'
        items += ['       <div class="reply_to details">', f'In reply to {link}', '       </div>', '']
    inner = []
    if "photo" in extra:
        inner += ['       <div class="media_wrap clearfix">', '', '        <div class="media clearfix pull_left media_photo">', '',
                  '         <div class="fill pull_left">', '', '         </div>', '', '         <div class="body">', '',
                  '          <div class="title bold">', 'Photo', '          </div>', '', '          <div class="description">',
                  'Not included, change data exporting settings to download.', '          </div>', '', '          <div class="status details">',
                  '1280x960, 79.3 KB', '          </div>', '', '         </div>', '', '        </div>', '', '       </div>', '']
    if ents:
        inner += ['       <div class="text">', "".join(ent_html(e) for e in ents), '       </div>', '']
    if "forwarded_from" in extra:
        items += ['       <div class="pull_left forwarded userpic_wrap">', '', '       </div>', '', '       <div class="forwarded body">', '',
                  '        <div class="from_name">', html.escape(extra["forwarded_from"]) + ' <span class="date details" title="01.03.2026 18:00:00 UTC+01:00"> 01.03.2026 18:00:00</span>', '        </div>', '']
        items += inner + ['       </div>', '']
    else:
        items += inner
    if "author" in extra:
        items += ['       <div class="signature details">', html.escape(extra["author"]), '       </div>', '']
    items += ['      </div>', '', '     </div>', '']
open("Fixtures/telegram/labarai-kasuwa-html/messages.html", "w").write(page(1, pages[1], nxt="messages2.html"))
open("Fixtures/telegram/labarai-kasuwa-html/messages2.html", "w").write(page(2, pages[2], prev="messages.html"))

# ---------- snippets ----------
SNIPPETS = {
    "labarai-kasuwa-json/result.json": (["Barka da safiya! Farashin kasuwa na yau:", "نلتقي غدا في السوق."],
                                        ["create_channel", "text_entities", "date_unixtime"]),
    "labarai-kasuwa-html/messages.html": (["Barka da safiya! Farashin kasuwa na yau:", "Wake ₦1,200 kowane kwano."],
                                          ["Exported Data", "Not included, change data exporting settings to download.", "Next messages"]),
    "labarai-kasuwa-html/messages2.html": (["Farashin shinkafa ya tashi sosai.", "نلتقي غدا في السوق."],
                                           ["Previous messages", "pinned", "In reply to"]),
}
for name, (with_, without) in SNIPPETS.items():
    with open(f"Fixtures/telegram/{name}.snippets.json", "w") as f:
        f.write(json.dumps({"with": with_, "without": without}, ensure_ascii=False, indent=2) + "\n")
