// Scripts: the script of a code point, ISO 15924 codes, and script runs.
// ICU's own script-run API (usc_openRun, usc_nextRun) is internal, so the runs are computed here
// over uscript_getScript with the same rules. Nothing is allocated: the bracket stack is a fixed
// array, so there is nothing to free on any path.
#include "CICUShim.h"
#include <stddef.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utypes.h>

int32_t taska_icu_script_of(uint32_t code_point, int32_t *status) {
    if (status == NULL || *status > 0) return USCRIPT_INVALID_CODE;
    if (code_point > 0x10FFFF) {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return USCRIPT_INVALID_CODE;
    }
    UErrorCode ec = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript((UChar32)code_point, &ec);
    *status = (int32_t)ec;
    return U_FAILURE(ec) ? USCRIPT_INVALID_CODE : (int32_t)sc;
}

int32_t taska_icu_script_code(int32_t script, char *buf, int32_t cap) {
    const char *name = NULL;
    if (script >= 0 && script < USCRIPT_CODE_LIMIT) name = uscript_getShortName((UScriptCode)script);
    if (name == NULL) name = "";
    int32_t length = (int32_t)strlen(name);
    if (buf != NULL && cap > 0) {
        if (length < cap) {
            memcpy(buf, name, (size_t)length + 1);
        } else {
            buf[0] = '\0';  // too small: nothing partial; the return value says what is needed
        }
    }
    return length;
}

int32_t taska_icu_script_from_code(const char *iso15924) {
    if (iso15924 == NULL || strlen(iso15924) != 4) return -1;
    for (int i = 0; i < 4; i++) {
        char c = iso15924[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return -1;
    }
    UScriptCode codes[4];
    UErrorCode ec = U_ZERO_ERROR;
    int32_t n = uscript_getCode(iso15924, codes, 4, &ec);
    if (U_FAILURE(ec) || n != 1) return -1;
    return (int32_t)codes[0];
}

// MARK: - Script runs

enum { TASKA_PAREN_DEPTH = 64 };

typedef struct {
    UChar32 close;       // the closing bracket that matches this opening one
    UScriptCode script;  // the script of the run the opening bracket belongs to
} taska_paren;

static int taska_is_real_script(UScriptCode sc) {
    return sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED && sc != USCRIPT_UNKNOWN &&
           sc != USCRIPT_INVALID_CODE;
}

// U+2329/U+232A are canonically equivalent to U+3008/U+3009; match them as one pair.
static UChar32 taska_canonical_bracket(UChar32 c) {
    if (c == 0x2329) return 0x3008;
    if (c == 0x232A) return 0x3009;
    return c;
}

static void taska_emit_run(taska_icu_script_run *runs, int32_t *counts, int32_t cap, int32_t *count,
                           int32_t start, int32_t end, UScriptCode script, int32_t own) {
    if (*count < cap) {
        runs[*count].start = start;
        runs[*count].end = end;
        runs[*count].script = (int32_t)script;
        if (counts != NULL) counts[*count] = own;
    }
    (*count)++;
}

int32_t taska_icu_script_runs_counted(const uint16_t *text, int32_t len,
                                      taska_icu_script_run *runs, int32_t *counts, int32_t cap,
                                      int32_t *status) {
    if (status == NULL || *status > 0) return 0;
    if (len < 0 || cap < 0 || (text == NULL && len > 0) || (runs == NULL && cap > 0)) {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return 0;
    }
    const UChar *s = (const UChar *)text;
    taska_paren stack[TASKA_PAREN_DEPTH];
    int32_t depth = 0;
    int32_t run_base = 0;  // first stack entry pushed during the current run
    int32_t count = 0;
    int32_t run_start = 0;
    int32_t run_own = 0;
    UScriptCode run_script = USCRIPT_COMMON;  // Common until the run's first script-bearing char

    int32_t i = 0;
    while (i < len) {
        int32_t at = i;
        UChar32 c;
        U16_NEXT(s, i, len, c);
        UScriptCode sc;
        if (c < 0x80) {
            // ASCII without a property lookup: its letters are Latin, everything else Common.
            sc = ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? USCRIPT_LATIN : USCRIPT_COMMON;
        } else {
            UErrorCode ec = U_ZERO_ERROR;
            sc = uscript_getScript(c, &ec);
            if (U_FAILURE(ec)) sc = USCRIPT_UNKNOWN;
        }

        if (taska_is_real_script(sc)) {
            if (run_script == USCRIPT_COMMON) {
                // Leading Common text (and brackets opened in it) takes the first real script.
                run_script = sc;
                for (int32_t k = run_base; k < depth; k++) {
                    if (stack[k].script == USCRIPT_COMMON) stack[k].script = sc;
                }
            } else if (sc != run_script) {
                taska_emit_run(runs, counts, cap, &count, run_start, at, run_script, run_own);
                run_start = at;
                run_script = sc;
                run_own = 0;
                run_base = depth;
            }
            run_own++;
            continue;
        }

        // Common, Inherited or Unknown: joins the current run, except a closing bracket, which
        // takes the script of its opening partner.
        // ASCII's only paired brackets are ( ) [ ] { }.
        int32_t bracket = c >= 0x80 ? u_getIntPropertyValue(c, UCHAR_BIDI_PAIRED_BRACKET_TYPE)
                        : (c == '(' || c == '[' || c == '{') ? U_BPT_OPEN
                        : (c == ')' || c == ']' || c == '}') ? U_BPT_CLOSE : U_BPT_NONE;
        if (bracket == U_BPT_OPEN) {
            if (depth == TASKA_PAREN_DEPTH) {  // too deep: forget the oldest opening bracket
                memmove(stack, stack + 1, sizeof(taska_paren) * (TASKA_PAREN_DEPTH - 1));
                depth--;
                if (run_base > 0) run_base--;
            }
            stack[depth].close = taska_canonical_bracket(u_getBidiPairedBracket(c));
            stack[depth].script = run_script;
            depth++;
        } else if (bracket == U_BPT_CLOSE) {
            UChar32 close = taska_canonical_bracket(c);
            int32_t k = depth - 1;
            while (k >= 0 && stack[k].close != close) k--;
            if (k >= 0) {
                UScriptCode opened = stack[k].script;
                depth = k;
                if (run_base > depth) run_base = depth;
                if (taska_is_real_script(opened) && run_script != USCRIPT_COMMON && opened != run_script) {
                    taska_emit_run(runs, counts, cap, &count, run_start, at, run_script, run_own);
                    run_start = at;
                    run_script = opened;
                    run_own = 0;
                    run_base = depth;
                }
            }
        }
    }
    if (len > 0) taska_emit_run(runs, counts, cap, &count, run_start, len, run_script, run_own);
    *status = count > cap ? TASKA_ICU_BUFFER_OVERFLOW : U_ZERO_ERROR;
    return count;
}

int32_t taska_icu_script_runs(const uint16_t *text, int32_t len,
                              taska_icu_script_run *runs, int32_t cap, int32_t *status) {
    return taska_icu_script_runs_counted(text, len, runs, NULL, cap, status);
}
