// Bidi: paragraph base direction and resolved level runs (Unicode Bidirectional Algorithm).
// Exists so Swift never sees UBiDi; every UBiDi opened here is closed before returning.
#include "CICUShim.h"
#include <stddef.h>
#include <unicode/ubidi.h>
#include <unicode/utypes.h>

int32_t taska_icu_bidi_base_direction(const uint16_t *text, int32_t len) {
    if (text == NULL || len <= 0) return TASKA_DIR_NEUTRAL;
    switch (ubidi_getBaseDirection((const UChar *)text, len)) {
    case UBIDI_LTR: return TASKA_DIR_LTR;
    case UBIDI_RTL: return TASKA_DIR_RTL;
    default: return TASKA_DIR_NEUTRAL;
    }
}

static int taska_bidi_level(int32_t para_level, UBiDiLevel *level) {
    switch (para_level) {
    case TASKA_BIDI_LTR: *level = 0; return 1;
    case TASKA_BIDI_RTL: *level = 1; return 1;
    case TASKA_BIDI_DEFAULT_LTR: *level = UBIDI_DEFAULT_LTR; return 1;
    case TASKA_BIDI_DEFAULT_RTL: *level = UBIDI_DEFAULT_RTL; return 1;
    default: return 0;
    }
}

int32_t taska_icu_bidi_runs(const uint16_t *text, int32_t len, int32_t para_level,
                            taska_icu_bidi_run *runs, int32_t cap,
                            int32_t *direction, int32_t *resolved_para_level, int32_t *status) {
    if (status == NULL || *status > 0) return 0;
    UBiDiLevel level = 0;
    if (len < 0 || cap < 0 || (text == NULL && len > 0) || (runs == NULL && cap > 0) ||
        !taska_bidi_level(para_level, &level)) {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return 0;
    }
    UErrorCode ec = U_ZERO_ERROR;
    UBiDi *bidi = ubidi_openSized(len, 0, &ec);
    if (U_FAILURE(ec) || bidi == NULL) {
        if (bidi != NULL) ubidi_close(bidi);
        *status = U_FAILURE(ec) ? (int32_t)ec : U_MEMORY_ALLOCATION_ERROR;
        return 0;
    }
    static const UChar empty[1] = {0};
    ubidi_setPara(bidi, len > 0 ? (const UChar *)text : empty, len, level, NULL, &ec);
    if (U_FAILURE(ec)) {
        ubidi_close(bidi);
        *status = (int32_t)ec;
        return 0;
    }
    if (direction != NULL) *direction = (int32_t)ubidi_getDirection(bidi);
    if (resolved_para_level != NULL) *resolved_para_level = (int32_t)ubidi_getParaLevel(bidi);

    // Runs are read from the level array in one pass: ubidi_getLogicalRun searches all runs
    // on every call, which is quadratic in the number of runs of a long paragraph.
    const UBiDiLevel *levels = len > 0 ? ubidi_getLevels(bidi, &ec) : NULL;
    if (U_FAILURE(ec) || (levels == NULL && len > 0)) {
        if (!U_FAILURE(ec)) ec = U_INTERNAL_PROGRAM_ERROR;
        ubidi_close(bidi);
        *status = (int32_t)ec;
        return 0;
    }
    int32_t count = 0;
    int32_t position = 0;
    while (position < len) {
        int32_t limit = position + 1;
        while (limit < len && levels[limit] == levels[position]) limit++;
        if (count < cap) {
            runs[count].start = position;
            runs[count].length = limit - position;
            runs[count].level = (int32_t)levels[position];
        }
        count++;
        position = limit;
    }
    ubidi_close(bidi);
    *status = count > cap ? TASKA_ICU_BUFFER_OVERFLOW : U_ZERO_ERROR;
    return count;
}
