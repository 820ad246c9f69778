import TaskaCore

/// One XML part of an office package, decoded and parsed with libxml2 (`MarkupParser`, the
/// `LibXMLSecurity` settings and the document's node and depth limits).
///
/// Parts are UTF-8 (OOXML, ODF and EPUB require UTF-8 or UTF-16; a BOM says which). Invalid
/// UTF-8 becomes U+FFFD and is counted in an `invalid-bytes` warning.
enum OfficePart {
    /// The name messages use for `part` of `document`: `path → 'word/document.xml'`.
    static func shown(_ part: String, of document: SourceDocument) -> String {
        "\(document.source.path) → \(ContainerMember.escaped(part))"
    }

    /// The text of `bytes`: UTF-16 when a BOM says so, else UTF-8 (a BOM dropped).
    static func decode(_ bytes: [UInt8]) -> (text: String, invalid: Bool) {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            var text = ""
            var invalid = bytes.count % 2 == 1
            for result in UnicodeDecoder(units) {
                if let scalar = result { text.unicodeScalars.append(scalar) } else { text.unicodeScalars.append("\u{FFFD}"); invalid = true }
            }
            return (text, invalid)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        let text = String(decoding: body, as: UTF8.self)
        // Only a text that holds U+FFFD can have had invalid bytes (decoding replaced them).
        let invalid = text.unicodeScalars.contains("\u{FFFD}") && String(validating: body, as: UTF8.self) == nil
        return (text, invalid)
    }

    /// Parses the part `name` of `document`'s package as XML (or, with `html`, as HTML: EPUB
    /// chapters); `nil` when the package has no such part. Parser recoveries and invalid bytes
    /// become warnings on `document`.
    static func parse(_ name: String, of document: inout SourceDocument, html: Bool = false) throws -> MarkupTree? {
        guard let bytes = document.officePackage?.part(name) else { return nil }
        let decoded = decode(bytes)
        if decoded.invalid {
            document.warn("extract", "invalid-bytes",
                          "The part \(ContainerMember.escaped(name)) is not valid UTF-8 or UTF-16; the bad bytes became U+FFFD. The file was probably damaged or written by a broken tool")
        }
        let tree = try MarkupParser(limits: document.limits).parse(decoded.text, syntax: html ? .html : .xml, path: shown(name, of: document))
        for message in tree.parserMessages {
            document.warn("extract", "markup-errors",
                          "The part \(ContainerMember.escaped(name)) is malformed (\(message)); text after that point may be missing")
        }
        return tree
    }
}

/// Iterates the scalars of UTF-16 code units, `nil` for each unpaired surrogate.
private struct UnicodeDecoder: Sequence, IteratorProtocol {
    var units: IndexingIterator<[UInt16]>
    var decoder = UTF16()

    init(_ units: [UInt16]) { self.units = units.makeIterator() }

    mutating func next() -> Unicode.Scalar?? {
        switch decoder.decode(&units) {
        case let .scalarValue(scalar): return .some(scalar)
        case .emptyInput: return nil
        case .error: return .some(nil)
        }
    }
}

extension MarkupTree {
    /// The value of the attribute whose local name is `local` (any prefix: `w:val`, `val`),
    /// on the element at `index`.
    func officeAttribute(_ index: Int, _ local: String) -> String? {
        for (name, value) in nodes[index].attributes {
            if name == local { return value }
            if name.utf8.count > local.utf8.count, name.hasSuffix(local),
               name.utf8[name.utf8.index(name.utf8.endIndex, offsetBy: -local.utf8.count - 1)] == UInt8(ascii: ":") {
                return value
            }
        }
        return nil
    }

    /// The first element child of `index` with local name `name`.
    func child(_ index: Int, _ name: String) -> Int? {
        nodes[index].children.first { nodes[$0].kind == .element && nodes[$0].name == name }
    }

    /// The text directly inside the element at `index` and its descendants, collapsed; `nil` when empty.
    func officeText(_ index: Int?) -> String? { collapsedText(of: index) }
}
