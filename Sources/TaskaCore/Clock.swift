import Foundation

extension Timestamp {
    /// The current wall-clock time.
    public static func now() -> Timestamp {
        let t = Date().timeIntervalSince1970
        let seconds = t.rounded(.down)
        return Timestamp(seconds: Int64(seconds), nanoseconds: Int32((t - seconds) * 1e9))
    }
}
