// Normalizer2: NFC/NFD/NFKC/NFKD/NFKC_Casefold over caller-provided UTF-16 buffers.
// Exists so Swift never sees UNormalizer2 (see CICUShim.h for why ICU types stay in C).
#include "CICUShim.h"
#include <stdatomic.h>
#include <stddef.h>
#include <unicode/unorm2.h>
#include <unicode/utypes.h>

// ICU's getters return process-wide singletons that must never be closed; we cache the
// pointers so each call skips ICU's once-only initialisation check.
static _Atomic(const UNormalizer2 *) taska_normalizers[5];

static const UNormalizer2 *taska_normalizer(int32_t form, UErrorCode *ec) {
    if (form < TASKA_NORM_NFC || form > TASKA_NORM_NFKC_CASEFOLD) {
        *ec = U_ILLEGAL_ARGUMENT_ERROR;
        return NULL;
    }
    const UNormalizer2 *cached = atomic_load_explicit(&taska_normalizers[form], memory_order_acquire);
    if (cached != NULL) return cached;
    const UNormalizer2 *n = NULL;
    switch (form) {
    case TASKA_NORM_NFC: n = unorm2_getNFCInstance(ec); break;
    case TASKA_NORM_NFD: n = unorm2_getNFDInstance(ec); break;
    case TASKA_NORM_NFKC: n = unorm2_getNFKCInstance(ec); break;
    case TASKA_NORM_NFKD: n = unorm2_getNFKDInstance(ec); break;
    default: n = unorm2_getNFKCCasefoldInstance(ec); break;
    }
    if (U_FAILURE(*ec) || n == NULL) {
        if (!U_FAILURE(*ec)) *ec = U_INTERNAL_PROGRAM_ERROR;
        return NULL;
    }
    atomic_store_explicit(&taska_normalizers[form], n, memory_order_release);
    return n;
}

int32_t taska_icu_normalize(int32_t form, const uint16_t *src, int32_t len,
                            uint16_t *dest, int32_t cap, int32_t *status) {
    if (status == NULL || *status > 0) return 0;
    if (len < 0 || cap < 0 || (src == NULL && len > 0) || (dest == NULL && cap > 0)) {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return 0;
    }
    UErrorCode ec = U_ZERO_ERROR;
    const UNormalizer2 *n = taska_normalizer(form, &ec);
    if (n == NULL) {
        *status = (int32_t)ec;
        return 0;
    }
    static const UChar empty[1] = {0};
    int32_t out = unorm2_normalize(n, len > 0 ? (const UChar *)src : empty, len,
                                   (UChar *)dest, cap, &ec);
    *status = (int32_t)ec;
    return out;
}

int32_t taska_icu_is_normalized(int32_t form, const uint16_t *src, int32_t len, int32_t *status) {
    if (status == NULL || *status > 0) return 0;
    if (len < 0 || (src == NULL && len > 0)) {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return 0;
    }
    UErrorCode ec = U_ZERO_ERROR;
    const UNormalizer2 *n = taska_normalizer(form, &ec);
    if (n == NULL) {
        *status = (int32_t)ec;
        return 0;
    }
    static const UChar empty[1] = {0};
    UBool yes = unorm2_isNormalized(n, len > 0 ? (const UChar *)src : empty, len, &ec);
    *status = (int32_t)ec;
    return (U_FAILURE(ec) || !yes) ? 0 : 1;
}
