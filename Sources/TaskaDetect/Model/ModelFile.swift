/// The binary model format (little-endian):
///
/// ```
/// "TASKALID" u32 version=1  u32 modelCount
/// per model: str script, u32 classCount, str label × classCount, u32 bucketBits, f32 scale,
///   f32 bias × C, i8 weights × (2^bucketBits · C), u32 coverageBits, u64 × (2^coverageBits/64) × C,
///   f32 coverageFloor × 2C, u32 k, f32 calibration × k
/// ```
/// (`str` = u16 length + UTF-8.) Nothing in the file depends on dictionary order, so a trainer
/// that is deterministic writes identical bytes.
public enum ModelFile {
    static let magic: [UInt8] = Array("TASKALID".utf8)
    static let version: UInt32 = 1

    /// Encodes `models`.
    public static func encode(_ models: [ScriptModel]) -> [UInt8] {
        var w = ByteWriter()
        w.bytes.append(contentsOf: magic)
        w.u32(version)
        w.u32(UInt32(models.count))
        for m in models {
            w.string(m.script)
            w.u32(UInt32(m.classes.count))
            for c in m.classes { w.string(c) }
            w.u32(UInt32(m.bucketBits))
            w.f32(m.scale)
            for b in m.bias { w.f32(b) }
            m.weights.withUnsafeBytes { w.bytes.append(contentsOf: $0) }
            w.u32(UInt32(m.coverageBits))
            for set in m.coverage { for word in set { w.u64(word) } }
            for floors in m.coverageFloor { for f in floors { w.f32(f) } }
            w.u32(UInt32(m.calibration.count))
            for c in m.calibration { w.f32(c) }
        }
        return w.bytes
    }

    /// Decodes a model file.
    public static func decode(_ bytes: [UInt8]) throws(DetectError) -> [ScriptModel] {
        try bytes.withUnsafeBytes { raw in Result { () throws(DetectError) in try decode(raw) } }.get()
    }

    /// Decodes a model file in memory (e.g. memory-mapped). Bulk copies only: the weight rows are
    /// padded with one vector copy per bucket and the trigram sets are copied whole.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(DetectError) -> [ScriptModel] {
        try decode(bytes, mapping: nil)
    }

    /// Decodes the mapped model file `file`, whose weight rows are then read in place.
    static func decode(_ file: MappedFile) throws(DetectError) -> [ScriptModel] {
        try decode(file.bytes, mapping: file)
    }

    private static func decode(_ bytes: UnsafeRawBufferPointer, mapping: MappedFile?) throws(DetectError) -> [ScriptModel] {
        var r = ByteReader(bytes: bytes)
        guard Array(try r.take(magic.count)) == magic else { throw .badModel("not a Taska language model (bad magic)") }
        let v = try r.u32()
        guard v == version else { throw .badModel("model version \(v), this taska reads \(version)") }
        let count = try r.u32()
        var models: [ScriptModel] = []
        for _ in 0..<count {
            let script = try r.string()
            let classCount = Int(try r.u32())
            guard classCount > 0, classCount < 256 else { throw .badModel("bad class count \(classCount)") }
            var classes: [String] = []
            for _ in 0..<classCount { classes.append(try r.string()) }
            let bucketBits = Int(try r.u32())
            guard bucketBits >= 4, bucketBits <= 24 else { throw .badModel("bad bucket bits \(bucketBits)") }
            let scale = try r.f32()
            var bias: [Float] = []
            for _ in 0..<classCount { bias.append(try r.f32()) }
            let weightBytes = try r.take((1 << bucketBits) * classCount)
            let coverageBits = Int(try r.u32())
            guard coverageBits >= 6, coverageBits <= 26 else { throw .badModel("bad coverage bits \(coverageBits)") }
            var coverage: [[UInt64]] = []
            for _ in 0..<classCount {
                let words = (1 << coverageBits) / 64
                let chunk = try r.take(words * 8)
                coverage.append([UInt64](unsafeUninitializedCapacity: words) { dst, initialised in
                    UnsafeMutableRawBufferPointer(dst).copyMemory(from: chunk)
                    if UInt64(1).littleEndian != 1 { for i in 0..<words { dst[i] = UInt64(littleEndian: dst[i]) } }
                    initialised = words
                })
            }
            var floors: [[Float]] = []
            for _ in 0..<classCount { floors.append([try r.f32(), try r.f32()]) }
            let k = Int(try r.u32())
            guard k <= 64 else { throw .badModel("bad calibration size") }
            var calibration: [Float] = []
            for _ in 0..<k { calibration.append(try r.f32()) }
            models.append(ScriptModel(script: script, classes: classes, bucketBits: bucketBits, scale: scale,
                                      bias: bias, weightBytes: weightBytes, mapping: mapping, coverageBits: coverageBits,
                                      coverage: coverage, coverageFloor: floors, calibration: calibration))
        }
        guard r.offset == bytes.count else { throw .badModel("\(bytes.count - r.offset) trailing bytes") }
        return models
    }
}

struct ByteWriter {
    var bytes: [UInt8] = []
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func f32(_ v: Float) { u32(v.bitPattern) }
    mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        withUnsafeBytes(of: UInt16(utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: utf8)
    }
}

struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0
    mutating func take(_ n: Int) throws(DetectError) -> UnsafeRawBufferPointer {
        guard n >= 0, offset + n <= bytes.count else { throw .badModel("truncated at byte \(offset)") }
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n])
    }
    mutating func u32() throws(DetectError) -> UInt32 {
        UInt32(littleEndian: try take(4).loadUnaligned(as: UInt32.self))
    }
    mutating func u64() throws(DetectError) -> UInt64 {
        UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self))
    }
    mutating func f32() throws(DetectError) -> Float { Float(bitPattern: try u32()) }
    mutating func string() throws(DetectError) -> String {
        let n = Int(UInt16(littleEndian: try take(2).loadUnaligned(as: UInt16.self)))
        return String(decoding: try take(n), as: UTF8.self)
    }
}
