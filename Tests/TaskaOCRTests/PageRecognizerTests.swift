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

    @Test func tesseractIsLoadedOnFirstUseWithSerialOpenMP() {
        #expect(TesseractEngine.loadError == nil)
        #expect(TesseractEngine.openMPSerial)
        #expect(TesseractEngine.missing("Latin") == .modelMissing(model: "Latin"))
    }

    @Test func recognitionStopsAtItsDeadline() throws {
        let image = try PageRecognizer.decodeImage(try fileBytes(fixturePath("pdf/sanarwa-ruwa-ha.png")), format: "PNG image",
                                                   path: "sanarwa-ruwa-ha.png", maxPixels: 40_000_000)
        let page = try #require(TesseractEnginePool.shared.withEngine("Latin") { $0.recognize(image, seconds: 0.001) })
        #expect(page.timedOut)
        let whole = try #require(TesseractEnginePool.shared.withEngine("Latin") { $0.recognize(image, seconds: 60) })
        #expect(!whole.timedOut && !whole.lines.isEmpty)
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

    @Test func aPageAlreadyRecognisedInThisRunComesFromTheCache() throws {
        let image = try PageRecognizer.decodeImage(try fileBytes(fixturePath("pdf/sanarwa-ruwa-ha.png")), format: "PNG image",
                                                   path: "sanarwa-ruwa-ha.png", maxPixels: 40_000_000)
        // The top half only, so no other test recognises the same pixels.
        let rows = image.height / 2
        let top = GrayImage(width: image.width, height: rows, pixels: Array(image.pixels[0..<(rows * image.width)]), dpi: image.dpi)
        let first = try PageRecognizer(models: .latin).recognize(top, path: "top.png")
        let hits = OCRCache.shared.hits
        let second = try PageRecognizer(models: .latin).recognize(top, path: "top-again.png")
        #expect(second == first)
        #expect(OCRCache.shared.hits > hits)
    }

    @Test func theCacheKeepsItsNewestPagesAndNoTimedOutOnes() {
        let cache = OCRCache(capacity: 2)
        func key(_ n: UInt8) -> OCRCache.Key {
            OCRCache.key(GrayImage(width: 1, height: 1, pixels: [n], dpi: 300), models: .latin)
        }
        let page = OCRPage(lines: [], model: "Latin", timedOut: false)
        cache.store(page, for: key(1))
        cache.store(page, for: key(2))
        cache.store(page, for: key(3))
        cache.store(OCRPage(lines: [], model: "Latin", timedOut: true), for: key(4))
        #expect(cache.page(for: key(1)) == nil)
        #expect(cache.page(for: key(2)) == page)
        #expect(cache.page(for: key(3)) == page)
        #expect(cache.page(for: key(4)) == nil)
        #expect(OCRCache.key(GrayImage(width: 1, height: 1, pixels: [1], dpi: 300), models: .arabic) != key(1))
    }

    @Test func tesseractsReadingsOfAHookedDAreReadAsOne() {
        #expect(LatinOCRLetters.readingHookedD("faďan faďdan wadďanda kadďđai Sharađďa") == "faɗan faɗan waɗanda kaɗai Sharaɗa")
        #expect(LatinOCRLetters.readingHookedD("Ďan ðaya Dďaura") == "Ɗan ɗaya Ɗaura")
        // Plain d runs, and text without those letters, are left as read.
        #expect(LatinOCRLetters.readingHookedD("haddasa da Daura") == "haddasa da Daura")
        #expect(LatinOCRLetters.readingHookedD("") == "")
    }
}
