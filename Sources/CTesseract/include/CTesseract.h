// Taska's view of Tesseract's C API and of leptonica (image decoding for OCR), loaded on first use.
//
// Why loaded at run time (dlopen) rather than linked: Tesseract brings about thirty libraries
// (libcurl with its TLS, LDAP and Kerberos stacks, OpenMP, leptonica's image codecs) whose
// loading and symbol binding cost every taska process — `taska search` as much as an OCR run —
// several milliseconds of start-up. Only runs that OCR pay for them now, and a machine without
// Tesseract still runs everything else (OCR then reports what to install).
// Each `taska_X` function forwards to the library's `X` (same arguments, same ownership rules);
// call `taska_ocr_load` first and use none of them when it fails. Only files under
// Sources/TaskaOCR/Tesseract/ may import this module. No ICU or Tesseract header is included
// here, so Swift sees opaque pointers only.
#ifndef TASKA_CTESSERACT_H
#define TASKA_CTESSERACT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct TessBaseAPI TessBaseAPI;
typedef struct TessPageIterator TessPageIterator;
typedef struct TessResultIterator TessResultIterator;
typedef struct Pix PIX;

/// Tesseract's page segmentation modes and iterator levels Taska uses (values of capi.h's enums;
/// the loader checks them at compile time).
enum { TASKA_PSM_OSD_ONLY = 0, TASKA_PSM_AUTO = 3 };
enum { TASKA_RIL_PARA = 1, TASKA_RIL_TEXTLINE = 2, TASKA_RIL_WORD = 3 };

/// Loads libtesseract and liblept once per process (later calls return the first result),
/// quiets leptonica's stderr messages and turns Tesseract's OpenMP regions serial.
/// Returns 0 on success, -1 when a library or one of its functions is missing
/// (`taska_ocr_load_error` says which).
int taska_ocr_load(void);
/// The loader's error (dlerror's text), or NULL after a successful load. Owned by the loader.
const char *taska_ocr_load_error(void);
/// Whether Tesseract's OpenMP regions were made serial (libgomp found and set).
int taska_ocr_openmp_serial(void);

TessBaseAPI *taska_TessBaseAPICreate(void);
void taska_TessBaseAPIDelete(TessBaseAPI *api);
void taska_TessBaseAPIEnd(TessBaseAPI *api);
int taska_TessBaseAPISetVariable(TessBaseAPI *api, const char *name, const char *value);
int taska_TessBaseAPIInit3(TessBaseAPI *api, const char *datapath, const char *language);
void taska_TessBaseAPISetPageSegMode(TessBaseAPI *api, int mode);
void taska_TessBaseAPISetImage(TessBaseAPI *api, const unsigned char *data, int width, int height,
                               int bytes_per_pixel, int bytes_per_line);
void taska_TessBaseAPISetSourceResolution(TessBaseAPI *api, int ppi);
void taska_TessBaseAPISetRectangle(TessBaseAPI *api, int left, int top, int width, int height);
void taska_TessBaseAPIClear(TessBaseAPI *api);
int taska_TessBaseAPIDetectOrientationScript(TessBaseAPI *api, int *degrees, float *orientation_confidence,
                                             const char **script_name, float *script_confidence);
TessResultIterator *taska_TessBaseAPIGetIterator(TessBaseAPI *api);
void taska_TessResultIteratorDelete(TessResultIterator *iterator);
TessPageIterator *taska_TessResultIteratorGetPageIterator(TessResultIterator *iterator);
char *taska_TessResultIteratorGetUTF8Text(const TessResultIterator *iterator, int level);
float taska_TessResultIteratorConfidence(const TessResultIterator *iterator, int level);
int taska_TessPageIteratorIsAtBeginningOf(const TessPageIterator *iterator, int level);
int taska_TessPageIteratorBoundingBox(const TessPageIterator *iterator, int level,
                                      int *left, int *top, int *right, int *bottom);
int taska_TessPageIteratorNext(TessPageIterator *iterator, int level);
void taska_TessDeleteText(const char *text);

/// Runs recognition on `api` and stops it after `milliseconds` (a monitor with a cancel check).
/// Returns 0 when recognition finished, 1 when the deadline stopped it, -1 on failure.
int taska_tess_recognize_with_deadline(TessBaseAPI *api, int milliseconds);

int taska_pixReadHeaderMem(const uint8_t *data, size_t size, int32_t *format, int32_t *width, int32_t *height,
                           int32_t *bps, int32_t *spp, int32_t *colormap);
PIX *taska_pixReadMem(const uint8_t *data, size_t size);
/// pixDestroy takes PIX **; this form takes the pointer itself (NULL is ignored).
void taska_pix_destroy(PIX *pix);
PIX *taska_pixConvertTo8(PIX *pix, int colormap);
int32_t taska_pixGetWidth(const PIX *pix);
int32_t taska_pixGetHeight(const PIX *pix);
int32_t taska_pixGetWpl(const PIX *pix);
int32_t taska_pixGetXRes(const PIX *pix);
uint32_t *taska_pixGetData(PIX *pix);

#ifdef __cplusplus
}
#endif

#endif
