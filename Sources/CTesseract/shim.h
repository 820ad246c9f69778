// Taska's view of Tesseract's C API and of leptonica (image decoding for OCR).
//
// Why this shim exists: Swift needs one header per system module; this one names the two
// libraries OCR uses. Neither includes ICU headers (see Sources/CLibXML2/shim.h for why that
// matters). Only files under Sources/TaskaOCR/Tesseract/ may import it.
#ifndef TASKA_CTESSERACT_SHIM_H
#define TASKA_CTESSERACT_SHIM_H

#include <tesseract/capi.h>
#include <leptonica/allheaders.h>

// pixDestroy takes PIX **; this form takes the pointer itself so Swift needs no inout juggling.
static inline void taska_pix_destroy(PIX *p) { if (p != NULL) pixDestroy(&p); }

// Leptonica prints to stderr on unreadable input; Taska reports errors itself.
static inline void taska_leptonica_quiet(void) { setMsgSeverity(L_SEVERITY_NONE); }

#endif
