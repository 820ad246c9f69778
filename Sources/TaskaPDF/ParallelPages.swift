import Foundation

/// Runs per-page work on up to one thread per core and returns the results in page order.
///
/// Why: OCR of a page takes seconds and pages are independent; a 2-core machine reads two
/// pages at once.
enum ParallelPages {
    static func map<T: Sendable>(_ indices: Range<Int>, _ body: @Sendable (Int) -> T) -> [T?] {
        let slots = Slots<T>(count: indices.count)
        DispatchQueue.concurrentPerform(iterations: indices.count) { k in
            slots.set(k, body(indices.lowerBound + k))
        }
        return slots.values
    }

    /// Result slots filled from several threads under a lock.
    private final class Slots<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [T?]

        init(count: Int) { storage = [T?](repeating: nil, count: count) }

        func set(_ index: Int, _ value: T) {
            lock.lock()
            storage[index] = value
            lock.unlock()
        }

        var values: [T?] {
            lock.lock()
            defer { lock.unlock() }
            return storage
        }
    }
}
