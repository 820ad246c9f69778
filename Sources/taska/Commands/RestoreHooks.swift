import ArgumentParser
import Foundation
import TaskaCore
import TaskaRestore

extension Taska {
    /// `taska restore-hooks`: Hausa hooked-letter restoration as a filter, line by line.
    struct RestoreHooks: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore-hooks",
            abstract: "Restore Hausa hooked letters (ɓ ɗ ƙ ƴ) in text from standard input, line by line.",
            discussion: """
            Every line is taken as Hausa (no language identification; the restore-hooks stage of \
            a pipeline acts on Hausa segments only). Letters the line already hooks, and letters \
            next to an apostrophe (k'asa, 'yan), are never changed. With --json, one object per \
            line: {"text", "restored": [{start, end, from, to}]} with Unicode scalar offsets. \
            See docs/hooked-letters.md.
            """
        )

        @Option(name: .long, help: ArgumentHelp("A model file from `taska model train-hooks` instead of the shipped one.", valueName: "FILE"))
        var model: String?

        @Flag(name: .long, help: "Print one JSON object per line with the restored spans.")
        var json = false

        func run() throws {
            let hookModel: HookModel
            do {
                hookModel = try model.map { path throws(RestoreError) in try HookModel.load(path: path) } ?? HookModel.shipped()
            } catch {
                throw RunFailure(description: "\(error)")
            }
            let restorer = HookRestorer(model: hookModel)
            var output = [UInt8]()
            output.reserveCapacity(1 << 16)
            while let line = readLine(strippingNewline: true) {
                let result = restorer.restore(line)
                if json {
                    var builder = JSONByteWriter(appendingTo: output)
                    builder.beginObject()
                    builder.field("text", result.text)
                    builder.key("restored")
                    Record.emitRestored(result.spans, into: &builder)
                    builder.endObject()
                    output = builder.bytes
                } else {
                    output.append(contentsOf: result.text.utf8)
                }
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
