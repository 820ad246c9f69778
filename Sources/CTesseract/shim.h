// Taska's view of Tesseract's C API and of leptonica (image decoding for OCR).
//
// Why this shim exists: Swift needs one header per system module; this one names the two
// libraries OCR uses. Neither includes ICU headers (see Sources/CLibXML2/shim.h for why that
// matters). Only files under Sources/TaskaOCR/Tesseract/ may import it.
#ifndef TASKA_CTESSERACT_SHIM_H
#define TASKA_CTESSERACT_SHIM_H

#include <tesseract/capi.h>
#include <leptonica/allheaders.h>
#include <dlfcn.h>

// pixDestroy takes PIX **; this form takes the pointer itself so Swift needs no inout juggling.
static inline void taska_pix_destroy(PIX *p) { if (p != NULL) pixDestroy(&p); }

// Leptonica prints to stderr on unreadable input; Taska reports errors itself.
static inline void taska_leptonica_quiet(void) { setMsgSeverity(L_SEVERITY_NONE); }

// Makes every OpenMP parallel region run on the calling thread alone (max-active-levels 0),
// through libgomp, which Tesseract brings; returns 0 when no OpenMP runtime is loaded.
// Why at run time: OMP_THREAD_LIMIT is read once when libgomp loads, before main, so setting it
// would need the process to restart itself; max-active-levels is a global the API may set.
static inline int taska_openmp_serial_regions(void) {
    void (*set_levels)(int) = (void (*)(int))dlsym(RTLD_DEFAULT, "omp_set_max_active_levels");
    if (set_levels == NULL) return 0;
    set_levels(0);
    return 1;
}

#endif
