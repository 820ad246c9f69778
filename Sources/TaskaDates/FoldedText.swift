/// A copy of a text folded for matching dates (Latin in lower case, one form per digit and
/// Arabic letter variant, marks dropped), with the source scalar offset of every UTF-16 unit of the copy.
///
/// Why: patterns run on the folded copy (one spelling per letter and digit), while mentions must
/// report offsets and text of the source; the map makes that exact even where marks were dropped.
struct FoldedText {
    let string: String
    private let offsets: [Int]

    init(_ source: [Unicode.Scalar]) {
        var scalars = String.UnicodeScalarView()
        var offsets: [Int] = []
        offsets.reserveCapacity(source.count)
        for (index, scalar) in source.enumerated() {
            guard let folded = Self.fold(scalar) else { continue }
            scalars.append(folded)
            offsets.append(index)
            if folded.value > 0xFFFF { offsets.append(index) }
        }
        offsets.append(source.count)
        string = String(scalars)
        self.offsets = offsets
    }

    /// The source scalar offset of UTF-16 unit `unit` of the folded copy.
    func sourceOffset(_ unit: Int) -> Int { offsets[min(max(unit, 0), offsets.count - 1)] }

    /// The folded form of one scalar, or nil for a mark that matching ignores.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        switch v {
        case 0x0660...0x0669: return Unicode.Scalar(0x30 + v - 0x0660)
        case 0x06F0...0x06F9: return Unicode.Scalar(0x30 + v - 0x06F0)
        case 0x064B...0x065F, 0x0670: return nil
        case 0x0622, 0x0623, 0x0625, 0x0671: return "\u{0627}"
        case 0x0629: return "\u{0647}"
        case 0x0649: return "\u{064A}"
        case 0x06CC: return "\u{064A}"
        case 0x06A9: return "\u{0643}"
        case 0x2018, 0x2019, 0x02BC, 0x02BB, 0x0060, 0x00B4: return "'"
        case 0x01DD, 0x018F: return "\u{0259}"
        case 0x2010...0x2013: return "-"
        case 0x41...0x5A: return Unicode.Scalar(v + 0x20)
        case 0xC0...0x24F, 0x1E00...0x1EFF:
            // Latin capitals to their one-scalar lower case, so patterns match without ICU's
            // case-insensitive mode (slow to compile and to run over large alternations).
            guard scalar.properties.isUppercase else { return scalar }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first! : scalar
        default: return scalar
        }
    }
}
