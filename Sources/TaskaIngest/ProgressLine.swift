import Foundation

/// Formats the one-line progress and the closing summary of `taska ingest`.
public enum ProgressLine {
    /// `1,204 files · 38.2 MB · 11.4 MB/s · 3 failed`
    public static func progress(_ p: IngestProgress) -> String {
        let rate = p.seconds > 0 ? Double(p.bytes) / p.seconds : 0
        var line = "\(p.files) files · \(megabytes(p.bytes)) · \(megabytes(Int(rate)))/s"
        if p.failures > 0 { line += " · \(p.failures) failed" }
        return line
    }

    /// The closing summary, e.g.
    /// `Ingested 36 files: 35 records, 1 error record, 4 warnings; 1.2 MB in 0.41 s (2.9 MB/s, 88 files/s).`
    public static func summary(_ s: IngestSummary, destination: String?) -> String {
        let rate = s.seconds > 0 ? Double(s.bytes) / s.seconds : 0
        let filesPerSecond = s.seconds > 0 ? Double(s.files) / s.seconds : 0
        var text = "Ingested \(s.files) \(plural(s.files, "file")): \(s.documents) \(plural(s.documents, "record")), "
            + "\(s.failures) error \(plural(s.failures, "record")), \(s.warnings) \(plural(s.warnings, "warning")); "
            + "\(megabytes(s.bytes)) in \(String(format: "%.2f", s.seconds)) s "
            + "(\(megabytes(Int(rate)))/s, \(String(format: "%.0f", filesPerSecond)) files/s)"
        if let destination { text += " -> \(destination)" }
        text += "."
        for problem in s.walkProblems { text += "\nskipped: \(problem)" }
        return text
    }

    static func plural(_ n: Int, _ word: String) -> String { n == 1 ? word : word + "s" }

    static func megabytes(_ bytes: Int) -> String {
        if bytes < 1_000_000 { return String(format: "%.1f kB", Double(bytes) / 1000) }
        return String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
