/// A page image in memory: 8-bit grey, row-major, 0 black to 255 white, with its resolution.
///
/// Why: rendered PDF pages and decoded image files reach OCR as plain Swift values, so no C
/// pointer crosses a module boundary.
public struct GrayImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// `width * height` bytes, one per pixel.
    public var pixels: [UInt8]
    /// Pixels per inch (0 when the source does not say).
    public var dpi: Int
    /// Ancillary PNG chunks (`tEXt`, `iCCP`, …) left out before decoding because their
    /// checksums failed; the picture itself was intact. Empty for an intact file.
    public var droppedChunks: [String] = []

    public init(width: Int, height: Int, pixels: [UInt8], dpi: Int) {
        precondition(pixels.count == width * height, "a GrayImage holds one byte per pixel")
        self.width = width
        self.height = height
        self.pixels = pixels
        self.dpi = dpi
    }

    /// The image at half the width and height (each pixel the mean of a 2 × 2 block).
    public func halved() -> GrayImage {
        let w = width / 2, h = height / 2
        guard w > 0, h > 0 else { return self }
        var out = [UInt8](repeating: 255, count: w * h)
        pixels.withUnsafeBufferPointer { p in
            for y in 0..<h {
                let a = 2 * y * width, b = a + width
                for x in 0..<w {
                    let sum = Int(p[a + 2 * x]) + Int(p[a + 2 * x + 1]) + Int(p[b + 2 * x]) + Int(p[b + 2 * x + 1])
                    out[y * w + x] = UInt8(sum / 4)
                }
            }
        }
        return GrayImage(width: w, height: h, pixels: out, dpi: dpi / 2)
    }
}
