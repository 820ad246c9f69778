/// Where serialised records go, one JSON object per line: a JSON Lines file, standard output.
///
/// The ingest runner serialises each record once (the archive stores the same bytes) and calls
/// a sink from one writer at a time, in input order.
public protocol RecordSink: AnyObject {
    /// Writes one serialised record (without its newline). Throwing stops the run: a sink
    /// failure is never a document failure.
    func writeLine(_ bytes: [UInt8]) throws
    /// Hands buffered lines to the operating system (a checkpoint; no fsync).
    func flushBuffered() throws
    /// Flushes and makes the output durable.
    func finish() throws
}
