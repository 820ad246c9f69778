import ArgumentParser
import Foundation
import TaskaDates

extension Taska {
    /// `taska dates`: a filter from standard input to JSON Lines of date mentions, line by line.
    struct Dates: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dates",
            abstract: "Find date mentions in text from standard input, one JSON line per input line.",
            discussion: """
            Runs what the dates stage runs on record text: Hijri and Gregorian dates in Arabic, \
            Hausa, Kanuri (Latin) and English, in any digit system. Each output line is \
            {"id": …, "dates": [{"start", "end", "text", "calendar", "value", "note"?}]}; with \
            --ids each input line is ID<TAB>TEXT, otherwise the id is the line number. Offsets are \
            Unicode scalars into the line. See docs/dates.md.
            """
        )

        @Flag(name: .long, help: "Input lines are ID<TAB>TEXT (the id is echoed).")
        var ids = false

        func run() throws {
            let finder = DateFinder.shared
            try StdinLines.annotate(ids: ids) { id, text in
                let mentions = finder.mentions(in: text).map { m -> [String: Any] in
                    var item: [String: Any] = ["start": m.start, "end": m.end, "text": m.text,
                                               "calendar": m.calendar.rawValue, "value": m.value]
                    if let note = m.note { item["note"] = note }
                    return item
                }
                return Array(try JSONSerialization.data(withJSONObject: ["id": id, "dates": mentions], options: [.sortedKeys]))
            }
        }
    }
}
