// Tesseract recognition with a deadline.
//
// Why this shim exists: Tesseract's C API takes an ETEXT_DESC monitor for Recognize but gives
// no way to create one, and the deadline lives on that C++ class. This one C++ function makes
// the monitor, sets the deadline and runs recognition. Remove it when capi.h gains a
// TessMonitorCreate/TessMonitorSetDeadlineMSecs pair (Tesseract 5.3 has none).
#ifndef TASKA_CTESSERACTDEADLINE_H
#define TASKA_CTESSERACTDEADLINE_H

#ifdef __cplusplus
extern "C" {
#endif

/// Runs TessBaseAPIRecognize on `api` (a TessBaseAPI *) and stops it after `milliseconds`.
/// Returns 0 when recognition finished, 1 when the deadline stopped it, -1 on failure.
int taska_tess_recognize_with_deadline(void *api, int milliseconds);

#ifdef __cplusplus
}
#endif

#endif
