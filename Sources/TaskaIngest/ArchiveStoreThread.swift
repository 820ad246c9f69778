import Foundation
import TaskaStore

/// Stores archive batches on a thread of its own, in the order they are handed over.
///
/// Why: the archive has one writer, and a worker that stored its batch itself held the ingest's
/// ordering lock meanwhile, so the other workers waited on SQLite instead of parsing (an ingest
/// into a large archive ran on 1.1–1.2 of 2 cores). At most `capacity` batches wait; `submit`
/// blocks past that, so the writer sets the pace and memory stays bounded.
final class ArchiveStoreThread: @unchecked Sendable {
    private let archive: Archive
    private let condition = NSCondition()
    private var queue: [[ArchivedFile]] = []
    private var storing = false
    private var closed = false
    private var failure: (any Error)?
    private let capacity: Int

    init(archive: Archive, capacity: Int = 4) {
        self.archive = archive
        self.capacity = max(1, capacity)
        let thread = Thread { [self] in run() }
        thread.name = "taska.ingest.archive"
        thread.start()
    }

    /// Queues `batch` behind the batches already handed over; throws the error of an earlier
    /// store (after which nothing more is stored).
    func submit(_ batch: [ArchivedFile]) throws {
        guard !batch.isEmpty else { return }
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && failure == nil { condition.wait() }
        if let failure { throw failure }
        queue.append(batch)
        condition.broadcast()
    }

    /// Waits until every batch handed over is stored; throws the first store error.
    func drain() throws {
        condition.lock()
        defer { condition.unlock() }
        while (!queue.isEmpty || storing) && failure == nil { condition.wait() }
        if let failure { throw failure }
    }

    /// The first store error, if any.
    var error: (any Error)? { condition.withLock { failure } }

    /// Lets the thread end once the queue is empty (call after `drain`).
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            guard !queue.isEmpty else {
                condition.unlock()
                return
            }
            // Every batch waiting goes into one transaction: when the writer is behind, its
            // commits (and the pages each one rewrites) grow fewer instead of its queue longer.
            let batches = queue
            queue.removeAll(keepingCapacity: true)
            storing = true
            condition.unlock()
            var stored: (any Error)?
            do { try archive.store(batches.count == 1 ? batches[0] : Array(batches.joined())) } catch { stored = error }
            condition.lock()
            storing = false
            if let stored, failure == nil {
                failure = stored
                queue.removeAll()
            }
            condition.broadcast()
            condition.unlock()
        }
    }
}
