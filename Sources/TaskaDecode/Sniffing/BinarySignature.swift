import TaskaCore

/// Magic numbers of binary formats that can turn up among scraped files.
///
/// Formats Taska reads in another stage (gzip and WARC containers, opened by unpack; PDFs and
/// page images, read by extract's PDF and OCR readers) pass through undecoded; every other
/// match means the file is not text and is refused with a message that says what it is.
struct BinarySignature: Sendable {
    /// Media type of the format.
    var mediaType: String
    /// How a person would call it, with an article: "a PNG image".
    var description: String
    /// Offset of the magic bytes.
    var offset: Int
    /// The magic bytes.
    var magic: [UInt8]
    /// Whether a NUL byte must appear in the first bytes too (for short ASCII-looking magics).
    var needsBinaryTail = false
    /// Whether Taska reads this format in another stage (the Decode stage lets it through).
    var isContainer = false
    /// How far into the file the magic may start (PDF allows junk before `%PDF-`); 0: at `offset`.
    var searchWindow = 0

    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if searchWindow > 0 {
            let window = UnsafeBufferPointer(rebasing: bytes[..<min(bytes.count, searchWindow + magic.count)])
            return ByteSearch.index(of: "%PDF-", in: window, from: 0) != nil
        }
        guard bytes.count >= offset + magic.count else { return false }
        for (k, m) in magic.enumerated() where bytes[offset + k] != m { return false }
        if needsBinaryTail {
            let end = min(bytes.count, 512)
            var i = 0
            while i < end { if bytes[i] == 0 { return true }; i += 1 }
            return false
        }
        return true
    }

    private static func ascii(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// Known signatures, longest and most specific first.
    static let all: [BinarySignature] = [
        BinarySignature(mediaType: "image/png", description: "a PNG image", offset: 0, magic: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], isContainer: true),
        BinarySignature(mediaType: "application/vnd.sqlite3", description: "an SQLite database", offset: 0, magic: ascii("SQLite format 3") + [0]),
        BinarySignature(mediaType: "application/x-ole-storage", description: "a Microsoft Office (OLE2) document", offset: 0, magic: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        BinarySignature(mediaType: "application/x-7z-compressed", description: "a 7-Zip archive", offset: 0, magic: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]),
        BinarySignature(mediaType: "application/x-xz", description: "an xz-compressed file", offset: 0, magic: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
        BinarySignature(mediaType: "application/vnd.rar", description: "a RAR archive", offset: 0, magic: ascii("Rar!") + [0x1A, 0x07]),
        BinarySignature(mediaType: "image/gif", description: "a GIF image", offset: 0, magic: ascii("GIF87a")),
        BinarySignature(mediaType: "image/gif", description: "a GIF image", offset: 0, magic: ascii("GIF89a")),
        // A PDF reader must accept a header anywhere in the first 1024 bytes (ISO 32000-1, annex H).
        BinarySignature(mediaType: "application/pdf", description: "a PDF document", offset: 0, magic: ascii("%PDF-"), isContainer: true, searchWindow: 1024),
        BinarySignature(mediaType: "application/x-elf", description: "an ELF executable or library", offset: 0, magic: [0x7F, 0x45, 0x4C, 0x46]),
        BinarySignature(mediaType: "application/zip", description: "a ZIP archive (also the container of DOCX, XLSX, EPUB and ODT)", offset: 0, magic: [0x50, 0x4B, 0x03, 0x04]),
        BinarySignature(mediaType: "application/zip", description: "a ZIP archive", offset: 0, magic: [0x50, 0x4B, 0x05, 0x06]),
        BinarySignature(mediaType: "application/zip", description: "a ZIP archive", offset: 0, magic: [0x50, 0x4B, 0x07, 0x08]),
        BinarySignature(mediaType: "application/zstd", description: "a Zstandard-compressed file", offset: 0, magic: [0x28, 0xB5, 0x2F, 0xFD]),
        BinarySignature(mediaType: "image/webp", description: "a WebP image", offset: 8, magic: ascii("WEBP"), isContainer: true),
        BinarySignature(mediaType: "audio/wav", description: "a WAV audio file", offset: 8, magic: ascii("WAVE")),
        BinarySignature(mediaType: "video/mp4", description: "an MP4/QuickTime video or audio file", offset: 4, magic: ascii("ftyp")),
        BinarySignature(mediaType: "video/webm", description: "a Matroska/WebM video", offset: 0, magic: [0x1A, 0x45, 0xDF, 0xA3]),
        BinarySignature(mediaType: "audio/ogg", description: "an Ogg audio/video file", offset: 0, magic: ascii("OggS") + [0]),
        BinarySignature(mediaType: "audio/flac", description: "a FLAC audio file", offset: 0, magic: ascii("fLaC")),
        BinarySignature(mediaType: "audio/mpeg", description: "an MP3 audio file", offset: 0, magic: ascii("ID3"), needsBinaryTail: true),
        BinarySignature(mediaType: "image/tiff", description: "a TIFF image", offset: 0, magic: [0x49, 0x49, 0x2A, 0x00], isContainer: true),
        BinarySignature(mediaType: "image/tiff", description: "a TIFF image", offset: 0, magic: [0x4D, 0x4D, 0x00, 0x2A], isContainer: true),
        BinarySignature(mediaType: "image/x-icon", description: "an ICO icon", offset: 0, magic: [0x00, 0x00, 0x01, 0x00]),
        BinarySignature(mediaType: "font/woff", description: "a WOFF font", offset: 0, magic: ascii("wOFF")),
        BinarySignature(mediaType: "font/woff2", description: "a WOFF2 font", offset: 0, magic: ascii("wOF2")),
        BinarySignature(mediaType: "font/otf", description: "an OpenType font", offset: 0, magic: ascii("OTTO")),
        BinarySignature(mediaType: "application/wasm", description: "a WebAssembly module", offset: 0, magic: [0x00, 0x61, 0x73, 0x6D]),
        BinarySignature(mediaType: "application/java-vm", description: "a Java class file or Mach-O universal binary", offset: 0, magic: [0xCA, 0xFE, 0xBA, 0xBE]),
        BinarySignature(mediaType: "application/x-mach-binary", description: "a Mach-O executable", offset: 0, magic: [0xCF, 0xFA, 0xED, 0xFE]),
        BinarySignature(mediaType: "application/x-mach-binary", description: "a Mach-O executable", offset: 0, magic: [0xCE, 0xFA, 0xED, 0xFE]),
        BinarySignature(mediaType: "application/x-bzip2", description: "a bzip2-compressed file", offset: 0, magic: ascii("BZh"), needsBinaryTail: true),
        BinarySignature(mediaType: "application/vnd.microsoft.portable-executable", description: "a Windows executable", offset: 0, magic: ascii("MZ"), needsBinaryTail: true),
        BinarySignature(mediaType: "image/bmp", description: "a BMP image", offset: 0, magic: ascii("BM"), needsBinaryTail: true),
        BinarySignature(mediaType: "image/jpeg", description: "a JPEG image", offset: 0, magic: [0xFF, 0xD8, 0xFF], isContainer: true),
        BinarySignature(mediaType: "application/gzip", description: "a gzip-compressed file", offset: 0, magic: [0x1F, 0x8B], isContainer: true),
        BinarySignature(mediaType: "application/warc", description: "a WARC archive", offset: 0, magic: ascii("WARC/"), isContainer: true),
    ]

    /// The first signature that matches `bytes`.
    static func match(_ bytes: UnsafeBufferPointer<UInt8>) -> BinarySignature? {
        all.first { $0.matches(bytes) }
    }
}
