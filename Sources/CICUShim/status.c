// Status names and version: tiny helpers shared by every ICU wrapper in Swift.
#include "CICUShim.h"
#include <unicode/utypes.h>
#include <unicode/uversion.h>

const char *taska_icu_error_name(int32_t status) {
    return u_errorName((UErrorCode)status);
}

const char *taska_icu_version(void) {
    return U_ICU_VERSION;
}
