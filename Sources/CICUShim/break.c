// Break iteration: sentence, word and line boundaries over one UTF-16 text.
// Exists so Swift never sees UBreakIterator; every iterator opened here is closed before returning.
#include "CICUShim.h"
#include <stddef.h>
#include <unicode/ubrk.h>
#include <unicode/utypes.h>

int32_t taska_icu_breaks(int32_t kind, const char *locale, const uint16_t *text, int32_t len,
                         int32_t *boundaries, int32_t *rule_status, int32_t cap, int32_t *status) {
    if (status == NULL || *status > 0) return 0;
    UBreakIteratorType type;
    switch (kind) {
    case TASKA_BREAK_SENTENCE: type = UBRK_SENTENCE; break;
    case TASKA_BREAK_WORD: type = UBRK_WORD; break;
    case TASKA_BREAK_LINE: type = UBRK_LINE; break;
    default: *status = U_ILLEGAL_ARGUMENT_ERROR; return 0;
    }
    if (len < 0 || cap < 0 || (text == NULL && len > 0) || (boundaries == NULL && cap > 0)) {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return 0;
    }
    static const UChar empty[1] = {0};
    UErrorCode ec = U_ZERO_ERROR;
    // NULL would mean ICU's default locale; the contract promises root rules instead.
    UBreakIterator *it = ubrk_open(type, locale != NULL ? locale : "",
                                   len > 0 ? (const UChar *)text : empty, len, &ec);
    if (U_FAILURE(ec) || it == NULL) {
        if (it != NULL) ubrk_close(it);
        *status = U_FAILURE(ec) ? (int32_t)ec : U_MEMORY_ALLOCATION_ERROR;
        return 0;
    }
    int32_t count = 0;
    for (int32_t b = ubrk_first(it); b != UBRK_DONE; b = ubrk_next(it)) {
        if (count < cap) {
            boundaries[count] = b;
            if (rule_status != NULL) rule_status[count] = count == 0 ? 0 : ubrk_getRuleStatus(it);
        }
        count++;
    }
    ubrk_close(it);
    *status = count > cap ? TASKA_ICU_BUFFER_OVERFLOW : U_ZERO_ERROR;
    return count;
}
