internal import CAllocator
import Foundation

/// glibc's mmap and trim thresholds raised to 32 MiB for a process that parses document after document.
///
/// Why: at glibc's 128 KiB defaults every large buffer is mapped, faulted in and unmapped anew
/// per document; at 32 MiB the heap reuses those pages, and may hold up to 32 MiB it no longer
/// uses (figures in docs/performance.md). Buffers over 32 MiB are still mapped alone.
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
