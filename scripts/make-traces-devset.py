#!/usr/bin/env python3
"""Writes Tests/TaskaTracesTests/traces/dev.jsonl: the traces dev set (sentences in Hausa, Kanuri in Latin and
Arabic script, Arabic and English with phones, e-mail, URLs, Telegram links and handles, hashtags
and wallet addresses, and sentences whose numbers and look-alikes are not traces), with truth.

Every value is made up: phone numbers are random digits in real numbering plans, domains are
example.* or invented, wallets are random payloads with valid checksums (Base58Check with double
SHA-256, Bech32/Bech32m, EIP-55 with a Keccak-256 written here), and the invalid wallets are the
same with one letter changed. Deterministic (fixed seed): running it again gives the same file.

Line: {"id", "lang", "digits", "text", "traces": [{"kind", "start", "end", "value"}]}; offsets are
Unicode scalars (Python string indices). Usage: scripts/make-traces-devset.py [OUT]
"""
import hashlib
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
rng = random.Random(24)

# ---------------------------------------------------------------- checksums

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58check(payload: bytes) -> str:
    full = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n = int.from_bytes(full, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return "1" * (len(full) - len(full.lstrip(b"\0"))) + out


BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def bech32_polymod(values):
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def segwit(version: int, program: bytes) -> str:
    data = [version]
    acc = bits = 0
    for b in program:
        acc = (acc << 8) | b
        bits += 8
        while bits >= 5:
            bits -= 5
            data.append((acc >> bits) & 31)
    if bits:
        data.append((acc << (5 - bits)) & 31)
    hrp = "bc"
    exp = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    const = 1 if version == 0 else 0x2BC830A3
    mod = bech32_polymod(exp + data + [0] * 6) ^ const
    data += [(mod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH[d] for d in data)


RC = [0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000, 0x000000000000808B,
      0x0000000080000001, 0x8000000080008081, 0x8000000000008009, 0x000000000000008A, 0x0000000000000088,
      0x0000000080008009, 0x000000008000000A, 0x000000008000808B, 0x800000000000008B, 0x8000000000008089,
      0x8000000000008003, 0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
      0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008]
ROT = [[0, 36, 3, 41, 18], [1, 44, 10, 45, 2], [62, 6, 43, 15, 61], [28, 55, 25, 21, 56], [27, 20, 39, 8, 14]]
M64 = (1 << 64) - 1


def keccak256(data: bytes) -> bytes:
    """Keccak-256 with the original 0x01 padding (Ethereum's), written from the specification."""
    rate = 136
    msg = bytearray(data) + b"\x01"
    while len(msg) % rate:
        msg.append(0)
    msg[-1] |= 0x80
    a = [[0] * 5 for _ in range(5)]
    rot = lambda v, n: ((v << n) | (v >> (64 - n))) & M64 if n else v
    for off in range(0, len(msg), rate):
        for i in range(rate // 8):
            a[i % 5][i // 5] ^= int.from_bytes(msg[off + 8 * i: off + 8 * i + 8], "little")
        for rnd in range(24):
            c = [a[x][0] ^ a[x][1] ^ a[x][2] ^ a[x][3] ^ a[x][4] for x in range(5)]
            d = [c[(x - 1) % 5] ^ rot(c[(x + 1) % 5], 1) for x in range(5)]
            a = [[a[x][y] ^ d[x] for y in range(5)] for x in range(5)]
            b = [[0] * 5 for _ in range(5)]
            for x in range(5):
                for y in range(5):
                    b[y][(2 * x + 3 * y) % 5] = rot(a[x][y], ROT[x][y])
            a = [[b[x][y] ^ (~b[(x + 1) % 5][y] & b[(x + 2) % 5][y]) for y in range(5)] for x in range(5)]
            a[0][0] ^= RC[rnd]
    return b"".join(a[i % 5][i // 5].to_bytes(8, "little") for i in range(4))


assert keccak256(b"").hex() == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"


def eip55(hex40: str) -> str:
    h = keccak256(hex40.lower().encode()).hex()
    return "".join(ch.upper() if ch.isalpha() and int(h[i], 16) >= 8 else ch for i, ch in enumerate(hex40.lower()))


def rbytes(n):
    return bytes(rng.randrange(256) for _ in range(n))


def wallet(form):
    """(surface, value) of a valid address of `form`."""
    if form == "btc-p2pkh":
        s = b58check(b"\x00" + rbytes(20)); return s, s
    if form == "btc-p2sh":
        s = b58check(b"\x05" + rbytes(20)); return s, s
    if form == "btc-bech32":
        s = segwit(0, rbytes(20)); return s, s
    if form == "btc-bech32-upper":
        s = segwit(0, rbytes(20)); return s.upper(), s
    if form == "btc-taproot":
        s = segwit(1, rbytes(32)); return s, s
    if form == "eth-lower":
        s = "0x" + rbytes(20).hex(); return s, s
    if form == "eth-checksum":
        h = rbytes(20).hex(); return "0x" + eip55(h), "0x" + h
    if form == "trx":
        s = b58check(b"\x41" + rbytes(20)); return s, s
    raise ValueError(form)


def broken_wallet(form):
    """A look-alike of `form` whose checksum fails (one letter changed)."""
    while True:
        s, _ = wallet(form)
        if form == "eth-checksum":
            letters = [i for i, c in enumerate(s) if i > 1 and c.isalpha()]
            i = rng.choice(letters)
            t = s[:i] + s[i].swapcase() + s[i + 1:]
        else:
            alphabet = BECH if form.startswith("btc-bech32") or form == "btc-taproot" else B58
            i = rng.randrange(4, len(s) - 1)
            choices = [c for c in alphabet if c != s[i].lower() and c != s[i]]
            t = s[:i] + rng.choice(choices) + s[i + 1:]
        if t != s:
            return t

# ---------------------------------------------------------------- phones


def digits(n):
    return "".join(str(rng.randrange(10)) for _ in range(n))


NG_PREFIXES = ["0803", "0806", "0813", "0816", "0703", "0706", "0805", "0807", "0815", "0905", "0802", "0808",
               "0812", "0701", "0902", "0907", "0809", "0817", "0909", "0708", "0810", "0814", "0903", "0916"]


def phone(form):
    """(surface, E.164 value) of a made-up number in `form`."""
    if form == "ng-landline":
        nsn = "9" + digits(7)
        return f"+234 9 {nsn[1:4]} {nsn[4:]}", "+234" + nsn
    if form.startswith("ng"):
        local = rng.choice(NG_PREFIXES) + digits(7)
        nsn = local[1:]
        v = "+234" + nsn
        a, b, c = local[:4], local[4:7], local[7:]
        s = {
            "ng-intl-spaced": f"+234 {nsn[:3]} {nsn[3:6]} {nsn[6:]}",
            "ng-intl-compact": "+234" + nsn,
            "ng-intl-dashed": f"+234-{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}",
            "ng-intl-trunk": f"+234 (0) {nsn[:3]} {nsn[3:6]} {nsn[6:]}",
            "ng-intl-trunk0": f"+234 {a} {b} {c}",
            "ng-00": f"00234 {nsn[:3]} {nsn[3:6]} {nsn[6:]}",
            "ng-bare": f"234 {nsn[:3]} {nsn[3:6]} {nsn[6:]}",
            "ng-bare-compact": "234" + nsn,
            "ng-local-spaced": f"{a} {b} {c}",
            "ng-local-dashed": f"{a}-{b}-{c}",
            "ng-local-dotted": f"{a}.{b}.{c}",
            "ng-local-compact": local,
            "ng-local-paren": f"({a}) {b} {c}",
            "ng-local-4-7": f"{a} {b}{c}",
            "ng-local-digit-spaced": " ".join(local),
        }[form]
        return s, v
    if form.startswith("td"):
        nsn = rng.choice(["66", "63", "99", "90", "65"]) + digits(6)
        pairs = " ".join(nsn[i:i + 2] for i in range(0, 8, 2))
        s = {"td-intl": f"+235 {pairs}", "td-compact": "+235" + nsn, "td-00": f"00235 {pairs}",
             "td-dashed": "+235-" + "-".join(nsn[i:i + 2] for i in range(0, 8, 2))}[form]
        return s, "+235" + nsn
    if form.startswith("cm"):
        nsn = "6" + rng.choice(["77", "99", "55", "90", "70", "80"]) + digits(6)
        s = {"cm-intl": f"+237 {nsn[0]} {nsn[1:3]} {nsn[3:5]} {nsn[5:7]} {nsn[7:]}",
             "cm-3-3-3": f"+237 {nsn[:3]} {nsn[3:6]} {nsn[6:]}", "cm-compact": "+237" + nsn,
             "cm-dotted": f"+237.{nsn[:3]}.{nsn[3:6]}.{nsn[6:]}"}[form]
        return s, "+237" + nsn
    if form.startswith("ne"):
        nsn = rng.choice(["96", "90", "91", "94", "98", "89"]) + digits(6)
        pairs = " ".join(nsn[i:i + 2] for i in range(0, 8, 2))
        s = {"ne-intl": f"+227 {pairs}", "ne-compact": "+227" + nsn, "ne-00": f"00227 {pairs}"}[form]
        return s, "+227" + nsn
    raise ValueError(form)


ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def in_digits(s, system):
    return s.translate({"western": {}, "arabic-indic": ARABIC_INDIC, "persian": PERSIAN}[system])

# ---------------------------------------------------------------- other kinds

EMAILS = ["sanarwa@example.org", "info@misali.org.ng", "labarai.borno@example.com.ng", "m.abubakar@example.net",
          "kungiyar_mata@example.org", "ofis+labarai@example.ng", "Ofishin.Yada@Example.ORG", "kanuri-fato@example.net",
          "idara@example.sa", "press@example.co.uk", "wasika2024@example.org"]
URLS = [("https://example.org/labarai/2024/kasuwa", None), ("http://example.com.ng/sanarwa?id=12&lang=ha", None),
        ("www.example.net/ha/labari", "http://www.example.net/ha/labari"), ("https://ar.example.org/أخبار/محلية", None),
        ("https://example.org/wiki/Maiduguri_(birni)", None), ("HTTPS://Example.ORG/Rahoto.pdf", "https://example.org/Rahoto.pdf"),
        ("https://news.example.com/en/2024/03/12/flood-relief-borno", None), ("www.kanuri-example.org", "http://www.kanuri-example.org"),
        ("https://example.org/search?q=%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1#top", None), ("http://192.0.2.14/files/report", None)]
TELEGRAM_LINKS = [("t.me/labaran_kasuwa", "labaran_kasuwa"), ("https://t.me/Muryar_Borno/1234", "muryar_borno"),
                  ("https://t.me/s/sawt_alsahel", "sawt_alsahel"), ("t.me/+AbCdEfGh12345", "+AbCdEfGh12345"),
                  ("telegram.me/KanuriLabar", "kanurilabar"), ("https://t.me/joinchat/QwErTy987654", "+QwErTy987654"),
                  ("http://t.me/akhbar_bahira", "akhbar_bahira")]
HANDLES = ["@Labaran_Borno", "@kasuwar_kifi", "@Sawt_AlSahel", "@KanuriNews24", "@muryar_matasa", "@akhbar_tchad", "@lake_chad_watch"]
HASHTAGS = {
    "ha": ["#Maiduguri", "#ƘasarmuNigeria", "#Borno2024", "#labarai", "#Ruwan_Sama", "#ƴanci"],
    "knc-Latn": ["#KǝlaBorno", "#Maiduguri", "#kasuwu_ngǝla", "#Kanuri", "#Bunyi2024"],
    "knc-Arab": ["#بُنْيِ", "#كَسُوُ", "#Maiduguri", "#كانوري", "#Borno"],
    "ar": ["#نيجيريا", "#بحيرة_تشاد", "#أخبار_كانو", "#مايدوغوري", "#Chad", "#تشاد2024"],
    "en": ["#LakeChad", "#Maiduguri", "#FloodRelief", "#Borno2024", "#NigeriaDecides", "#water_crisis"],
}
PHONE_FORMS = ["ng-intl-spaced", "ng-intl-compact", "ng-intl-dashed", "ng-intl-trunk", "ng-intl-trunk0", "ng-00", "ng-bare",
               "ng-bare-compact", "ng-local-spaced", "ng-local-dashed", "ng-local-dotted", "ng-local-compact", "ng-local-paren",
               "ng-local-4-7", "ng-local-digit-spaced", "ng-landline", "td-intl", "td-compact", "td-00", "td-dashed",
               "cm-intl", "cm-3-3-3", "cm-compact", "cm-dotted", "ne-intl", "ne-compact", "ne-00"]
WALLET_FORMS = ["btc-p2pkh", "btc-p2sh", "btc-bech32", "btc-bech32-upper", "btc-taproot", "eth-lower", "eth-checksum", "trx"]

# ---------------------------------------------------------------- sentences
# {P} phone, {E} e-mail, {U} URL, {L} Telegram link, {A} @handle, {H} hashtag, {W} wallet,
# {X} a broken wallet (not a trace). Digits in literal text follow the sentence's digit system.

POSITIVE = {
    "ha": [
        "Don ƙarin bayani a kira {P} ko a aika saƙo zuwa {E}.",
        "Kwamitin ya ce a tuntuɓe shi ta lambar {P} tsakanin ƙarfe 8 na safe zuwa 4 na yamma.",
        "Ku karanta cikakken labarin a {U} kuma ku biyo mu a {L}.",
        "Shafin {A} ya wallafa hotunan ambaliyar ruwa da maudu'in {H}.",
        "Ƙungiyar ta nemi gudummawa ta adireshin {W} a ranar Litinin.",
        "Idan kuna da korafi ku rubuta zuwa {E} ko ku kira {P}.",
        "Wakilinmu a N'Djamena yana kan lamba {P}, a Yaoundé kuma {P}.",
        "Mai magana da yawun 'yan sanda ya ce lambar gaggawa ita ce {P}.",
        "An buɗe sabon shafi a {U}; tashar Telegram ɗinmu ita ce {L}.",
        "Masu amfani da {H} sun yaɗa saƙon {A} sau dubbai.",
        "A biya ta {W}, ko kuma ta {W}.",
        "Ofishin Yamai: {P}. Ofishin Maiduguri: {P}.",
        "Rubuta mana: {E}",
        "Ku kalli bidiyon a ({U}) kafin gobe.",
        "Kira ko WhatsApp: {P}, {P}",
    ],
    "knc-Latn": [
        "Labar kəlzəmabe ro {P} ye kuru {E} ro wasika nyiro.",
        "Kasuwu Maiduguribe nəm adə {U} lan ba, Telegram {L} lan.",
        "Kəla {A} ye {H} lan bunyi dəga rubutəna.",
        "Sadaka ro adireshi {W} lan yikkə.",
        "Kam Ndjamenabe {P}, kam Yamaibe {P} lan kəltəna.",
        "Wasika {E} ro kuru labar {U} ro kasaptə.",
        "Nəm dəro {P} kuru {P} ro kəlzəm.",
        "Kəla Maiduguriro {H} kuru {H} lan rubutəna.",
        "Shafi {L} ye {A} lan kəla kasuwube.",
        "Kaltu {W} ro nyiro.",
    ],
    "knc-Arab": [
        "كُرَ أَسِبِتِبِيٰ لَنْ {P} رُو كٗلْزٗمْ، وَسِيكَ {E} رُو.",
        "لَبَرْ كَسُوُبِيٰ {U} لَنْ بَ، تٗلِغْرَامْ {L} لَنْ.",
        "كٗلَ {A} يٗ {H} لَنْ بُنْيِ دٗغَ رُبُوتٗنَ.",
        "سَدَكَ أَدٗرٗسِ {W} لَنْ يِكّٗ.",
        "كَمْ نجَمِينَبِيٰ {P}، كَمْ يَمَيْبِيٰ {P} لَنْ.",
        "نٗمْ دٗرُو {P} كُرُ {P} رُو كٗلْزٗمْ.",
        "شَفِ {L} يٗ {A} لَنْ كٗلَ كَسُوُبِيٰ.",
        "وَسِيكَ {E} رُو كُرُ لَبَرْ {U} رُو كَسَبْتٗ.",
        "كَلْتُ {W} رُو نْيِرُو، {H} لَنْ.",
        "تٗلِفُونْ: {P}",
    ],
    "ar": [
        "للاستفسار يرجى الاتصال على الرقم {P} أو مراسلتنا عبر البريد {E}.",
        "تابعوا قناتنا على تيليغرام {L} وموقعنا {U} للمزيد من الأخبار.",
        "نشر الحساب {A} صورا من الفيضانات تحت وسم {H}.",
        "دعت الجمعية إلى التبرع عبر المحفظة {W} قبل نهاية الشهر.",
        "مكتب أنجامينا: {P}، مكتب ياوندي: {P}، مكتب نيامي: {P}.",
        "رقم الطوارئ في مايدوغوري هو {P} على مدار الساعة.",
        "للتواصل: {P} (واتساب) أو {E}",
        "انتشر الوسم {H} بعد أن نشرت القناة {L} البيان كاملا.",
        "يمكن التبرع أيضا عبر {W} أو {W}.",
        "اقرأ التقرير الكامل على الرابط {U}، وتابع {A} للتحديثات.",
        "هاتف المكتب {P} وفاكس {P}.",
        "راسلونا على {E} أو عبر {A}.",
    ],
    "en": [
        "For more information call {P} or write to {E}.",
        "Read the full statement at {U} and follow our channel {L}.",
        "The account {A} posted flood photos under {H} on Monday.",
        "Donations were requested to the wallet {W} before the end of the month.",
        "N'Djamena office: {P}; Yaoundé office: {P}; Niamey office: {P}.",
        "The emergency line in Maiduguri is {P}, open 24 hours.",
        "Contact: {P} (WhatsApp) or {E}",
        "The hashtag {H} trended after {L} published the full text.",
        "Send USDT to {W} or BTC to {W}.",
        "See the report ({U}) and the appeal on {U}.",
        "Tel: {P}. Fax: {P}. Email: {E}.",
        "Reach us at {E}, {A} or {P}.",
    ],
}

NEGATIVE = {
    "ha": [
        "Farashin buhun shinkafa ya kai ₦45,000 a kasuwar Maiduguri ranar 12-03-2024.",
        "An kashe mutane 1,234 tsakanin 2019 da 2021, in ji rahoton.",
        "Kano Pillars ta doke Enyimba da ci 3-1 a filin wasa na Sani Abacha.",
        "Limamin ya karanta aya ta 2:255 a Suratul Baƙara.",
        "Lambar asusun banki 0123456789 ce, in ji sanarwar.",
        "Kuɗin aikin ya kai N5,000,000 a shekarar 2023.",
        "Ya ce a aika imel zuwa sanarwa@localhost amma bai yi aiki ba.",
        "Hoton logo@2x.png bai bayyana ba a shafin.",
        "Taron zai fara da ƙarfe 08:30 ranar 15/09/1443.",
        "Kashi 45% na ɗalibai sun ci jarrabawa, lamba #5 a jiha.",
        "Lambar NIN 12345678901 ba ta da inganci.",
        "Adireshin {X} ba na gaskiya ba ne.",
        "An sayar da tumatir kwando 250 a kan N12,500 kowanne.",
        "@abc ya ce zai zo da ƙarfe 5, @2024 kuma ba suna ba ne.",
    ],
    "knc-Latn": [
        "Kasuwu Maiduguribe ro N45,000 ye kaltu 2019 lan.",
        "Kam 1,234 bunyi dəga 2020 lan.",
        "Kwallo 3-1 ye Kanem lan.",
        "Aya 2:255 ye Baƙara lan karatəna.",
        "Adireshi {X} ye gaskiya ba.",
        "Nəm 15/03/2024 ro kəlzəm, saa 08:30.",
        "Kaltu 12345678 kuru 0123456789 lan.",
        "wasika@localhost ye aiki ba.",
        "Kəla 45% kuru #1 lan.",
    ],
    "knc-Arab": [
        "كَسُوُ مَيْدُغُرِبِيٰ رُو ٤٥٠٠٠ نَيْرَ يٗ.",
        "كَمْ ١٢٣٤ بُنْيِ دٗغَ ٢٠٢٠ لَنْ.",
        "آيَ ٢:٢٥٥ يٗ بَقَرَ لَنْ.",
        "أَدٗرٗسِ {X} يٗ غَسْكِيَ بَ.",
        "نٗمْ ١٥/٠٣/٢٠٢٤ رُو، سَاعَ ٠٨:٣٠.",
        "كَلْتُ ١٢٣٤٥٦٧٨ كُرُ ٠١٢٣٤٥٦٧٨٩ لَنْ.",
        "كُرَ ٣-١ يٗ كَانِمْ لَنْ.",
    ],
    "ar": [
        "قال تعالى في سورة البقرة: ٢٥٥، وهي آية الكرسي.",
        "بلغ سعر كيس الأرز ٤٥٠٠٠ نيرة في سوق مايدوغوري يوم ١٢/٠٣/٢٠٢٤.",
        "قتل ١٢٣ شخصا بين عامي ٢٠١٩ و٢٠٢١ بحسب التقرير.",
        "انتهت المباراة بنتيجة ٣-١ لصالح الفريق المحلي.",
        "يبدأ الاجتماع الساعة ٠٨:٣٠ صباحا.",
        "رقم الحساب المصرفي ٠١٢٣٤٥٦٧٨٩ وفق البيان.",
        "نسبة النجاح ٤٥٪ والترتيب #٥ على مستوى الولاية.",
        "العنوان {X} غير صحيح.",
        "بلغت التكلفة ٥٬٠٠٠٬٠٠٠ فرنك، أي ما يعادل ١٢٫٥ مليون نيرة.",
        "راسلوا admin@localhost أو الصورة icon@2x.png للتجربة.",
        "ولد عام ١٩٨٥ وتوفي عام ٢٠٢٠ عن ٣٥ عاما.",
    ],
    "en": [
        "Rice sold for ₦45,000 a bag in Maiduguri market on 12-03-2024.",
        "Between 2019 and 2021, 1,234 people were killed, the report said.",
        "Kano Pillars beat Enyimba 3-1 on Sunday.",
        "The preacher quoted John 3:16 and Al-Baqarah 2:255.",
        "The account number is 0123456789, the notice said.",
        "The project cost $1,200,000 (about N1.8 billion) in 2023.",
        "Mail to admin@localhost bounced; the image logo@2x.png is missing.",
        "The meeting starts at 08:30 on 15/09/2024, room #12.",
        "Turnout was 45% and the state ranked #5 of 36.",
        "ISBN 978-3-16-148410-0 and version 2.10.3 were cited.",
        "The address {X} failed its checksum check.",
        "Server 192.168.0.1 answered in 12 ms; call 911 in the US.",
        "@abc and @2024 are not valid handles; C# is a language.",
        "Order 12345678 shipped in 3 boxes of 250 units.",
        "The population grew from 3,500,000 to 4,100,000.",
    ],
}


def render(template, lang, system, counters):
    text = ""
    traces = []
    for part in re.split(r"(\{[A-Z]\})", template):
        if not re.fullmatch(r"\{[A-Z]\}", part):
            text += in_digits(part, system)
            continue
        tag = part[1]
        if tag == "P":
            form = PHONE_FORMS[counters["P"] % len(PHONE_FORMS)]
            counters["P"] += 1
            surface, value = phone(form)
            surface, kind = in_digits(surface, system), "phone"
        elif tag == "E":
            surface = EMAILS[counters["E"] % len(EMAILS)]; counters["E"] += 1
            value, kind = surface.lower(), "email"
        elif tag == "U":
            surface, value = URLS[counters["U"] % len(URLS)]; counters["U"] += 1
            value = value or surface
            kind = "url"
        elif tag == "L":
            surface, value = TELEGRAM_LINKS[counters["L"] % len(TELEGRAM_LINKS)]; counters["L"] += 1
            kind = "telegram"
        elif tag == "A":
            surface = HANDLES[counters["A"] % len(HANDLES)]; counters["A"] += 1
            value, kind = surface[1:].lower(), "telegram"
        elif tag == "H":
            tags = HASHTAGS[lang]
            surface = tags[counters["H"] % len(tags)]; counters["H"] += 1
            value, kind = surface[1:].lower(), "hashtag"
        elif tag == "W":
            form = WALLET_FORMS[counters["W"] % len(WALLET_FORMS)]; counters["W"] += 1
            surface, value = wallet(form)
            kind = "wallet"
        elif tag == "X":
            form = WALLET_FORMS[counters["X"] % len(WALLET_FORMS)]; counters["X"] += 1
            text += broken_wallet(form)
            continue
        start = len(text)
        text += surface
        traces.append({"kind": kind, "start": start, "end": len(text), "value": value})
    return text, traces


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "Tests/TaskaTracesTests/traces/dev.jsonl"
    rows = []
    for lang in ["ha", "knc-Latn", "knc-Arab", "ar", "en"]:
        counters = {k: rng.randrange(7) for k in "PEULAHWX"}
        arabic_script = lang in ("ar", "knc-Arab")
        # Every template twice in ASCII digits; Arabic-script ones also in Arabic-Indic and
        # Persian digits, the others also once in Arabic-Indic (phones copied from Arabic text).
        systems = ["western", "western", "arabic-indic", "persian"] if arabic_script else ["western", "western", "arabic-indic"]
        n = 0
        for system in systems:
            for template in POSITIVE[lang]:
                if system != "western" and "{P}" not in template:
                    continue
                n += 1
                text, traces = render(template, lang, system, counters)
                rows.append({"id": f"{lang}-{n:03d}", "lang": lang, "digits": system, "text": text, "traces": traces})
        for template in NEGATIVE[lang]:
            n += 1
            text, traces = render(template, lang, "western", counters)
            rows.append({"id": f"{lang}-{n:03d}", "lang": lang, "digits": "western", "text": text, "traces": traces,
                         "negative": True})
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    kinds = {}
    for row in rows:
        for t in row["traces"]:
            kinds[t["kind"]] = kinds.get(t["kind"], 0) + 1
    print(f"{out}: {len(rows)} texts, {sum(kinds.values())} traces {dict(sorted(kinds.items()))}", file=sys.stderr)


if __name__ == "__main__":
    main()
