// Charsets: detection (ucsdet), alias lookup and conversion (ucnv) for the Decode stage.
//
// Why this file exists: see CICUShim.h. Every UConverter and UCharsetDetector opened here is
// closed before the function returns, on every path; nothing ICU-owned outlives a call.
#include "CICUShim.h"

#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/utypes.h>

/// Copies the NUL-terminated `src` into `dst[cap]`, truncating; `dst` is always terminated.
static void taska_copy_truncated(char *dst, size_t cap, const char *src) {
    if (cap == 0) return;
    if (src == NULL) { dst[0] = '\0'; return; }
    size_t n = strlen(src);
    if (n >= cap) n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/// Shared argument check: a non-NULL status with no error on entry, sane lengths and buffers.
static int taska_args_ok(int32_t *status, const void *src, int32_t len, const void *dest, int32_t cap) {
    if (status == NULL || U_FAILURE((UErrorCode)*status)) return 0;
    if (len < 0 || (src == NULL && len > 0) || cap < 0 || (dest == NULL && cap > 0)) {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return 0;
    }
    return 1;
}

int32_t taska_icu_detect_charsets(const char *bytes, int32_t len, const char *declared,
                                  taska_icu_charset_match *matches, int32_t cap, int32_t *status) {
    if (!taska_args_ok(status, bytes, len, matches, cap)) return 0;
    if (len == 0) return 0;
    UErrorCode st = U_ZERO_ERROR;
    UCharsetDetector *csd = ucsdet_open(&st);
    if (U_FAILURE(st)) {
        if (csd != NULL) ucsdet_close(csd);
        *status = st;
        return 0;
    }
    ucsdet_setText(csd, bytes, len, &st);
    if (U_SUCCESS(st) && declared != NULL && declared[0] != '\0') {
        ucsdet_setDeclaredEncoding(csd, declared, -1, &st);
    }
    int32_t count = 0;
    const UCharsetMatch **all = NULL;
    if (U_SUCCESS(st)) all = ucsdet_detectAll(csd, &count, &st);
    if (U_FAILURE(st) || all == NULL) {
        ucsdet_close(csd);
        // "No match" is an empty answer, not a failure.
        if (st != U_INVALID_CHAR_FOUND && U_FAILURE(st)) *status = st;
        return 0;
    }
    int32_t n = count < cap ? count : cap;
    for (int32_t i = 0; i < n; i++) {
        UErrorCode mst = U_ZERO_ERROR;
        const char *name = ucsdet_getName(all[i], &mst);
        const char *lang = ucsdet_getLanguage(all[i], &mst);
        int32_t conf = ucsdet_getConfidence(all[i], &mst);
        if (U_FAILURE(mst)) { name = ""; lang = ""; conf = 0; }
        taska_copy_truncated(matches[i].name, sizeof matches[i].name, name);
        taska_copy_truncated(matches[i].language, sizeof matches[i].language, lang);
        matches[i].confidence = conf;
    }
    ucsdet_close(csd);  // the matches belong to the detector: copied above, released here
    if (count > cap) *status = TASKA_ICU_BUFFER_OVERFLOW;
    return count;
}

/// Writes `name` (NUL-terminated) into `buf[cap]` with ICU's preflighting convention.
static int32_t taska_write_name(const char *name, char *buf, int32_t cap, int32_t *status) {
    int32_t n = (int32_t)strlen(name);
    if (n >= cap) {
        // Room for the terminator is part of the contract, so exactly `n` is still too small.
        if (cap > 0) buf[0] = '\0';
        *status = TASKA_ICU_BUFFER_OVERFLOW;
        return n;
    }
    memcpy(buf, name, (size_t)n + 1);
    return n;
}

int32_t taska_icu_canonical_charset(const char *alias, char *buf, int32_t cap, int32_t *status) {
    if (!taska_args_ok(status, alias, alias == NULL ? 1 : 0, buf, cap)) return 0;
    if (alias[0] == '\0') { *status = U_FILE_ACCESS_ERROR; return 0; }
    UErrorCode st = U_ZERO_ERROR;
    // Alias 0 of a converter is ICU's canonical (internal) name, e.g. "ibm-5352_P100-1998".
    const char *canonical = ucnv_getAlias(alias, 0, &st);
    if (U_FAILURE(st) || canonical == NULL) {
        *status = U_FILE_ACCESS_ERROR;
        return 0;
    }
    return taska_write_name(canonical, buf, cap, status);
}

int32_t taska_icu_standard_charset_name(const char *alias, const char *standard,
                                        char *buf, int32_t cap, int32_t *status) {
    if (!taska_args_ok(status, alias, alias == NULL ? 1 : 0, buf, cap)) return 0;
    if (standard == NULL || alias[0] == '\0') { *status = U_FILE_ACCESS_ERROR; return 0; }
    UErrorCode st = U_ZERO_ERROR;
    const char *canonical = ucnv_getAlias(alias, 0, &st);
    if (U_FAILURE(st) || canonical == NULL) { *status = U_FILE_ACCESS_ERROR; return 0; }
    st = U_ZERO_ERROR;
    const char *name = ucnv_getStandardName(canonical, standard, &st);
    if (U_FAILURE(st) || name == NULL) { *status = U_FILE_ACCESS_ERROR; return 0; }
    return taska_write_name(name, buf, cap, status);
}

/// State of the counting callbacks: how many sequences were replaced.
typedef struct {
    int32_t count;
} taska_cb_counter;

static const UChar taska_replacement_char = 0xFFFD;

/// toUnicode callback: one U+FFFD per illegal, irregular or unassigned sequence, counted.
static void U_CALLCONV taska_to_u_substitute(const void *context, UConverterToUnicodeArgs *args,
                                             const char *codeUnits, int32_t length,
                                             UConverterCallbackReason reason, UErrorCode *err) {
    (void)codeUnits;
    (void)length;
    if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to substitute
    taska_cb_counter *counter = (taska_cb_counter *)context;
    if (counter != NULL) counter->count++;
    *err = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &taska_replacement_char, 1, 0, err);
}

/// fromUnicode callback: counts what the charset cannot hold, then ICU's own substitution.
static void U_CALLCONV taska_from_u_substitute(const void *context, UConverterFromUnicodeArgs *args,
                                               const UChar *codeUnits, int32_t length,
                                               UChar32 codePoint, UConverterCallbackReason reason,
                                               UErrorCode *err) {
    if (reason > UCNV_IRREGULAR) return;
    taska_cb_counter *counter = (taska_cb_counter *)context;
    if (counter != NULL) counter->count++;
    UCNV_FROM_U_CALLBACK_SUBSTITUTE(NULL, args, codeUnits, length, codePoint, reason, err);
}

// Opens a converter for `charset`, or sets *status and returns NULL (the caller closes it).
static UConverter *taska_open_converter(const char *charset, int32_t *status) {
    if (charset == NULL) { *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL; }
    UErrorCode st = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &st);
    if (U_FAILURE(st) || cnv == NULL) {
        if (cnv != NULL) ucnv_close(cnv);
        *status = U_FAILURE(st) ? st : U_FILE_ACCESS_ERROR;
        return NULL;
    }
    return cnv;
}

int32_t taska_icu_to_utf16(const char *charset, const char *src, int32_t len,
                           uint16_t *dest, int32_t cap, int32_t *invalid, int32_t *status) {
    if (invalid != NULL) *invalid = 0;
    if (!taska_args_ok(status, src, len, dest, cap)) return 0;
    UConverter *cnv = taska_open_converter(charset, status);
    if (cnv == NULL) return 0;
    UErrorCode st = U_ZERO_ERROR;
    taska_cb_counter counter = {0};
    ucnv_setToUCallBack(cnv, taska_to_u_substitute, &counter, NULL, NULL, &st);
    int32_t n = 0;
    if (U_SUCCESS(st)) {
        n = ucnv_toUChars(cnv, (UChar *)dest, cap, len == 0 ? "" : src, len, &st);
    }
    ucnv_close(cnv);
    if (invalid != NULL) *invalid = counter.count;
    if (st != U_ZERO_ERROR) *status = st;  // includes warnings such as U_STRING_NOT_TERMINATED_WARNING
    return n;
}

int32_t taska_icu_from_utf16(const char *charset, const uint16_t *src, int32_t len,
                             char *dest, int32_t cap, int32_t *unmappable, int32_t *status) {
    if (unmappable != NULL) *unmappable = 0;
    if (!taska_args_ok(status, src, len, dest, cap)) return 0;
    UConverter *cnv = taska_open_converter(charset, status);
    if (cnv == NULL) return 0;
    UErrorCode st = U_ZERO_ERROR;
    taska_cb_counter counter = {0};
    ucnv_setFromUCallBack(cnv, taska_from_u_substitute, &counter, NULL, NULL, &st);
    int32_t n = 0;
    static const UChar empty[1] = {0};
    if (U_SUCCESS(st)) {
        n = ucnv_fromUChars(cnv, dest, cap, len == 0 ? empty : (const UChar *)src, len, &st);
    }
    ucnv_close(cnv);
    if (unmappable != NULL) *unmappable = counter.count;
    if (st != U_ZERO_ERROR) *status = st;
    return n;
}
