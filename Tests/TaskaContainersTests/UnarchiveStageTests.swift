import Testing
import TaskaCore
import TaskaTestSupport
@testable import TaskaContainers

/// Runs the Unarchive stage alone through a pipeline, so per-member failures show as failures.
func unarchive(_ relative: String, options: UnarchiveOptions = UnarchiveOptions(),
               limits: DocumentLimits = DocumentLimits()) throws -> [Pipeline.Output] {
    let path = fixturePath(relative)
    let bytes = try fileBytes(path)
    let doc = SourceDocument(source: SourceInfo(path: "Fixtures/" + relative, bytes: bytes.count, sha256: SHA256.hex(of: bytes)), bytes: bytes)
    return try Pipeline(name: "t", version: "0", stages: [UnarchiveStage(options: options)], limits: limits).collect(doc)
}

extension Pipeline.Output {
    var document: SourceDocument {
        switch self {
        case let .document(d): return d
        case let .failure(d, _): return d
        }
    }

    var failureMessage: String? {
        if case let .failure(_, f) = self { return f.message }
        return nil
    }

    /// The member chain without the container's own path.
    var members: [String] { Array(document.source.container?.chain.dropFirst() ?? []) }
}

@Suite struct UnarchiveStageTests {
    @Test func aZipGivesOneDocumentPerMemberInOrder() throws {
        let out = try unarchive("containers/labarai.zip")
        #expect(out.map(\.members) == [["labarai/ha/sanarwa-ruwa.txt"], ["labarai/ar/khabar-markaz-sihhi.html"],
                                       ["labarai/knc-Latn/labar-kasuwu.txt"], ["labarai/en/notice-canoes.txt"]])
        #expect(out.allSatisfy { $0.failureMessage == nil })
        let first = out[0].document
        #expect(first.source.container?.chain.first == "Fixtures/containers/labarai.zip")
        #expect(first.source.container?.sha256 == SHA256.hex(of: first.bytes))
        #expect(first.source.container?.bytes == first.bytes.count)
        #expect(String(decoding: first.bytes, as: UTF8.self).hasPrefix("Sanarwa daga kwamitin ruwa"))
        #expect(out.map(\.document.id) == (0..<4).map { "\(first.source.sha256)#m\($0)" })
        // The hidden .DS_Store is skipped and counted on the last document.
        #expect(out[3].document.warnings.contains { $0.code == "container-members-skipped" && $0.count == 1 })
    }

    @Test func membersLeaveTheStageWithoutADeadlineSoEachGetsItsOwnBudget() throws {
        let bytes = try fileBytes(fixturePath("containers/labarai.zip"))
        var doc = SourceDocument(source: SourceInfo(path: "a.zip", bytes: bytes.count, sha256: "00"), bytes: bytes)
        doc.restartDeadline()
        var out: [SourceDocument] = []
        try UnarchiveStage().process(doc) { out.append($0) }
        #expect(out.count == 4)
        #expect(out.allSatisfy { $0.deadline == nil })
    }

    @Test func aLaterStageFailureNamesTheMember() throws {
        struct Refusing: Stage {
            struct Refused: DocumentError { var description: String }
            var name: String { "refuse" }
            var configuration: String { "" }
            func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
                throw Refused(description: "\(document.source.path): refused")
            }
        }
        let bytes = try fileBytes(fixturePath("containers-hostile/traversal.tar"))
        let doc = SourceDocument(source: SourceInfo(path: "t.tar", bytes: bytes.count, sha256: "00"), bytes: bytes)
        let out = try Pipeline(name: "t", version: "0", stages: [UnarchiveStage(), Refusing()]).collect(doc)
        #expect(out.map(\.failureMessage) == [
            "t.tar: refused (archive member '../../etc/taska-evil.txt')",
            "t.tar: refused (archive member '/tmp/taska-absolute.txt')",
            "t.tar: refused (archive member 'name\\u{202E}cod.txt')",
        ])
    }

    @Test func aTarGzIsOpenedAndItsSymlinkSkipped() throws {
        let out = try unarchive("containers/labarai.tar.gz")
        #expect(out.count == 4)
        #expect(out.map(\.members).first == ["ha/sanarwa-ruwa.txt"])
        let warning = out.last?.document.warnings.first { $0.code == "container-members-skipped" }
        #expect(warning?.message.contains("1 symbolic links") == true)
    }

    @Test func nestedContainersGiveTheWholeChain() throws {
        let out = try unarchive("containers/nested.zip")
        #expect(out.map(\.members) == [
            ["bundle.tar", "bundle/ha-sanarwa.txt"],
            ["bundle.tar", "bundle/inner.zip", "knc-Arab/labar-kasuwu.txt"],
            ["bundle.tar", "bundle/inner.zip", "en/notice-canoes.txt"],
            ["ar/khabar.html"],
        ])
        #expect(Set(out.map(\.document.id)).count == 4)
    }

    @Test func aWACZGivesItsWARCAndSkipsItsIndexes() throws {
        let out = try unarchive("containers/crawl.wacz")
        #expect(out.map(\.members) == [["archive/data.warc.gz"]])
        let skipped = out[0].document.warnings.first { $0.code == "container-members-skipped" }
        #expect(skipped?.count == 3)
        #expect(skipped?.message.contains("3 WACZ indexes and metadata") == true)
    }

    @Test func aSevenZipAndARARGiveTheSameMembersAsTheTarGz() throws {
        let tar = try unarchive("containers/labarai.tar.gz")
        for fixture in ["containers/labarai.7z", "containers/labarai.rar"] {
            let out = try unarchive(fixture)
            #expect(out.allSatisfy { $0.failureMessage == nil }, "\(fixture)")
            #expect(out.map(\.members) == tar.map(\.members), "\(fixture)")
            #expect(out.map(\.document.source.container?.sha256) == tar.map(\.document.source.container?.sha256), "\(fixture)")
            #expect(out.map(\.document.bytes) == tar.map(\.document.bytes), "\(fixture)")
        }
    }

    @Test func aSevenZipInsideAZipIsReadAndAnEmptyZipInsideIsAnErrorRecord() throws {
        // 7z needs a seekable source, so a nested one is taken into memory; an empty nested
        // container says so, as the same file alone does.
        let outer = StoredZip.bytes([("bundle/labarai.7z", try fileBytes(fixturePath("containers/labarai.7z"))),
                                     ("bundle/empty.zip", try fileBytes(fixturePath("containers-hostile/empty.zip"))),
                                     ("note.txt", Array("Sanarwa ga jama'a.".utf8))])
        let doc = SourceDocument(source: SourceInfo(path: "outer.zip", bytes: outer.count, sha256: "00"), bytes: outer)
        let out = try Pipeline(name: "t", version: "0", stages: [UnarchiveStage()]).collect(doc)
        #expect(out.map(\.members) == [
            ["bundle/labarai.7z", "ha/sanarwa-ruwa.txt"], ["bundle/labarai.7z", "ar/khabar-markaz-sihhi.html"],
            ["bundle/labarai.7z", "knc-Latn/labar-kasuwu.txt"], ["bundle/labarai.7z", "en/notice-canoes.txt"],
            ["bundle/empty.zip"], ["note.txt"],
        ])
        #expect(out.prefix(4).allSatisfy { $0.failureMessage == nil })
        #expect(out[4].failureMessage == "outer.zip → 'bundle/empty.zip': the container holds no member that is a document (1 entry: folders, links or hidden members); nothing to extract")
    }

    @Test func aRARThatIsNoRARIsAnErrorThatNamesTheFormat() throws {
        let out = try unarchive("containers-hostile/broken.rar")
        #expect(out.count == 1)
        let message = out.first?.failureMessage ?? ""
        #expect(message.hasPrefix("Fixtures/containers-hostile/broken.rar: could not open this RAR container: "), "\(message)")
        #expect(!message.contains("unknown libarchive error"), "\(message)")
        #expect(message.contains("repack it as ZIP or TAR"), "\(message)")
    }

    @Test func aTelegramExportIsHeldBackUntilItsMediaHaveStreamedPast() throws {
        let out = try unarchive("containers/telegram-export.zip")
        let folder = "ChatExport_2026-03-14/"
        // result.json comes between the two media files in the zip; it leaves the stage last,
        // keeping its archive-order ordinal (#m1).
        #expect(out.map(\.members) == [[folder + "files/sanarwa-ruwa.txt"], [folder + "files/notice-canoes.txt"], [folder + "result.json"]])
        #expect(out.map { $0.document.source.container?.ordinal } == [0, 2, 1])
        let export = try #require(out.last?.document)
        let members = try #require(export.folderMembers)
        #expect(members.complete)
        #expect(Set(members.files.keys) == ["files/sanarwa-ruwa.txt", "result.json", "files/notice-canoes.txt"])
        for media in out.dropLast().map(\.document) {
            let name = String(media.source.container!.chain.last!.dropFirst(folder.count))
            #expect(members.files[name] == FolderMembers.Digest(bytes: media.bytes.count, sha256: SHA256.hex(of: media.bytes)))
        }
        #expect(out.dropLast().allSatisfy { $0.document.folderMembers == nil })
        #expect(export.warnings.isEmpty)
    }

    @Test func exportPagesPastTheHoldBudgetGoOutAtOnceWithWhatWasSeen() {
        var hold = ChatExportHold(budget: 10)
        hold.record("x/photos/a.jpg", bytes: 3, sha256: "aa")
        hold.record("y/photos/b.jpg", bytes: 4, sha256: nil)
        var small = SourceDocument(source: SourceInfo(path: "c.zip", bytes: 1, sha256: "00"), bytes: Array("{}".utf8))
        #expect(hold.hold(small, name: "y/result.json") == nil)
        small.bytes = [UInt8](repeating: 0x20, count: 20)
        let early = hold.hold(small, name: "x/messages2.html")
        #expect(early?.folderMembers == FolderMembers(files: ["photos/a.jpg": .init(bytes: 3, sha256: "aa")], complete: false))
        let released = hold.release(complete: true)
        #expect(released.count == 1)
        #expect(released.first?.folderMembers == FolderMembers(files: ["photos/b.jpg": .init(bytes: 4, sha256: nil)], complete: true))
        #expect(hold.release(complete: true).isEmpty)
    }

    @Test func exportPagesAreNamedAsTelegramDesktopNamesThem() {
        for name in ["result.json", "ChatExport_2026-03-14/result.json", "a/messages.html", "messages12.html"] {
            #expect(ChatExportHold.isExportPage(name), "\(name)")
        }
        for name in ["results.json", "a/result.json/x", "messages-old.html", "messages.htm", "a/messagesx.html", "messages٣.html"] {
            #expect(!ChatExportHold.isExportPage(name), "\(name)")
        }
        #expect(ChatExportHold.folder(of: "a/b/result.json") == "a/b/")
        #expect(ChatExportHold.folder(of: "result.json") == "")
    }

    @Test func aGzipThatHoldsNoArchivePassesThrough() throws {
        let text = Array("Sanarwa ga jama'a: kasuwa za ta buɗe gobe.\n".utf8)
        var gz: [UInt8] = [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03]
        gz += [0x01, UInt8(text.count & 0xFF), UInt8(text.count >> 8), UInt8(~text.count & 0xFF), UInt8((~text.count >> 8) & 0xFF)]
        gz += text
        let crc = CRC32.of(text)
        gz += [UInt8(crc & 0xFF), UInt8((crc >> 8) & 0xFF), UInt8((crc >> 16) & 0xFF), UInt8(crc >> 24)]
        gz += [UInt8(text.count & 0xFF), UInt8(text.count >> 8), 0, 0]
        let doc = SourceDocument(source: SourceInfo(path: "note.gz", bytes: gz.count, sha256: "00"), bytes: gz)
        let out = try Pipeline(name: "t", version: "0", stages: [UnarchiveStage()]).collect(doc)
        #expect(out.count == 1)
        #expect(out.first?.document.bytes == gz)
        #expect(out.first?.document.source.container == nil)
    }

    @Test func otherDocumentsPassUnchanged() throws {
        let bytes = Array("<html><body><p>Labari</p></body></html>".utf8)
        let doc = SourceDocument(source: SourceInfo(path: "a.html", bytes: bytes.count, sha256: "00"), bytes: bytes)
        let out = try Pipeline(name: "t", version: "0", stages: [UnarchiveStage()]).collect(doc)
        #expect(out.count == 1 && out[0].document.bytes == bytes && out[0].failureMessage == nil)
    }

    @Test func sniffingIsByContent() {
        #expect(ContainerKind.of(Array("PK\u{03}\u{04}".utf8) + [UInt8](repeating: 0, count: 30)) == .zip)
        #expect(ContainerKind.of([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0, 4]) == .sevenZip)
        #expect(ContainerKind.of(Array("BZh9".utf8)) == .bzip2)
        #expect(ContainerKind.of(Array("BZ is not bzip2".utf8)) == nil)
        var tar = [UInt8](repeating: 0, count: 512)
        tar.replaceSubrange(257..<262, with: Array("ustar".utf8))
        #expect(ContainerKind.of(tar) == .tar)
        #expect(ContainerKind.of(Array("WARC/1.1\r\n".utf8)) == nil)
    }

    @Test func memberNamesAreJudgedAndEscaped() {
        #expect(ContainerWalk.isUnsafe(Array("../../etc/x".utf8)))
        #expect(ContainerWalk.isUnsafe(Array("/abs".utf8)))
        #expect(ContainerWalk.isUnsafe(Array("C:\\x".utf8)))
        #expect(!ContainerWalk.isUnsafe(Array("a/b..c/d".utf8)))
        #expect(ContainerWalk.isHidden(Array("a/.git/config".utf8)))
        #expect(ContainerWalk.isHidden(Array("__MACOSX/._a.txt".utf8)))
        #expect(!ContainerWalk.isHidden(Array("./a.txt".utf8)))
        #expect(ContainerWalk.safe("name\u{202E}cod.txt") == "'name\\u{202E}cod.txt'")
    }
}

/// A tiny CRC-32 for the test's hand-made gzip member.
enum CRC32 {
    static func of(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
