import Foundation

/// Standard input line by line for the commands that annotate text (`dates`, `traces`): each
/// line's id (its number, or what precedes a tab with `--ids`) and text, and a buffered writer
/// for the JSON line `annotate` returns.
enum StdinLines {
    static func annotate(ids: Bool, _ annotate: (_ id: String, _ text: String) throws -> [UInt8]) rethrows {
        var output = [UInt8]()
        var number = 0
        while let line = readLine(strippingNewline: true) {
            number += 1
            var id = String(number)
            var text = line
            if ids, let tab = line.firstIndex(of: "\t") {
                id = String(line[..<tab])
                text = String(line[line.index(after: tab)...])
            }
            output.append(contentsOf: try annotate(id, text))
            output.append(0x0A)
            if output.count >= 1 << 16 {
                FileHandle.standardOutput.write(Data(output))
                output.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(Data(output))
    }
}
