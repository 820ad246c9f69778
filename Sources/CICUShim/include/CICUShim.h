// CICUShim: Taska's narrow, ICU-free view of the system ICU (libicu-dev).
//
// Why this shim exists: Foundation on Linux links the toolchain's own ICU; a Swift module that
// also imports the system's unicode/*.h headers fails with "'UErrorCode' has different
// definitions in different modules". So ICU types live only inside this target's .c files and
// this header speaks plain <stdint.h> types. Remove it only if Foundation stops exporting ICU.
//
// Conventions (as ICU's own C API):
// - Text is UTF-16 (uint16_t) with an explicit length; offsets are UTF-16 code-unit offsets.
// - Output goes to caller-provided buffers; every function returns the length (or count) it
//   needs. When `cap` is too small, *status is set to TASKA_ICU_BUFFER_OVERFLOW and the
//   caller retries with a buffer of the returned size ("preflighting").
// - *status must be 0 on entry; > 0 is an ICU error code (see taska_icu_error_name), < 0 a
//   warning. A function does nothing when *status > 0 on entry.
#ifndef TASKA_CICUSHIM_H
#define TASKA_CICUSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The ICU status for "destination buffer too small" (U_BUFFER_OVERFLOW_ERROR).
#define TASKA_ICU_BUFFER_OVERFLOW 15

/// The ICU name of a status code, e.g. "U_INVALID_CHAR_FOUND". Never NULL.
const char *taska_icu_error_name(int32_t status);

/// The ICU version, e.g. "72.1".
const char *taska_icu_version(void);

// MARK: - Normalizer2 (normalize.c)

/// Normalization forms understood by taska_icu_normalize.
typedef enum {
    TASKA_NORM_NFC = 0,
    TASKA_NORM_NFD = 1,
    TASKA_NORM_NFKC = 2,
    TASKA_NORM_NFKD = 3,
    TASKA_NORM_NFKC_CASEFOLD = 4,
} taska_norm_form;

/// Normalizes `src` into `dest`. The corresponding ICU function is `unorm2_normalize`.
int32_t taska_icu_normalize(int32_t form, const uint16_t *src, int32_t len,
                            uint16_t *dest, int32_t cap, int32_t *status);

/// 1 when `src` is already in `form`, else 0. The corresponding ICU function is `unorm2_isNormalized`.
int32_t taska_icu_is_normalized(int32_t form, const uint16_t *src, int32_t len, int32_t *status);

// MARK: - Bidi (bidi.c)

/// Paragraph-level request for taska_icu_bidi_runs.
typedef enum {
    TASKA_BIDI_LTR = 0,            ///< base level 0
    TASKA_BIDI_RTL = 1,            ///< base level 1
    TASKA_BIDI_DEFAULT_LTR = 2,    ///< first strong character decides; LTR if none (UBIDI_DEFAULT_LTR)
    TASKA_BIDI_DEFAULT_RTL = 3,    ///< first strong character decides; RTL if none (UBIDI_DEFAULT_RTL)
} taska_bidi_para_level;

/// Overall direction of a paragraph (values of ICU's UBiDiDirection).
typedef enum {
    TASKA_DIR_LTR = 0,
    TASKA_DIR_RTL = 1,
    TASKA_DIR_MIXED = 2,
    TASKA_DIR_NEUTRAL = 3,
} taska_direction;

/// One visual level run, in logical order: [start, start+length) at embedding `level`.
typedef struct {
    int32_t start;
    int32_t length;
    int32_t level;
} taska_icu_bidi_run;

/// Base direction from the first strong character (taska_direction; NEUTRAL when none).
/// The corresponding ICU function is `ubidi_getBaseDirection`.
int32_t taska_icu_bidi_base_direction(const uint16_t *text, int32_t len);

/// Resolves embedding levels for one paragraph and returns its level runs in logical order.
/// `*direction` receives the overall taska_direction, `*para_level` the resolved paragraph level.
/// Returns the number of runs. The corresponding ICU functions are `ubidi_setPara`,
/// `ubidi_getDirection`, `ubidi_getLevels` (runs are maximal same-level spans, as `ubidi_getLogicalRun` gives).
int32_t taska_icu_bidi_runs(const uint16_t *text, int32_t len, int32_t para_level,
                            taska_icu_bidi_run *runs, int32_t cap,
                            int32_t *direction, int32_t *resolved_para_level, int32_t *status);

// MARK: - Scripts (script.c)

/// The ICU script code (UScriptCode) of a code point. The corresponding ICU function is `uscript_getScript`.
int32_t taska_icu_script_of(uint32_t code_point, int32_t *status);

/// The ISO 15924 code of a script ("Latn", "Arab", "Zyyy" for Common, "Zinh" for Inherited),
/// NUL-terminated into `buf`. The corresponding ICU function is `uscript_getShortName`.
int32_t taska_icu_script_code(int32_t script, char *buf, int32_t cap);

/// Script code for an ISO 15924 name, or -1. The corresponding ICU function is `uscript_getCode`.
int32_t taska_icu_script_from_code(const char *iso15924);

/// One run of a single script: UTF-16 offsets [start, end).
typedef struct {
    int32_t start;
    int32_t end;
    int32_t script;
} taska_icu_script_run;

/// Splits text into script runs. Common and Inherited characters (spaces, digits,
/// punctuation, combining marks) join the run before them (or the following one at the start),
/// and paired brackets keep the script of their opening partner. Text with no script-bearing
/// character at all is one run of Common (Zyyy). Returns the number of runs.
int32_t taska_icu_script_runs(const uint16_t *text, int32_t len,
                              taska_icu_script_run *runs, int32_t cap, int32_t *status);

/// As taska_icu_script_runs, and when `counts` is non-NULL also stores in `counts[i]` how many
/// code points of run i have a script of their own (not Common, Inherited or Unknown), so that
/// script shares need no per-character call. `counts` must hold `cap` entries.
/// Added for Taska's script shares; remove if ICU ever makes usc_* public with counts.
int32_t taska_icu_script_runs_counted(const uint16_t *text, int32_t len,
                                      taska_icu_script_run *runs, int32_t *counts, int32_t cap,
                                      int32_t *status);

// MARK: - Break iteration (break.c)

/// Kinds of boundaries for taska_icu_breaks.
typedef enum {
    TASKA_BREAK_SENTENCE = 0,
    TASKA_BREAK_WORD = 1,
    TASKA_BREAK_LINE = 2,
} taska_break_kind;

/// Boundaries of `text` (always including 0 and `len`), in ascending UTF-16 offsets.
/// `locale` may be NULL (root rules). When `rule_status` is non-NULL it receives, per boundary,
/// ICU's rule status of the segment ending there (for words: 0 = none/punctuation/space,
/// 100..199 number, 200..299 letter, 300..399 kana, 400..499 ideo). Returns the count.
/// The corresponding ICU functions are `ubrk_open`, `ubrk_next`, `ubrk_getRuleStatus`.
int32_t taska_icu_breaks(int32_t kind, const char *locale, const uint16_t *text, int32_t len,
                         int32_t *boundaries, int32_t *rule_status, int32_t cap, int32_t *status);

/// An ICU break iterator kept across texts (opaque; owned by one Swift object).
typedef struct taska_icu_break_iterator taska_icu_break_iterator;

/// Opens an iterator of `kind` for `locale` (NULL: root rules); NULL with *status > 0 on failure.
/// Close it with taska_icu_break_close. The corresponding ICU function is `ubrk_open`.
taska_icu_break_iterator *taska_icu_break_open(int32_t kind, const char *locale, int32_t *status);

/// A new iterator with the rules of `template_iterator`, which is not changed (so many threads
/// may clone one template at once); far cheaper than opening, as the compiled rules are shared.
/// Close it with taska_icu_break_close. The corresponding ICU function is `ubrk_clone`.
taska_icu_break_iterator *taska_icu_break_clone(const taska_icu_break_iterator *template_iterator, int32_t *status);

/// As taska_icu_breaks with an already open iterator: same boundaries, no ICU open per text.
/// The iterator keeps no reference to `text` after returning.
/// The corresponding ICU functions are `ubrk_setText`, `ubrk_next`, `ubrk_getRuleStatus`.
int32_t taska_icu_break_run(taska_icu_break_iterator *iterator, const uint16_t *text, int32_t len,
                            int32_t *boundaries, int32_t *rule_status, int32_t cap, int32_t *status);

/// 1 when a sentence boundary can follow `code_point` under the root sentence rules (its
/// Sentence_Break value is ATerm, STerm, Sep, CR or LF), else 0: text without any such code
/// point is one sentence. The corresponding ICU function is `u_getIntPropertyValue`
/// (UCHAR_SENTENCE_BREAK).
int32_t taska_icu_may_end_sentence(uint32_t code_point);

/// Closes an iterator from taska_icu_break_open (NULL is ignored).
void taska_icu_break_close(taska_icu_break_iterator *iterator);

// MARK: - Charsets (charset.c)

/// One candidate charset from the detector.
typedef struct {
    char name[40];       ///< ICU's charset name, e.g. "windows-1256", "ISO-8859-6", "UTF-8"
    char language[8];    ///< ISO 639 code the detector guessed, or ""
    int32_t confidence;  ///< 0..100
} taska_icu_charset_match;

/// Ranks candidate charsets for `bytes`, best first; `declared` (nullable) is a hint only.
/// Returns the number of candidates (all of them, even when more than `cap`).
/// The corresponding ICU functions are `ucsdet_setText`, `ucsdet_detectAll`.
int32_t taska_icu_detect_charsets(const char *bytes, int32_t len, const char *declared,
                                  taska_icu_charset_match *matches, int32_t cap, int32_t *status);

/// Copies ICU's canonical name of a charset alias ("cp1256", "arabic", "latin1" ...) into `buf`.
/// Returns its length, or 0 with *status = U_FILE_ACCESS_ERROR (4) when ICU does not know it.
/// The corresponding ICU function is `ucnv_getCanonicalName`/`ucnv_getAlias`.
int32_t taska_icu_canonical_charset(const char *alias, char *buf, int32_t cap, int32_t *status);

/// Copies the name a standard ("MIME", "IANA", "WINDOWS") gives the charset of `alias` into
/// `buf`, e.g. ("cp1256", "IANA") -> "windows-1256". Returns its length, or 0 with
/// *status = U_FILE_ACCESS_ERROR (4) when ICU does not know the alias or the standard has no
/// name for it. The corresponding ICU functions are `ucnv_getAlias`, `ucnv_getStandardName`.
int32_t taska_icu_standard_charset_name(const char *alias, const char *standard,
                                        char *buf, int32_t cap, int32_t *status);

/// Converts `src` in `charset` to UTF-16. Undecodable bytes become U+FFFD, one per illegal
/// sequence, and are counted in `*invalid` (may be NULL). The corresponding ICU function is
/// `ucnv_toUChars` with a substituting, counting callback.
int32_t taska_icu_to_utf16(const char *charset, const char *src, int32_t len,
                           uint16_t *dest, int32_t cap, int32_t *invalid, int32_t *status);

/// Converts UTF-16 to `charset`. Characters the charset cannot hold are counted in
/// `*unmappable` (may be NULL) and replaced by the charset's substitution byte.
/// The corresponding ICU function is `ucnv_fromUChars`.
int32_t taska_icu_from_utf16(const char *charset, const uint16_t *src, int32_t len,
                             char *dest, int32_t cap, int32_t *unmappable, int32_t *status);

#ifdef __cplusplus
}
#endif
#endif
