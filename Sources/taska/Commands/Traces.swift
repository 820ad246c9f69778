import ArgumentParser
import Foundation
import TaskaCore
import TaskaTraces

extension Taska {
    /// `taska traces`: a filter from standard input to JSON Lines of traces, line by line.
    struct Traces: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "traces",
            abstract: "Find phones, e-mail, URLs, Telegram links and handles, hashtags and wallets in text from standard input.",
            discussion: """
            Runs what the traces stage runs on record text. Each output line is \
            {"id": …, "traces": [{"kind", "start", "end", "text", "value", "country"?, "network"?}]} (keys in that order); \
            with --ids each input line is ID<TAB>TEXT, otherwise the id is the line number. \
            Offsets are Unicode scalars into the line. See docs/traces.md.
            """
        )

        @Flag(name: .long, help: "Input lines are ID<TAB>TEXT (the id is echoed).")
        var ids = false

        func run() {
            let finder = TraceFinder()
            StdinLines.annotate(ids: ids) { id, text in
                let scalars = Array(text.unicodeScalars)
                let traces = finder.traces(in: text).map { t -> JSONValue in
                    var fields: [(String, JSONValue)] = [
                        ("kind", .string(t.kind.rawValue)), ("start", .int(t.start)), ("end", .int(t.end)),
                        ("text", .string(String(String.UnicodeScalarView(scalars[t.start..<t.end])))), ("value", .string(t.value)),
                    ]
                    if let country = t.country { fields.append(("country", .string(country))) }
                    if let network = t.network { fields.append(("network", .string(network))) }
                    return .object(fields)
                }
                return Array(JSONValue.object([("id", .string(id)), ("traces", .array(traces))]).serialized().utf8)
            }
        }
    }
}
