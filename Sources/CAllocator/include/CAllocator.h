#ifndef TASKA_CALLOCATOR_H
#define TASKA_CALLOCATOR_H

/*
 * glibc's mallopt and its M_* settings live in <malloc.h>, which Swift's Glibc module does not
 * import. AllocatorSettings (TaskaIngest) raises the mmap and trim thresholds through this one
 * function; see its doc comment for why. On other C libraries it does nothing.
 */
#include <stdlib.h>  /* defines __GLIBC__ on glibc: test for it only after a libc header */
#if defined(__GLIBC__)
#include <malloc.h>
#endif

/// Sets glibc's mmap and trim thresholds to `bytes` unless `keepMmap`/`keepTrim` (the user
/// set them through GLIBC_TUNABLES). Returns 1 when glibc took them (or they were kept),
/// 0 when it refused one, -1 without glibc.
static inline int taska_set_malloc_thresholds(int bytes, int keepMmap, int keepTrim) {
#if defined(__GLIBC__)
    int ok = 1;
    if (!keepMmap && mallopt(M_MMAP_THRESHOLD, bytes) != 1) ok = 0;
    if (!keepTrim && mallopt(M_TRIM_THRESHOLD, bytes) != 1) ok = 0;
    return ok;
#else
    (void)bytes; (void)keepMmap; (void)keepTrim;
    return -1;
#endif
}

#endif
