import FuzzSupport
import TaskaContainers

/// libFuzzer entry: arbitrary bytes through the Unarchive stage (libarchive's ZIP, TAR, 7z,
/// RAR and cpio readers and filters, nesting, every limit). Inputs that start with no archive
/// magic are also tried behind a ZIP local-header signature and as a ustar header, so the
/// fuzzer spends its time inside the readers. Limits are small, so a bomb costs little.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContainers(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzInput.bytes(data, size)
    let stage = UnarchiveStage(options: UnarchiveOptions(maxMembers: 200, maxDepth: 3, maxMemberBytes: 1 << 20,
                                                         maxTotalBytes: 8 << 20, maxRatio: 200))
    FuzzInput.run(FuzzInput.document(bytes, path: "fuzz/archive.bin"), [stage])
    if bytes.count > 4, !bytes.starts(with: [0x50, 0x4B]) {
        FuzzInput.run(FuzzInput.document([0x50, 0x4B, 0x03, 0x04] + bytes, path: "fuzz/archive.zip"), [stage])
        var tar = [UInt8](repeating: 0, count: 512)
        tar.replaceSubrange(257..<263, with: Array("ustar\0".utf8))
        for (i, b) in bytes.prefix(100).enumerated() { tar[i] = b }
        FuzzInput.run(FuzzInput.document(tar + bytes.dropFirst(100), path: "fuzz/archive.tar"), [stage])
    }
    return 0
}
