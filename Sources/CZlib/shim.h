// Taska's view of the system zlib (apt: zlib1g-dev).
//
// Why this shim exists: inflateInit2 is a function-like macro (it passes ZLIB_VERSION and the
// struct size to inflateInit2_), which Swift cannot import. Remove it if zlib ever exposes a
// plain function.
#ifndef TASKA_CZLIB_SHIM_H
#define TASKA_CZLIB_SHIM_H

#include <zlib.h>

// inflateInit2(strm, windowBits) as a function. 15+16: gzip only; 15+32: gzip or zlib; -15: raw deflate.
static inline int taska_inflate_init2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}

#endif
