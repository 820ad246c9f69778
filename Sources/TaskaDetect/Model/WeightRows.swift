#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A script model's weight rows: one block of `buckets × stride` bytes, each bucket's class
/// weights padded with zeros to `stride` (16) bytes so that scoring adds one vector per feature.
///
/// Why a block of its own: scoring reads one row per feature at random across megabytes (12 MB
/// for the shipped model). A block of 2 MiB or more is 2 MiB-aligned and advised as transparent
/// huge pages, so that those reads do not also miss the TLB (on 4 KiB pages an 8 MB table spans
/// 2,048 pages); the row loads then take a third less time. (Packing out the all-zero rows, 78 %
/// of the Latin buckets, behind a rank index made scoring 2.6 times slower: the extra dependent
/// load and bit count per feature leave fewer row loads in flight.)
final class WeightRows: @unchecked Sendable, Equatable {
    /// Bytes per bucket.
    let stride: Int
    /// Bytes in all (`buckets × stride`).
    let count: Int
    private let base: UnsafeMutableRawPointer

    static let hugePage = 2 << 20

    /// Rows of `buckets × stride` bytes, every one of which `fill` writes (the block is not
    /// zeroed first: the model's rows are written once, at load).
    init(buckets: Int, stride: Int, fill: (UnsafeMutableRawBufferPointer) -> Void) {
        precondition(buckets >= 0 && stride > 0)
        self.stride = stride
        self.count = buckets * stride
        let huge = count >= Self.hugePage
        let size = huge ? (count + Self.hugePage - 1) / Self.hugePage * Self.hugePage : max(count, 64)
        var pointer: UnsafeMutableRawPointer?
        guard posix_memalign(&pointer, huge ? Self.hugePage : 64, size) == 0, let pointer else {
            fatalError("out of memory for \(size) bytes of language-model weights")
        }
        #if os(Linux)
        // Advice only: without transparent huge pages the rows work the same, a little slower.
        if huge { _ = madvise(pointer, size, MADV_HUGEPAGE) }
        #endif
        base = pointer
        fill(UnsafeMutableRawBufferPointer(start: pointer, count: count))
        // The rounding past the rows is never read; zeroed so that no byte of the block is undefined.
        (pointer + count).initializeMemory(as: UInt8.self, repeating: 0, count: size - count)
    }

    deinit { free(base) }

    /// The weight at byte `i` (bucket `i / stride`, class `i % stride`; padding reads 0).
    subscript(i: Int) -> Int8 {
        precondition(i >= 0 && i < count, "weight index out of range")
        return base.load(fromByteOffset: i, as: Int8.self)
    }

    /// Calls `body` with the first row.
    @inline(__always)
    func withRows<R>(_ body: (UnsafeRawPointer) throws -> R) rethrows -> R {
        try body(base)
    }

    static func == (a: WeightRows, b: WeightRows) -> Bool {
        a === b || (a.stride == b.stride && a.count == b.count && memcmp(a.base, b.base, a.count) == 0)
    }
}
