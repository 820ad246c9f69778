// Break iteration: sentence, word and line boundaries over one UTF-16 text.
// Exists so Swift never sees UBreakIterator: taska_icu_breaks closes its iterator before
// returning; a taska_icu_break_iterator is opaque to Swift and closed by taska_icu_break_close.
#include "CICUShim.h"
#include <stddef.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utypes.h>

static const UChar empty_text[1] = {0};

static int break_type(int32_t kind, UBreakIteratorType *type) {
    switch (kind) {
    case TASKA_BREAK_SENTENCE: *type = UBRK_SENTENCE; return 1;
    case TASKA_BREAK_WORD: *type = UBRK_WORD; return 1;
    case TASKA_BREAK_LINE: *type = UBRK_LINE; return 1;
    default: return 0;
    }
}

// Collects the boundaries of the text `it` is set to; returns the count (may exceed cap).
static int32_t collect(UBreakIterator *it, int32_t *boundaries, int32_t *rule_status, int32_t cap) {
    int32_t count = 0;
    for (int32_t b = ubrk_first(it); b != UBRK_DONE; b = ubrk_next(it)) {
        if (count < cap) {
            boundaries[count] = b;
            if (rule_status != NULL) rule_status[count] = count == 0 ? 0 : ubrk_getRuleStatus(it);
        }
        count++;
    }
    return count;
}

int32_t taska_icu_breaks(int32_t kind, const char *locale, const uint16_t *text, int32_t len,
                         int32_t *boundaries, int32_t *rule_status, int32_t cap, int32_t *status) {
    if (status == NULL || *status > 0) return 0;
    UBreakIteratorType type;
    if (!break_type(kind, &type)) { *status = U_ILLEGAL_ARGUMENT_ERROR; return 0; }
    if (len < 0 || cap < 0 || (text == NULL && len > 0) || (boundaries == NULL && cap > 0)) {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return 0;
    }
    UErrorCode ec = U_ZERO_ERROR;
    // NULL would mean ICU's default locale; the contract promises root rules instead.
    UBreakIterator *it = ubrk_open(type, locale != NULL ? locale : "",
                                   len > 0 ? (const UChar *)text : empty_text, len, &ec);
    if (U_FAILURE(ec) || it == NULL) {
        if (it != NULL) ubrk_close(it);
        *status = U_FAILURE(ec) ? (int32_t)ec : U_MEMORY_ALLOCATION_ERROR;
        return 0;
    }
    int32_t count = collect(it, boundaries, rule_status, cap);
    ubrk_close(it);
    *status = count > cap ? TASKA_ICU_BUFFER_OVERFLOW : U_ZERO_ERROR;
    return count;
}

taska_icu_break_iterator *taska_icu_break_open(int32_t kind, const char *locale, int32_t *status) {
    if (status == NULL || *status > 0) return NULL;
    UBreakIteratorType type;
    if (!break_type(kind, &type)) { *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL; }
    UErrorCode ec = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(type, locale != NULL ? locale : "", empty_text, 0, &ec);
    if (U_FAILURE(ec) || it == NULL) {
        if (it != NULL) ubrk_close(it);
        *status = U_FAILURE(ec) ? (int32_t)ec : U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    return (taska_icu_break_iterator *)it;
}

taska_icu_break_iterator *taska_icu_break_clone(const taska_icu_break_iterator *template_iterator, int32_t *status) {
    if (status == NULL || *status > 0) return NULL;
    if (template_iterator == NULL) { *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL; }
    UErrorCode ec = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_clone((const UBreakIterator *)template_iterator, &ec);
    if (U_FAILURE(ec) || it == NULL) {
        if (it != NULL) ubrk_close(it);
        *status = U_FAILURE(ec) ? (int32_t)ec : U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    return (taska_icu_break_iterator *)it;
}

int32_t taska_icu_break_run(taska_icu_break_iterator *iterator, const uint16_t *text, int32_t len,
                            int32_t *boundaries, int32_t *rule_status, int32_t cap, int32_t *status) {
    if (status == NULL || *status > 0) return 0;
    if (iterator == NULL || len < 0 || cap < 0 || (text == NULL && len > 0) || (boundaries == NULL && cap > 0)) {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return 0;
    }
    UBreakIterator *it = (UBreakIterator *)iterator;
    UErrorCode ec = U_ZERO_ERROR;
    ubrk_setText(it, len > 0 ? (const UChar *)text : empty_text, len, &ec);
    if (U_FAILURE(ec)) { *status = (int32_t)ec; return 0; }
    int32_t count = collect(it, boundaries, rule_status, cap);
    // Never keep a pointer to the caller's buffer past this call.
    ec = U_ZERO_ERROR;
    ubrk_setText(it, empty_text, 0, &ec);
    *status = count > cap ? TASKA_ICU_BUFFER_OVERFLOW : U_ZERO_ERROR;
    return count;
}

void taska_icu_break_close(taska_icu_break_iterator *iterator) {
    if (iterator != NULL) ubrk_close((UBreakIterator *)iterator);
}

int32_t taska_icu_may_end_sentence(uint32_t code_point) {
    if (code_point > 0x10FFFF) return 0;
    switch (u_getIntPropertyValue((UChar32)code_point, UCHAR_SENTENCE_BREAK)) {
    case U_SB_ATERM: case U_SB_STERM: case U_SB_SEP: case U_SB_CR: case U_SB_LF: return 1;
    default: return 0;
    }
}
