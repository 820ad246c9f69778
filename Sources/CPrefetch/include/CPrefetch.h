#ifndef TASKA_CPREFETCH_H
#define TASKA_CPREFETCH_H

/*
 * Some explanation is required here: Swift has no way to spell a software prefetch, and the
 * language model's scorer needs one. It reads one 16-byte row per feature at random from 12 MB
 * of rows; a load that misses the cache holds up the loop until it retires, a prefetch does not,
 * so prefetching each row a few dozen features ahead keeps many misses in flight (the scorer's
 * share of samples on the 50 MB corpus halves). A static inline function in a header is compiled
 * into the Swift caller and inlined, so the hint costs one instruction. If Swift ever gains a
 * prefetch (or exposes LLVM's), this target can go.
 */

/// Hints that the bytes at `address` will be read soon (kept in all cache levels).
static inline void taska_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
