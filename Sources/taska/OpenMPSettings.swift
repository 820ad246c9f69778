import Foundation

/// Makes sure Tesseract's OpenMP runtime runs one thread per OCR call, by restarting the
/// process with `OMP_THREAD_LIMIT=1` when the variable is not set.
///
/// Why: Tesseract's LSTM asks OpenMP for four threads per layer; Taska already OCRs one page per
/// core, and on a busy or pinned core those threads spin on each other (a one-page scan took
/// 23 s instead of 7 s, most of it in futex calls). libgomp reads the limit once, when it is
/// loaded, before `main` runs, so setting it later has no effect: the process must start with it.
enum OpenMPSettings {
    /// Restarts this process (same arguments) with `OMP_THREAD_LIMIT=1` unless it is set
    /// already; returns only when no restart was needed or it failed.
    static func ensureOneThreadPerCall() {
        guard getenv("OMP_THREAD_LIMIT") == nil else { return }
        setenv("OMP_THREAD_LIMIT", "1", 1)
        let arguments = CommandLine.unsafeArgv
        // execv returns only on failure; then go on with OpenMP's own threads.
        _ = execv("/proc/self/exe", arguments)
    }
}
