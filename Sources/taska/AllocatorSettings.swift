internal import CAllocator
import Foundation

/// glibc's allocator thresholds for a process that parses document after document.
///
/// Why: by default glibc serves each buffer over 128 KiB with its own `mmap` (a page's text,
/// its blanked copy, its node array) and gives free memory at the top of the heap back once it
/// passes 128 KiB, so large documents keep mapping, faulting in and unmapping fresh pages: on
/// the extraction benchmark's 321 pages 6,600–11,900 page faults (~3 % of the run in the
/// kernel), and VmRSS swinging by 30 MB on a mixed corpus. With both thresholds at 32 MiB the
/// heap keeps and reuses those pages (3,600 faults). The cost: the heap may hold up to 32 MiB
/// it no longer uses (`scripts/measure-rss`: peak 120 MB on the 50-200 MB corpora as before;
/// 148 MB over 100,000 documents, against 136 MB). Buffers over 32 MiB are still mapped and
/// unmapped alone.
public enum AllocatorSettings {
    /// Both thresholds.
    public static let threshold: Int32 = 32 << 20

    /// Applies the thresholds to this process, except one the user set through
    /// `GLIBC_TUNABLES`. Returns whether glibc took them; nil without glibc.
    @discardableResult
    public static func applyForBatchWork() -> Bool? {
        let tunables = ProcessInfo.processInfo.environment["GLIBC_TUNABLES"] ?? ""
        let result = taska_set_malloc_thresholds(threshold, tunables.contains("mmap_threshold") ? 1 : 0,
                                                 tunables.contains("trim_threshold") ? 1 : 0)
        return result < 0 ? nil : result == 1
    }
}
