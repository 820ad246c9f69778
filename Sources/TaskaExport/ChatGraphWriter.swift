import Foundation
import TaskaStore

/// Writes the archive's chat network (forwards, mentions, who posts where) as GraphML and as
/// Gephi's CSV node and edge lists: `taska telegram graph`.
///
/// Two passes over the aggregated edges (SQLite does the grouping): the first collects the
/// nodes, the second writes the edges, so memory holds nodes only, never messages.
public struct ChatGraphWriter {
    /// What was written.
    public struct Summary: Sendable, Equatable {
        public var nodes = 0
        public var edges = 0
        public var files: [String] = []
    }

    public let archive: Archive
    public init(archive: Archive) { self.archive = archive }

    /// A node's id in both formats: its kind and name, so a chat and a sender of one name differ.
    static func nodeId(_ kind: ChatEdge.NodeKind, _ name: String) -> String { "\(kind.rawValue):\(name)" }

    /// Writes `graph.graphml`, `nodes.csv` and `edges.csv` into `directory` (created if missing).
    public func write(to directory: String) throws -> Summary {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var nodes: [String: (kind: ChatEdge.NodeKind, name: String)] = [:]
        try archive.forEachChatEdge { edge in
            nodes[Self.nodeId(edge.sourceKind, edge.source)] = (edge.sourceKind, edge.source)
            nodes[Self.nodeId(edge.targetKind, edge.target)] = (edge.targetKind, edge.target)
        }
        let graphPath = (directory as NSString).appendingPathComponent("graph.graphml")
        let nodesPath = (directory as NSString).appendingPathComponent("nodes.csv")
        let edgesPath = (directory as NSString).appendingPathComponent("edges.csv")
        let graph = try JSONLinesSink(path: graphPath)
        let nodeList = try JSONLinesSink(path: nodesPath)
        let edgeList = try JSONLinesSink(path: edgesPath)
        func line(_ sink: JSONLinesSink, _ text: String) throws { try sink.writeLine(Array(text.utf8)) }
        let x = XMLText.escaped
        try line(graph, #"<?xml version="1.0" encoding="UTF-8"?>"#)
        try line(graph, #"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" "#
            + #"xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#)
        for (id, target, name, type) in [("label", "node", "label", "string"), ("kind", "node", "kind", "string"),
                                         ("type", "edge", "type", "string"), ("weight", "edge", "weight", "int"),
                                         ("first", "edge", "first", "string"), ("last", "edge", "last", "string")] {
            try line(graph, #"  <key id="\#(id)" for="\#(target)" attr.name="\#(name)" attr.type="\#(type)"/>"#)
        }
        try line(graph, #"  <graph id="taska-chats" edgedefault="directed">"#)
        try line(nodeList, "Id,Label,Kind")
        for id in nodes.keys.sorted() {
            let node = nodes[id]!
            try line(graph, #"    <node id="\#(x(id))"><data key="label">\#(x(node.name))</data><data key="kind">\#(node.kind.rawValue)</data></node>"#)
            try line(nodeList, [id, node.name, node.kind.rawValue].map(Self.csv).joined(separator: ","))
        }
        try line(edgeList, "Source,Target,Type,Kind,Weight,First,Last")
        var edges = 0
        try archive.forEachChatEdge { edge in
            let source = Self.nodeId(edge.sourceKind, edge.source), target = Self.nodeId(edge.targetKind, edge.target)
            var data = #"<data key="type">\#(edge.kind.rawValue)</data><data key="weight">\#(edge.weight)</data>"#
            if let first = edge.first { data += #"<data key="first">\#(x(first))</data>"# }
            if let last = edge.last { data += #"<data key="last">\#(x(last))</data>"# }
            try line(graph, #"    <edge id="e\#(edges)" source="\#(x(source))" target="\#(x(target))">\#(data)</edge>"#)
            try line(edgeList, [source, target, "Directed", edge.kind.rawValue, String(edge.weight), edge.first ?? "", edge.last ?? ""]
                .map(Self.csv).joined(separator: ","))
            edges += 1
        }
        try line(graph, "  </graph>")
        try line(graph, "</graphml>")
        for sink in [graph, nodeList, edgeList] { try sink.finish() }
        return Summary(nodes: nodes.count, edges: edges, files: [graphPath, nodesPath, edgesPath])
    }

    /// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
    static func csv(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
