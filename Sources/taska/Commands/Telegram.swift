import ArgumentParser
import Foundation
import TaskaExport
import TaskaStore

extension Taska {
    /// `taska telegram`: the structure of the chat exports in an archive.
    struct Telegram: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "telegram",
            abstract: "Chats in the archive: list them, report one (id gaps, edits, forwards, threads), write the network.",
            subcommands: [Chats.self, Report.self, Graph.self])

        /// `taska telegram chats`
        struct Chats: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "chats", abstract: "List the chats in the archive, most messages first.")
            @OptionGroup var archiveOption: ArchiveOption

            func run() throws {
                let chats: [ArchivedChat]
                do { chats = try Archive(path: archiveOption.archive).chats() } catch {
                    throw RunFailure(description: error.description)
                }
                if chats.isEmpty { print("No chat messages in \(archiveOption.archive) (ingest a Telegram export first).") }
                for c in chats {
                    print("\(c.id.map(String.init) ?? "-")\t\(c.key)\t\(c.type ?? "")\t\(c.messages) messages\t\(c.first ?? "?") … \(c.last ?? "?")")
                }
            }
        }

        /// `taska telegram report CHAT`
        struct Report: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "report",
                abstract: "Report one chat over every export of it in the archive: messages, first and last date, id gaps, edits, forwards, reply threads, senders, media.",
                discussion: "Gaps are message ids between the first and the last with no message: service messages (which Taska skips; their count is shown), deleted messages, or missing pages of the export.")
            @OptionGroup var archiveOption: ArchiveOption

            @Argument(help: ArgumentHelp("The chat's id or its name (see taska telegram chats).", valueName: "CHAT"))
            var chat: String

            @Option(name: .long, help: "How many gaps to list.")
            var gaps = 100

            @Option(name: .long, help: "How many forward sources, threads, senders and media types to list.")
            var top = 20

            @Flag(name: .long, help: "Print one JSON object (with messages per day).")
            var json = false

            func validate() throws {
                guard gaps >= 0, top >= 1 else { throw ValidationError("--gaps must be 0 or more and --top 1 or more.") }
            }

            func run() throws {
                let report: ChatReport
                do {
                    let archive = try Archive(path: archiveOption.archive)
                    report = try archive.chatReport(try archive.chat(named: chat), gapLimit: gaps, top: top)
                } catch { throw RunFailure(description: error.description) }
                print(json ? ChatReportFormatter.json(report) : ChatReportFormatter.text(report), terminator: json ? "\n" : "")
            }
        }

        /// `taska telegram graph --out DIR`
        struct Graph: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "graph",
                abstract: "Write the forward, mention and posting network of every chat as GraphML and CSV node and edge lists (Gephi-ready).")
            @OptionGroup var archiveOption: ArchiveOption

            @Option(name: .long, help: ArgumentHelp("The folder to write graph.graphml, nodes.csv and edges.csv into.", valueName: "DIR"))
            var out: String

            func run() throws {
                do {
                    let summary = try ChatGraphWriter(archive: try Archive(path: archiveOption.archive)).write(to: out)
                    FileHandle.standardError.write(Data("Wrote \(summary.nodes) nodes and \(summary.edges) edges: \(summary.files.joined(separator: ", ")).\n".utf8))
                } catch let error as CustomStringConvertible {
                    throw RunFailure(description: error.description)
                }
            }
        }
    }
}
