import TaskaCore

/// Rebuilds the cross-reference table of a PDF whose table or trailer is lost, from the objects
/// themselves: a copy of the file with a fresh `xref`, `trailer` and `startxref` appended.
///
/// Why: a download cut off at the very end (the table, the trailer, `%%EOF`) leaves every page
/// intact, yet poppler cannot open the file without a trailer naming the catalog. The objects
/// are found where they start a line (`12 0 obj`), the catalog by `/Type /Catalog` in an
/// object's dictionary, the info dictionary by `/Producer` or `/Creator`. Objects inside object
/// streams cannot be listed in a classic table: such files are left to poppler's own repair.
enum XrefRebuilder {
    /// The repaired bytes, or nil when no catalog object can be found.
    static func rebuild(_ bytes: [UInt8]) -> [UInt8]? {
        let objects = bytes.withUnsafeBufferPointer { objectStarts($0) }
        guard !objects.isEmpty else { return nil }
        var catalog: Int?, info: Int?
        bytes.withUnsafeBufferPointer { b in
            for (index, object) in objects.enumerated() {
                let end = index + 1 < objects.count ? objects[index + 1].offset : b.count
                let dictionary = object.offset..<(find("stream", in: b, object.offset..<end) ?? end)
                if find("/ObjStm", in: b, dictionary) != nil { catalog = nil; return }
                if find("/Catalog", in: b, dictionary) != nil { catalog = object.number }
                if dictionary.count < 4096, find("/Producer", in: b, dictionary) != nil || find("/Creator", in: b, dictionary) != nil {
                    info = object.number
                }
            }
        }
        guard let catalog else { return nil }
        var latest: [Int: ObjectStart] = [:]
        for object in objects { latest[object.number] = object }
        let size = (latest.keys.max() ?? 0) + 1
        var out = bytes
        if out.last != 0x0A && out.last != 0x0D { out.append(0x0A) }
        let tableOffset = out.count
        var table = "xref\n0 \(size)\n0000000000 65535 f\r\n"
        for number in 1..<max(size, 1) {
            if let object = latest[number] {
                table += pad(object.offset, 10) + " " + pad(object.generation, 5) + " n\r\n"
            } else {
                table += "0000000000 00000 f\r\n"
            }
        }
        table += "trailer\n<< /Size \(size) /Root \(catalog) \(latest[catalog]!.generation) R"
        if let info, let object = latest[info] { table += " /Info \(info) \(object.generation) R" }
        table += " >>\nstartxref\n\(tableOffset)\n%%EOF\n"
        out.append(contentsOf: Array(table.utf8))
        return out
    }

    struct ObjectStart: Equatable {
        var number: Int, generation: Int, offset: Int
    }

    /// Every `N G obj` at the start of a line, in file order.
    static func objectStarts(_ b: UnsafeBufferPointer<UInt8>) -> [ObjectStart] {
        var found: [ObjectStart] = []
        var i = 0
        let n = b.count
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func number(_ i: inout Int) -> Int? {
            var value = 0, digits = 0
            while i < n, isDigit(b[i]), digits < 10 { value = value * 10 + Int(b[i] - 0x30); i += 1; digits += 1 }
            return digits > 0 ? value : nil
        }
        while i < n {
            let start = i
            if isDigit(b[i]), i == 0 || b[i - 1] == 0x0A || b[i - 1] == 0x0D {
                var j = i
                if let objectNumber = number(&j), j < n, b[j] == 0x20 {
                    j += 1
                    if let generation = number(&j), j + 4 <= n, b[j] == 0x20, b[j + 1] == 0x6F, b[j + 2] == 0x62, b[j + 3] == 0x6A {
                        if objectNumber > 0, objectNumber < 10_000_000 {
                            found.append(ObjectStart(number: objectNumber, generation: generation, offset: start))
                        }
                    }
                }
            }
            i += 1
        }
        return found
    }

    /// The offset of the first `needle` in `b[range]` (`ByteSearch` over that slice).
    static func find(_ needle: StaticString, in b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        ByteSearch.index(of: needle, in: UnsafeBufferPointer(rebasing: b[range]), from: 0).map { $0 + range.lowerBound }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
