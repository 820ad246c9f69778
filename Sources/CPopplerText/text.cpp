// The C functions of CPopplerText.h over poppler-cpp (see the header for why).
#include "CPopplerText.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>
#include <vector>

namespace {
struct Word {
    std::vector<uint32_t> scalars;
    std::vector<double> boxes;  // 4 per scalar, or empty
    double box[4];
};

void quiet(const std::string &, void *) {}

// UTF-16 (poppler::ustring) to UTF-32; a lone surrogate becomes U+FFFD.
std::vector<uint32_t> scalarsOf(const poppler::ustring &s) {
    std::vector<uint32_t> out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); i++) {
        uint32_t u = s[i];
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
            out.push_back(0x10000 + ((u - 0xD800) << 10) + (uint32_t(s[i + 1]) - 0xDC00));
            i++;
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            out.push_back(0xFFFD);
        } else {
            out.push_back(u);
        }
    }
    return out;
}
}  // namespace

struct taska_pdf_text {
    std::unique_ptr<poppler::document> document;
    std::vector<Word> words;
};

extern "C" taska_pdf_text *taska_pdf_text_open(const unsigned char *bytes, size_t count) {
    poppler::set_debug_error_function(quiet, nullptr);
    poppler::byte_array data(reinterpret_cast<const char *>(bytes), reinterpret_cast<const char *>(bytes) + count);
    // load_from_data takes the bytes over (swaps them out of `data`).
    std::unique_ptr<poppler::document> document(poppler::document::load_from_data(&data));
    if (!document || document->is_locked()) return nullptr;
    auto *text = new taska_pdf_text();
    text->document = std::move(document);
    return text;
}

extern "C" void taska_pdf_text_close(taska_pdf_text *text) { delete text; }

extern "C" long taska_pdf_text_read_page(taska_pdf_text *text, int index) {
    text->words.clear();
    if (index < 0 || index >= text->document->pages()) return -1;
    std::unique_ptr<poppler::page> page(text->document->create_page(index));
    if (!page) return -1;
    for (const poppler::text_box &b : page->text_list()) {
        Word w;
        w.scalars = scalarsOf(b.text());
        poppler::rectf r = b.bbox();
        w.box[0] = r.left(); w.box[1] = r.top(); w.box[2] = r.right(); w.box[3] = r.bottom();
        // char_bbox counts the word's characters as poppler stores them, one per scalar.
        const size_t n = w.scalars.size();
        bool ok = true;
        w.boxes.reserve(4 * n);
        for (size_t i = 0; i < n && ok; i++) {
            poppler::rectf c = b.char_bbox(i);
            if (c.width() < 0 || c.height() < 0) ok = false;
            w.boxes.push_back(c.left()); w.boxes.push_back(c.top()); w.boxes.push_back(c.right()); w.boxes.push_back(c.bottom());
        }
        if (!ok) w.boxes.clear();
        text->words.push_back(std::move(w));
    }
    return static_cast<long>(text->words.size());
}

extern "C" const uint32_t *taska_pdf_text_word(const taska_pdf_text *text, long k, size_t *count, const double **boxes, double box[4]) {
    const Word &w = text->words[static_cast<size_t>(k)];
    *count = w.scalars.size();
    *boxes = w.boxes.empty() ? nullptr : w.boxes.data();
    for (int i = 0; i < 4; i++) box[i] = w.box[i];
    return w.scalars.data();
}
