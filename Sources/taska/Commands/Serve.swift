import ArgumentParser
import Dispatch
import Foundation
import TaskaNormalize
import TaskaServe
import TaskaStore

extension Taska {
    /// `taska serve`: the web reading room.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve a local web reading room over the archive (search, documents, collection, JSON API).",
            discussion: """
            Read-only: another process may ingest into the archive meanwhile. Binds 127.0.0.1; binding \
            any other address requires --token, checked on every request (Authorization: Bearer TOKEN, \
            or ?token=TOKEN once, which sets a cookie).
            """)

        @OptionGroup var archiveOption: ArchiveOption

        @Option(name: .long, help: "Port to listen on.")
        var port: Int = 8080

        @Option(name: .long, help: "Address to bind.")
        var host: String = "127.0.0.1"

        @Option(name: .long, help: "Secret required on every request (needed for non-loopback addresses).")
        var token: String?

        func validate() throws {
            guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535; got \(port).") }
        }

        func run() throws {
            let room: ReadingRoom
            do {
                let archive = try Archive(path: archiveOption.archive, readOnly: true)
                room = try ReadingRoom(archive: archive, folding: TextNormalizer(), skeletons: NameSkeleton(), host: host, port: port, token: token)
            } catch let error as ReadingRoom.Failure {
                throw ValidationError(error.description)
            } catch let error as CustomStringConvertible {
                throw RunFailure(description: error.description)
            }
            FileHandle.standardError.write(Data("taska serve: http://\(host):\(port)/ over \(archiveOption.archive) (Ctrl-C to stop)\n".utf8))
            let done = DispatchSemaphore(value: 0)
            let failure = FailureBox()
            Task {
                do { try await room.run() } catch { failure.set("\(error)") }
                done.signal()
            }
            done.wait()
            if let message = failure.value { throw RunFailure(description: "the server stopped: \(message)") }
        }
    }
}

/// Carries an error message out of the server task.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var message: String?
    func set(_ m: String) { lock.withLock { message = m } }
    var value: String? { lock.withLock { message } }
}
