// See include/CTesseractDeadline.h for why this file exists.
#include "CTesseractDeadline.h"
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>

extern "C" int taska_tess_recognize_with_deadline(void *api, int milliseconds) {
    auto *base = static_cast<tesseract::TessBaseAPI *>(api);
    tesseract::ETEXT_DESC monitor;
    monitor.set_deadline_msecs(milliseconds);
    int status = base->Recognize(&monitor);
    if (monitor.deadline_exceeded()) return 1;
    return status == 0 ? 0 : -1;
}
