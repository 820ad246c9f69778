import Foundation
import TaskaTestSupport
import Testing

/// `taska telegram`: the report and the graph of a generated channel against its truth
/// (Fixtures/telegram-channel, written by scripts/make-channel-export.py).
@Suite(.serialized) struct TelegramCommandTests {
    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func truth() throws -> [String: Any] {
        try json(String(contentsOfFile: packageRoot + "/Fixtures/telegram-channel/truth.json", encoding: .utf8))
    }

    /// Ingests the channel twice over (two overlapping exports must not count twice) plus the
    /// small fixture chats.
    private func archive(_ scratch: TemporaryFolder) throws -> String {
        let db = scratch.path + "/taska.sqlite"
        let copy = scratch.path + "/second-export"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        var export = try String(contentsOfFile: packageRoot + "/Fixtures/telegram-channel/result.json", encoding: .utf8)
        export = export.replacingOccurrences(of: "\n ]\n}\n", with: "\n ]\n}\n\n")  // other bytes, same messages
        try export.write(toFile: copy + "/result.json", atomically: true, encoding: .utf8)
        let result = try runTaska(["ingest", "Fixtures/telegram-channel/result.json", copy, "Fixtures/telegram", "--archive", db, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        return db
    }

    @Test func reportGivesTheChannelsGapsEditsRepliesAndForwards() throws {
        let scratch = try TemporaryFolder(prefix: "taska-telegram-cli")
        let db = try archive(scratch)
        let truth = try truth()
        let chats = try runTaska(["telegram", "chats", "--archive", db])
        #expect(chats.stdout.hasPrefix("1700000001\tSimulated Channel\t"), "\(chats.stdout)")
        let result = try runTaska(["telegram", "report", "Simulated Channel", "--archive", db, "--json", "--top", "50"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try json(result.stdout)
        #expect(report["messages"] as? Int == truth["messages"] as? Int)
        #expect(report["records"] as? Int == 2 * (truth["messages"] as? Int ?? 0))
        for key in ["firstId", "lastId", "missingIds", "gapCount", "edited", "replies"] {
            #expect(report[key] as? Int == truth[key] as? Int, "\(key)")
        }
        #expect(report["serviceMessagesSkipped"] as? Int == 2 * (truth["service"] as? Int ?? 0))
        let forwards = try #require(report["forwards"] as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: forwards.map { ($0["name"] as? String ?? "", $0["count"] as? Int ?? 0) })
        #expect(byName == (truth["forwards"] as? [String: Int]))
        let perDay = try #require(report["perDay"] as? [[String: Any]])
        #expect(perDay.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == truth["messages"] as? Int)
        // Replies to replies nest: the thread sizes add up to the replies.
        let threads = try #require(report["threads"] as? [[String: Any]])
        #expect(!threads.isEmpty && threads.allSatisfy { ($0["replies"] as? Int ?? 0) >= 1 })
        // By id too; the text report names the gaps.
        let text = try runTaska(["telegram", "report", "1700000001", "--archive", db])
        #expect(text.stdout.contains("350–374  (25)"), "\(text.stdout)")
    }

    @Test func anUnknownChatSaysWhichChatsThereAre() throws {
        let scratch = try TemporaryFolder(prefix: "taska-telegram-cli")
        let db = try archive(scratch)
        let result = try runTaska(["telegram", "report", "No Such Chat", "--archive", db])
        #expect(result.status == 3)
        #expect(result.stderr.contains("no chat No Such Chat") && result.stderr.contains("1700000001 (Simulated Channel"), "\(result.stderr)")
    }

    @Test func graphHasTheForwardAndMentionEdgesAndIsValidGraphML() throws {
        let scratch = try TemporaryFolder(prefix: "taska-telegram-cli")
        let db = try archive(scratch)
        let truth = try truth()
        let out = scratch.path + "/graph"
        let result = try runTaska(["telegram", "graph", "--out", out, "--archive", db])
        #expect(result.status == 0, "\(result.stderr)")
        let edges = try String(contentsOfFile: out + "/edges.csv", encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(edges.first == ["Source", "Target", "Type", "Kind", "Weight", "First", "Last"])
        let forwards = edges.filter { $0.count == 7 && $0[3] == "forward" && $0[1] == "chat:Simulated Channel" }
        let weights = Dictionary(uniqueKeysWithValues: forwards.map { (String($0[0].dropFirst(5)), Int($0[4]) ?? 0) })
        #expect(weights == (truth["forwards"] as? [String: Int]))
        let mentions = edges.filter { $0.count == 7 && $0[3] == "mention" }.reduce(0) { $0 + (Int($1[4]) ?? 0) }
        #expect(mentions >= truth["mentions"] as? Int ?? 0)
        let nodes = try String(contentsOfFile: out + "/nodes.csv", encoding: .utf8)
        #expect(nodes.contains("handle:@tashar_0,@tashar_0,handle"))
        // The GraphML validates against the GraphML structure schema (xmllint from libxml2-utils).
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") else { return }
        let xmllint = Process()
        xmllint.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        xmllint.arguments = ["--noout", "--schema", packageRoot + "/schema/graphml.xsd", out + "/graph.graphml"]
        try xmllint.run()
        xmllint.waitUntilExit()
        #expect(xmllint.terminationStatus == 0)
    }
}
