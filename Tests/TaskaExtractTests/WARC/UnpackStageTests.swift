import Foundation
import Testing
import TaskaCore
import TaskaTestSupport
@testable import TaskaExtract

private typealias S = ContainerTestSupport

/// The project fixtures under Fixtures/warc (made by scripts/make-warc-fixtures.py).
@Suite struct UnpackFixtureTests {
    static let files = ["crawl-labarai.warc", "crawl-labarai.warc.gz", "crawl-labarai-wholefile.warc.gz"]

    @Test(arguments: files)
    func textRecordsBecomeDocuments(file: String) throws {
        let outputs = try S.unpack(file: fixturePath("warc/" + file))
        #expect(outputs.allSatisfy { $0.failure == nil })
        let docs = outputs.map(\.document)
        // warcinfo, request, response(ar), request, response(ha), revisit, resource(en), metadata.
        #expect(docs.map(\.subIndex) == [2, 4, 6])
        #expect(docs.map(\.mediaType) == ["text/html", "text/html", "text/plain"])
        #expect(docs.map(\.transportCharset) == ["windows-1256", "utf-8", "utf-8"])
        #expect(docs.map(\.source.uri) == ["http://ngala.example/kasuwa", "http://labarai.example/rijiyoyi", "http://baga.example/notice.txt"])
        #expect(docs[0].source.warcRecordId == "<urn:uuid:00000000-0000-4000-8000-000000000002>")
        #expect(docs[0].source.warcDate == "2024-03-03T08:02:00Z")
        // Chunked + gzip content coding undone.
        let hausa = String(decoding: docs[1].bytes, as: UTF8.self)
        #expect(hausa.contains("Ƙungiyar manoma ta ce an fara gyaran rijiyoyi"))
        #expect(hausa.hasPrefix("<!DOCTYPE html>"))
        // The Arabic payload is still windows-1256 bytes (Decode converts it with the HTTP charset).
        #expect(docs[0].bytes.contains(0xC7))
        #expect(docs.allSatisfy { $0.payloadPath == nil })
        // Skipped records are counted once, on the last document.
        let skipped = docs.last?.warnings.first { $0.code == "warc-records-skipped" }
        #expect(skipped?.count == 5)
        #expect(skipped?.message.contains("2 request") == true)
        #expect(skipped?.message.contains("1 revisit") == true)
        #expect(docs.dropLast().allSatisfy { $0.warnings.isEmpty })
    }

    @Test func truncatedLastMemberKeepsEarlierRecords() throws {
        let full = try fileBytes(fixturePath("warc/crawl-labarai.warc.gz"))
        // Cut inside the member of record #6 (the resource): the members are in record order.
        let records = try S.unpack(S.document(Array(full.prefix(full.count - 400)), path: "cut.warc.gz"))
        let docs = records.filter { $0.failure == nil }.map(\.document)
        #expect(docs.map(\.subIndex).prefix(2) == [2, 4])
        let failures = records.compactMap(\.failure)
        #expect(failures.count == 1)
        #expect(failures.first?.stage == "unpack")
        #expect(failures.first?.message.contains("truncated") == true)
        #expect(failures.first?.message.contains("cut.warc.gz") == true)
    }

    @Test func truncatedWholeFileGzipKeepsEarlierRecords() throws {
        let full = try fileBytes(fixturePath("warc/crawl-labarai-wholefile.warc.gz"))
        let records = try S.unpack(S.document(Array(full.prefix(full.count * 3 / 4)), path: "cut.warc.gz"))
        #expect(records.contains { $0.failure == nil })
        #expect(records.last?.failure?.message.contains("truncated") == true)
    }

    @Test func brokenRecordIsAnErrorRecordAndTheRestGoesOn() throws {
        let good = try fileBytes(fixturePath("warc/crawl-labarai.warc"))
        let bad = Array("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bad>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 73\r\n\r\nHTTP/1.0 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n3\r\naa\r\n0\r\n\r\n\r\n\r\n".utf8)
        let garbage = Array("this line is not a WARC header\r\nnor this\r\n".utf8)
        let outputs = try S.unpack(S.document(bad + garbage + good, path: "mixed.warc"))
        let failures = outputs.compactMap(\.failure)
        #expect(failures.count == 2)
        #expect(failures[0].message.contains("chunk"))
        #expect(outputs[0].document.source.warcRecordId == "<urn:uuid:bad>")
        #expect(failures[1].message.contains("expected a record header"))
        #expect(outputs.filter { $0.failure == nil }.count == 3)
    }

    @Test func plainGzipOfTextIsDecompressed() throws {
        let text = "Sanarwa: za a rufe kasuwa ranar Juma'a.\n"
        let gz = try gzip(Array(text.utf8))
        let outputs = try S.unpack(S.document(gz, path: "sanarwa.txt.gz"))
        #expect(outputs.count == 1)
        #expect(outputs[0].document.bytes == Array(text.utf8))
        #expect(outputs[0].document.subIndex == nil)
    }

    @Test func otherDocumentsPassThroughUnchanged() throws {
        let outputs = try S.unpack(S.document(Array("<html><body>x</body></html>".utf8)))
        #expect(outputs.count == 1)
        #expect(outputs[0].document.bytes == Array("<html><body>x</body></html>".utf8))
    }

    @Test func gzipBombIsRefused() throws {
        // 300 MB of zeros compress to about 300 KB: far over 200:1.
        let bomb = try gzip(zeros: 300 << 20)
        // With a high size limit, the ratio guard stops it (at about 100 MiB of output)…
        let outputs = try S.unpack(S.document(bomb, path: "bomb.gz"), options: UnpackOptions(maxRecordBytes: 1 << 30))
        #expect(outputs.count == 1)
        #expect(outputs[0].failure?.message.contains("decompression bomb") == true)
        // …with the default options the ratio guard starts at 16 MiB (a quarter of max-bytes)…
        let defaults = try S.unpack(S.document(bomb, path: "bomb.gz"))
        #expect(defaults[0].failure?.message.contains("decompression bomb") == true)
        // …and with no ratio guard the 64 MiB document limit stops it.
        let capped = try S.unpack(S.document(bomb, path: "bomb.gz"), options: UnpackOptions(maxRatio: 1_000_000))
        #expect(capped[0].failure?.message.contains("`max-bytes`") == true)
    }

    @Test func warcWithoutTextRecordsIsOneErrorRecord() throws {
        let info = Array("WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\nabcd\r\n\r\n".utf8)
        let outputs = try S.unpack(S.document(info, path: "info.warc"))
        #expect(outputs.count == 1)
        #expect(outputs[0].failure?.message.contains("1 warcinfo") == true)
    }

    /// gzip via the system `gzip` tool (tests only).
    private func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("taska-gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("f")
        try Data(bytes).write(to: file)
        try run("/bin/gzip", ["-n", file.path])
        return [UInt8](try Data(contentsOf: dir.appendingPathComponent("f.gz")))
    }

    private func gzip(zeros count: Int) throws -> [UInt8] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("taska-gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try run("/bin/sh", ["-c", "head -c \(count) /dev/zero | gzip -n > '\(dir.path)/z.gz'"])
        return [UInt8](try Data(contentsOf: dir.appendingPathComponent("z.gz")))
    }

    private func run(_ tool: String, _ args: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }
}

/// The shared reference samples (../shared/formats/warc): skipped when absent.
@Suite struct UnpackSampleTests {
    /// file -> (text records taken, their ordinals, failures).
    static let expected: [(String, [Int], Int)] = [
        ("CONSTRUCTED__ar_iso-8859-6_chunked.warc.gz", [1], 0),
        ("jwarc__cc.warc.gz", [0], 0),
        ("resiliparse__warcfile.warc.gz", Array(stride(from: 2, through: 47, by: 3)), 0),
        ("warcio__example.warc.gz", [2], 0),
        ("warcio__example-bad-non-chunked.warc.gz", [2], 0),
        ("warcio__example-iana.org-chunked.warc", [1], 0),
        ("warcio__example-wrong-chunks.warc.gz", [0], 0),
        ("warcat__bad_http_chunked_content.warc", [], 1),
    ]

    @Test(arguments: expected.map(\.0))
    func recordCounts(file: String) throws {
        guard let dir = sharedPath("formats/warc") else { return }
        let (_, ordinals, failures) = Self.expected.first { $0.0 == file }!
        let outputs = try S.unpack(file: dir + "/" + file)
        #expect(outputs.filter { $0.failure == nil }.map { $0.document.subIndex ?? -1 } == ordinals)
        #expect(outputs.compactMap(\.failure).count == failures)
        for output in outputs where output.failure == nil {
            #expect(output.document.source.uri != nil)
            #expect(output.document.source.warcRecordId?.hasPrefix("<urn:") == true)
            #expect(output.document.source.warcDate != nil)
            #expect(!output.document.bytes.isEmpty)
        }
    }

    @Test func resiliparseCharsetsComeFromHTTP() throws {
        guard let dir = sharedPath("formats/warc") else { return }
        let docs = try S.unpack(file: dir + "/resiliparse__warcfile.warc.gz").map(\.document)
        #expect(docs.count == 16)
        #expect(Set(docs.compactMap(\.transportCharset).map { $0.lowercased() }) == ["utf-8", "windows-1251", "gb2312"])
        #expect(docs.last?.warnings.first { $0.code == "warc-records-skipped" }?.count == 34)
    }

    @Test func chunkedIsoArabicHasNoTransportCharset() throws {
        guard let dir = sharedPath("formats/warc") else { return }
        let docs = try S.unpack(file: dir + "/CONSTRUCTED__ar_iso-8859-6_chunked.warc.gz").map(\.document)
        #expect(docs.count == 1)
        #expect(docs[0].transportCharset == nil)
        #expect(docs[0].mediaType == "text/plain")
        #expect(docs[0].bytes.count == 214)  // de-chunked: the uchardet sample, byte for byte
    }

    @Test(arguments: ["resiliparse__block-sized-records.warc.gz", "warcat__c1_warcinfo.warc", "warcio__post-test.warc.gz"])
    func noTextRecordMeansOneErrorForTheFile(file: String) throws {
        guard let dir = sharedPath("formats/warc") else { return }
        let outputs = try S.unpack(file: dir + "/" + file)
        #expect(outputs.count == 1)
        #expect(outputs[0].failure?.message.contains("nothing to extract") == true)
        #expect(outputs[0].document.subIndex == nil)
    }
}
