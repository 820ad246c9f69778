/// Where records go: JSON Lines, the archive, memory.
///
/// Sinks are called from one writer at a time (the ingest runner serialises writes).
public protocol RecordSink: AnyObject {
    /// Writes one record. Throwing stops the run: a sink failure is never a document failure.
    func write(_ record: Record) throws
    /// Flushes buffered output.
    func finish() throws
}

/// Keeps records in memory; for tests and small programs.
public final class MemorySink: RecordSink {
    public private(set) var records: [Record] = []
    public init() {}
    public func write(_ record: Record) throws { records.append(record) }
    public func finish() throws {}
}
