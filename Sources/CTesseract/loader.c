// Loads Tesseract and leptonica with dlopen on first use and forwards the functions Taska
// calls (see include/CTesseract.h for why). Every pointer is resolved once, under pthread_once,
// before any wrapper can run; a wrapper called after a failed load is a programming error.
#include "CTesseract.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <tesseract/capi.h>
#include <leptonica/allheaders.h>

_Static_assert(TASKA_PSM_OSD_ONLY == PSM_OSD_ONLY && TASKA_PSM_AUTO == PSM_AUTO, "Tesseract page segmentation modes");
_Static_assert(TASKA_RIL_PARA == RIL_PARA && TASKA_RIL_TEXTLINE == RIL_TEXTLINE && TASKA_RIL_WORD == RIL_WORD,
               "Tesseract iterator levels");

#define TASKA_TESSERACT_FUNCTIONS(X) \
    X(TessBaseAPICreate) X(TessBaseAPIDelete) X(TessBaseAPIEnd) X(TessBaseAPISetVariable) X(TessBaseAPIInit3) \
    X(TessBaseAPISetPageSegMode) X(TessBaseAPISetImage) X(TessBaseAPISetSourceResolution) \
    X(TessBaseAPISetRectangle) X(TessBaseAPIClear) X(TessBaseAPIDetectOrientationScript) X(TessBaseAPIGetIterator) \
    X(TessBaseAPIRecognize) X(TessResultIteratorDelete) X(TessResultIteratorGetPageIterator) \
    X(TessResultIteratorGetUTF8Text) X(TessResultIteratorConfidence) X(TessPageIteratorIsAtBeginningOf) \
    X(TessPageIteratorBoundingBox) X(TessPageIteratorNext) X(TessDeleteText) X(TessMonitorCreate) \
    X(TessMonitorDelete) X(TessMonitorSetCancelFunc) X(TessMonitorSetCancelThis)
#define TASKA_LEPTONICA_FUNCTIONS(X) \
    X(setMsgSeverity) X(leptSetStderrHandler) X(pixReadHeaderMem) X(pixReadMem) X(pixDestroy) X(pixConvertTo8) X(pixGetWidth) \
    X(pixGetHeight) X(pixGetWpl) X(pixGetXRes) X(pixGetData)

#define TASKA_POINTER(name) __typeof__(&name) name;
static struct {
    TASKA_TESSERACT_FUNCTIONS(TASKA_POINTER)
    TASKA_LEPTONICA_FUNCTIONS(TASKA_POINTER)
} fn;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int load_status = -1;
static int openmp_serial = 0;
static char load_error[512];

static void *open_first(const char *const *names) {
    void *handle = NULL;
    for (int i = 0; names[i] != NULL && handle == NULL; i++) handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        const char *why = dlerror();
        snprintf(load_error, sizeof load_error, "%s", why != NULL ? why : names[0]);
    }
    return handle;
}

/// Leptonica's messages that bypass its severity (its TIFF reader's, for one) go nowhere.
static void discard_message(const char *message) { (void)message; }

static void load(void) {
    static const char *const tesseract_names[] = {"libtesseract.so.5", "libtesseract.so", NULL};
    static const char *const leptonica_names[] = {"liblept.so.5", "libleptonica.so.6", "liblept.so", NULL};
    void *tesseract = open_first(tesseract_names);
    if (tesseract == NULL) return;
    void *leptonica = open_first(leptonica_names);
    if (leptonica == NULL) return;
#define TASKA_RESOLVE(handle, name) \
    fn.name = (__typeof__(&name))dlsym(handle, #name); \
    if (fn.name == NULL) { snprintf(load_error, sizeof load_error, "%s has no function %s", #handle, #name); return; }
#define TASKA_RESOLVE_TESSERACT(name) TASKA_RESOLVE(tesseract, name)
#define TASKA_RESOLVE_LEPTONICA(name) TASKA_RESOLVE(leptonica, name)
    TASKA_TESSERACT_FUNCTIONS(TASKA_RESOLVE_TESSERACT)
    TASKA_LEPTONICA_FUNCTIONS(TASKA_RESOLVE_LEPTONICA)
    // Leptonica prints to stderr on unreadable input (through lept_stderr, some of it whatever
    // the severity), and so does libtiff (its default
    // handlers; leptonica sets none); Taska reports errors itself. libtiff is leptonica's
    // dependency, so its handler setters are found through leptonica's handle.
    fn.setMsgSeverity(L_SEVERITY_NONE);
    fn.leptSetStderrHandler(discard_message);
    typedef void (*tiff_handler)(const char *, const char *, va_list);
    typedef tiff_handler (*tiff_set_handler)(tiff_handler);
    tiff_set_handler set_error = (tiff_set_handler)dlsym(leptonica, "TIFFSetErrorHandler");
    tiff_set_handler set_warning = (tiff_set_handler)dlsym(leptonica, "TIFFSetWarningHandler");
    if (set_error != NULL) set_error(NULL);
    if (set_warning != NULL) set_warning(NULL);
    // Every OpenMP parallel region runs on the calling thread alone (max-active-levels 0): Taska
    // OCRs one page per core itself. libgomp comes with Tesseract, so it is found through its
    // handle. Why at run time: OMP_THREAD_LIMIT is read once when libgomp loads.
    void (*set_levels)(int) = (void (*)(int))dlsym(tesseract, "omp_set_max_active_levels");
    if (set_levels != NULL) {
        set_levels(0);
        openmp_serial = 1;
    }
    load_error[0] = '\0';
    load_status = 0;
}

int taska_ocr_load(void) {
    pthread_once(&once, load);
    return load_status;
}

const char *taska_ocr_load_error(void) {
    pthread_once(&once, load);
    return load_status == 0 ? NULL : load_error;
}

int taska_ocr_openmp_serial(void) {
    pthread_once(&once, load);
    return openmp_serial;
}

TessBaseAPI *taska_TessBaseAPICreate(void) { return fn.TessBaseAPICreate(); }
void taska_TessBaseAPIDelete(TessBaseAPI *api) { fn.TessBaseAPIDelete(api); }
void taska_TessBaseAPIEnd(TessBaseAPI *api) { fn.TessBaseAPIEnd(api); }
int taska_TessBaseAPISetVariable(TessBaseAPI *api, const char *name, const char *value) {
    return fn.TessBaseAPISetVariable(api, name, value);
}
int taska_TessBaseAPIInit3(TessBaseAPI *api, const char *datapath, const char *language) {
    return fn.TessBaseAPIInit3(api, datapath, language);
}
void taska_TessBaseAPISetPageSegMode(TessBaseAPI *api, int mode) { fn.TessBaseAPISetPageSegMode(api, (TessPageSegMode)mode); }
void taska_TessBaseAPISetImage(TessBaseAPI *api, const unsigned char *data, int width, int height, int bytes_per_pixel,
                               int bytes_per_line) {
    fn.TessBaseAPISetImage(api, data, width, height, bytes_per_pixel, bytes_per_line);
}
void taska_TessBaseAPISetSourceResolution(TessBaseAPI *api, int ppi) { fn.TessBaseAPISetSourceResolution(api, ppi); }
void taska_TessBaseAPISetRectangle(TessBaseAPI *api, int left, int top, int width, int height) {
    fn.TessBaseAPISetRectangle(api, left, top, width, height);
}
void taska_TessBaseAPIClear(TessBaseAPI *api) { fn.TessBaseAPIClear(api); }
int taska_TessBaseAPIDetectOrientationScript(TessBaseAPI *api, int *degrees, float *orientation_confidence,
                                             const char **script_name, float *script_confidence) {
    return fn.TessBaseAPIDetectOrientationScript(api, degrees, orientation_confidence, script_name, script_confidence);
}
TessResultIterator *taska_TessBaseAPIGetIterator(TessBaseAPI *api) { return fn.TessBaseAPIGetIterator(api); }
void taska_TessResultIteratorDelete(TessResultIterator *iterator) { fn.TessResultIteratorDelete(iterator); }
TessPageIterator *taska_TessResultIteratorGetPageIterator(TessResultIterator *iterator) {
    return fn.TessResultIteratorGetPageIterator(iterator);
}
char *taska_TessResultIteratorGetUTF8Text(const TessResultIterator *iterator, int level) {
    return fn.TessResultIteratorGetUTF8Text(iterator, (TessPageIteratorLevel)level);
}
float taska_TessResultIteratorConfidence(const TessResultIterator *iterator, int level) {
    return fn.TessResultIteratorConfidence(iterator, (TessPageIteratorLevel)level);
}
int taska_TessPageIteratorIsAtBeginningOf(const TessPageIterator *iterator, int level) {
    return fn.TessPageIteratorIsAtBeginningOf(iterator, (TessPageIteratorLevel)level);
}
int taska_TessPageIteratorBoundingBox(const TessPageIterator *iterator, int level, int *left, int *top, int *right,
                                      int *bottom) {
    return fn.TessPageIteratorBoundingBox(iterator, (TessPageIteratorLevel)level, left, top, right, bottom);
}
int taska_TessPageIteratorNext(TessPageIterator *iterator, int level) {
    return fn.TessPageIteratorNext(iterator, (TessPageIteratorLevel)level);
}
void taska_TessDeleteText(const char *text) { fn.TessDeleteText(text); }

/// The monitor's cancel check: true (stop) once the monotonic clock passes the deadline.
struct deadline {
    struct timespec end;
    bool expired;
};

static bool past_deadline(void *context, int words) {
    (void)words;
    struct deadline *d = context;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (now.tv_sec > d->end.tv_sec || (now.tv_sec == d->end.tv_sec && now.tv_nsec >= d->end.tv_nsec)) d->expired = true;
    return d->expired;
}

int taska_tess_recognize_with_deadline(TessBaseAPI *api, int milliseconds) {
    ETEXT_DESC *monitor = fn.TessMonitorCreate();
    if (monitor == NULL) return -1;
    struct deadline d = {.expired = false};
    clock_gettime(CLOCK_MONOTONIC, &d.end);
    d.end.tv_sec += milliseconds / 1000;
    d.end.tv_nsec += (long)(milliseconds % 1000) * 1000000L;
    if (d.end.tv_nsec >= 1000000000L) {
        d.end.tv_sec += 1;
        d.end.tv_nsec -= 1000000000L;
    }
    fn.TessMonitorSetCancelFunc(monitor, past_deadline);
    fn.TessMonitorSetCancelThis(monitor, &d);
    int status = fn.TessBaseAPIRecognize(api, monitor);
    fn.TessMonitorDelete(monitor);
    if (d.expired) return 1;
    return status == 0 ? 0 : -1;
}

int taska_pixReadHeaderMem(const uint8_t *data, size_t size, int32_t *format, int32_t *width, int32_t *height,
                           int32_t *bps, int32_t *spp, int32_t *colormap) {
    return fn.pixReadHeaderMem(data, size, format, width, height, bps, spp, colormap);
}
PIX *taska_pixReadMem(const uint8_t *data, size_t size) { return fn.pixReadMem(data, size); }
void taska_pix_destroy(PIX *pix) {
    if (pix != NULL) fn.pixDestroy(&pix);
}
PIX *taska_pixConvertTo8(PIX *pix, int colormap) { return fn.pixConvertTo8(pix, colormap); }
int32_t taska_pixGetWidth(const PIX *pix) { return fn.pixGetWidth(pix); }
int32_t taska_pixGetHeight(const PIX *pix) { return fn.pixGetHeight(pix); }
int32_t taska_pixGetWpl(const PIX *pix) { return fn.pixGetWpl(pix); }
int32_t taska_pixGetXRes(const PIX *pix) { return fn.pixGetXRes(pix); }
uint32_t *taska_pixGetData(PIX *pix) { return fn.pixGetData(pix); }
