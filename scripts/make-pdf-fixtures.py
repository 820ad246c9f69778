#!/usr/bin/env python3
"""Regenerate Fixtures/pdf/ (PDFs and a page image) and the PDF cases in Fixtures/broken/.

    python3 scripts/make-pdf-fixtures.py

Needs chromium (headless print-to-pdf and screenshots, as the shared PDF dev set was made); the
"scan" is a screenshot printed into a PDF page as an image, so the page has no text layer. The
texts are original, written for these tests. Chromium stamps creation dates and a document id;
they are overwritten with fixed values of the same length (so the xref offsets stay valid),
which makes the output the same on every run with the same Chromium and fonts (the producer
string names the Chromium version). Golden records are made by FixtureTests
(TASKA_UPDATE_GOLDEN=1), not here.
"""
import json
import os
import re
import shutil
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Fixtures", "pdf")
BROKEN = os.path.join(ROOT, "Fixtures", "broken")

PAGE_CSS = """
@page {{ size: A4; margin: 22mm 20mm;
  @top-left {{ content: "{site}"; font-size: 9pt; }}
  @top-right {{ content: "{date}"; font-size: 9pt; }}
  @bottom-center {{ content: "{page_word} " counter(page) " / " counter(pages); font-size: 9pt; }} }}
body {{ font-family: "{font}"; font-size: 12.5pt; line-height: 1.55; {extra} }}
h1 {{ font-size: 20pt; }}
p {{ margin: 0 0 0.9em 0; text-align: justify; }}
"""

HAUSA = {
    "name": "sanarwa-kasuwa-ha.pdf", "lang": "ha", "dir": "ltr", "font": "Noto Serif",
    "site": "sanarwa-jihar.example", "date": "14.03.2025", "page_word": "Shafi na", "columns": 1,
    "title": "Sanarwa game da kasuwar kifi ta Baga",
    "paragraphs": [
        "Ƙungiyar masunta ta Baga ta sanar da jama'a cewa kasuwar kifi za ta koma sabon wurinta a ranar Litinin mai zuwa. "
        "Shugabannin ƙungiyar sun ce an ɗauki wannan mataki ne domin a rage cunkoso a hanyar da ke kusa da tashar mota.",
        "Duk mai shago a tsohuwar kasuwa ya kawo takardarsa ofishin ƙungiyar kafin ranar Juma'a. "
        "Za a raba sababbin rumfuna bisa ga jerin sunayen da aka rubuta a watan jiya, ba tare da wani kuɗi ba.",
        "Masu sayen kifi daga Maiduguri da Monguno su lura cewa motocin ɗaukar kaya za su riƙa tsayawa a ƙofar arewa. "
        "An shimfiɗa sabuwar hanya daga ƙofar zuwa cikin kasuwa, kuma an gina rijiyoyi biyu domin ruwan wanke kifi.",
        "Ƙungiyar ta gode wa ƙaramar hukuma saboda taimakon da ta bayar wajen gyaran wurin. "
        "Duk wanda ke da tambaya ya zo ofishin ƙungiyar a kowace rana daga ƙarfe takwas na safe zuwa ƙarfe huɗu na yamma.",
    ] * 2,
}

KANURI = {
    "name": "labar-bunyi-knc.pdf", "lang": "knc", "dir": "ltr", "font": "DejaVu Serif",
    "site": "labar-kanuri.example", "date": "02.09.2024", "page_word": "", "columns": 2,
    "title": "Labar kasuwu bunyibe",
    "paragraphs": [
        "Kasuwu bunyibe Gajiram lan kəntagə Lawanbe kəla tilo dəga kam ngəwu kasuwuro ishin. "
        "Bulama am bunyi ye kasuwuro gade kəska nəmkalkal kuru ngəwu sədin.",
        "Kam kasuwube ye nzuro bəlin kəla kasuwuro ishin, kuru ngəwu ye dəgaro kəntagə tada. "
        "Bulama Modu ye kasuwube suro am ngəwu ro ngəla kəla wono.",
        "Fato makarantabe lan kəntagə Juma kəla am ngəwu kəla tilo dəga taltəna. "
        "Kam kasuwube nəm kalkal sədin kuru am bunyibe ngəwu nəmnganyi ro kasuwu ye.",
        "Lawan Kagabe ye am kasuwube ro labar ye: ngəwu kasuwube ye nzuro bəla gana sədin. "
        "Am ngəwu ye kasuwuro ishin kuru ngəla kəla kam kasuwube ye nəm kalkal.",
    ] * 3,
}

ARABIC = {
    "name": "bayan-baladiya-ar.pdf", "lang": "ar", "dir": "rtl", "font": "Noto Naskh Arabic",
    "site": "بلدية المدينة", "date": "٢٠٢٥/٠٣/١٤", "page_word": "صفحة", "columns": 1,
    "title": "بيان البلدية حول سوق السمك",
    "paragraphs": [
        "أعلنت البلدية أن سوق السمك سينتقل إلى موقعه الجديد خلال الأسبوع القادم، وذلك للتخفيف من الازدحام على الطريق الرئيسي. "
        "وقال رئيس البلدية إن الانتقال لا يعني إغلاق المحلات القديمة إلا بعد اكتمال البناء.",
        "وعلى جميع أصحاب المحلات تقديم أوراقهم إلى مكتب البلدية قبل يوم الخميس. "
        "وسيتم توزيع الأماكن الجديدة على التجار بلا أي رسوم إضافية، حسب القائمة التي أعدت خلال الشهر الماضي.",
        "وأضاف البيان أن شاحنات النقل ستقف عند البوابة الشمالية، وأن الطريق الجديد من البوابة إلى داخل السوق قد اكتمل. "
        "كما تم حفر بئرين لتوفير الماء اللازم لتنظيف السمك، ولا بد من الالتزام بمواعيد العمل.",
        "وشكرت البلدية الأهالي على صبرهم خلال أعمال الصيانة، ودعت كل من لديه سؤال إلى زيارة المكتب من الثامنة صباحا إلى الرابعة مساء.",
    ] * 2,
}

ENGLISH = {
    "name": "notice-clinic-en.pdf", "lang": "en", "dir": "ltr", "font": "DejaVu Sans",
    "site": "district-council.example", "date": "14.03.2025", "page_word": "Page", "columns": 1,
    "title": "Notice on the new clinic hours",
    "paragraphs": [
        "The district council announces that the clinic near the fish market will open earlier from next Monday. "
        "Nurses will see patients from seven in the morning, and the pharmacy will stay open until six in the evening.",
        "Families who registered for the vaccination campaign should bring their cards to the clinic before Friday. "
        "Children under five will be seen first, and no fee will be charged for the visit or for the medicine.",
        "The council thanks the volunteers who repaired the water tank and the waiting room during the dry season.",
    ],
}

IMAGE = {
    "name": "sanarwa-ruwa-ha.png", "lang": "ha", "font": "DejaVu Sans",
    # OCR writes ɗ as d (restoring hooked letters is a later stage's job): snippets without hooks.
    "with": ["Sanarwa game da ruwan sha", "Hukumar ruwa ta sanar da jama'a", "a ranar Juma'a"],
    "title": "Sanarwa game da ruwan sha",
    "paragraphs": [
        "Hukumar ruwa ta sanar da jama'a cewa za a rufe famfunan unguwar Gwange daga ranar Talata zuwa Alhamis.",
        "Ana gyaran babban bututun da ke kawo ruwa daga rijiyar arewa, kuma za a sake buɗe famfunan a ranar Juma'a.",
    ],
}

SCAN = {
    "name": "scan-notice-en.pdf", "lang": "en", "font": "DejaVu Serif",
    "title": "Notice on market days",
    "paragraphs": [
        "The market committee reminds traders that the cattle market will be held on Thursday this week instead of Wednesday.",
        "Traders who need a stall should speak to the committee secretary at the market gate before noon on Tuesday.",
    ],
}


def chromium(args):
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        raise SystemExit("make-pdf-fixtures: chromium is needed (apt-get install chromium)")
    subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"] + args,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


def html_document(spec, page_css=True):
    columns = f"column-count: {spec['columns']}; column-gap: 1.2em;" if spec.get("columns", 1) > 1 else ""
    css = PAGE_CSS.format(site=spec.get("site", ""), date=spec.get("date", ""), page_word=spec.get("page_word", ""),
                          font=spec["font"], extra="") if page_css else f"body {{ font-family: '{spec['font']}'; font-size: 22px; margin: 30px; width: 700px; }}"
    body = "".join(f"<p>{p}</p>" for p in spec["paragraphs"])
    return (f"<!doctype html><html lang=\"{spec['lang']}\" dir=\"{spec.get('dir', 'ltr')}\"><head><meta charset=\"utf-8\">"
            f"<title>{spec['title']}</title><style>{css} .cols {{ {columns} }}</style></head>"
            f"<body><h1>{spec['title']}</h1><div class=\"cols\">{body}</div></body></html>")


def fix_dates(path):
    data = open(path, "rb").read()
    data = re.sub(rb"\(D:\d{14}[^)]*\)", lambda m: m.group(0)[:3] + b"20250101000000" + m.group(0)[17:], data)
    open(path, "wb").write(data)


def make_pdf(spec, tmp):
    html = os.path.join(tmp, spec["name"] + ".html")
    open(html, "w", encoding="utf-8").write(html_document(spec))
    out = os.path.join(OUT, spec["name"])
    chromium(["--no-pdf-header-footer", f"--print-to-pdf={out}", html])
    fix_dates(out)
    return out


def make_screenshot(spec, tmp, out):
    html = os.path.join(tmp, spec["name"] + ".html")
    open(html, "w", encoding="utf-8").write(html_document(spec, page_css=False))
    chromium(["--window-size=780,520", "--force-device-scale-factor=2", f"--screenshot={out}", html])


def snippets(spec, name):
    first = spec["paragraphs"][0].split(". ")[0]
    last = spec["paragraphs"][-1].split(". ")[-1].rstrip(".")
    without = [s for s in (spec.get("site"), spec.get("date")) if s]
    path = os.path.join(OUT, name + ".snippets.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"with": spec.get("with") or [spec["title"], first[:60], last[-50:]], "without": without}, f, ensure_ascii=False, indent=2)
        f.write("\n")


def encrypted_pdf():
    """A one-page PDF with a standard security handler whose user password is not empty."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
        b"<< /Length 8 >>\nstream\n\x8f\x13\xa2\x07\x51\x66\x0b\xee\nendstream",
        b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <" + b"4f" * 32 + b"> /U <" + b"55" * 32 + b"> >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 5 0 R /ID [<" % (len(objects) + 1)
            + b"00" * 16 + b"> <" + b"00" * 16 + b">] >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return bytes(out)


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for spec in (HAUSA, KANURI, ARABIC, ENGLISH):
            make_pdf(spec, tmp)
            snippets(spec, spec["name"])
        make_screenshot(IMAGE, tmp, os.path.join(OUT, IMAGE["name"]))
        snippets(IMAGE, IMAGE["name"])
        shot = os.path.join(tmp, "scan.png")
        make_screenshot(SCAN, tmp, shot)
        page = os.path.join(tmp, "scan.html")
        open(page, "w").write("<!doctype html><html><head><style>@page { size: A4; margin: 15mm; } body { margin: 0; }"
                              " img { width: 100%; filter: grayscale(1); }</style></head><body><img src=\"scan.png\"></body></html>")
        scan = os.path.join(OUT, SCAN["name"])
        chromium(["--no-pdf-header-footer", f"--print-to-pdf={scan}", page])
        fix_dates(scan)
        snippets(SCAN, SCAN["name"])
    open(os.path.join(BROKEN, "pdf-encrypted-user-password.pdf"), "wb").write(encrypted_pdf())
    whole = open(os.path.join(OUT, HAUSA["name"]), "rb").read()
    open(os.path.join(BROKEN, "pdf-truncated-half.pdf"), "wb").write(whole[: len(whole) // 2])


if __name__ == "__main__":
    main()
