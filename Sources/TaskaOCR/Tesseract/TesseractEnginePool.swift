import Foundation

/// Loaded Tesseract engines kept for reuse, per model; a thread checks one out, uses it and
/// returns it.
///
/// Why: loading `Latin` or `ara` takes a large part of a second, longer than recognising a
/// small image; several worker threads may OCR at once, each needing its own engine.
/// Tesseract's own OpenMP threads are turned off (`TesseractEngine.openMPSerial`): the pool's
/// workers are the parallelism.
final class TesseractEnginePool: @unchecked Sendable {
    static let shared = TesseractEnginePool()

    private let lock = NSLock()
    private var idle: [String: [TesseractEngine]] = [:]

    private init() {}

    /// Runs `body` with an engine for `model`; nil when the model is not installed.
    func withEngine<T>(_ model: String, _ body: (TesseractEngine) -> T) -> T? {
        lock.lock()
        let engine = idle[model]?.popLast()
        lock.unlock()
        guard let engine = engine ?? TesseractEngine(model: model) else { return nil }
        let result = body(engine)
        lock.lock()
        idle[model, default: []].append(engine)
        lock.unlock()
        return result
    }
}
