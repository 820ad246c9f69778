import Testing
import TaskaTestSupport
@testable import TaskaOCR

@Suite struct PageRecognizerTests {
    @Test func aPNGIsDecodedToGreyPixels() throws {
        let image = try PageRecognizer.decodeImage(try fileBytes(fixturePath("pdf/sanarwa-ruwa-ha.png")), format: "PNG image",
                                                   path: "sanarwa-ruwa-ha.png", maxPixels: 40_000_000)
        #expect(image.width > 1000 && image.height > 500)
        #expect(image.pixels.count == image.width * image.height)
        // A white page with dark print: mostly white, some black.
        #expect(image.pixels.filter { $0 > 200 }.count > image.pixels.count / 2)
        #expect(image.pixels.contains { $0 < 80 })
    }

    @Test func aLatinScriptPageIsReadWithTheLatinModelAndItsWordConfidences() throws {
        let image = try PageRecognizer.decodeImage(try fileBytes(fixturePath("pdf/sanarwa-ruwa-ha.png")), format: "PNG image",
                                                   path: "sanarwa-ruwa-ha.png", maxPixels: 40_000_000)
        let page = try PageRecognizer().recognize(image, path: "sanarwa-ruwa-ha.png")
        #expect(page.model == "Latin")
        #expect(page.lines.map(\.text).joined(separator: " ").contains("Hukumar ruwa ta sanar"))
        #expect(page.lines.allSatisfy { $0.wordConfidences.count == $0.text.split(separator: " ").count })
        #expect((page.meanConfidence ?? 0) > 0.8)
        #expect(!page.timedOut)
    }

    @Test func anImageOverThePixelLimitIsRefusedBeforeDecoding() throws {
        #expect {
            try PageRecognizer.decodeImage(try fileBytes(fixturePath("pdf/sanarwa-ruwa-ha.png")), format: "PNG image",
                                           path: "big.png", maxPixels: 10_000)
        } throws: { error in
            guard let e = error as? OCRError, case .tooManyPixels = e.reason else { return false }
            return e.description.contains("max-page-pixels")
        }
    }

    @Test func bytesThatAreNoImageAreRefused() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        #expect {
            try PageRecognizer.decodeImage(png, format: "PNG image", path: "broken.png", maxPixels: 40_000_000)
        } throws: { error in
            (error as? OCRError)?.reason == .unreadableImage(format: "PNG image")
        }
    }

    @Test func halvingAveragesBlocksOfFourPixels() {
        let image = GrayImage(width: 4, height: 2, pixels: [0, 100, 200, 200, 0, 100, 0, 40], dpi: 300)
        let half = image.halved()
        #expect(half == GrayImage(width: 2, height: 1, pixels: [50, 110], dpi: 150))
    }
}
