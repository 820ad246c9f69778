#!/usr/bin/env python3
"""Regenerate Taska's test fixtures under Fixtures/ (stdlib only, deterministic).

Run from the package root:

    python3 scripts/make-fixtures.py

Every fixture is written from the source texts below with its exact byte encoding, followed
by a `<file>.snippets.json` next to each non-broken fixture and Fixtures/README.md.
Then the script verifies what it wrote (round-trips, byte ranges, mojibake markers,
snippet placement) and exits non-zero if anything is off.

All texts are original compositions for testing (civic life around Lake Chad). The Kanuri
texts were composed by a non-native writer from corpus vocabulary; the Kanuri Ajami texts
are the writer's own transliterations of his own Kanuri sentences, following the
conventions of the knc-Arab training data (U+0657 for schwa, تش for c, نغ for ng).
Short Arabic religious formulas and Qur'an phrases are quoted as a preacher would.
No randomness except `broken/binary-garbage.html`, which uses a fixed seed.
"""
from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "Fixtures"

# ---------------------------------------------------------------------------------------------
# Encoders
# ---------------------------------------------------------------------------------------------

UTF8_BOM = b"\xef\xbb\xbf"
UTF16LE_BOM = b"\xff\xfe"
CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def mojibake(text: str) -> bytes:
    """UTF-8 bytes read as windows-1252 and saved again as UTF-8.

    Bytes that windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) become the C1
    control with the same number, as browsers and most real mojibake do (latin-1 mapping).
    """
    chars = []
    for byte in text.encode("utf-8"):
        if byte < 0x80 or byte in CP1252_UNDEFINED:
            chars.append(chr(byte))
        else:
            chars.append(bytes([byte]).decode("cp1252"))
    return "".join(chars).encode("utf-8")


def unmojibake(data: bytes) -> str:
    """Inverse of mojibake(), used only by the self-check."""
    out = bytearray()
    for ch in data.decode("utf-8"):
        if ord(ch) < 0x80 or (ord(ch) in CP1252_UNDEFINED):
            out.append(ord(ch))
        else:
            out += ch.encode("cp1252")
    return out.decode("utf-8")


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


# Kanuri Ajami in windows-1256: the code page has fatha/damma/kasra/sukun/shadda but neither
# U+0657 (inverted damma, the schwa sign) nor U+0670 (superscript alef used for e). A typist on
# that code page writes the schwa with a plain damma (the nearest available mark) and leaves out
# the superscript alef.
def ajami_for_cp1256(text: str) -> str:
    return text.replace("\u0657", "\u064f").replace("\u0670", "")


# ---------------------------------------------------------------------------------------------
# Reference normaliser for the self-check (what a correct record's text looks like)
# ---------------------------------------------------------------------------------------------

BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
INVISIBLES = "\u200b\u2060\ufeff\u00ad"
TATWEEL = "\u0640"


def ref_normalize(text: str) -> str:
    """Record text keeps the source's letters: Hausa k' 'y and Kanuri ǝ/ə stay as written."""
    out = []
    for ch in text:
        cp = ord(ch)
        if 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFE:  # Arabic presentation forms
            out.append(unicodedata.normalize("NFKC", ch))
        elif ch in BIDI_CONTROLS or ch in INVISIBLES or ch == TATWEEL:
            continue
        else:
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


# ---------------------------------------------------------------------------------------------
# Document builders
# ---------------------------------------------------------------------------------------------


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


STYLE = (
    "body{font-family:Georgia,serif;margin:0;color:#222}"
    ".site-header{background:#0b4f6c;color:#fff;padding:8px 16px}"
    "nav ul{list-style:none;display:flex;gap:12px;margin:0;padding:0}"
    ".cookie-banner{position:fixed;bottom:0;left:0;right:0;background:#333;color:#eee;padding:10px}"
    ".share a{margin-right:8px}"
)


def html_page(*, lang, rtl=False, meta, title, site, site_id, nav, headline, byline, paragraphs,
              share_label, share_links, related_label, related, footer, cookie, cookie_button,
              extra_head=""):
    """A news-site page with realistic boilerplate around <article>.

    paragraphs: list of (tag_attrs, inner_html) or plain strings (rendered as <p>).
    """
    dir_attr = ' dir="rtl"' if rtl else ""
    nav_html = "\n".join(f'      <li><a href="/{i}">{esc(item)}</a></li>' for i, item in enumerate(nav))
    body = []
    for p in paragraphs:
        if isinstance(p, tuple):
            attrs, inner = p
            body.append(f"    <p{attrs}>{inner}</p>")
        else:
            body.append(f"    <p>{p}</p>")
    body_html = "\n".join(body)
    share_html = " ".join(f'<a href="https://share.example/{name.lower()}?u=%2Fa%2F1">{esc(name)}</a>'
                          for name in share_links)
    related_html = "\n".join(f'      <li><a href="/labari/{i + 101}">{esc(r)}</a></li>' for i, r in enumerate(related))
    return f"""<!DOCTYPE html>
<html lang="{lang}"{dir_attr}>
<head>
{meta}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} | {esc(site)}</title>
<link rel="stylesheet" href="/static/site.css">
<style>
{STYLE}
</style>
<script>
window.dataLayer = window.dataLayer || [];
function track(){{ dataLayer.push(arguments); }}
track("config", "{site_id}-analytics", {{ anonymize: true }});
</script>{extra_head}
</head>
<body>
<header class="site-header">
  <a class="logo" href="/">{esc(site)}</a>
  <nav class="main-menu" aria-label="menu">
    <ul>
{nav_html}
    </ul>
  </nav>
</header>
<main>
  <article>
    <h1>{esc(headline)}</h1>
    <p class="byline">{esc(byline)}</p>
{body_html}
    <div class="share">{esc(share_label)} {share_html}</div>
  </article>
  <aside class="related">
    <h2>{esc(related_label)}</h2>
    <ul>
{related_html}
    </ul>
  </aside>
</main>
<footer class="site-footer"><p>{esc(footer)}</p></footer>
<div class="cookie-banner" id="cookie-banner">{esc(cookie)} <button type="button">{esc(cookie_button)}</button></div>
<script>document.getElementById("cookie-banner").hidden = !!localStorage.getItem("ok");</script>
</body>
</html>
"""


def plain_text(title, paragraphs, closing=None):
    parts = [title] if title else []
    parts += paragraphs
    if closing:
        parts.append(closing)
    return "\n\n".join(parts) + "\n"


def rss(*, encoding, channel_title, channel_link, channel_desc, lang, items):
    """RSS 2.0. items: list of (title, link, pubDate, description)."""
    out = [f'<?xml version="1.0" encoding="{encoding}"?>',
           '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
           "<channel>",
           f"  <title>{channel_title}</title>",
           f"  <link>{channel_link}</link>",
           f'  <atom:link href="{channel_link}rss.xml" rel="self" type="application/rss+xml"/>',
           f"  <description>{channel_desc}</description>",
           f"  <language>{lang}</language>"]
    for title, link, date, desc in items:
        out += ["  <item>",
                f"    <title>{title}</title>",
                f"    <link>{link}</link>",
                f'    <guid isPermaLink="true">{link}</guid>',
                f"    <pubDate>{date}</pubDate>",
                f"    <description>{desc}</description>",
                "  </item>"]
    out += ["</channel>", "</rss>"]
    return "\n".join(out) + "\n"


def lines(block: str) -> list[str]:
    return [l for l in block.strip("\n").split("\n") if l.strip()]


# ---------------------------------------------------------------------------------------------
# Fixture registry
# ---------------------------------------------------------------------------------------------

FIXTURES: list[dict] = []


def add(path, *, data, lang, fmt, encoding, tests, expected, logical=None, main=None,
        with_=None, without=None, codec=None, bom=b"", kind="text",
        markers=None):
    FIXTURES.append(dict(path=path, data=data, lang=lang, fmt=fmt, encoding=encoding, tests=tests,
                         expected=expected, logical=logical, main=main or [], with_=with_ or [],
                         without=without or [], codec=codec, bom=bom,
                         kind=kind, markers=markers or []))


# =============================================================================================
# Hausa (ha)
# =============================================================================================

HA_NAV = ["Gida", "Labarai", "Siyasa", "Wasanni", "Kasuwanci", "Lafiya", "Tuntuɓe mu"]
HA_BOILER = dict(
    site="Jaridar Arewa", site_id="jaridar-arewa", nav=HA_NAV,
    share_label="Raba wannan labari:", share_links=["Facebook", "WhatsApp", "X"],
    related_label="Labarai masu alaƙa",
    related=["Manoma sun fara shuka gero a Dikwa", "An buɗe sabon asibiti a Ngala",
             "Taron zaman lafiya a Monguno ya kammala"],
    footer="© 2024 Jaridar Arewa. Duk haƙƙoƙi a kiyaye suke.",
    cookie="Wannan shafi yana amfani da kukis domin inganta hidimarmu.", cookie_button="Na amince",
)
HA_WITHOUT = ["Tuntuɓe mu", "Raba wannan labari", "Duk haƙƙoƙi a kiyaye suke", "yana amfani da kukis",
              "jaridar-arewa-analytics", "font-family:Georgia"]

HA_KASUWA = lines("""
Babbar kasuwar kifi ta garin Kukawa ta sake buɗe ƙofofinta ranar Litinin, bayan gyaran watanni uku da ƙaramar hukuma ta yi wa rumfuna da magudanan ruwa.
Shugaban ƙungiyar masunta na yankin, Malam Bukar Goni, ya ce a baya masunta sukan yi tafiyar kilomita arba’in kafin su sami inda za su sayar da kifinsu. “Yanzu kifin da aka kamo da asuba a Tafkin Chadi zai iya isa kasuwa kafin azahar,” in ji shi.
Mata masu sana’ar busar da kifi da soya shi sun ce sababbin rumfunan da aka yi da kwano sun fi na da ƙarfi, kuma ba sa zubar da ruwa idan damina ta sauka. Hajiya Kaltume Modu, wadda ta shafe shekaru ashirin tana sayar da banda, ta ce ta ɗauki ’yan mata biyu aiki a rumfarta.
Sakataren ƙaramar hukumar, Alhaji Mustapha Lawan, ya bayyana cewa an haƙa rijiyar burtsatse guda ɗaya tare da gina banɗakuna shida a cikin kasuwar domin tsabta. Ya kuma gargaɗi ’yan kasuwa da kada su riƙa zubar da kayan cikin kifi a magudanan ruwa.
A makon farko farashin kifi ya ɗan sauka, inda ake sayar da kwandon tarwaɗa a kan naira dubu goma sha biyar, sabanin dubu ashirin da ake sayarwa a watan jiya.
Masunta sun roƙi gwamnatin jiha ta gyara hanyar da ta haɗa Kukawa da Monguno kafin ruwan sama ya yi ƙarfi, domin motocin kifi su samu damar wucewa ba tare da jinkiri ba.
""")
_doc = html_page(lang="ha", meta='<meta charset="utf-8">',
                 title="An sake buɗe babbar kasuwar kifi ta Kukawa bayan gyara",
                 headline="An sake buɗe babbar kasuwar kifi ta Kukawa bayan gyara",
                 byline="Daga wakilinmu, Kukawa", paragraphs=HA_KASUWA, **HA_BOILER)
add("ha/labari-kasuwar-kifi-utf8.html", data=_doc.encode("utf-8"), codec="utf-8", logical=_doc,
    main=HA_KASUWA, lang="ha", fmt="HTML", encoding="UTF-8 (meta charset)",
    tests="news page with full boilerplate (nav, share, related list, footer, cookie banner, script, style); hooked letters ɓ ɗ ƙ and ’ in text",
    expected="charset utf-8 (declared); lang ha; text contains 'ƙofofinta' and 'ɗauki'; nav/share/footer/cookie/script/style text absent",
    with_=["Babbar kasuwar kifi ta garin Kukawa", "motocin kifi su samu damar wucewa"], without=HA_WITHOUT)

# OCR'd or ASCII-typed Hausa: the news text above with every hooked letter lost (ɓ ɗ ƙ ƴ written
# b d k y), its ’yan kept. The default pipeline's restore-hooks stage (apply: ocr) finds no hook
# and many words to restore, writes the hooks back and lists every changed word in `restored`.
HOOKLESS = str.maketrans("ɓɗƙƴƁƊƘƳ", "bdkyBDKY")
HA_KASUWA_HOOKLESS = [p.translate(HOOKLESS) for p in HA_KASUWA]
_doc = plain_text("An sake bude babbar kasuwar kifi ta Kukawa bayan gyara", HA_KASUWA_HOOKLESS)
add("ha/labari-kasuwar-kifi-hooks-lost.txt", data=_doc.encode("utf-8"), codec="utf-8", logical=_doc,
    main=HA_KASUWA_HOOKLESS, lang="ha", fmt="plain text", encoding="UTF-8",
    tests="Hausa with its hooked letters lost, as OCR or ASCII typing leaves it (bude, kofofinta, karamar, dauki); the typographic ’yan kept",
    expected="lang ha; restore-hooks writes ɓ ɗ ƙ ƴ back where the model is confident (buɗe, ƙofofinta, ƙaramar, ɗauki), warning hooks-restored with the letter count, restored spans {start, end, from, to}; ’yan and words the model is unsure of unchanged",
    with_=["Babbar kasuwar kifi ta garin Kukawa", "motocin kifi su samu damar wucewa"])

# Legacy typing: hooked letters written with ASCII apostrophes (k' 'd d' 'b b' 'y), kept in the
# record text and folded in its search key; ma'aikata and jama'a keep a real glottal-stop
# apostrophe that is folded nowhere.
HA_LEGACY = """SANARWA DAGA HUKUMAR RUWAN SHA TA K'ARAMAR HUKUMAR MONGUNO

Hukumar samar da ruwan sha ta k'aramar hukumar Monguno tana sanar da jama'a cewa za a rufe babban famfon ruwa na unguwar Gwange daga ranar Talata zuwa ranar Alhamis, domin a gyara bututun da ambaliyar ruwa ta lalata.

A wannan lokaci, motocin d'aukar ruwa guda hud'u za su rarraba ruwa kyauta a kowace unguwa da safe da yamma. Ana rok'on iyaye mata da 'yan mata su zo da bokitai masu tsabta, kuma kada a bar ruwan a bud'e domin kada ya b'aci.

Hukumar tana jan hankalin jama'a cewa kada wani ya 'bata kud'insa wajen sayen ruwa daga masu garuwa da ba a tantance ba, domin ruwan da ba shi da tsabta yana kawo cututtuka kamar gudawa da amai.

Duk wanda ya ga bututun da ke zubar da ruwa a kan hanya ya sanar da ofishin hukumar da ke kusa da k'ofar kasuwa. 'Dan majalisar unguwa, Malam Ali Kachalla, ya ce an riga an sayo sababbin bututu daga Maiduguri, kuma ma'aikata za su yi aiki dare da rana don kammala gyaran.

Hukumar tana bayar da hak'uri bisa wannan matsala, kuma tana godiya ga jama'a bisa fahimtar da suka nuna. Allah ya sa mu dace.

Sa hannu: Injiniya Hauwa Zanna Bukar, Shugabar Hukumar
"""
add("ha/sanarwa-ruwa-legacy-apostrophe.txt", data=HA_LEGACY.encode("utf-8"), codec="utf-8",
    logical=HA_LEGACY, main=HA_LEGACY.split("\n\n"), lang="ha", fmt="plain text",
    encoding="UTF-8 (pure ASCII)",
    tests="legacy apostrophe spelling of hooked letters: k'aramar, d'aukar, hud'u, 'bata, b'aci, 'Dan, 'yan; glottal apostrophes jama'a, ma'aikata must stay",
    expected="charset utf-8/ascii; lang ha; text keeps the source's spelling (\"K'ARAMAR\", \"k'aramar\", \"d'aukar\", \"hud'u\", \"'bata\", \"b'aci\", \"'Dan\", \"hak'uri\", \"'yan\"); searchKey folds them to 'ƙaramar', 'ɗaukar', 'huɗu', 'ɓata', 'ɓaci', 'ɗan', 'haƙuri', 'ƴan'; \"jama'a\"/\"ma'aikata\" keep the apostrophe in both",
    with_=["ruwan sha ta k'aramar hukumar Monguno", "tana bayar da hak'uri bisa wannan"])

HA_ASIBITI_TITLE = "Cibiyar lafiya ta Damasak ta fara rabon gidajen sauro"
HA_ASIBITI = lines("""
Cibiyar kiwon lafiya ta matakin farko da ke garin Damasak ta fara rabon gidajen sauro masu maganin ƙwari ga mata masu juna biyu da iyaye masu ƙananan yara.
Babbar jami’ar jinya ta cibiyar, Malama Fatima Ibrahim, ta ce an tanadi gidajen sauro dubu biyu da ɗari biyar, kuma kowace uwa za ta karɓi guda biyu idan ta zo da katin awon ciki.
Ta ƙara da cewa zazzaɓin cizon sauro yakan ƙaru sosai a lokacin damina, musamman idan ruwa ya kwanta a cikin ramuka da tsofaffin tayoyi kusa da gidaje. “Mu tsaftace muhallinmu, mu rufe tukwanen ruwa,” in ji ta.
Baya ga rabon gidajen sauro, cibiyar za ta ci gaba da yin allurar rigakafin yara kyauta a ranakun Talata da Alhamis, tun daga ƙarfe takwas na safe har zuwa ƙarfe ɗaya na rana.
Wasu iyaye mata da suka zanta da wakilinmu sun yaba da wannan shiri, amma sun roƙi hukumomi su ƙara yawan ma’aikatan jinya, domin layin jira yakan yi tsawo sosai.
Hakimin garin ya yi kira ga ƙungiyoyin matasa su taimaka wajen ɗaukar gidajen sauro zuwa ƙauyukan da ke nesa da babbar hanya.
""")
_doc = plain_text(HA_ASIBITI_TITLE, HA_ASIBITI)
add("ha/labarin-asibiti-mojibake.txt", data=mojibake(_doc), codec="mojibake", logical=_doc,
    main=HA_ASIBITI, lang="ha", fmt="plain text", encoding="UTF-8 mojibake (UTF-8 read as windows-1252, saved as UTF-8)",
    tests="double-encoded Hausa: ƙ→'Æ™', ɗ→'É—', ɓ→'É“', ’→'â€™', ”→'â€' + U+009D",
    expected="charset utf-8; warning mojibake-repaired; lang ha; repaired text contains 'ƙwari', 'ɗari', 'karɓi', 'jami’ar'; no 'Æ'/'É' sequences left",
    with_=["Cibiyar kiwon lafiya ta matakin farko", "zuwa ƙauyukan da ke nesa"], markers=["Æ™", "É—", "É“", "â€™"])

HA_WASIKA_PARAS = lines("""
Ƙungiyar iyaye da malamai ta Makarantar Firamare ta Gwange III tana gaishe ku da fatan alheri, tare da sanar da ku cewa za a koma karatu a zangon farko ranar Litinin mai zuwa.
Muna roƙon kowane mahaifi ko mahaifiya su tabbatar da cewa ’ya’yansu sun zo makaranta da kayan makaranta masu tsabta, littattafai da alƙalami. Makarantar ba ta karɓar kuɗin rajista daga kowane ɗalibi.
A bana mun samu sababbin azuzuwa guda huɗu da kujeru ɗari biyu, sakamakon taimakon da ƙaramar hukuma da wata ƙungiyar agaji suka bayar. Saboda haka, muna da damar karɓar ƙarin yaran da ba su taɓa shiga makaranta ba, musamman ’yan mata.
Iyalan da suka dawo daga sansanonin ’yan gudun hijira a bana su zo da takardar haihuwar yaransu ko wata shaida, domin a saka su a ajin da ya dace da shekarunsu.
Za a yi taron iyaye da malamai a harabar makarantar ranar Asabar mai zuwa bayan sallar azahar. Muna fatan ganin ku duka.
""")
_doc = ("Makarantar Firamare ta Gwange III, Maiduguri\n9 ga Satumba\n\nZuwa ga iyayen ɗalibai,\n\n"
        + "\n\n".join(HA_WASIKA_PARAS)
        + "\n\nNaku a cikin hidima,\nMalam Usman Ali Gana\nSakataren Ƙungiyar Iyaye da Malamai\n")
add("ha/wasikar-makaranta-utf16le-bom.txt", data=UTF16LE_BOM + _doc.encode("utf-16-le"), codec="utf-16-le",
    bom=UTF16LE_BOM, logical=_doc, main=HA_WASIKA_PARAS, lang="ha", fmt="plain text (letter)",
    encoding="UTF-16LE with BOM",
    tests="UTF-16LE BOM detection; Hausa letter with ’ya’yansu, capital Ƙ",
    expected="charset UTF-16LE (BOM); lang ha; text contains 'Ƙungiyar iyaye' and 'kuɗin rajista'",
    with_=["Ƙungiyar iyaye da malamai ta Makarantar", "Muna fatan ganin ku duka"])

HA_HANYA = lines("""
Ma’aikatar ayyuka da sufuri ta jihar Borno tana sanar da matafiya cewa za a fara aikin gyaran babbar hanyar Maiduguri zuwa Dikwa daga ranar ɗaya ga wata mai zuwa.
Aikin zai shafi kilomita talatin na farko daga gadar Ngomari, inda za a cike ramuka, a gina magudanan ruwa, sannan a shimfiɗa sabon kwalta.
A lokacin aikin, motoci masu nauyi za su bi hanyar wucin gadi ta ƙauyen Mafa. Ana roƙon direbobi su rage gudu, su bi umarnin jami’an hanya, kuma kada su yi lodi fiye da kima.
Ma’aikatar ta ce ana sa ran kammala kashi na farko kafin ruwan sama mai ƙarfi ya sauka, domin kada a sake samun ɓarnar da ambaliya ta yi a bara.
Ga masu tambayoyi ko ƙorafi, a tuntuɓi ofishin injiniyan hanya da ke Dikwa a kowace rana daga Litinin zuwa Juma’a.
Muna godiya da haƙurinku.
""")
_doc = plain_text("SANARWA GA MATAFIYA", HA_HANYA)
add("ha/sanarwar-hanya-utf8-bom.txt", data=UTF8_BOM + _doc.encode("utf-8"), codec="utf-8", bom=UTF8_BOM,
    logical=_doc, main=HA_HANYA, lang="ha", fmt="plain text (notice)", encoding="UTF-8 with BOM",
    tests="UTF-8 BOM must be stripped, not kept as U+FEFF in the text",
    expected="charset utf-8 (BOM); lang ha; text starts 'SANARWA GA MATAFIYA' without U+FEFF; contains 'shimfiɗa', 'ɓarnar'",
    with_=["ayyuka da sufuri ta jihar Borno", "ofishin injiniyan hanya da ke Dikwa"])

HA_RSS_ITEMS = [
    ("Manoma sun fara shuka gero bayan ruwan farko a Dikwa",
     "https://jaridar-arewa.example/labarai/2024/06/manoma-dikwa", "Mon, 10 Jun 2024 07:30:00 +0100",
     "Manoma a ƙaramar hukumar Dikwa sun fara shuka gero da dawa bayan ruwan sama na farko da ya sauka ranar Asabar. Wani manomi, Malam Kyari Abba, ya ce ƙasar ta yi laushi sosai, kuma yana fatan damina za ta yi kyau a bana."),
    ("Iyalai ɗari biyu sun koma gidajensu a Ngala",
     "https://jaridar-arewa.example/labarai/2024/06/iyalai-ngala", "Wed, 12 Jun 2024 09:05:00 +0100",
     "Iyalai ɗari biyu da suka shafe shekaru a sansanin ’yan gudun hijira sun koma gidajensu a garin Ngala. Hukumar bayar da agajin gaggawa ta ba su kayan abinci, tabarmi da kayan gini."),
    ("An kammala taron zaman lafiya a Monguno",
     "https://jaridar-arewa.example/labarai/2024/06/taron-monguno", "Fri, 14 Jun 2024 16:40:00 +0100",
     "Sarakunan gargajiya, malaman addini da shugabannin matasa sun kammala taron kwana biyu a Monguno, inda suka amince su riƙa haɗuwa kowane wata domin warware rikice-rikicen filaye tsakanin makiyaya da manoma cikin lumana."),
    ("Ɗaliban sakandare sun ziyarci cibiyar nazarin Tafkin Chadi",
     "https://jaridar-arewa.example/labarai/2024/06/daliban-baga", "Sat, 15 Jun 2024 11:00:00 +0100",
     "Ɗaliban ajin ƙarshe na makarantar sakandare ta Baga sun ziyarci cibiyar nazarin Tafkin Chadi, inda masana suka yi musu bayani kan yadda ruwan tafkin ke raguwa da ƙaruwa a kowace shekara."),
]
_doc = rss(encoding="UTF-8", channel_title="Jaridar Arewa – Labarai", channel_link="https://jaridar-arewa.example/",
           channel_desc="Labarai &amp; rahotanni daga yankin Tafkin Chadi", lang="ha", items=HA_RSS_ITEMS)
add("ha/labarai-rss-utf8.xml", data=_doc.encode("utf-8"), codec="utf-8", logical=_doc,
    main=[t for i in HA_RSS_ITEMS for t in (i[0], i[3])], lang="ha", fmt="XML (RSS 2.0)",
    encoding="UTF-8 (XML declaration)",
    tests="RSS 2.0 feed: item titles and descriptions are the text; &amp; entity in channel description",
    expected="charset utf-8 (XML declaration); lang ha; text from the 4 items, contains 'Iyalai ɗari biyu' and 'ƙaruwa'",
    with_=["sun fara shuka gero da dawa", "ruwan tafkin ke raguwa da ƙaruwa"])

# =============================================================================================
# Kanuri, Latin script (knc-Latn)
# =============================================================================================

KL_NAV = ["Fato", "Labarwa", "Siyasa", "Kasuwu", "Lafiya", "Wuro rubutə"]
KL_BOILER = dict(
    site="Labar Borno", site_id="labar-borno", nav=KL_NAV,
    share_label="Labar adə kozə:", share_links=["Facebook", "WhatsApp", "X"],
    related_label="Labarwa gade",
    related=["Am 300 bəla Ngalaro wuljina", "Makaranta sawu Dikwa lan fuwutəna",
             "Nji samabe bəla Gajiramro isəna"],
    footer="© 2024 Labar Borno. Hakki samma kəlbatəna.",
    cookie="Shafi adə kukis faidatin.", cookie_button="Ayyo",
)
KL_KASUWU = lines("""
Kasuwu bunyibe kura Kukawa lan kəntagə yakkə kəlbatəna kozənadən, kaunzə Lətinin lan gəde fuwutəna. Am ngəwu, kamuwa a tadawa a, kasuwuro isəna.
Bulama am bunyi kəlzəmabe, Bukar Goni, gultəna: “Saa gade lan am bunyibe futu kura lejin bunyinza kasuwuro kasatəro. Adəye bunyi nji Chadbe dəga kasuwuro zauro gəde isə, kuru faida am ngəwuro suwudin.”
Kamuwa bunyi kaduwube kaziyi ma gultəna fato kasuwube sawuye zauro ngəla, kuru nji samabe kəla sandiro ba suwudin. Hajiya Kaltume Modu gultəna saa mewu indi lan bunyi kaduwu kasuwu adə lan kaltin.
Hukuma lokal gabmenbe gultəna nji burtsatse fal kuru fato bayanbe araskə suro kasuwu lan təna, nəm tsabtaro. Sandi am kasuwube rokkəna kayan bunyibe futu njibero ba kaltəro.
Loktu adəye bunyi kasuwu lan zauro kura ba: kwando bunyibe naira 15,000 lan kaltin, kəntagə gade lan naira 20,000 lan kaltəna.
Am bunyi kəlzəma hukumaro rokkəna futu Kukawa dəga Mongunoro kalkaltəgəro, nji samabe kura isəbe gəde, motawa bunyibe kalkallo lejinro.
""")
_doc = html_page(lang="knc", meta='<meta charset="utf-8">',
                 title="Kasuwu bunyibe Kukawa lan gəde fuwutəna",
                 headline="Kasuwu bunyibe Kukawa lan gəde fuwutəna",
                 byline="Labar Borno, Kukawa", paragraphs=KL_KASUWU, **KL_BOILER)
add("knc-Latn/labar-kasuwu-bunyi-utf8.html", data=_doc.encode("utf-8"), codec="utf-8", logical=_doc,
    main=KL_KASUWU, lang="knc-Latn", fmt="HTML", encoding="UTF-8 (meta charset)",
    tests="Kanuri news page with full boilerplate; schwa as U+0259 throughout",
    expected="charset utf-8 (declared); lang knc-Latn; text contains 'Kasuwu bunyibe'; nav/share/footer/cookie/script/style text absent",
    with_=["Kasuwu bunyibe kura Kukawa lan", "motawa bunyibe kalkallo lejinro"],
    without=["Wuro rubutə", "Labar adə kozə", "Hakki samma kəlbatəna", "kukis faidatin", "labar-borno-analytics",
             "font-family:Georgia"])

# Both schwa code points, word by word: ǝ U+01DD (turned e) and ə U+0259 (schwa).
KL_SCHWA = lines("""
Labar kasuwu Mongunobe: nji samabe kuru kəmbu kalube
Nji samabe kǝntagǝ Junebe lan ngǝwusoro isəna, kuru am kalube Monguno lan argǝm a masakwa a kaltǝna. Kəntagə Julaibe lan kasuwu kura Mongunobe kǝmbu sawuye ngəwu kasatǝna.
Am kasuwube gultəna argəm buhu fal naira 38,000 lan kaltin; kǝntagǝ gade lan naira 45,000 lan kaltǝna. Nəm adə am ngǝwuro faida sədin, amma am kalube kǝla nǝm adə ba ngəlaro gultin.
Malam Kyari Abba, kam kalube Gajiram dǝga, gultǝna: “Saa adəye nji samabe zauro ngəla. Allah barka sǝdi, wu argəm a wake a kaltǝna, kuru tadawanəm makarantaro lejin.”
Kamuwa kasuwube, kəmbu a kuli a kaltin, hukumaro rokkəna futu bəlawabe kalkaltəgǝro, nji samabe loktu kura lan futudə kəlzǝna.
Lawan bəla Mongunobe am kasuwube samma rokkəna kasuwudǝ tsabtǝro, kuru kayan kǝmbube futu dawulan ba kaltəro.
""")
_doc = plain_text(KL_SCHWA[0], KL_SCHWA[1:])
add("knc-Latn/labar-kasuwa-schwa-mixed.txt", data=_doc.encode("utf-8"), codec="utf-8", logical=_doc,
    main=KL_SCHWA[1:], lang="knc-Latn", fmt="plain text", encoding="UTF-8",
    tests="schwa written with both U+01DD ǝ and U+0259 ə in one document (even inside one word: kǝntagǝ / kəntagə)",
    expected="charset utf-8; lang knc-Latn; text keeps each schwa as written (ǝ U+01DD and ə U+0259); searchKey has ə only; text contains 'kǝntagǝ Junebe'",
    with_=["Nji samabe kǝntagǝ Junebe lan", "kayan kǝmbube futu dawulan ba"])

# This notice uses ONLY U+01DD ǝ for schwa (written as ə below, converted when encoding).
KL_MAKARANTA = lines("""
Sanarwa: makaranta gana Gwangebe gəde fuwutin
Kura makaranta gana Gwangebe iyayewa samma ro sanarwa adə kozəna: makaranta kaunzə Lətinin kəntagə Septemberbe lan gəde fuwutin.
Iyayewa tadawanza makarantaro kaunzə fal lan lejiro rokkəna, kayan makaranta tsabtəye a littafiwa a kuru alkalam a gəde.
Saa adəye aji gana dewu sawu təna, kuru kujera miya indi makarantaro isəna. Nəm adəbe dalil, makaranta tadawa ngəwu, musamman tadawa kamube, kasatəro notin.
Am bəlanzaro wuljinbe tadawanza makarantaro gəde isəro, takarda haihuwabe au shaida gadeso a gəde, tadawa aji kalkalzaro kasatəro.
Kəltə iyayewa a malamwa a kaunzə Asabar lan bayan salla azahar makaranta lan sədiyin. Samma isəro rokkəna.
""")
_doc = plain_text(KL_MAKARANTA[0], KL_MAKARANTA[1:]).replace("ə", "ǝ").replace("Ə", "Ǝ")
add("knc-Latn/sanarwa-makaranta-utf16be-nobom.txt", data=_doc.encode("utf-16-be"), codec="utf-16-be",
    logical=_doc, main=[p.replace("ə", "ǝ").replace("Ə", "Ǝ") for p in KL_MAKARANTA[1:]], lang="knc-Latn",
    fmt="plain text (notice)", encoding="UTF-16BE without BOM",
    tests="UTF-16BE must be detected without a BOM; schwa only as U+01DD ǝ",
    expected="charset UTF-16BE (detected, no BOM); lang knc-Latn; text keeps ǝ (searchKey has ə); text contains 'Kura makaranta gana Gwangebe'",
    with_=["Kura makaranta gana Gwangebe", "Samma isǝro rokkǝna"])

KL_RSS_ITEMS = [
    ("Am 300 bəla Ngalaro wuljina", "https://labar-borno.example/labar/2024/07/ngala",
     "Tue, 02 Jul 2024 08:00:00 +0100",
     "Am miya yakkə saa ngəwu kozənadən sansanin tajiwube lan, kəntagə adəye lan bəla Ngalaro wuljina. Hukuma kəmbu a tabarmi a kayan fatobe a sandiro kozəna."),
    ("Kəltə nəmsulhube Monguno lan kəlbatəna", "https://labar-borno.example/labar/2024/07/monguno",
     "Thu, 04 Jul 2024 17:20:00 +0100",
     "Mai a malamwa a kura tadawa kəlzəmabe a Monguno lan kaunzə indi kəltəna. Sandi kəntagə fal fal kəltəro kuru lamar kalube a dabbabe a nəmkalkal lan kəlbatəro gultəna."),
    ("Asibiti sawu Dikwa lan fuwutəna", "https://labar-borno.example/labar/2024/07/dikwa",
     "Sat, 06 Jul 2024 10:15:00 +0100",
     "Asibiti sawu Dikwa lan kaunzə Alamis lan fuwutəna. Kura asibitibe gultəna kamuwa ciki ngəwu a tadawa gana a kaunzə samma lan allura kyauta kasatin."),
]
_doc = rss(encoding="UTF-8", channel_title="Labar Borno", channel_link="https://labar-borno.example/",
           channel_desc="Labarwa Kanuri lan, bəla Bornobe dəga", lang="knc", items=KL_RSS_ITEMS)
add("knc-Latn/labarwa-rss-utf8.xml", data=_doc.encode("utf-8"), codec="utf-8", logical=_doc,
    main=[t for i in KL_RSS_ITEMS for t in (i[0], i[3])], lang="knc-Latn", fmt="XML (RSS 2.0)",
    encoding="UTF-8 (XML declaration)", tests="RSS 2.0 feed in Kanuri (Latin)",
    expected="charset utf-8 (XML declaration); lang knc-Latn; text from the 3 items, contains 'nəmkalkal'",
    with_=["Am miya yakkə saa ngəwu", "allura kyauta kasatin"])

KL_WASIKA = lines("""
Nəm barka. Wu, Modu Ari, bulama am bunyi kəlzəmabe Dorobe, wasika adə am bunyibe samma kəla nyiro rubutəna.
Saa adəye nji Chadbe zauro kura, kuru am bunyibe bunyi ngəwu kasatəna. Amma futu Doro dəga Kukawaro nji samabe lan zauro kəlzəna, kuru motawa bunyibe lejiro ba yayi.
Am bunyibe kwalekwale gana ngəwu kasatəro rokkəna, kuru tawarwa kalkalma kaltəro. Nəm adə bunyi gana kura waljiro faida kozin.
Kamuwa bunyi kaduwube fato bunyi kaduwube sawu fal kasuwu dawulan gəde təro rokkəna.
Wasika adə kalkallo kəlbatəro Allah nyiro barka sədi.
""")
_doc = plain_text("Wasika lokal gabmen Kukawabero", KL_WASIKA, "Modu Ari\nBulama am bunyibe, Doro")
add("knc-Latn/wasika-bunyi-utf8-bom.txt", data=UTF8_BOM + _doc.encode("utf-8"), codec="utf-8", bom=UTF8_BOM,
    logical=_doc, main=KL_WASIKA, lang="knc-Latn", fmt="plain text (letter)", encoding="UTF-8 with BOM",
    tests="UTF-8 BOM on a Kanuri letter (fishing community to local government)",
    expected="charset utf-8 (BOM); lang knc-Latn; no U+FEFF in text; contains 'bulama am bunyi'",
    with_=["bulama am bunyi kəlzəmabe Dorobe", "Wasika adə kalkallo kəlbatəro Allah"])

# =============================================================================================
# Kanuri, Arabic script / Ajami (knc-Arab)
# =============================================================================================

KA_NAV = lines("""
فَتُو
لَبَرْوَ
سِيَسَ
كَسُوُ
لَفِيَ
وُرُو رُبُتٗ
""")
KA_BOILER = dict(
    site="لَبَرْ بٗرْنُو", site_id="labar-borno-ajami", nav=KA_NAV,
    share_label="لَبَرْ أَدٗ كُوزٗ:", share_links=["Facebook", "WhatsApp", "X"],
    related_label="لَبَرْوَ غَدِيٰ",
    related=lines("""
أَمْ 300 بٗلَ نغَلَرُو وُلْجِنَ
مَكَرَنْتَ سَوُ دِكْوَ لَنْ فُوُتٗنَ
نجِ سَمَبِيٰ بٗلَ غَجِرَمْرُو إِسٗنَ
"""),
    footer="© 2024 لَبَرْ بٗرْنُو. حَكْكِ سَمْمَ كٗلْبَتٗنَ.", cookie="شَفِ أَدٗ كُكِسْ فَيْدَتِنْ.", cookie_button="أَيُّو",
)
KA_WITHOUT = ["وُرُو رُبُتٗ", "لَبَرْ أَدٗ كُوزٗ", "حَكْكِ سَمْمَ كٗلْبَتٗنَ", "شَفِ أَدٗ كُكِسْ فَيْدَتِنْ"]

KA_ASIBITI = lines("""
أَسِبِتِ دَمَسَكْبِيٰ غِدَنْ سَوْرُو كَمُوَرُو كُوزٗنَ
أَسِبِتِ غَنَ بٗلَ دَمَسَكْبِيٰ لَنْ أَمْ تشِدَبِيٰ غِدَنْ سَوْرُو كَمُوَ تَدَ كٗلَنْزٗيِيٰ أَ أَمْ كُرَ أَ رُو كُوزٗنَ. كٗنْتَغٗ أَدٗيِيٰ لَنْ تشِدَ أَدٗ بَدِيٗنَ، كُرُ كَوْنْزٗ مِيٰوُ لَنْ كٗلْبَتِنْ.
كُرَ أَسِبِتِبِيٰ، فَتِمَ إِبْرَحِمْ، غُلْتٗنَ: “غِدَنْ سَوْرُو دُبُ إِنْدِ أَ مِيَ أُوُ أَ كٗنَسَرْتٗنَ. كَمُ فَلْتٗ فَلْ غِدَنْ سَوْرُو إِنْدِ كَسَتِنْ، كَتِنْ أَسِبِتِبِيٰ غٗدِيٰ إِسٗرُو.”
لُوكْتُ نجِ سَمَبِيٰ لَنْ سَوْرُو زَوْرُو نغٗوُ، نجِ كٗلَ فُتُ أَ فَتُو دَوُلَنْ أَ تَوَدٗنْ. سَنْدِيِيٰ أَمْ بٗلَبِيٰ رُوكْكٗنَ نجِ تٗنْزَ كَلْكَلْلُو كٗلْبَتٗرُو، كُرُ كْوَنْدُو نجِ تٗنْزَ بَ كُلُتٗرُو.
أَسِبِتِدٗ كَوْنْزٗ تَلَتَ أَ أَلَمِسْ أَ لَنْ تَدَوَ غَنَرُو أَلْلُرَ كْيَوْتَ كُوزٗنَ، فٗرْتٗ غَدِيٰ كٗنْتَغٗ نغٗوُ لَنْ.
أَمْ بٗلَبِيٰ تشِدَ أَدٗ نغٗلَرُو غُلْتٗنَ، أَمْمَ سَنْدِ حُكُمَرُو رُوكْكٗنَ أَمْ تشِدَ أَسِبِتِبِيٰ نغٗوُتٗرُو، نٗمْ جِرَ كُرَ كٗلْبَتٗرُو.
""")
_doc = html_page(lang="knc-Arab", rtl=True, meta='<meta charset="utf-8">', title=KA_ASIBITI[0],
                 headline=KA_ASIBITI[0], byline="لَبَرْ بٗرْنُو، دَمَسَكْ", paragraphs=KA_ASIBITI[1:], **KA_BOILER)
add("knc-Arab/labar-asibiti-utf8.html", data=_doc.encode("utf-8"), codec="utf-8", logical=_doc,
    main=KA_ASIBITI[1:], lang="knc-Arab", fmt="HTML (dir=rtl)", encoding="UTF-8 (meta charset)",
    tests="Kanuri Ajami page, fully vocalised (U+0657 schwa, U+0670), RTL, full boilerplate",
    expected="charset utf-8 (declared); lang knc-Arab (not ar); direction rtl; nav/share/footer/cookie/script/style text absent",
    with_=["أَسِبِتِ غَنَ بٗلَ دَمَسَكْبِيٰ", "نٗمْ جِرَ كُرَ كٗلْبَتٗرُو"], without=KA_WITHOUT + ["labar-borno-ajami-analytics", "font-family:Georgia"])

KA_KASUWU_VOCALISED = lines("""
سَنَرْوَ كَسُوُ مُونغُنُوبِيٰ
لَوَنْ بٗلَ مُونغُنُوبِيٰ أَمْ كَسُوُبِيٰ سَمْمَرُو غُلْتٗنَ: كَسُوُ كُرَ كَوْنْزٗ لٗتِنِنْبِيٰ دٗغَ بَيَنْ فَتُو لَوَنْبِيٰ رُو لِيٰجِنْ.
نٗمْ أَدٗبِيٰ دَلِلْ شِمَ فُتُ كَسُوُ غَدِيٰبِيٰ نجِ سَمَبِيٰ لَنْ زَوْرُو كٗلْزٗنَ، كُرُ مُوتَوَ كَسُوُرُو إِسٗ بَ يَيِ.
أَمْ كَسُوُبِيٰ سَنْدِيِيٰ كَيَنْزَ كَسُوُ سَوُرُو كٗنَسَرْتٗرُو، كُرُ بُنيِ أَ كٗمْبُ أَ فُتُ دَوُلَنْ بَ كَلْتٗرُو.
حُكُمَ لُوكَلْ غَبْمِيٰنْبِيٰ نجِ بُرْتسَتسِيٰ أَ فَتُو بَيَنْبِيٰ أَ كَسُوُ سَوُ لَنْ تٗنَ. أَمْ نغٗوُ تشِدَبِيٰ كَسُوُ تسَبْتٗرُو كٗلْزٗنَ.
نٗمْ نغٗلَ أَدٗرُو الله بَرْكَ سٗدِ، كُرُ كَسُوُ سَوُ أَمْ سَمْمَ رُو فَيْدَ كُوزٗرُو.
""")
KA_KASUWU = [ajami_for_cp1256(p) for p in KA_KASUWU_VOCALISED]
_doc = html_page(lang="knc-Arab", rtl=True, meta='<meta charset="windows-1256">', title=KA_KASUWU[0],
                 headline=KA_KASUWU[0], byline=ajami_for_cp1256("لَبَرْ بٗرْنُو، مُونغُنُو"), paragraphs=KA_KASUWU[1:],
                 **{k: (ajami_for_cp1256(v) if isinstance(v, str) else [ajami_for_cp1256(x) for x in v])
                    for k, v in KA_BOILER.items()})
add("knc-Arab/sanarwa-kasuwu-windows-1256.html", data=_doc.encode("cp1256"), codec="cp1256", logical=_doc,
    main=KA_KASUWU[1:], lang="knc-Arab", fmt="HTML (dir=rtl)", encoding="windows-1256 (meta charset)",
    tests="Kanuri Ajami in windows-1256, which cannot hold U+0657 (schwa sign) or U+0670: schwa written with plain damma U+064F, no superscript alef",
    expected="charset windows-1256 (declared); lang knc-Arab (not ar); direction rtl; nav/share/footer/cookie text absent",
    with_=[ajami_for_cp1256("لَوَنْ بٗلَ مُونغُنُوبِيٰ أَمْ"), ajami_for_cp1256("سَمْمَ رُو فَيْدَ كُوزٗرُو")],
    without=[ajami_for_cp1256(w) for w in KA_WITHOUT])

KA_SULHU = lines("""
وَسِكَ لَوَنْ نغَلَبِيٰرُو
نٗمْ بَرْكَ أَ سَلَمْ أَ. وُ، بُكَرْ كَكَ، كُرَ كٗلْتٗبِيٰ أَمْ بٗلَنْزَرُو وُلْجِنْبِيٰ، وَسِكَ أَدٗ نيِرُو رُبُتٗنَ.
سَا إِنْدِ كُوزٗنَدٗنْ أَمْ نغٗوُ فَتُونْزَرُو وُلْجِنَ. تَدَوَ مَكَرَنْتَرُو لِيٰجِنْ، كُرُ كَمُوَ كَسُوُ لَنْ تشِدَ سٗدِنْ.
أَمْمَ نجِ تِيِبِيٰ غَنَ، كُرُ أَسِبِتِ بٗلَبِيٰ بَ. أَمْ غَنَ كُرَ أَ نجِ دٗغَ فُتُ كُرَ لَنْ كَسَتِنْ.
نٗمْسُلْحُبِيٰ كٗلْتٗ كَوْنْزٗ جُمَابِيٰ لَنْ مَسَلْلَجِ كُرَ لَنْ غٗدِيٰ سٗدِيِنْ. أَمْ بٗلَبِيٰ سَمْمَ، كَمُوَ أَ تَدَوَ كُرَ أَ، إِسٗرُو رُوكْكٗنَ.
الله بٗلَ نغٗلَ نٗمْ كَلْكَلْ أَ نٗمْسُلْحُ أَ بٗلَنٗمْرُو كُوزٗرُو.
""")
_doc = plain_text(KA_SULHU[0], KA_SULHU[1:], "بُكَرْ كَكَ\nكُرَ كٗلْتٗبِيٰ أَمْ بٗلَنْزَرُو وُلْجِنْبِيٰ")
add("knc-Arab/wasika-sulhu-utf16le-bom.txt", data=UTF16LE_BOM + _doc.encode("utf-16-le"), codec="utf-16-le",
    bom=UTF16LE_BOM, logical=_doc, main=KA_SULHU[1:], lang="knc-Arab", fmt="plain text (letter)",
    encoding="UTF-16LE with BOM", tests="UTF-16LE BOM; vocalised Kanuri Ajami letter about returning families and a peace meeting",
    expected="charset UTF-16LE (BOM); lang knc-Arab; direction rtl",
    with_=["نٗمْ بَرْكَ أَ سَلَمْ", "نٗمْسُلْحُ أَ بٗلَنٗمْرُو كُوزٗرُو"])

KA_BUNYI = lines("""
أَمْ بُنيِ كٗلْزٗمَبِيٰ نجِ تشَدْبِيٰ لَنْ بُنيِ نغٗوُ كَسَتٗنَ
سَا أَدٗيِيٰ نجِ تشَدْبِيٰ زَوْرُو كُرَ، كُرُ أَمْ بُنيِ كٗلْزٗمَبِيٰ بُنيِ نغٗوُ كَسَتٗنَ. أَمْ نغٗوُ بَغَبِيٰ غُلْتٗنَ نٗمْ أَدٗ سَا نغٗوُ لَنْ بَ كٗلْتٗنَ.
بُلَمَ أَمْ بُنيِ كٗلْزٗمَبِيٰ، مُودُ أَرِ، غُلْتٗنَ أَمْ بُنيِبِيٰ تَوَرْوَ غَنَ كَلْتٗرُو بَ، نٗمْ بُنيِ غَنَ كُرَ وَلْجِرُو.
كَمُوَ بُنيِ كَدُوُبِيٰ كَزِيِ أَ فُوُ نجِ كَلْكَلْلُو سٗدٗرُو حُكُمَرُو رُوكْكٗنَ. بُنيِ كَدُوُ مَيْدُغُرِ أَ كَنُو أَ رُو لِيٰجِنْ.
لُوكْتُ نجِ كُرَبِيٰ لَنْ فُتُ بٗلَوَبِيٰ زَوْرُو كٗلْزٗنَ. أَمْ بُنيِبِيٰ كْوَلِيٰكْوَلِيٰ كُرَ نغٗوُ كَسَتٗرُو رُوكْكٗنَ، تَدَوَ مَكَرَنْتَرُو نجِ كٗلَ لِيٰجِرُو.
""")
_doc = plain_text(KA_BUNYI[0], KA_BUNYI[1:])
add("knc-Arab/labar-bunyi-utf16be-nobom.txt", data=_doc.encode("utf-16-be"), codec="utf-16-be",
    logical=_doc, main=KA_BUNYI[1:], lang="knc-Arab", fmt="plain text (news)", encoding="UTF-16BE without BOM",
    tests="UTF-16BE detection without BOM on Arabic-script text (high bytes 0x06 first)",
    expected="charset UTF-16BE (detected, no BOM); lang knc-Arab; direction rtl",
    with_=["سَا أَدٗيِيٰ نجِ تشَدْبِيٰ", "مَكَرَنْتَرُو نجِ كٗلَ لِيٰجِرُو"])

KA_MAKARANTA = lines("""
مَكَرَنْتَ بٗلَ كُكَوَبِيٰ كٗلَ بَوُونْزَرُو وُلْجِنَ
مَكَرَنْتَ غَنَ بٗلَ كُكَوَبِيٰ سَا يَكْكٗ كٗلْبَتٗنَ كُوزٗنَدٗنْ، كٗنْتَغٗ أَدٗيِيٰ لَنْ كٗلَ بَوُونْزَرُو وُلْجِنَ. تَدَوَ نغٗوُ كُرُ مَلَمْوَ فَلْ فَلْ إِسٗنَ.
حُكُمَ لُوكَلْ غَبْمِيٰنْبِيٰ أَجِ دِيٰوُ سَوُ تٗنَ، كُرُ كُجِيٰرَ مِيَ إِنْدِ أَ لِتْتَفِ أَ مَكَرَنْتَرُو كُوزٗنَ.
كُرَ مَكَرَنْتَبِيٰ، مَلَمْ أُسْمَنْ غَنَ، غُلْتٗنَ تَدَوَ كَمُبِيٰ نغٗوُ مَكَرَنْتَرُو إِسٗنَ. نٗمْ أَدٗ زَوْرُو نغٗلَ، كُرُ بٗلَبِيٰ لُوكْتُ سَوُرُو دِوَلْ شِمَ.
إِيَيِيٰوَ تَدَوَنْزَ مَكَرَنْتَرُو غٗدِيٰ لِيٰجِرُو رُوكْكٗنَ، كُرُ تَدَوَ لِتْتَفِنْزَ كَلْكَلْلُو كٗلْبَتٗرُو.
لُوكْتُ نجِ سَمَبِيٰ لَنْ أَجِ غَدِيٰ نجِ كٗلَ كَلْتِنْ؛ حُكُمَ نٗمْ أَدٗرُو فُتُ غَدِيٰرُو سٗدِيِنْ غُلْتٗنَ.
""")
_tei_body = "\n".join(f"        <p>{esc(p)}</p>" for p in KA_MAKARANTA[1:])
_doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="knc-Arab">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>{esc(KA_MAKARANTA[0])}</title></titleStmt>
      <publicationStmt><p>Taska test fixture. Original text.</p></publicationStmt>
      <sourceDesc><p>Composed for testing; not from a published source.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
      <div type="article">
        <head>{esc(KA_MAKARANTA[0])}</head>
{_tei_body}
      </div>
    </body>
  </text>
</TEI>
"""
add("knc-Arab/tei-labar-makaranta-utf8.xml", data=_doc.encode("utf-8"), codec="utf-8", logical=_doc,
    main=KA_MAKARANTA[1:], lang="knc-Arab", fmt="XML (TEI-like)", encoding="UTF-8 (XML declaration)",
    tests="TEI-like XML: text is <head> and <p> inside <text><body>",
    expected="charset utf-8 (XML declaration); lang knc-Arab; text from <body> paragraphs",
    with_=["مَكَرَنْتَ غَنَ بٗلَ كُكَوَبِيٰ", "فُتُ غَدِيٰرُو سٗدِيِنْ غُلْتٗنَ"])

# =============================================================================================
# Arabic (ar)
# =============================================================================================

AR_SITE = "صحيفة ضفاف البحيرة"
AR_BOILER = dict(
    site=AR_SITE, site_id="difaf", nav=["الرئيسية", "أخبار محلية", "اقتصاد", "صحة", "رياضة", "اتصل بنا"],
    share_label="شارك هذا الخبر:", share_links=["Facebook", "WhatsApp", "X"],
    related_label="أخبار ذات صلة",
    related=["افتتاح مركز صحي جديد في بغاسولا", "مزارعو الأرز يستعدون لموسم الحصاد",
             "اجتماع للمصالحة بين الرعاة والمزارعين"],
    footer="جميع الحقوق محفوظة © 2024 صحيفة ضفاف البحيرة",
    cookie="يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك.", cookie_button="موافق",
)
AR_WITHOUT = ["اتصل بنا", "شارك هذا الخبر", "جميع الحقوق محفوظة", "ملفات تعريف الارتباط", "difaf-analytics",
              "font-family:Georgia"]

AR_SUQ = lines("""
استعاد السوق الأسبوعي في بلدة بول على الضفة الشرقية لبحيرة تشاد نشاطه المعتاد يوم الأحد، بعد أسابيع من الركود بسبب الأمطار الغزيرة التي قطعت الطرق المؤدية إليه.
وتوافد التجار منذ الصباح الباكر من القرى المجاورة حاملين الذرة والفول السوداني والسمك المجفف، فيما امتلأت ساحة المواشي بالأبقار والماعز القادمة من الجزر.
وقال رئيس اتحاد التجار، السيد محمد آدم، إن الأسعار بدأت تستقر بعد ارتفاع حاد خلال الشهر الماضي، مضيفا أن كيس الذرة يباع الآن بأقل من سعره في بداية الموسم.
من جهتها، أعلنت البلدية أنها ستقيم مظلات جديدة للبائعات، وستحفر بئرا ثانية قرب مدخل السوق لتوفير مياه الشرب للزوار والتجار.
ويأمل السكان أن تسرع السلطات في إصلاح الطريق الرابط بين بول والعاصمة، حتى تصل بضائعهم إلى الأسواق الكبرى قبل أن تفسد.
""")
_doc = html_page(lang="ar", rtl=True, meta='<meta charset="utf-8">',
                 title="عودة الحياة إلى السوق الأسبوعي في بول بعد موسم الأمطار",
                 headline="عودة الحياة إلى السوق الأسبوعي في بول بعد موسم الأمطار",
                 byline="مراسلنا في بول", paragraphs=AR_SUQ, **AR_BOILER)
add("ar/khabar-suq-utf8.html", data=_doc.encode("utf-8"), codec="utf-8", logical=_doc, main=AR_SUQ,
    lang="ar", fmt="HTML (dir=rtl)", encoding="UTF-8 (meta charset)",
    tests="Arabic news page with full boilerplate, RTL",
    expected="charset utf-8 (declared); lang ar; direction rtl; text contains 'السوق الأسبوعي'; nav/share/footer/cookie/script/style text absent",
    with_=["استعاد السوق الأسبوعي في بلدة", "إصلاح الطريق الرابط بين بول"], without=AR_WITHOUT)

AR_MADRASA = lines("""
احتفلت مدرسة قرية كوكاوا الابتدائية صباح الاثنين بافتتاح أربعة فصول دراسية جديدة، بحضور أولياء الأمور وممثلين عن المجلس المحلي.
وقال مدير المدرسة، الأستاذ عثمان علي، إن عدد التلاميذ تضاعف هذا العام بعد عودة مئات الأسر النازحة إلى قراها، مشيرا إلى أن الفصول القديمة لم تعد تتسع للجميع.
وتضم الفصول الجديدة مقاعد خشبية وسبورات ونوافذ واسعة تسمح بدخول الضوء والهواء، كما زُوّدت المدرسة بخزان للمياه ومرافق صحية منفصلة للبنين والبنات.
ودعت لجنة الآباء الأسر إلى تسجيل أبنائها، ولا سيما البنات، قبل نهاية الشهر، مؤكدة أن التعليم في المرحلة الابتدائية مجاني ولا تفرض المدرسة أي رسوم.
وفي ختام الحفل، ألقى التلاميذ أناشيد ترحيبية، ووعد المجلس المحلي بتوفير وجبة إفطار يومية للأطفال خلال الفصل الدراسي الأول.
""")
_doc = html_page(lang="ar", rtl=True, meta='<meta charset="windows-1256">',
                 title="افتتاح فصول جديدة في مدرسة كوكاوا بعد عودة الأسر النازحة",
                 headline="افتتاح فصول جديدة في مدرسة كوكاوا بعد عودة الأسر النازحة",
                 byline="قسم التعليم", paragraphs=AR_MADRASA, **AR_BOILER)
add("ar/akhbar-madrasa-windows-1256.html", data=_doc.encode("cp1256"), codec="cp1256", logical=_doc,
    main=AR_MADRASA, lang="ar", fmt="HTML (dir=rtl)", encoding="windows-1256 (meta charset)",
    tests="legacy Arabic code page declared in <meta charset>; shadda+damma in زُوّدت",
    expected="charset windows-1256 (declared); lang ar; text contains 'مدرسة'; boilerplate menu text absent",
    with_=["احتفلت مدرسة قرية كوكاوا الابتدائية", "بتوفير وجبة إفطار يومية للأطفال"], without=AR_WITHOUT)

AR_ILAN = lines("""
تعلن بلدية نغالا للسكان الكرام أن المياه ستنقطع عن الأحياء الشمالية من يوم الثلاثاء إلى يوم الخميس، وذلك لإصلاح الأنبوب الرئيسي الذي تضرر بسبب السيول.
وستقوم صهاريج البلدية بتوزيع مياه الشرب مجانا في ساحة السوق وأمام المدرسة الابتدائية من الساعة السابعة صباحا حتى الساعة الخامسة مساء.
ترجو البلدية من المواطنين ترشيد استهلاك المياه خلال هذه الفترة، وتغطية الأواني جيدا، وغلي الماء قبل شربه حفاظا على صحة الأطفال.
للاستفسار أو الإبلاغ عن أي تسرب، يرجى مراجعة مكتب الخدمات في مبنى البلدية خلال ساعات الدوام الرسمي.
والله ولي التوفيق.
""")
_doc = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html lang="ar" dir="rtl">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-6">
<title>إعلان بشأن انقطاع المياه | بلدية نغالا</title>
<style type="text/css">
{STYLE}
</style>
<script type="text/javascript">
var counter = "baladiya-ngala-counter";
</script>
</head>
<body>
<div id="nav"><ul><li><a href="/">الرئيسية</a></li><li><a href="/ilanat">إعلانات</a></li><li><a href="/khadamat">خدمات</a></li><li><a href="/ittisal">اتصل بنا</a></li></ul></div>
<h1>إعلان من بلدية نغالا بشأن انقطاع المياه</h1>
{chr(10).join('<p>' + p + '</p>' for p in AR_ILAN)}
<div id="footer">بلدية نغالا - جميع الحقوق محفوظة</div>
</body>
</html>
"""
add("ar/ilan-baladiya-iso-8859-6.html", data=_doc.encode("iso8859_6"), codec="iso8859_6", logical=_doc,
    main=AR_ILAN, lang="ar", fmt="HTML 4.01 (dir=rtl)", encoding="ISO-8859-6 (meta http-equiv)",
    tests="ISO-8859-6 declared via <meta http-equiv=Content-Type>; nav/footer in <div id=...> rather than <nav>/<footer>",
    expected="charset ISO-8859-6 (declared); lang ar; text contains 'انقطاع' and 'بلدية نغالا'",
    with_=["تعلن بلدية نغالا للسكان الكرام", "مراجعة مكتب الخدمات في مبنى البلدية"],
    without=["baladiya-ngala-counter", "font-family:Georgia"])

AR_RISALA = lines("""
نحن أعضاء جمعية مزارعي القرى الواقعة على ضفاف البحيرة، نكتب إليكم هذه الرسالة لنعرض عليكم أوضاع الزراعة في منطقتنا مع بداية موسم الأمطار.
لقد هطلت الأمطار هذا العام مبكرة وبكميات جيدة، واستبشر الناس بها خيرا، فبدأ المزارعون في حراثة الأرض وبذر الذرة والدخن والفول. غير أن كثيرا من الأسر التي عادت مؤخرا إلى قراها لا تملك البذور ولا الأدوات اللازمة للزراعة.
لذلك نرجو من مجلسكم الموقر أن ينظر في توزيع البذور المحسنة والأسمدة على الأسر العائدة بأسعار مدعومة، وأن يرسل مرشدين زراعيين يعلمون الشباب طرق الري الحديثة وحفظ المحاصيل من الآفات.
كما نلفت انتباهكم إلى أن الطريق الترابي الذي يربط قرانا بالسوق الكبير يصبح موحلا في موسم الأمطار، فتتلف الخضروات قبل أن تصل إلى المشترين. ونقترح أن يتعاون الأهالي مع المجلس في ردم الحفر وإقامة قنوات لتصريف المياه.
وفي الختام، نشكركم على اهتمامكم بشؤون المزارعين، ونسأل الله أن يجعل هذا الموسم موسم خير وبركة على الجميع.
""")
_doc = crlf("إلى السيد رئيس المجلس المحلي لمنطقة البحيرة المحترم\n\nتحية طيبة وبعد،\n\n"
            + "\n\n".join(AR_RISALA)
            + "\n\nوتفضلوا بقبول فائق الاحترام والتقدير،\nرئيس الجمعية: إبراهيم موسى\n")
add("ar/risala-muzariin-windows-1256-undeclared.txt", data=_doc.encode("cp1256"), codec="cp1256", logical=_doc,
    main=AR_RISALA, lang="ar", fmt="plain text (letter, CRLF)", encoding="windows-1256, NOT declared",
    tests="charset detection: windows-1256 bytes with no declaration and no BOM (about 1 KB); CRLF line ends",
    expected="charset windows-1256 (detected); lang ar; text contains 'جمعية مزارعي'; no U+FFFD",
    with_=["نحن أعضاء جمعية مزارعي القرى", "أن يجعل هذا الموسم موسم"])

AR_SAYD = lines("""
يشهد صيادو الأسماك في القرى المطلة على بحيرة تشاد موسما وفيرا هذا العام، بعد أن ارتفع منسوب المياه إلى مستوى لم يبلغه منذ سنوات.
وقال الصياد أبو بكر علي، الذي يعمل في البحيرة منذ ثلاثين عاما، إن شباكه تمتلئ الآن بأسماك البلطي والقرموط في ساعات قليلة، بعد أن كان يقضي الليل كله دون صيد يذكر.
وتعمل النساء في تنظيف الأسماك وتجفيفها وتمليحها على ضفاف البحيرة، قبل أن تنقل في شاحنات إلى أسواق المدن الكبرى في البلدان المجاورة.
غير أن الصيادين يشكون من ارتفاع أسعار الوقود والشباك، ويطالبون بتأسيس تعاونية تساعدهم على شراء المعدات بأسعار معقولة وتخزين الأسماك في غرف مبردة.
ودعت إدارة المصايد إلى احترام فترة الراحة البيولوجية وعدم استخدام الشباك ذات الفتحات الضيقة، حفاظا على صغار الأسماك وضمانا لاستمرار الصيد في المواسم القادمة.
""")
_doc = plain_text("موسم صيد وفير على ضفاف البحيرة", AR_SAYD)
add("ar/khabar-sayd-mojibake.txt", data=mojibake(_doc), codec="mojibake", logical=_doc, main=AR_SAYD,
    lang="ar", fmt="plain text", encoding="UTF-8 mojibake (UTF-8 read as windows-1252, saved as UTF-8)",
    tests="double-encoded Arabic: 'Ø§Ù„' for 'ال'; ف (D9 81) becomes 'Ù' + U+0081",
    expected="charset utf-8; warning mojibake-repaired; lang ar; repaired text contains 'صيادو الأسماك'; no 'Ø'/'Ù' left",
    with_=["يشهد صيادو الأسماك في القرى", "حفاظا على صغار الأسماك"], markers=["Ø§Ù„", "Ù\u0081"])

# Bidi controls and other invisible / compatibility characters, as copied from social media.
RLE, PDF, LRI, RLI, PDI, RLM, ZWSP = "\u202b", "\u202c", "\u2066", "\u2067", "\u2069", "\u200f", "\u200b"
MARHABA_PF = "\ufee3\ufeae\ufea3\ufe92\ufe8e"  # ﻣﺮﺣﺒﺎ  (مرحبا in presentation forms)
BIKUM_PF = "\ufe91\ufedc\ufee2"  # ﺑﻜﻢ (بكم)
AR_SALAM_RAW = [
    RLE + "اختتم اجتمـــاع السلام" + ZWSP + " والمصالحة في مدينة مونغونو أعماله مساء الخميس، بمشاركة زعماء تقليديين وعلماء دين وممثلين عن الشباب والنساء من اثنتي عشرة قرية." + PDF,
    "واتفق المشاركون على تشكيل لجنة دائمة للحوار تجتمع" + ZWSP + " مرة كل شهر،" + RLM + " للنظر في النزاعات حول الأراضي ومسارات الماشية ومصادر المياه، وحلها بالتراضي بعيدا عن العنف.",
    "كما دعا البيان إلى تسهيل عودة الأســـــر النازحة إلى قراها، وإعادة فتح المدارس والمراكز الصحية، وتشجيع الشباب على العمل في الزراعة والصيد.",
    "وقال رئيس الاجتماع، " + RLI + "الحاج بكر موسى" + PDI + "، في كلمته الختامية: «" + MARHABA_PF + " " + BIKUM_PF + " في بيتكم، فالسلام مسؤولية الجميع، ولا تنمية بغير أمن.»" + RLM,
    "وشكر المشاركون منظمة " + LRI + "Lake Chad Peace Network" + PDI + " على دعمها اللوجستي، وتعهدوا بنقل رسالة السلام إلى المساجد والأسواق في قراهم.",
]
_doc = plain_text(RLM + "بيان ختامي لاجتماع السلام في مونغونو" + RLM, AR_SALAM_RAW)
add("ar/bayan-salam-bidi-controls.txt", data=_doc.encode("utf-8"), codec="utf-8", logical=_doc,
    main=AR_SALAM_RAW, lang="ar", fmt="plain text", encoding="UTF-8",
    tests="bidi controls U+202B/U+202C, U+2066/U+2067/U+2069, U+200F; stray U+200B; tatweel runs; presentation forms ﻣﺮﺣﺒﺎ ﺑﻜﻢ",
    expected="charset utf-8; lang ar; no bidi controls, ZWSP or tatweel left; presentation forms folded ('مرحبا بكم'); Latin name 'Lake Chad Peace Network' kept",
    with_=["اختتم اجتماع السلام والمصالحة في", "مرحبا بكم في بيتكم", "بنقل رسالة السلام إلى المساجد"])

AR_RSS_ITEMS = [
    ("حملة تطعيم للأطفال في بغاسولا", "https://difaf.example/akhbar/2024/08/tatim",
     "Mon, 05 Aug 2024 08:30:00 +0100",
     "أطلق المركز الصحي في بغاسولا حملة تطعيم ضد الحصبة وشلل الأطفال تستمر أسبوعين، ويدعو الأمهات إلى إحضار بطاقات التطعيم."),
    ("مزارعو الأرز يبدأون الحصاد", "https://difaf.example/akhbar/2024/08/aruz",
     "Wed, 07 Aug 2024 12:00:00 +0100",
     "بدأ مزارعو الأرز في السهول المحيطة بالبحيرة موسم الحصاد، وسط توقعات بإنتاج أفضل من العام الماضي بفضل انتظام الأمطار."),
    ("إصلاح جسر على طريق السوق", "https://difaf.example/akhbar/2024/08/jisr",
     "Fri, 09 Aug 2024 15:45:00 +0100",
     "أنهت فرق البلدية إصلاح الجسر الصغير على طريق السوق الأسبوعي، مما يسمح بعودة حركة الشاحنات والعربات التي تجرها الحمير."),
]
_doc = rss(encoding="windows-1256", channel_title=AR_SITE, channel_link="https://difaf.example/",
           channel_desc="أخبار القرى والمدن على ضفاف بحيرة تشاد", lang="ar", items=AR_RSS_ITEMS)
add("ar/akhbar-rss-windows-1256.xml", data=_doc.encode("cp1256"), codec="cp1256", logical=_doc,
    main=[t for i in AR_RSS_ITEMS for t in (i[0], i[3])], lang="ar", fmt="XML (RSS 2.0)",
    encoding="windows-1256 (XML declaration)",
    tests="XML with encoding=\"windows-1256\" in the XML declaration (libxml2 must be told / must honour it)",
    expected="charset windows-1256 (XML declaration); lang ar; text contains 'حملة تطعيم'",
    with_=["أطلق المركز الصحي في بغاسولا", "التي تجرها الحمير"])

AR_KHUTBA = lines("""
الحمد لله الذي أنزل من السماء ماء فأحيا به الأرض بعد موتها، والصلاة والسلام على رسول الله.
أيها المؤمنون، إن موسم الأمطار نعمة عظيمة، يفرح بها المزارع وتشرب منها الماشية وتمتلئ بها الآبار. ومن شكر هذه النعمة أن نحافظ على نظافة مياهنا وبيوتنا وأسواقنا.
فلا ترموا الفضلات في مجاري المياه، ولا تتركوا الماء راكدا حول البيوت، فإنه يجلب البعوض والأمراض. وعلّموا أبناءكم غسل الأيدي قبل الطعام.
واعلموا أن التعاون على الخير من أعظم القربات، فليساعد القوي الضعيف، وليعن الجار جاره في إصلاح سقف بيته قبل أن تشتد الأمطار.
نسأل الله أن يبارك في زروعنا ومواشينا، وأن يحفظ بلادنا وأهلها من كل سوء.
""")
_doc = plain_text("من خطبة الجمعة في المسجد الجامع", AR_KHUTBA)
add("ar/khutba-nazafa-utf16be-nobom.txt", data=_doc.encode("utf-16-be"), codec="utf-16-be", logical=_doc,
    main=AR_KHUTBA, lang="ar", fmt="plain text (sermon excerpt)", encoding="UTF-16BE without BOM",
    tests="UTF-16BE detection without BOM on Arabic text",
    expected="charset UTF-16BE (detected, no BOM); lang ar; direction rtl",
    with_=["الحمد لله الذي أنزل من", "وأن يحفظ بلادنا وأهلها"])

# =============================================================================================
# English (en)
# =============================================================================================

EN_CLINIC = [
    "The small health post on the edge of Bol doesn't close when the sun goes down any more. Since March, two nurses and a volunteer midwife have kept it open until midnight, and it's already changed how families on the islands get care.",
    "“We'd see mothers arriving at dawn after crossing the water in the dark,” said Dr Siobhan O'Brien, who has spent four rainy seasons working with the district health team. “It didn't make sense to send them home because the clinic had shut at four.”",
    "The night shift runs on a solar array and a battery bank donated by a cooperative of fish traders. A second-hand generator sits in the yard for cloudy weeks; its owner's nickname for it, Mr O'Neill, has stuck with the staff.",
    "Staff say the busiest hours are between eight and ten, when fishermen return and children with fevers are brought in. Malaria tests, oral rehydration salts and birth registrations make up most of the work, and the team's logbook shows more than nine hundred visits in the first three months.",
    "Not everything is smooth. The road from the jetty floods each August, and I'd be lying if I said the radio link to the district hospital never drops, O'Brien admitted.",
    "Still, there's music at the change of shift. One of the nurses plays old rock'n'roll records on a wind-up player, and the waiting patients don't seem to mind. “It's not glamorous,” she said, “but it's ours.”",
]
_doc = html_page(lang="en", meta='<meta charset="utf-8">', title="Night clinic keeps its doors open in Bol",
                 headline="Night clinic keeps its doors open in Bol", byline="By our correspondent in Bol",
                 paragraphs=EN_CLINIC, site="Lake Chad Courier", site_id="courier",
                 nav=["Home", "Local News", "Environment", "Health", "Sport", "Contact Us"],
                 share_label="Share this story:", share_links=["Facebook", "WhatsApp", "X"],
                 related_label="Related stories",
                 related=["Fish traders open a cold store in Baga Sola", "Rainy season outlook for the southern shore",
                          "Peace committee marks its first year"],
                 footer="© 2024 Lake Chad Courier. All rights reserved.",
                 cookie="We use cookies to improve your experience.", cookie_button="Accept")
add("en/news-clinic-apostrophes-utf8.html", data=_doc.encode("utf-8"), codec="utf-8", logical=_doc,
    main=EN_CLINIC, lang="en", fmt="HTML", encoding="UTF-8 (meta charset)",
    tests="English apostrophes that must NOT become Hausa letters: doesn't, it's, We'd, I'd, O'Brien, O'Neill, rock'n'roll; full boilerplate",
    expected="charset utf-8 (declared); lang en; \"O'Brien\", \"I'd\", \"rock'n'roll\" unchanged (no ɓ/ɗ/ƙ anywhere); boilerplate absent",
    with_=["small health post on the edge", "said Dr Siobhan O'Brien", "I'd be lying if I said",
           "plays old rock'n'roll records on"],
    without=["Contact Us", "Share this story", "All rights reserved", "We use cookies", "courier-analytics",
             "font-family:Georgia"])

EN_LETTER = [
    "I am writing about the road between Bol and Baga Sola, which has become almost impassable since the August rains. Lorries carrying dried fish and natron now take two days for a journey that used to take five hours.",
    "Last week my neighbour, Mme Renée Abakar, had to be carried by handcart to the health centre because no taxi would risk the stretch near the old bridge. The district engineer, M. Chérif Mahamat, told us repairs were “planned for the dry season” — but we have heard that promise every year since 2019.",
    "The traders’ association has offered to supply labour and gravel if the council provides a grader for one week. Surely that is a fair bargain? The café owners and mechanics along the route have signed our petition too.",
    "We don’t ask for a motorway — only a road that doesn’t swallow a lorry every time it rains.",
]
_doc = crlf(plain_text("Letter to the Editor\n\nSir,", EN_LETTER,
                       "Yours faithfully,\nAmadou Zakaria\nChairman, Bol Traders’ Association"))
add("en/letter-road-windows-1252.txt", data=_doc.encode("cp1252"), codec="cp1252", logical=_doc, main=EN_LETTER,
    lang="en", fmt="plain text (letter, CRLF)", encoding="windows-1252, not declared",
    tests="windows-1252 curly quotes 0x93/0x94, apostrophe 0x92, em dash 0x97, é 0xE9 (must not be read as ISO-8859-1 C1 controls)",
    expected="charset windows-1252 (detected); lang en; text contains '“planned for the dry season” —' and 'Renée'; no U+0093/U+0094/U+0097",
    with_=["I am writing about the road", "my neighbour, Mme Renée Abakar", "a lorry every time it rains"])

EN_NOTICE = [
    "From Saturday 14 September, the weekly market in Ngouboua will be held on the primary school field while the council rebuilds the drainage channels in the old market square.",
    "Stallholders are asked to arrive before 7 o'clock so that the fire brigade can mark out the lanes. Each trader will receive a numbered ticket at the gate; please keep it visible.",
    "The café run by Mme Hélène Moussa and the tailoring stall of M. François Djibrine will stay at their usual places on the main road, which is not affected by the works.",
    "Water will be available from the school's borehole between 8 and 12 o'clock. Temperatures may exceed 40 °C at midday, so please bring shade cloths for children and animals.",
    "The council apologises for any inconvenience and thanks residents for their patience. Enquiries: the market office, next to the mosque, Monday to Friday.",
]
_doc = html_page(lang="en", meta='<meta charset="iso-8859-1">', title="Saturday market moves to the school field",
                 headline="Notice: Saturday market moves to the school field", byline="Issued by the Town Clerk",
                 paragraphs=EN_NOTICE, site="Ngouboua Town Council", site_id="ngouboua-council",
                 nav=["Home", "Council services", "Public notices", "Contact the council"],
                 share_label="Share this notice:", share_links=["Facebook", "WhatsApp"],
                 related_label="Other notices",
                 related=["Borehole repairs in the east quarter", "Registration for the vaccination week"],
                 footer="© 2024 Ngouboua Town Council. Website maintained by the clerk's office.",
                 cookie="This site uses cookies for basic statistics.", cookie_button="OK")
add("en/notice-market-iso-8859-1.html", data=_doc.encode("latin-1"), codec="latin-1", logical=_doc,
    main=EN_NOTICE, lang="en", fmt="HTML", encoding="ISO-8859-1 (meta charset)",
    tests="ISO-8859-1 declared in <meta charset>; é ç ° © as single bytes",
    expected="charset ISO-8859-1 (declared; windows-1252 superset also acceptable); lang en; text contains 'Hélène', 'François', '40 °C'; boilerplate absent",
    with_=["the weekly market in Ngouboua will", "café run by Mme Hélène Moussa", "thanks residents for their patience"],
    without=["Contact the council", "Share this notice", "Website maintained by the clerk", "uses cookies for basic statistics",
             "ngouboua-council-analytics"])

EN_RETURN = [
    "More than two hundred families who had lived for several years in the camp at Gamboru have returned to their home villages around Ngala over the past month.",
    "Community leaders say the returns were planned together with the local government, which repaired two wells and reopened the primary school before the first families arrived.",
    "Each household received a return kit with sleeping mats, cooking pots, seeds and a solar lamp. Women's groups are already organising a rotating savings scheme so that they can restart small businesses.",
    "The main concerns are water and health care. The nearest clinic is twelve kilometres away, and during the rains the track is often cut. A mobile health team now visits every Thursday.",
    "Elders held a reconciliation meeting under the big tamarind tree in the village square, where they agreed on rules for sharing farmland and grazing routes with herders.",
    "Next steps include building a grain store and training young people as community health volunteers.",
]
_doc = plain_text("Field update: families return to Ngala", EN_RETURN)
add("en/report-return-utf16le-bom.txt", data=UTF16LE_BOM + _doc.encode("utf-16-le"), codec="utf-16-le",
    bom=UTF16LE_BOM, logical=_doc, main=EN_RETURN, lang="en", fmt="plain text (report)", encoding="UTF-16LE with BOM",
    tests="UTF-16LE BOM on pure-ASCII-range English (every other byte 0x00)",
    expected="charset UTF-16LE (BOM); lang en; no NUL characters in text",
    with_=["More than two hundred families who", "young people as community health volunteers"])

EN_RSS_ITEMS = [
    ("Rainy season outlook: farmers cautiously optimistic", "https://courier.example/news/2024/06/outlook",
     "Mon, 03 Jun 2024 06:00:00 +0100",
     "Forecasters expect normal to above-normal rainfall across the southern shore this year. Farmers in Bol say they will plant sorghum early but keep some seed back in case of a dry spell."),
    ("Fish traders open a cold store in Baga Sola", "https://courier.example/news/2024/06/cold-store",
     "Thu, 06 Jun 2024 13:10:00 +0100",
     "A cooperative of women fish traders has opened a solar-powered cold room, so catches can be stored for up to a week instead of being sold at a loss the same day. Traders&#8217; groups elsewhere plan to copy it."),
    ("Peace committee marks first year", "https://courier.example/news/2024/06/peace-committee",
     "Sat, 08 Jun 2024 18:25:00 +0100",
     "The inter-community peace committee in Ngouboua marked its first anniversary on Friday. Members say disputes over cattle routes are now settled by dialogue before they escalate."),
]
_doc = rss(encoding="UTF-8", channel_title="Lake Chad Courier &amp; Radio", channel_link="https://courier.example/",
           channel_desc="News from the shores of Lake Chad", lang="en", items=EN_RSS_ITEMS)
add("en/feed-lakechad-rss-utf8.xml", data=_doc.encode("utf-8"), codec="utf-8", logical=_doc,
    main=[t for i in EN_RSS_ITEMS for t in (i[0], i[3])], lang="en", fmt="XML (RSS 2.0)",
    encoding="UTF-8 (XML declaration)", tests="RSS 2.0 feed; &amp; and numeric character reference &#8217;",
    expected="charset utf-8 (XML declaration); lang en; text contains 'Traders’ groups' (entity decoded)",
    with_=["Forecasters expect normal to above-normal rainfall", "settled by dialogue before they escalate"])

# =============================================================================================
# Hausa with Arabic quotations (mixed-ha-ar)
# =============================================================================================

MX_HUDUBA = [
    "Limamin babban masallacin Juma’a na garin Monguno, Sheikh Adam Abubakar, ya buɗe huɗubarsa ta wannan mako da godiya ga Allah bisa saukar ruwan sama a kan lokaci.",
    'Ya karanta ayar da ke cewa <span lang="ar" dir="rtl">وَجَعَلْنَا مِنَ الْمَاءِ كُلَّ شَيْءٍ حَيٍّ</span>, sannan ya bayyana cewa ruwa rayuwa ne ga mutane, dabbobi da shuke-shuke.',
    (' lang="ar" dir="rtl"', "الطهور شطر الإيمان"),
    "Limamin ya ce tsabta rabin imani ce, don haka ya kamata kowa ya tsaftace gidansa, rijiyarsa da hanyar da ke gabansa.",
    "Ya gargaɗi jama’a da kada su riƙa zubar da shara a magudanan ruwa, domin hakan yana haifar da ambaliya da cututtuka irin su kwalara. Ya ce: <bdi>إن الله جميل يحب الجمال</bdi>, don haka mu ƙawata unguwanninmu.",
    'A ƙarshe, limamin ya yi addu’a Allah ya albarkaci amfanin gona, ya kuma kawo zaman lafiya a yankin Tafkin Chadi baki ɗaya. Ya rufe da <span lang="ar" dir="rtl">وآخر دعوانا أن الحمد لله رب العالمين</span>.',
]
_doc = html_page(lang="ha", meta='<meta charset="utf-8">', title="Huɗubar Juma’a: Ruwan sama ni’ima ne, mu kiyaye tsabta",
                 headline="Huɗubar Juma’a: Ruwan sama ni’ima ne, mu kiyaye tsabta", byline="Daga sashen addini",
                 paragraphs=MX_HUDUBA, site="Muryar Masallaci", site_id="muryar-masallaci",
                 nav=["Gida", "Huɗubobi", "Darussa", "Sanarwa", "Tuntuɓe mu"],
                 share_label="Raba huɗubar nan:", share_links=["Facebook", "WhatsApp", "Telegram"],
                 related_label="Huɗubobi na baya",
                 related=["Muhimmancin sulhu tsakanin makwabta", "Haƙƙin maƙwabci a Musulunci"],
                 footer="© 2024 Muryar Masallaci. An kiyaye dukkan haƙƙoƙi.",
                 cookie="Muna amfani da kukis a wannan shafi.", cookie_button="To")
add("mixed-ha-ar/huduba-juma-utf8.html", data=_doc.encode("utf-8"), codec="utf-8", logical=_doc,
    main=[p[1] if isinstance(p, tuple) else p for p in MX_HUDUBA], lang="ha + ar", fmt="HTML",
    encoding="UTF-8 (meta charset)",
    tests="Hausa sermon page quoting Arabic: inline <span lang=ar dir=rtl> (vocalised), <bdi>, and a whole <p lang=ar dir=rtl> paragraph",
    expected="charset utf-8; document lang ha; Arabic spans/paragraph tagged ar (paragraph 'الطهور شطر الإيمان' is ar); mixed direction; boilerplate absent",
    with_=["Limamin babban masallacin", "الطهور شطر الإيمان", "zaman lafiya a yankin Tafkin Chadi"],
    without=["Tuntuɓe mu", "Raba huɗubar nan", "An kiyaye dukkan haƙƙoƙi", "Muna amfani da kukis",
             "muryar-masallaci-analytics"])

MX_WAAZI = lines("""
Bayan sallar isha’i ta daren Alhamis, Malam Goni Kachalla ya gabatar da wa’azi kan muhimmancin zaman lafiya da haƙuri tsakanin maƙwabta, musamman yanzu da iyalai da dama ke dawowa gidajensu.
إنما المؤمنون إخوة فأصلحوا بين أخويكم
Malam ya fassara wannan aya da cewa muminai ’yan’uwa ne, kuma wajibi ne a sulhunta tsakanin duk waɗanda suka samu saɓani. Ya ce wanda ya dawo daga sansani bai kamata a kalle shi a matsayin baƙo ba.
Ya ƙara da cewa Allah ya ce والصلح خير, wato sulhu shi ne mafi alheri, kuma ya kamata sarakuna da malamai su zama na farko wajen sasanta rikicin gonaki da na wuraren kiwo.
Ya yi kira ga matasa su guji jita-jita a kafafen sada zumunta, su kuma taimaka wajen gyaran masallatai da makarantun da aka daɗe ba a yi amfani da su ba.
An rufe taron da addu’a: اللهم اجعل هذا البلد آمنا, Allah ya ba mu zaman lafiya mai ɗorewa.
""")
_doc = plain_text("Wa’azin zaman lafiya a masallacin unguwar Bulabulin", MX_WAAZI)
add("mixed-ha-ar/waazi-zaman-lafiya-plain.txt", data=_doc.encode("utf-8"), codec="utf-8", logical=_doc,
    main=MX_WAAZI, lang="ha + ar", fmt="plain text (sermon report)", encoding="UTF-8",
    tests="plain text, no markup: an Arabic verse as its own paragraph and Arabic phrases inline in Hausa sentences",
    expected="charset utf-8; document lang ha; paragraph 2 lang ar; inline Arabic kept in place in Hausa paragraphs",
    with_=["Malam Goni Kachalla ya gabatar", "إنما المؤمنون إخوة", "Allah ya ce والصلح خير", "zaman lafiya mai ɗorewa"])

ALLAH_PF = "\ufdf2"  # ﷲ
MX_SANARWA_RAW = [
    RLI + "بســـــم الله الرحمن الرحيم" + PDI,
    "Kwamitin masallacin Juma’a na Ngala yana sanar da jama’a cewa za a yi sallar idi a filin idi da ke bayan makarantar firamare, da ƙarfe takwas na safe.",
    "Ana roƙon kowa ya zo da tabarma, kuma a kiyaye tsabtar wurin. Limami zai yi kabbarar " + RLI + "الله أكبـــر" + PDI + " sau bakwai a raka’a ta farko.",
    "Bayan sallah, za a tara gudummawa domin haƙa rijiya a harabar masallaci. Duk wanda ya bayar, " + RLE + "جزاكم " + ALLAH_PF + " خيرا" + PDF + RLM + ", Allah ya saka masa da alheri.",
    "Za a kuma karɓi baƙi daga ƙauyukan da ke kewaye da gari. Za a rataya allo mai rubutun " + RLI + MARHABA_PF + " " + BIKUM_PF + PDI + " a ƙofar filin domin marabtar su.",
    "Kwamitin yana roƙon Allah ya karɓi ibadunmu, ya kuma" + ZWSP + " ba mu damina mai albarka. " + RLI + "والسلام عليكم" + PDI,
]
_doc = plain_text("SANARWA DAGA KWAMITIN MASALLACIN JUMA’A NA NGALA", MX_SANARWA_RAW)
add("mixed-ha-ar/sanarwar-masallaci-bidi-controls.txt", data=_doc.encode("utf-8"), codec="utf-8", logical=_doc,
    main=MX_SANARWA_RAW, lang="ha + ar", fmt="plain text (announcement)", encoding="UTF-8",
    tests="Arabic inside Hausa wrapped in RLI/PDI (U+2067/U+2069) and RLE/PDF (U+202B/U+202C), RLM U+200F, ZWSP, tatweel, presentation forms ﻣﺮﺣﺒﺎ ﺑﻜﻢ and ligature ﷲ",
    expected="charset utf-8; document lang ha; no bidi controls/ZWSP/tatweel left; 'مرحبا بكم' and 'الله' in base letters; Arabic runs tagged ar",
    with_=["بسم الله الرحمن الرحيم", "cewa za a yi sallar idi", "rubutun مرحبا بكم a ƙofar", "ya kuma ba mu damina"])

MX_ADDUA = lines("""
Ya ku bayin Allah, mun shiga lokacin damina, lokacin da manoma ke fita gonaki, makiyaya kuma ke neman wurin kiwo. A irin wannan lokaci ne saɓani ke yawan faruwa idan ba mu yi haƙuri ba.
Allah Maɗaukakin Sarki yana cewa: وتعاونوا على البر والتقوى. Ma’ana, mu taimaki juna a kan alheri da tsoron Allah, ba a kan ɓarna ba.
Ina kira ga manoma su bar hanyoyin shanu a buɗe kamar yadda aka amince a taron sulhu, makiyaya kuma su hana dabbobinsu shiga gonakin mutane.
إن الله مع الصابرين
Duk wanda aka yi wa ba daidai ba, ya kai ƙara wurin mai unguwa ko kwamitin zaman lafiya, kada ya ɗauki doka a hannunsa. Allah ya ba mu damina mai albarka da girbi mai yawa.
""")
_doc = plain_text("Daga huɗubar Juma’a ta masallacin Dikwa", MX_ADDUA)
add("mixed-ha-ar/huduba-damina-utf16le-bom.txt", data=UTF16LE_BOM + _doc.encode("utf-16-le"), codec="utf-16-le",
    bom=UTF16LE_BOM, logical=_doc, main=MX_ADDUA, lang="ha + ar", fmt="plain text (sermon excerpt)",
    encoding="UTF-16LE with BOM", tests="UTF-16LE BOM with mixed Hausa/Arabic; Arabic verse inline and as its own paragraph",
    expected="charset UTF-16LE (BOM); document lang ha; paragraph 'إن الله مع الصابرين' lang ar",
    with_=["mun shiga lokacin damina", "وتعاونوا على البر والتقوى", "damina mai albarka da girbi"])

# Dates in every form the dates stage reads: a Hausa date-line with its weekday, a Hijri date in
# Hausa with its Gregorian day, an ambiguous numeric date (day-first assumed, warned), an Arabic
# dual date whose Gregorian day differs from Umm al-Qura by one (local moon sighting: warned), and
# numbers that are not dates (a price, a phone number, a verse reference).
MX_KWANAKI = lines("""
Maiduguri, Talata 12 ga watan Maris, 2024
Kwamitin masallacin Juma’a na Baga yana sanar da jama’a cewa an fara karatun tafsiri a ranar 1 ga watan Ramadan 1445 AH, wanda ya yi daidai da 11 ga watan Maris 2024. Za a rufe rajistar ɗalibai a ranar 08/03/2024.
تعلن لجنة المسجد الجامع أن الاجتماع العام يعقد يوم الأربعاء ٣ رمضان ١٤٤٥هـ الموافق ١٤ مارس ٢٠٢٤م بعد صلاة العصر، والاشتراك ٢٠٠٠ نيرة.
Don ƙarin bayani a kira +234 806 111 2233. Allah ya ce: (Suratul Baqara 2:183).
""")
_doc = plain_text("SANARWA: KARATUN TAFSIRI NA WATAN RAMADAN", MX_KWANAKI)
add("mixed-ha-ar/sanarwa-tafsiri-kwanaki.txt", data=_doc.encode("utf-8"), codec="utf-8", logical=_doc,
    main=MX_KWANAKI, lang="ha + ar", fmt="plain text (announcement)", encoding="UTF-8",
    tests="date mentions: Hausa weekday date-line, Hausa Hijri date with its Gregorian day, ambiguous 08/03/2024, Arabic dual date that disagrees by a day, Arabic-Indic digits; a price, a phone number and a verse reference that are not dates",
    expected="document lang ha; dates lists 6 mentions (2024-03-12, 2024-03-11 islamic-umalqura, 2024-03-11, 2024-03-08, 2024-03-13 islamic-umalqura, 2024-03-14); warnings date-ambiguous and dual-date-disagrees",
    with_=["Talata 12 ga watan Maris, 2024", "1 ga watan Ramadan 1445 AH", "رمضان ١٤٤٥ه الموافق ١٤ مارس"])

# =============================================================================================
# Broken inputs (no snippets): each must give an error record or a warning, never a crash
# =============================================================================================

add("broken/empty.txt", data=b"", kind="broken", lang="—", fmt="plain text", encoding="(0 bytes)",
    tests="empty file", expected="error record: empty file")

_rng = random.Random(20240917)
add("broken/binary-garbage.html", data=bytes(_rng.getrandbits(8) for _ in range(2048)), kind="broken",
    lang="—", fmt="none (named .html)", encoding="random bytes (seed 20240917, 2048 bytes)",
    tests="binary noise with an .html name", expected="error record: binary / undecodable content (or a text record with warning invalid-bytes and lang und); never a crash")

# 1x1 transparent RGBA PNG (68 bytes), written byte for byte.
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000b4944415478da636000020000050001e9fadcd80000000049454e44ae426082")
add("broken/image-named.html", data=PNG_1X1, kind="broken", lang="—", fmt="PNG image (named .html)",
    encoding="binary", tests="content sniffing: PNG magic bytes under an .html name",
    expected="error record: not text (PNG image despite .html extension)")

_t = "Sanarwa: za a raba takin zamani ga manoma a ranar Asabar a ofishin ƙaramar hukuma. Ku zo da katin shaida "
add("broken/truncated-utf16le.txt", data=UTF16LE_BOM + _t.encode("utf-16-le") + b"\x3d\xd8\x02", kind="broken",
    lang="ha", fmt="plain text", encoding="UTF-16LE with BOM, truncated",
    tests="odd byte count; ends in a lone high surrogate (D83D) plus half of its low surrogate",
    expected="charset UTF-16LE (BOM); warning invalid-bytes / truncated; Hausa text before the cut kept ('katin shaida')")

_bad = (b"Manoma a \xc6\x99auyukan Gajiram sun fara girbin gero \xc0\xaf da dawa. "
        + b"Sun ce ruwan sama ya yi kyau a bana,\x80 kuma suna fatan farashin hatsi zai daidaita a kasuwa.\n"
        + "Wakilinmu ya ziyarci rumbunan ajiya na ƙungiyar manoma".encode("utf-8") + b" \xe2\x80")
add("broken/invalid-utf8.txt", data=_bad, kind="broken", lang="ha", fmt="plain text", encoding="UTF-8 with invalid bytes",
    tests="overlong C0 AF, lone continuation byte 80, truncated 3-byte sequence E2 80 at end of file",
    expected="charset utf-8; warning invalid-bytes (bad sequences at 3 places, replaced by U+FFFD or dropped); Hausa text around them kept")

_nul = ("Kwamitin zaman lafiya na Monguno zai yi taro ranar Laraba.\x00 Ana gayyatar dukkan shugabannin unguwanni,"
        " malamai da wakilan matasa.\x00\x00 Za a tattauna batun hanyoyin shanu da gonaki.\x00\n")
add("broken/nul-bytes.txt", data=_nul.encode("utf-8"), kind="broken", lang="ha", fmt="plain text",
    encoding="UTF-8 with NUL bytes", tests="NUL (0x00) bytes inside otherwise valid Hausa UTF-8 text",
    expected="charset utf-8 (not UTF-16); warning control-characters / nul-bytes; NULs removed, Hausa text kept")

_mixed = ("Sanarwa daga makarantar firamare ta Ngala\r\n"
          "Za a fara rajistar sababbin ɗalibai ranar Litinin.\r"
          "Iyaye su zo da takardar haihuwa.\n"
          "Makarantar ba ta karɓar kuɗi.\r\n"
          "\r\n"
          "Mun gode.\r")
add("broken/mixed-line-ends.txt", data=_mixed.encode("utf-8"), kind="broken", lang="ha", fmt="plain text",
    encoding="UTF-8, CRLF + CR + LF", tests="mixed line endings (CRLF, bare CR, LF) in one file",
    expected="charset utf-8; line ends normalised (no CR left in text); 5 non-empty lines kept, bare CR treated as a line break; warning optional")

_trunc = """<!DOCTYPE html>
<html lang="ha">
<head>
<meta charset="utf-8">
<title>Manoma sun karɓi takin zamani | Jaridar Arewa</title>
</head>
<body>
<nav><a href="/">Gida</a> <a href="/labarai">Labarai</a></nav>
<article>
<h1>Manoma sun karɓi takin zamani a Konduga</h1>
<p>Manoma fiye da ɗari uku a ƙaramar hukumar Konduga sun karɓi buhunan takin zamani daga shirin tallafa wa noma na jiha.</p>
<p>Shugaban ƙungiyar manoma ya ce takin zai taimaka musu wajen ƙara yawan amfanin gona a wannan damina, musamman masara da shinkafa.</p>
<p class="note">Za a ci gaba da raba sauran buhunan a mako mai <a hre"""
add("broken/truncated.html", data=_trunc.encode("utf-8"), kind="broken", lang="ha", fmt="HTML (cut off)",
    encoding="UTF-8", tests="HTML cut in the middle of an <a> start tag; no </body></html>",
    expected="charset utf-8; warning truncated / malformed markup; the two complete <p> paragraphs extracted (contains 'ɗari uku')")


# ---------------------------------------------------------------------------------------------
# Writing, README, verification
# ---------------------------------------------------------------------------------------------

def snippets_path(path: str) -> Path:
    return FIX / (path + ".snippets.json")


def readme() -> str:
    def cell(s):
        s = re.sub(r"(<[^<>]+>)", r"`\1`", s)  # markup named in a cell is shown, not rendered
        return s.replace("|", "\\|").replace("\n", " ")
    out = ["# Taska test fixtures", "",
           "Generated by `scripts/make-fixtures.py` (run `python3 scripts/make-fixtures.py` from the package root;",
           "output is byte-identical on every run). Do not edit the fixture files by hand: edit the script.", "",
           "* All texts are original, written for these tests (civic life around Lake Chad). The Kanuri (Latin) texts",
           "  were composed by a non-native writer from training-corpus vocabulary, and the Kanuri Ajami texts are that",
           "  writer's transliterations of his own Kanuri sentences (corpus conventions: U+0657 for ə, تش for c, نغ for ng).",
           "  Treat them as Kanuri-like test text, not as reference Kanuri.",
           "* Next to every non-broken fixture there is `<file>.snippets.json`:",
           "  `with` = phrases a correct record's text must contain (start of the main text, near its end, and",
           "  sometimes a phrase that exercises the fixture's special case); `without` = boilerplate phrases",
           "  (nav, footer, script, style, cookie banner, share block) that must NOT be in the record text.",
           "  Phrases are in normalised form: NFC, Arabic without tatweel, bidi controls, ZWSP or presentation",
           "  forms, and with the letters the source used (Hausa k' and 'y, Kanuri ǝ and ə stay as written).",
           "* The `.snippets.json` files are not fixtures; a test that walks these folders must skip them.",
           "* No `*.expected.json` here: golden records are generated from the pipeline later.",
           "* `broken/` has no snippets: each file must produce an error record or a record with a warning,",
           "  never a crash.", "",
           "| file | language | format | encoding | what it tests | expected |",
           "|---|---|---|---|---|---|"]
    for f in FIXTURES:
        out.append("| `" + f["path"] + "` | " + " | ".join(cell(f[k]) for k in ("lang", "fmt", "encoding", "tests", "expected")) + " |")
    out.append("")
    return "\n".join(out) + readme_tail()


def readme_tail() -> str:
    """The README's sections after the table (telegram/, warc/, hostile/ …), kept as they are:
    the other generators' fixtures are described there by hand."""
    path = FIX / "README.md"
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8")
    start = text.find("\n## ")
    return text[start:] if start >= 0 else ""


def write_all():
    for f in FIXTURES:
        target = FIX / f["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(f["data"])
        if f["kind"] != "broken":
            snip = {"with": f["with_"], "without": f["without"]}
            snippets_path(f["path"]).write_bytes((json.dumps(snip, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    (FIX / "README.md").write_bytes(readme().encode("utf-8"))


def decode(f) -> str:
    data = f["data"]
    codec = f["codec"]
    if codec == "mojibake":
        return unmojibake(data)
    if f["bom"]:
        assert data.startswith(f["bom"]), f"{f['path']}: BOM missing"
        data = data[len(f["bom"]):]
    return data.decode(codec)


def verify() -> list[str]:
    problems = []

    def check(cond, msg):
        if not cond:
            problems.append(msg)

    for f in FIXTURES:
        p, data = f["path"], f["data"]
        if f["kind"] == "broken":
            continue
        text = decode(f)
        # 1. the bytes decode, with the intended codec, to exactly the source text, and re-encode identically
        check(text == f["logical"], f"{p}: decoded text differs from source")
        if f["codec"] == "mojibake":
            check(mojibake(text) == data, f"{p}: mojibake does not round-trip")
            dec = data.decode("utf-8")
            for m in f["markers"]:
                check(m in dec, f"{p}: mojibake marker {m!r} missing")
        else:
            check(f["bom"] + text.encode(f["codec"]) == data, f"{p}: re-encoding differs")
        # 2. encoding-specific byte checks
        if f["codec"] == "cp1256":
            check(any(b >= 0x80 for b in data), f"{p}: windows-1256 file has no byte >= 0x80")
        if f["codec"] == "iso8859_6":
            for b in set(data):
                try:
                    bytes([b]).decode("iso8859_6")
                    ok = not (0x80 <= b <= 0x9F)
                except UnicodeDecodeError:
                    ok = False
                check(ok, f"{p}: byte 0x{b:02X} is not a valid ISO-8859-6 character")
        if f["codec"] in ("cp1252", "latin-1"):
            check(any(b >= 0x80 for b in data), f"{p}: no high bytes")
        if f["codec"] == "cp1252":
            for b in (0x93, 0x94, 0x97, 0xE9):
                check(b in data, f"{p}: byte 0x{b:02X} missing")
        if f["codec"] == "utf-16-be":
            check(not data.startswith(b"\xfe\xff"), f"{p}: UTF-16BE file must not have a BOM")
        if f["codec"] == "utf-16-le":
            check(data.startswith(UTF16LE_BOM), f"{p}: UTF-16LE BOM missing")
        if "NOT declared" in f["encoding"] or "not declared" in f["encoding"]:
            check(b"charset" not in data.lower() and b"encoding" not in data.lower(), f"{p}: declares a charset")
            check(len(data) >= 400, f"{p}: too short for detection")
        if f["codec"] == "utf-8" and not f["bom"]:
            check(not data.startswith(UTF8_BOM), f"{p}: unexpected BOM")
        # 3. snippets
        norm_doc = ref_normalize(f["logical"])
        norm_main = [ref_normalize(m) for m in f["main"]]
        check(len(f["with_"]) >= 2, f"{p}: needs at least two 'with' phrases")
        for w in f["with_"]:
            check(w == unicodedata.normalize("NFC", w), f"{p}: 'with' phrase not NFC: {w}")
            check(3 <= len(w.split()) <= 6, f"{p}: 'with' phrase must have 3-6 words: {w}")
            check(ref_normalize(w) == w, f"{p}: 'with' phrase not in normalised form: {w}")
            check(any(w in m for m in norm_main), f"{p}: 'with' phrase not found inside one main paragraph: {w}")
        for w in f["without"]:
            check(w in norm_doc, f"{p}: 'without' phrase not in the document: {w}")
            check(not any(w in m for m in norm_main), f"{p}: 'without' phrase occurs in the main text: {w}")
    # broken files
    by = {f["path"]: f["data"] for f in FIXTURES}
    check(by["broken/empty.txt"] == b"", "empty.txt not empty")
    check(len(by["broken/binary-garbage.html"]) == 2048, "binary-garbage size")
    check(by["broken/image-named.html"].startswith(b"\x89PNG\r\n\x1a\n"), "PNG signature")
    t16 = by["broken/truncated-utf16le.txt"]
    check(len(t16) % 2 == 1 and t16.startswith(UTF16LE_BOM) and t16[-3:-1] == b"\x3d\xd8", "truncated-utf16le shape")
    bad = by["broken/invalid-utf8.txt"]
    check(b"\xc0\xaf" in bad and b",\x80 " in bad and bad.endswith(b"\xe2\x80"), "invalid-utf8 shape")
    try:
        bad.decode("utf-8")
        check(False, "invalid-utf8.txt decodes cleanly")
    except UnicodeDecodeError:
        pass
    check(by["broken/nul-bytes.txt"].count(b"\x00") == 4, "nul-bytes count")
    ml = by["broken/mixed-line-ends.txt"]
    check(b"\r\n" in ml and re.search(rb"\r(?!\n)", ml) and re.search(rb"(?<!\r)\n", ml), "mixed line ends")
    check(by["broken/truncated.html"].endswith(b"<a hre"), "truncated.html end")
    return problems


def main() -> int:
    write_all()
    problems = verify()
    for pr in problems:
        print("FAIL:", pr, file=sys.stderr)
    n = len(FIXTURES)
    print(f"wrote {n} fixtures, {sum(f['kind'] != 'broken' for f in FIXTURES)} snippet files and README.md under {FIX}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
