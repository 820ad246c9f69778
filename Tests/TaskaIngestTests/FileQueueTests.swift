import Foundation
import Testing
@testable import TaskaIngest

/// The bounded queue between the walker and the ingest workers.
@Suite struct FileQueueTests {
    @Test func itemsComeOutInOrderThroughASmallQueue() {
        let queue = FileQueue(capacity: 3)
        let producer = Thread {
            for i in 0..<200 { queue.put((i, InputFile(path: "f\(i)"))) }
            queue.close()
        }
        producer.start()
        var taken: [Int] = []
        while let (position, file) = queue.take() {
            #expect(file.path == "f\(position)")
            taken.append(position)
        }
        #expect(taken == Array(0..<200))
    }

    @Test func manyConsumersTakeEachItemOnce() {
        let queue = FileQueue(capacity: 8)
        let seen = Taken()
        let group = DispatchGroup()
        for _ in 0..<4 {
            group.enter()
            Thread {
                while let (position, _) = queue.take() { seen.add(position) }
                group.leave()
            }.start()
        }
        for i in 0..<500 { queue.put((i, InputFile(path: "f\(i)"))) }
        queue.close()
        group.wait()
        #expect(seen.sorted == Array(0..<500))
    }

    @Test func aClosedEmptyQueueGivesNil() {
        let queue = FileQueue(capacity: 2)
        queue.close()
        #expect(queue.take() == nil)
    }
}

/// Positions taken by several consumer threads.
private final class Taken: @unchecked Sendable {
    private let lock = NSLock()
    private var positions: [Int] = []
    func add(_ p: Int) { lock.withLock { positions.append(p) } }
    var sorted: [Int] { lock.withLock { positions.sorted() } }
}
