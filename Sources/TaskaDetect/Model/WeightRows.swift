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
///
/// Or the rows are read in place from the memory-mapped model file (`init(mapped:)`), unpadded:
/// each 16-byte load then also holds the next rows' first weights, which `keep` masks off. Why:
/// a short run (one document) would spend most of its time having the kernel zero the 12 MB of
/// padded rows; the mapped file costs nothing until a row is read, and its pages are shared by
/// every taska process.
final class WeightRows: @unchecked Sendable, Equatable {
    /// Bytes per bucket.
    let stride: Int
    /// Weights per bucket (classes).
    let classes: Int
    /// Bytes in all (`buckets × stride`).
    let count: Int
    private let base: UnsafeMutableRawPointer
    /// The mapped file the rows are read from in place, or nil when the rows are an owned block.
    private let mapping: MappedFile?
    /// Lane `c` is all ones for a class, zero past the last: what of a 16-byte load is this row's.
    let keep: SIMD16<Int8>

    static let hugePage = 2 << 20

    /// Rows of `buckets × stride` bytes, every one of which `fill` writes (the block is not
    /// zeroed first: the model's rows are written once, at load).
    init(buckets: Int, stride: Int, classes: Int, fill: (UnsafeMutableRawBufferPointer) -> Void) {
        precondition(buckets >= 0 && stride > 0 && classes <= stride)
        self.stride = stride
        self.classes = classes
        self.keep = Self.mask(classes)
        self.mapping = nil
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

    /// Rows read in place from `file` at `offset`: `buckets` rows of `classes` bytes, with at
    /// least 16 readable bytes after the last row's start (the caller checks).
    init(mapped file: MappedFile, offset: Int, buckets: Int, classes: Int) {
        precondition(classes > 0 && classes <= 16 && offset >= 0 && offset + (buckets - 1) * classes + 16 <= file.count)
        stride = classes
        self.classes = classes
        keep = Self.mask(classes)
        count = buckets * classes
        mapping = file
        base = UnsafeMutableRawPointer(mutating: file.base + offset)
    }

    deinit { if mapping == nil { free(base) } }

    static func mask(_ classes: Int) -> SIMD16<Int8> {
        var keep = SIMD16<Int8>()
        for c in 0..<min(classes, 16) { keep[c] = -1 }
        return keep
    }

    /// The weight at byte `i` (bucket `i / stride`, class `i % stride`; padding reads 0).
    subscript(i: Int) -> Int8 {
        precondition(i >= 0 && i < count, "weight index out of range")
        return base.load(fromByteOffset: i, as: Int8.self)
    }

    /// The weight of `bucket` for class `c`.
    func weight(bucket: Int, class c: Int) -> Int8 { self[bucket * stride + c] }

    /// Whether the rows are read in place from a mapped file.
    var isMapped: Bool { mapping != nil }

    /// Calls `body` with the first row.
    @inline(__always)
    func withRows<R>(_ body: (UnsafeRawPointer) throws -> R) rethrows -> R {
        try body(base)
    }

    /// Equal weights, however they are stored.
    static func == (a: WeightRows, b: WeightRows) -> Bool {
        if a === b { return true }
        guard a.classes == b.classes, a.count / a.stride == b.count / b.stride else { return false }
        if a.stride == b.stride { return memcmp(a.base, b.base, a.count) == 0 }
        for bucket in 0..<(a.count / a.stride) {
            guard memcmp(a.base + bucket * a.stride, b.base + bucket * b.stride, a.classes) == 0 else { return false }
        }
        return true
    }
}

/// A file mapped read-only into memory for the life of the object (`mmap`, `munmap` in deinit).
final class MappedFile: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int

    /// Maps `path`; nil when it cannot be opened or mapped, or is empty.
    init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED else { return nil }
        base = UnsafeRawPointer(pointer)
        count = size
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), count) }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}
