// Taska's view of poppler's GLib API (PDF text, layout boxes, metadata) and of cairo (page
// rendering for OCR).
//
// Why this shim exists: Swift needs one header per system module; this one names exactly the
// two libraries the PDF reader uses. Neither includes ICU headers, so the ICU clash described
// in Sources/CLibXML2/shim.h cannot come back through it. Only files under
// Sources/TaskaPDF/Poppler/ may import it.
#ifndef TASKA_CPOPPLER_SHIM_H
#define TASKA_CPOPPLER_SHIM_H

#include <poppler.h>
#include <cairo.h>

// g_free and g_object_unref take gpointer; these typed forms keep the Swift side free of casts.
static inline void taska_g_free(void *p) { g_free(p); }
static inline void taska_g_object_unref(void *p) { if (p != NULL) g_object_unref(p); }

// GError is freed with g_error_free; its message is copied out first.
static inline int taska_g_error_code(const GError *e) { return e == NULL ? 0 : e->code; }
static inline const char *taska_g_error_message(const GError *e) { return e == NULL ? NULL : e->message; }
static inline void taska_g_error_free(GError *e) { if (e != NULL) g_error_free(e); }

// poppler's GLib error codes are an enum in a namespace Swift imports awkwardly; expose them.
static inline int taska_poppler_error_encrypted(void) { return POPPLER_ERROR_ENCRYPTED; }
static inline int taska_poppler_error_damaged(void) { return POPPLER_ERROR_DAMAGED; }

#endif
