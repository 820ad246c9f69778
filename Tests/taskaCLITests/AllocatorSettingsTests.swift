import Testing
@testable import taska

/// The allocator thresholds reach glibc (a header that failed to see glibc would make the
/// setting a silent no-op, as a first version did).
@Suite struct AllocatorSettingsTests {
    @Test func glibcTakesTheThresholds() {
        #if os(Linux) && canImport(Glibc)
        #expect(AllocatorSettings.applyForBatchWork() == true)
        #else
        #expect(AllocatorSettings.applyForBatchWork() == nil)
        #endif
    }
}
