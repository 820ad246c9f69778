import Foundation
import TaskaCore

/// The binary hooked-letter model format (little-endian):
///
/// ```
/// "TASKAHKS" u32 version=1  f32 wordShare  f32 contextShare  u32 contextMinimum
/// u32 orderCount, (u8 left, u8 right) × orderCount
/// u32 wordCount, u32 keyByteCount, u8 keyBytes × keyByteCount, u32 keyStarts × (wordCount + 1)
/// u32 spellingCount, u32 spellingStarts × (wordCount + 1), u32 masks × spellingCount, u32 counts × spellingCount
/// u32 contextCount, u64 hashes × contextCount, u32 plain × contextCount, u32 hooked × contextCount
/// ```
/// Why this shape: every table is a sorted array read with bulk copies and searched in place,
/// and nothing depends on dictionary order, so a deterministic trainer writes identical bytes.
public enum HookModelFile {
    static let magic: [UInt8] = Array("TASKAHKS".utf8)
    static let version: UInt32 = 1

    /// Encodes `model`.
    public static func encode(_ model: HookModel) -> [UInt8] {
        var w = Writer()
        w.bytes.append(contentsOf: magic)
        w.u32(version)
        w.u32(model.wordShare.bitPattern)
        w.u32(model.contextShare.bitPattern)
        w.u32(model.contextMinimum)
        w.u32(UInt32(HookModel.contextOrders.count))
        for o in HookModel.contextOrders { w.bytes.append(UInt8(o.left)); w.bytes.append(UInt8(o.right)) }
        w.u32(UInt32(model.wordCount))
        w.u32(UInt32(model.keyBytes.count))
        w.bytes.append(contentsOf: model.keyBytes)
        model.keyStarts.forEach { w.u32($0) }
        w.u32(UInt32(model.spellingMasks.count))
        model.spellingStarts.forEach { w.u32($0) }
        model.spellingMasks.forEach { w.u32($0) }
        model.spellingCounts.forEach { w.u32($0) }
        w.u32(UInt32(model.contextHashes.count))
        model.contextHashes.forEach { w.u64($0) }
        model.contextPlain.forEach { w.u32($0) }
        model.contextHooked.forEach { w.u32($0) }
        return w.bytes
    }

    /// Decodes a model file, checking every table's bounds and order.
    public static func decode(_ bytes: [UInt8]) throws(RestoreError) -> HookModel {
        var r = Reader(bytes: bytes)
        guard try r.take(magic.count) == magic else { throw .badModel("not a Taska hooked-letter model (bad magic)") }
        let v = try r.u32()
        guard v == version else { throw .badModel("model version \(v), this taska reads \(version)") }
        let wordShare = Float(bitPattern: try r.u32()), contextShare = Float(bitPattern: try r.u32())
        let contextMinimum = try r.u32()
        guard (0...1).contains(wordShare), (0...1).contains(contextShare) else { throw .badModel("shares outside 0…1") }
        let orderCount = Int(try r.u32())
        let orders = try r.take(orderCount * 2)
        let expected = HookModel.contextOrders.flatMap { [UInt8($0.left), UInt8($0.right)] }
        guard orders == expected else { throw .badModel("context windows \(orders) differ from this taska's \(expected)") }
        let wordCount = Int(try r.u32())
        let keyBytes = try r.take(Int(try r.u32()))
        let keyStarts = try r.u32s(wordCount + 1)
        let spellingCount = Int(try r.u32())
        let spellingStarts = try r.u32s(wordCount + 1)
        let masks = try r.u32s(spellingCount)
        let counts = try r.u32s(spellingCount)
        let contextCount = Int(try r.u32())
        let hashes = try r.u64s(contextCount)
        let plain = try r.u32s(contextCount)
        let hooked = try r.u32s(contextCount)
        guard r.offset == bytes.count else { throw .badModel("\(bytes.count - r.offset) trailing bytes") }
        guard keyStarts.first == 0, keyStarts.last == UInt32(keyBytes.count), zip(keyStarts, keyStarts.dropFirst()).allSatisfy({ $0 < $1 }),
              spellingStarts.first == 0, spellingStarts.last == UInt32(spellingCount),
              zip(spellingStarts, spellingStarts.dropFirst()).allSatisfy({ $0 < $1 }),
              zip(hashes, hashes.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw .badModel("a table is out of order or out of bounds")
        }
        return HookModel(keyBytes: keyBytes, keyStarts: keyStarts, spellingStarts: spellingStarts, spellingMasks: masks,
                         spellingCounts: counts, contextHashes: hashes, contextPlain: plain, contextHooked: hooked,
                         wordShare: wordShare, contextShare: contextShare, contextMinimum: contextMinimum)
    }

    /// Little-endian output buffer; the tables are appended in file order.
    struct Writer {
        var bytes: [UInt8] = []
        mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    }

    /// Bounds-checked little-endian input: every read that would pass the end throws `badModel`.
    struct Reader {
        let bytes: [UInt8]
        var offset = 0
        mutating func take(_ n: Int) throws(RestoreError) -> [UInt8] {
            guard n >= 0, n <= bytes.count - offset else { throw .badModel("truncated at byte \(offset)") }
            defer { offset += n }
            return Array(bytes[offset..<offset + n])
        }
        mutating func u32() throws(RestoreError) -> UInt32 {
            guard bytes.count - offset >= 4 else { throw .badModel("truncated at byte \(offset)") }
            defer { offset += 4 }
            return bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
        }
        /// `n` values in one pass over the bytes (no array per value: this runs once per process start).
        mutating func u32s(_ n: Int) throws(RestoreError) -> [UInt32] { try values(n, of: UInt32.self) }
        mutating func u64s(_ n: Int) throws(RestoreError) -> [UInt64] { try values(n, of: UInt64.self) }
        private mutating func values<T: FixedWidthInteger & BitwiseCopyable>(_ n: Int, of: T.Type) throws(RestoreError) -> [T] {
            let size = MemoryLayout<T>.size
            guard n >= 0, n <= (bytes.count - offset) / size else { throw .badModel("truncated at byte \(offset)") }
            let start = offset
            offset += n * size
            return bytes.withUnsafeBytes { raw in
                [T](unsafeUninitializedCapacity: n) { out, count in
                    for i in 0..<n { out[i] = T(littleEndian: raw.loadUnaligned(fromByteOffset: start + i * size, as: T.self)) }
                    count = n
                }
            }
        }
    }
}

extension HookModel {
    /// The model shipped with Taska (`Resources/hooks.bin`), loaded once per process.
    public static func shipped() throws(RestoreError) -> HookModel {
        switch shippedResult {
        case .success(let model): return model
        case .failure(let error): throw error
        }
    }

    private static let shippedResult: Result<HookModel, RestoreError> = {
        do throws(RestoreError) {
            guard let path = TaskaResources.path(of: "hooks.bin", in: "TaskaRestore", fallback: { Bundle.module }) else {
                throw .modelMissing("no hooks.bin in the TaskaRestore resource bundle")
            }
            return .success(try load(path: path))
        } catch {
            return .failure(error)
        }
    }()

    /// Reads and decodes the model file at `path`.
    public static func load(path: String) throws(RestoreError) -> HookModel {
        guard let data = FileManager.default.contents(atPath: path) else { throw .modelMissing("cannot read \(path)") }
        return try HookModelFile.decode([UInt8](data))
    }
}
