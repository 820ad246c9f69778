// Leak and contract harness for Sources/CICUShim: calls every taska_icu_* function, on success,
// overflow ("preflight") and error paths, checks the results, and is run under valgrind by
// scripts/check-icu-leaks. Charset functions are compiled in only when charset.c defines them
// (the script passes -DTASKA_HAVE_<NAME> for each symbol it finds).
#include "CICUShim.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uclean.h>

static int failures = 0;
#define CHECK(cond) do { if (!(cond)) { fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); failures++; } } while (0)

// UTF-8 literal -> UTF-16 (the harness has no ICU string helpers on purpose).
static int32_t u16(const char *utf8, uint16_t *out, int32_t cap) {
    const unsigned char *p = (const unsigned char *)utf8;
    int32_t n = 0;
    while (*p) {
        uint32_t c;
        if (*p < 0x80) c = *p++;
        else if ((*p & 0xE0) == 0xC0) { c = (uint32_t)(*p & 0x1F) << 6 | (p[1] & 0x3F); p += 2; }
        else if ((*p & 0xF0) == 0xE0) { c = (uint32_t)(*p & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F); p += 3; }
        else { c = (uint32_t)(*p & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 | (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F); p += 4; }
        if (c >= 0x10000) {
            if (n + 2 > cap) abort();
            c -= 0x10000;
            out[n++] = (uint16_t)(0xD800 + (c >> 10));
            out[n++] = (uint16_t)(0xDC00 + (c & 0x3FF));
        } else {
            if (n + 1 > cap) abort();
            out[n++] = (uint16_t)c;
        }
    }
    return n;
}

static void status_and_version(void) {
    CHECK(strcmp(taska_icu_error_name(0), "U_ZERO_ERROR") == 0);
    CHECK(strcmp(taska_icu_error_name(TASKA_ICU_BUFFER_OVERFLOW), "U_BUFFER_OVERFLOW_ERROR") == 0);
    CHECK(strncmp(taska_icu_version(), "72", 2) == 0);
}

static void normalizer(void) {
    uint16_t src[64], dst[64];
    // "e" + COMBINING ACUTE -> U+00E9 under NFC
    int32_t len = u16("e\xCC\x81", src, 64);
    int32_t st = 0;
    int32_t n = taska_icu_normalize(TASKA_NORM_NFC, src, len, dst, 64, &st);
    CHECK(st <= 0 && n == 1 && dst[0] == 0xE9);
    // preflight: cap 0 reports the size and overflow
    len = u16("\xEF\xAC\x81", src, 64);  // U+FB01 LATIN SMALL LIGATURE FI
    st = 0;
    n = taska_icu_normalize(TASKA_NORM_NFKC, src, len, NULL, 0, &st);
    CHECK(st == TASKA_ICU_BUFFER_OVERFLOW && n == 2);
    st = 0;
    n = taska_icu_normalize(TASKA_NORM_NFKC, src, len, dst, n, &st);
    CHECK(st <= 0 && n == 2 && dst[0] == 'f' && dst[1] == 'i');
    st = 0;
    n = taska_icu_normalize(TASKA_NORM_NFD, src, len, dst, 64, &st);
    CHECK(st <= 0 && n == 1 && dst[0] == 0xFB01);
    st = 0;
    n = taska_icu_normalize(TASKA_NORM_NFKD, src, len, dst, 64, &st);
    CHECK(st <= 0 && n == 2);
    len = u16("\xC6\x98" "A", src, 64);  // U+0198 Ƙ, A
    st = 0;
    n = taska_icu_normalize(TASKA_NORM_NFKC_CASEFOLD, src, len, dst, 64, &st);
    CHECK(st <= 0 && n == 2 && dst[0] == 0x0199 && dst[1] == 'a');
    // errors: bad form, status already failed, negative length
    st = 0;
    taska_icu_normalize(99, src, len, dst, 64, &st);
    CHECK(st == 1);
    st = 7;
    n = taska_icu_normalize(TASKA_NORM_NFC, src, len, dst, 64, &st);
    CHECK(st == 7 && n == 0);
    st = 0;
    taska_icu_normalize(TASKA_NORM_NFC, src, -1, dst, 64, &st);
    CHECK(st == 1);
    st = 0;
    n = taska_icu_normalize(TASKA_NORM_NFC, NULL, 0, dst, 64, &st);
    CHECK(st <= 0 && n == 0);
    // is_normalized
    len = u16("e\xCC\x81", src, 64);
    st = 0;
    CHECK(taska_icu_is_normalized(TASKA_NORM_NFC, src, len, &st) == 0 && st <= 0);
    st = 0;
    CHECK(taska_icu_is_normalized(TASKA_NORM_NFD, src, len, &st) == 1 && st <= 0);
    st = 0;
    taska_icu_is_normalized(-1, src, len, &st);
    CHECK(st == 1);
}

static void bidi(void) {
    uint16_t text[128];
    taska_icu_bidi_run runs[16];
    int32_t len = u16("\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7", text, 128);  // مرحبا
    CHECK(taska_icu_bidi_base_direction(text, len) == TASKA_DIR_RTL);
    len = u16("hello", text, 128);
    CHECK(taska_icu_bidi_base_direction(text, len) == TASKA_DIR_LTR);
    len = u16("123 !", text, 128);
    CHECK(taska_icu_bidi_base_direction(text, len) == TASKA_DIR_NEUTRAL);
    CHECK(taska_icu_bidi_base_direction(NULL, 0) == TASKA_DIR_NEUTRAL);

    len = u16("abc \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 def", text, 128);
    int32_t dir = -1, level = -1, st = 0;
    int32_t n = taska_icu_bidi_runs(text, len, TASKA_BIDI_DEFAULT_LTR, runs, 16, &dir, &level, &st);
    CHECK(st <= 0 && n == 3 && dir == TASKA_DIR_MIXED && level == 0);
    CHECK(runs[0].start == 0 && runs[0].level == 0 && runs[1].level == 1 && runs[2].level == 0);
    CHECK(runs[1].start == 4 && runs[1].length == 5);
    // overflow: count stays right, status says retry
    st = 0;
    n = taska_icu_bidi_runs(text, len, TASKA_BIDI_DEFAULT_LTR, runs, 1, &dir, &level, &st);
    CHECK(st == TASKA_ICU_BUFFER_OVERFLOW && n == 3);
    st = 0;
    n = taska_icu_bidi_runs(text, len, TASKA_BIDI_RTL, runs, 16, &dir, &level, &st);
    CHECK(st <= 0 && level == 1 && n >= 3);
    st = 0;
    n = taska_icu_bidi_runs(text, len, TASKA_BIDI_DEFAULT_RTL, runs, 16, NULL, NULL, &st);
    CHECK(st <= 0 && n == 3);
    st = 0;
    n = taska_icu_bidi_runs(text, len, TASKA_BIDI_LTR, runs, 16, &dir, &level, &st);
    CHECK(st <= 0 && level == 0);
    st = 0;
    n = taska_icu_bidi_runs(NULL, 0, TASKA_BIDI_DEFAULT_LTR, NULL, 0, &dir, &level, &st);
    CHECK(st <= 0 && n == 0);
    st = 0;
    taska_icu_bidi_runs(text, len, 42, runs, 16, &dir, &level, &st);
    CHECK(st == 1);
    st = 3;
    n = taska_icu_bidi_runs(text, len, TASKA_BIDI_DEFAULT_LTR, runs, 16, &dir, &level, &st);
    CHECK(st == 3 && n == 0);
}

static void scripts(void) {
    int32_t st = 0;
    int32_t latn = taska_icu_script_of('a', &st);
    CHECK(st <= 0);
    int32_t arab = taska_icu_script_of(0x0645, &st);
    CHECK(taska_icu_script_of(' ', &st) == 0);  // USCRIPT_COMMON
    char name[8];
    CHECK(taska_icu_script_code(latn, name, 8) == 4 && strcmp(name, "Latn") == 0);
    CHECK(taska_icu_script_code(arab, name, 8) == 4 && strcmp(name, "Arab") == 0);
    CHECK(taska_icu_script_code(0, name, 8) == 4 && strcmp(name, "Zyyy") == 0);
    CHECK(taska_icu_script_code(latn, name, 4) == 4 && name[0] == '\0');  // too small
    CHECK(taska_icu_script_code(-5, name, 8) == 0 && name[0] == '\0');
    CHECK(taska_icu_script_from_code("Arab") == arab);
    CHECK(taska_icu_script_from_code("latn") == latn);
    CHECK(taska_icu_script_from_code("xx") == -1);
    CHECK(taska_icu_script_from_code(NULL) == -1);
    st = 0;
    taska_icu_script_of(0x110000, &st);
    CHECK(st == 1);

    uint16_t text[128];
    taska_icu_script_run runs[16];
    int32_t counts[16];
    // "Sai (مرحبا) kuma 𝐀!" : brackets take the script of their opening partner
    int32_t len = u16("Sai (\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7) kuma \xF0\x9D\x90\x80!", text, 128);
    st = 0;
    int32_t n = taska_icu_script_runs_counted(text, len, runs, counts, 16, &st);
    CHECK(st <= 0 && n == 3);
    CHECK(runs[0].start == 0 && runs[0].end == 5 && runs[0].script == latn && counts[0] == 3);
    CHECK(runs[1].start == 5 && runs[1].end == 10 && runs[1].script == arab && counts[1] == 5);
    CHECK(runs[2].start == 10 && runs[2].end == len && runs[2].script == latn && counts[2] == 4);
    st = 0;
    n = taska_icu_script_runs(text, len, runs, 2, &st);
    CHECK(st == TASKA_ICU_BUFFER_OVERFLOW && n == 3);
    st = 0;
    n = taska_icu_script_runs(text, len, NULL, 0, &st);
    CHECK(st == TASKA_ICU_BUFFER_OVERFLOW && n == 3);
    len = u16("123 -- !?", text, 128);
    st = 0;
    n = taska_icu_script_runs_counted(text, len, runs, counts, 16, &st);
    CHECK(st <= 0 && n == 1 && runs[0].script == 0 && counts[0] == 0);
    st = 0;
    n = taska_icu_script_runs(NULL, 0, runs, 16, &st);
    CHECK(st <= 0 && n == 0);
    // deeper than the bracket stack: still terminates and covers the text
    uint16_t deep[300];
    for (int i = 0; i < 150; i++) deep[i] = '(';
    deep[150] = 'a';
    for (int i = 151; i < 300; i++) deep[i] = ')';
    st = 0;
    n = taska_icu_script_runs(deep, 300, runs, 16, &st);
    CHECK(st <= 0 && n == 1 && runs[0].end == 300);
    st = 0;
    taska_icu_script_runs(text, -2, runs, 16, &st);
    CHECK(st == 1);
}

static void breaks(void) {
    uint16_t text[128];
    int32_t b[32], rs[32];
    int32_t len = u16("Ina kwana? Lafiya lau.", text, 128);
    int32_t st = 0;
    int32_t n = taska_icu_breaks(TASKA_BREAK_SENTENCE, NULL, text, len, b, NULL, 32, &st);
    CHECK(st <= 0 && n == 3 && b[0] == 0 && b[1] == 11 && b[2] == len);
    st = 0;
    n = taska_icu_breaks(TASKA_BREAK_WORD, "ha", text, len, b, rs, 32, &st);
    CHECK(st <= 0 && n > 5 && b[n - 1] == len && rs[0] == 0 && rs[1] >= 200 && rs[1] < 300);
    st = 0;
    int32_t need = taska_icu_breaks(TASKA_BREAK_LINE, NULL, text, len, b, rs, 2, &st);
    CHECK(st == TASKA_ICU_BUFFER_OVERFLOW && need > 2);
    st = 0;
    n = taska_icu_breaks(TASKA_BREAK_LINE, NULL, text, len, b, rs, 32, &st);
    CHECK(st <= 0 && n == need);
    st = 0;
    n = taska_icu_breaks(TASKA_BREAK_WORD, NULL, NULL, 0, b, NULL, 32, &st);
    CHECK(st <= 0 && n == 1 && b[0] == 0);
    st = 0;
    taska_icu_breaks(9, NULL, text, len, b, NULL, 32, &st);
    CHECK(st == 1);
}

#if defined(TASKA_HAVE_TASKA_ICU_DETECT_CHARSETS) || defined(TASKA_HAVE_TASKA_ICU_CANONICAL_CHARSET) || \
    defined(TASKA_HAVE_TASKA_ICU_STANDARD_CHARSET_NAME) || defined(TASKA_HAVE_TASKA_ICU_TO_UTF16) || \
    defined(TASKA_HAVE_TASKA_ICU_FROM_UTF16)
#define TASKA_WITH_CHARSET 1
#endif

#ifdef TASKA_WITH_CHARSET
static void charsets(void) {
    int32_t st;
#ifdef TASKA_HAVE_TASKA_ICU_DETECT_CHARSETS
    {
        const char *arabic1256 = "\xE3\xD1\xCD\xC8\xC7 \xC8\xC7\xE1\xDA\xC7\xE1\xE3 \xE3\xD1\xCD\xC8\xC7 \xC8\xC7\xE1\xDA\xC7\xE1\xE3";
        taska_icu_charset_match m[8];
        st = 0;
        int32_t n = taska_icu_detect_charsets(arabic1256, (int32_t)strlen(arabic1256), "windows-1256", m, 8, &st);
        CHECK(st <= 0 && n >= 1 && m[0].name[0] != '\0');
        st = 0;
        taska_icu_detect_charsets(arabic1256, (int32_t)strlen(arabic1256), NULL, m, 1, &st);
        CHECK(st <= 0 || st == TASKA_ICU_BUFFER_OVERFLOW);
        st = 0;
        taska_icu_detect_charsets("", 0, NULL, m, 8, &st);
    }
#endif
#ifdef TASKA_HAVE_TASKA_ICU_CANONICAL_CHARSET
    {
        char buf[64];
        st = 0;
        int32_t n = taska_icu_canonical_charset("cp1256", buf, 64, &st);
        CHECK(st <= 0 && n > 0);
        st = 0;
        taska_icu_canonical_charset("no-such-charset-xyz", buf, 64, &st);
        CHECK(st > 0);
        st = 0;
        taska_icu_canonical_charset("latin1", buf, 2, &st);
    }
#endif
#ifdef TASKA_HAVE_TASKA_ICU_STANDARD_CHARSET_NAME
    {
        char buf[64];
        st = 0;
        int32_t n = taska_icu_standard_charset_name("cp1256", "IANA", buf, 64, &st);
        CHECK(st <= 0 && n > 0 && buf[0] != '\0');
        st = 0;
        taska_icu_standard_charset_name("no-such-charset-xyz", "IANA", buf, 64, &st);
        CHECK(st > 0);
        st = 0;
        taska_icu_standard_charset_name("latin1", "MIME", buf, 2, &st);
    }
#endif
#ifdef TASKA_HAVE_TASKA_ICU_TO_UTF16
    {
        uint16_t out[64];
        int32_t invalid = 0;
        st = 0;
        int32_t n = taska_icu_to_utf16("UTF-8", "ab\xFF" "c", 4, out, 64, &invalid, &st);
        CHECK(st <= 0 && n == 4 && out[2] == 0xFFFD && invalid == 1);
        st = 0;
        n = taska_icu_to_utf16("windows-1256", "\xE3\xD1", 2, NULL, 0, NULL, &st);
        CHECK(n == 2);
        st = 0;
        taska_icu_to_utf16("no-such-charset-xyz", "ab", 2, out, 64, NULL, &st);
        CHECK(st > 0);
    }
#endif
#ifdef TASKA_HAVE_TASKA_ICU_FROM_UTF16
    {
        char out[64];
        uint16_t src[8] = {'a', 0x0645, 0x4E2D};
        int32_t unmappable = 0;
        st = 0;
        int32_t n = taska_icu_from_utf16("windows-1256", src, 3, out, 64, &unmappable, &st);
        CHECK(st <= 0 && n >= 3 && unmappable == 1);
        st = 0;
        taska_icu_from_utf16("windows-1256", src, 3, NULL, 0, NULL, &st);
        st = 0;
        taska_icu_from_utf16("no-such-charset-xyz", src, 3, out, 64, NULL, &st);
        CHECK(st > 0);
    }
#endif
}
#endif

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 50;
    for (int i = 0; i < rounds; i++) {
        status_and_version();
        normalizer();
        bidi();
        scripts();
        breaks();
#ifdef TASKA_WITH_CHARSET
        charsets();
#endif
        if (failures) break;
    }
#ifdef TASKA_WITH_CHARSET
    printf("charset functions: exercised\n");
#else
    printf("charset functions: not present in charset.c, skipped\n");
#endif
    u_cleanup();  // free ICU's caches so that valgrind reports only our own leaks
    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 2;
    }
    printf("icu-leak-harness: %d rounds, all checks passed\n", rounds);
    return 0;
}
