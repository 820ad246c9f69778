import Foundation
import TaskaCore

/// Recognised pages kept for the rest of the run, keyed by the SHA-256 of the page's pixels.
///
/// Why: an archive holds the same scan many times (a letterhead page, a communiqué reposted as
/// the same image, one PDF saved twice); OCR of a page costs seconds, hashing it milliseconds.
/// Bounded (`capacity` pages, oldest out first); results cut short by the time limit are not kept.
final class OCRCache: @unchecked Sendable {
    static let shared = OCRCache(capacity: 512)

    /// What identifies a recognition: the pixels, their shape and the model choice asked for.
    struct Key: Hashable {
        var digest: [UInt8]
        var width: Int, height: Int
        var models: String
    }

    private let lock = NSLock()
    private let capacity: Int
    private var pages: [Key: OCRPage] = [:]
    private var order: [Key] = []
    private var hitCount = 0

    /// Pages answered from the cache so far.
    var hits: Int {
        lock.lock()
        defer { lock.unlock() }
        return hitCount
    }

    init(capacity: Int) { self.capacity = max(capacity, 1) }

    static func key(_ image: GrayImage, models: OCRModels) -> Key {
        var hasher = SHA256()
        image.pixels.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return Key(digest: hasher.finalize(), width: image.width, height: image.height, models: models.rawValue)
    }

    func page(for key: Key) -> OCRPage? {
        lock.lock()
        defer { lock.unlock() }
        guard let page = pages[key] else { return nil }
        hitCount += 1
        return page
    }

    func store(_ page: OCRPage, for key: Key) {
        guard !page.timedOut else { return }
        lock.lock()
        defer { lock.unlock() }
        guard pages.updateValue(page, forKey: key) == nil else { return }
        order.append(key)
        if order.count > capacity { pages[order.removeFirst()] = nil }
    }
}

/// At most one page recognised per core in the whole process, whatever the number of jobs.
///
/// Why: each ingest job OCRs its document's pages in parallel; with `--jobs 2` on two cores,
/// two scanned PDFs would otherwise run four recognitions at once and slow every page down.
enum OCRCores {
    private static let semaphore = DispatchSemaphore(value: max(1, ProcessInfo.processInfo.activeProcessorCount))

    static func run<T>(_ body: () throws(OCRError) -> T) throws(OCRError) -> T {
        semaphore.wait()
        defer { semaphore.signal() }
        return try body()
    }
}
