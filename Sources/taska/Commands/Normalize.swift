import ArgumentParser
import Foundation
import TaskaNormalize

extension Taska {
    /// `taska normalize`: a filter from standard input to standard output, line by line.
    struct Normalize: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "normalize",
            abstract: "Normalise text from standard input, line by line, to standard output.",
            discussion: """
            Applies what the Normalize stage applies to record text: NFC (or NFKC), Arabic \
            presentation forms to letters, tatweel and bidi controls removed, whitespace unified. \
            Letters stay as written unless --orthography standard asks for Hausa/Kanuri standard \
            spelling on lines that look Hausa or Kanuri.
            """
        )

        @Option(name: .long, help: "Normalisation form: nfc or nfkc.")
        var form: NormalizationForm = .nfc

        @Option(name: .long, help: "Hausa/Kanuri letters: source (as written) or standard (ɓ ɗ ƙ ʼy ə on Hausa or Kanuri lines).")
        var orthography: Orthography = .source

        @Flag(name: .long, help: "Print the search key (case-folded, harakat removed, Arabic and Hausa/Kanuri letter variants folded) instead.")
        var searchKey = false

        func run() throws {
            let normalizer = TextNormalizer(options: NormalizeOptions(form: form, orthography: orthography))
            var output = [UInt8]()
            output.reserveCapacity(1 << 16)
            while let line = readLine(strippingNewline: true) {
                var text = normalizer.normalize(line)
                if searchKey { text = normalizer.searchKey(text) }
                output.append(contentsOf: text.utf8)
                output.append(0x0A)
                if output.count >= 1 << 16 {
                    FileHandle.standardOutput.write(Data(output))
                    output.removeAll(keepingCapacity: true)
                }
            }
            FileHandle.standardOutput.write(Data(output))
        }
    }
}

extension Orthography: ExpressibleByArgument {}
