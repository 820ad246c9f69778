// Taska's view of poppler's C++ text API (`poppler::page::text_list`), as C.
//
// Why this target exists: poppler's GLib text functions read a page through its selection
// machinery, which on right-to-left pages skips whole lines (a title, a column); the C++ API
// lists every word of the page's text layer with its character boxes. Swift calls C, so this
// shim wraps the C++ calls in C functions. Only Sources/TaskaPDF/Poppler/ may import it; the
// handle is owned by PopplerDocument, which calls taska_pdf_text_close.
#ifndef TASKA_CPOPPLERTEXT_H
#define TASKA_CPOPPLERTEXT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct taska_pdf_text taska_pdf_text;

// Opens a PDF from bytes (copied); NULL when poppler cannot open it or it is locked.
taska_pdf_text *taska_pdf_text_open(const unsigned char *bytes, size_t count);

// Frees the handle and everything it holds.
void taska_pdf_text_close(taska_pdf_text *text);

// Reads the words of page `index` (0-based) into the handle, replacing the last page read;
// returns their number, or -1 when the page cannot be read.
long taska_pdf_text_read_page(taska_pdf_text *text, int index);

// Word `k` of the last page read: its scalars (UTF-32, in the order poppler stores them: visual
// order, left to right), their count in *count; one box per scalar in *boxes (x0, y0, x1, y1 in
// points from the page's top left; *boxes is NULL when poppler gave a different number); the
// word's box in box[4]. Pointers stay valid until the next read or close.
const uint32_t *taska_pdf_text_word(const taska_pdf_text *text, long k, size_t *count, const double **boxes, double box[4]);

#ifdef __cplusplus
}
#endif

#endif
