import Foundation

/// Turns a prediction's evidence into a confidence in [0, 1] that means "probability that the
/// reported label is right": a logistic regression over
/// `[1, p1, margin, length, coverage]`, fitted on held-out training text at several lengths.
enum Calibrator {
    static let featureCount = 5

    /// The inputs of the calibration model.
    static func inputs(p1: Float, p2: Float, letters: Int, coverage: Float) -> [Float] {
        let margin = min(logf(max(p1, 1e-6) / max(p2, 1e-6)), 10) / 10
        let length = min(logf(1 + Float(letters)), 6.5) / 6.5
        return [1, p1, margin, length, coverage]
    }

    static func confidence(_ x: [Float], _ coefficients: [Float]) -> Float {
        var z: Float = 0
        for i in 0..<min(x.count, coefficients.count) { z += x[i] * coefficients[i] }
        return 1 / (1 + expf(-z))
    }

    /// Fits the coefficients by full-batch gradient descent in a fixed order (deterministic).
    static func fit(_ samples: [[Float]], _ correct: [Bool], iterations: Int = 3000, rate: Float = 2) -> [Float] {
        var w = [Float](repeating: 0, count: featureCount)
        guard !samples.isEmpty else { return w }
        let n = Float(samples.count)
        var gradient = [Float](repeating: 0, count: featureCount)
        for _ in 0..<iterations {
            for i in 0..<featureCount { gradient[i] = 0 }
            for (x, y) in zip(samples, correct) {
                let g = confidence(x, w) - (y ? 1 : 0)
                for i in 0..<featureCount { gradient[i] += g * x[i] }
            }
            for i in 0..<featureCount { w[i] -= rate * gradient[i] / n }
        }
        return w
    }
}
