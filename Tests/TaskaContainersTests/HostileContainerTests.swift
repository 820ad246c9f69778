import Testing
import TaskaCore
import TaskaTestSupport
@testable import TaskaContainers

/// Every hostile container of `scripts/make-container-fixtures.py` is refused within its
/// limits: an error record per bad member, the rest goes on, nothing crashes.
@Suite struct HostileContainerTests {
    @Test func aMemberBombIsRefusedBeforeItIsRead() throws {
        let out = try unarchive("containers-hostile/bomb-member.zip")
        #expect(out.count == 1)
        #expect(out[0].failureMessage?.contains("bomb-member.zip → 'zeros.txt': the member is larger than 67108864 bytes") == true)
    }

    @Test func aMemberBombWithARaisedSizeLimitHitsTheRatio() throws {
        let out = try unarchive("containers-hostile/bomb-member.zip",
                                options: UnarchiveOptions(maxMemberBytes: 1 << 30), limits: DocumentLimits(maxBytes: 1 << 30))
        #expect(out.count == 1)
        let message = out[0].failureMessage ?? ""
        #expect(message.contains("more than 200 times"), "\(message)")
    }

    @Test func overlappingEntriesAreReadOnce() throws {
        // libarchive reads each local entry once, so 40 central-directory names over one 8 MiB
        // entry cost 8 MiB, not 320 MiB.
        let out = try unarchive("containers-hostile/overlap.zip")
        #expect(out.count == 1)
        #expect(out.first?.document.source.container?.bytes == 8 << 20)
    }

    @Test func manySmallBombsStopAtTheOverallRatio() throws {
        let out = try unarchive("containers-hostile/many-zeros.zip")
        let failures = out.compactMap(\.failureMessage)
        #expect(failures.count == 1)
        #expect(failures.first?.contains("more than 200 times its size") == true)
        // 8 MiB each: the 100 MiB floor lets twelve through, the thirteenth stops the container.
        #expect(out.count == 13)
        #expect(out.last?.failureMessage != nil)
    }

    @Test func traversalNamesAreReadAndWarnedLinksAndDevicesSkipped() throws {
        let out = try unarchive("containers-hostile/traversal.tar")
        #expect(out.map(\.members) == [["../../etc/taska-evil.txt"], ["/tmp/taska-absolute.txt"], ["name\u{202E}cod.txt"]])
        #expect(out[0].document.warnings.contains { $0.code == "container-member-name-unsafe" })
        #expect(out[1].document.warnings.contains { $0.code == "container-member-name-unsafe" })
        #expect(!out[2].document.warnings.contains { $0.code == "container-member-name-unsafe" })
        let skipped = out[2].document.warnings.first { $0.code == "container-members-skipped" }
        #expect(skipped?.count == 3)
    }

    @Test func anEncryptedMemberIsAnErrorRecordAndTheOtherGoesOn() throws {
        let out = try unarchive("containers-hostile/encrypted.zip")
        #expect(out.count == 2)
        #expect(out[0].failureMessage == nil)
        #expect(out[1].failureMessage?.contains("→ 'secret.txt': the member is encrypted") == true)
    }

    @Test func aTruncatedZipKeepsTheMembersBeforeTheCut() throws {
        let out = try unarchive("containers-hostile/truncated.zip")
        let good = out.filter { $0.failureMessage == nil }
        #expect(!good.isEmpty)
        #expect(good.count < 4)
        #expect(out.contains { $0.failureMessage != nil })
    }

    @Test func nestingStopsAtMaxDepth() throws {
        let out = try unarchive("containers-hostile/deep.zip")
        let deepest = out.compactMap(\.failureMessage)
        #expect(deepest.count == 1)
        #expect(deepest.first?.contains("nested more than 4 deep") == true)
        #expect(out.filter { $0.failureMessage == nil }.count == 4)
    }

    @Test func memberCountIsLimited() throws {
        let out = try unarchive("containers/labarai.zip", options: UnarchiveOptions(maxMembers: 2))
        #expect(out.count == 2)
        #expect(out.last?.failureMessage?.contains("more than 2 members") == true)
    }

    @Test func totalBytesAreLimited() throws {
        let out = try unarchive("containers/labarai.zip", options: UnarchiveOptions(maxTotalBytes: 1000))
        #expect(out.last?.failureMessage?.contains("more than 1000 bytes in all") == true)
    }

    @Test func legacyAndOfficeFormatsSayWhatTheyAre() throws {
        #expect(try unarchive("containers-hostile/legacy.doc").first?.failureMessage?.contains("legacy Office compound") == true)
        #expect(try unarchive("containers-hostile/legacy.rtf").first?.failureMessage?.contains("Rich Text Format") == true)
    }

    @Test func anEmptyContainerSaysSo() throws {
        let out = try unarchive("containers-hostile/empty.zip")
        #expect(out.count == 1)
        #expect(out[0].failureMessage?.contains("holds no member") == true)
    }
}
