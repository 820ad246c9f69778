import Foundation
import TaskaCore
import TaskaExtract
import TaskaNormalize

/// The two views of an inspection: a JSON object for programs, and text for a terminal.
///
/// Record text is always in logical order; only the terminal view may reorder right-to-left
/// lines for display (`VisualOrder`), because most terminals print characters in memory order.
public struct InspectionReport: Sendable {
    public var inspection: DocumentInspector.Inspection

    public init(_ inspection: DocumentInspector.Inspection) { self.inspection = inspection }

    /// Warning codes that count normalisation changes (stage `normalize`).
    static func changes(of document: SourceDocument) -> [(code: String, count: Int)] {
        document.warnings.compactMap { w in
            guard w.stage == "normalize", let count = w.count else { return nil }
            return (w.code, count)
        }
    }

    /// `text[start..<end]` in Unicode scalars.
    static func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        let s = max(0, min(start, scalars.count)), e = max(s, min(end, scalars.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[s..<e])
        return String(view)
    }

    // MARK: JSON

    /// One JSON object: `path`, `pipeline`, `documents` (one per reported document), `omitted`,
    /// `readError` (see docs/pipelines.md, "Seeing what each stage did", for the shape).
    public var json: JSONValue {
        .object([
            ("path", .string(inspection.path)),
            ("pipeline", .object([("name", .string(inspection.pipelineName)), ("hash", .string(inspection.pipelineHash))])),
            ("documents", .array(inspection.documents.map(Self.json))),
            ("omitted", .int(inspection.omitted)),
            ("readError", .string(inspection.readFailure)),
        ])
    }

    static func json(_ trace: DocumentInspector.DocumentTrace) -> JSONValue {
        let doc = trace.document
        let scalars = Array((doc.normalized?.text ?? "").unicodeScalars)
        var fields: [(String, JSONValue)] = [
            ("id", .string(doc.id)),
            ("subIndex", doc.subIndex.map { .int($0) } ?? .null),
            ("uri", .string(doc.source.uri)),
            ("mediaType", .string(doc.mediaType)),
        ]
        if let member = doc.source.container {
            fields.insert(("container", .array(member.chain.map { .string($0) })), at: 3)
        }
        fields.append(("decode", doc.charset.map { c in
            .object([("charset", .string(c.charset)), ("source", .string(c.source.rawValue)), ("confidence", .double(c.confidence))])
        } ?? .null))
        if let extract = trace.extract {
            let decisions: JSONValue = extract.decisions.map { list in
                .array(list.map { d in
                    .object([("verdict", .string(d.verdict.rawValue)), ("kind", .string(d.kind.rawValue)), ("element", .string(d.element)),
                             ("chars", .int(d.chars)), ("linkDensity", .double(d.linkDensity)), ("punctuation", .int(d.punctuation)),
                             ("score", .double(d.score)), ("vote", .double(d.vote)), ("text", .string(d.text))])
                })
            } ?? .null
            fields.append(("extract", .object([("reader", .string(extract.reader)), ("title", .string(doc.title)),
                                               ("blocks", .int(doc.blocks.count)), ("decisions", decisions)])))
        } else {
            fields.append(("extract", .null))
        }
        if let normalized = doc.normalized {
            fields.append(("normalize", .object([
                ("changes", .object(changes(of: doc).map { ($0.code, JSONValue.int($0.count)) })),
                ("direction", .string(normalized.direction.rawValue)),
                ("paragraphs", .array(normalized.paragraphs.map { p in
                    .object([("direction", .string(p.direction.rawValue)), ("script", .string(p.script)),
                             ("start", .int(p.start)), ("end", .int(p.end)), ("text", .string(slice(scalars, p.start, p.end)))])
                })),
            ])))
        } else {
            fields.append(("normalize", .null))
        }
        if let segments = doc.segments {
            fields.append(("detect", .object([
                ("language", .string(doc.language)),
                ("confidence", doc.languageConfidence.map { .double($0) } ?? .null),
                ("languages", .array(doc.languages.map { .object([("tag", .string($0.tag)), ("share", .double($0.share))]) })),
                ("segments", .array(segments.map { s in
                    .object([("language", .string(s.language)), ("script", .string(s.script)), ("confidence", .double(s.confidence)),
                             ("start", .int(s.start)), ("end", .int(s.end)), ("text", .string(slice(scalars, s.start, s.end)))])
                })),
            ])))
        } else {
            fields.append(("detect", .null))
        }
        fields.append(("restored", .array(doc.restored.map { r in
            .object([("start", .int(r.start)), ("end", .int(r.end)), ("from", .string(r.from)), ("to", .string(r.to))])
        })))
        fields.append(("warnings", .array(doc.warnings.map { w in
            .object([("stage", .string(w.stage)), ("code", .string(w.code)), ("message", .string(w.message)),
                     ("count", w.count.map { .int($0) } ?? .null)])
        })))
        fields.append(("error", trace.failure.map { .object([("stage", .string($0.stage)), ("message", .string($0.message))]) } ?? .null))
        return .object(fields)
    }

    // MARK: Text

    /// How the terminal view looks.
    public struct Style: Sendable {
        /// ANSI colours.
        public var color: Bool
        /// Right-to-left text reordered for terminals without bidi support.
        public var visualBidi: Bool
        /// Longest excerpt of a block, paragraph or segment, in characters.
        public var excerpt: Int

        public init(color: Bool, visualBidi: Bool, excerpt: Int = 72) {
            self.color = color
            self.visualBidi = visualBidi
            self.excerpt = excerpt
        }
    }

    /// The terminal view.
    public func text(_ style: Style) -> String {
        var out: [String] = []
        func paint(_ s: String, _ code: String) -> String { style.color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        func label(_ s: String) -> String { paint(s.padding(toLength: 11, withPad: " ", startingAt: 0), "1") }
        func excerpt(_ s: String, rtl: Bool? = nil) -> String {
            var line = String(String.UnicodeScalarView(s.unicodeScalars.map { $0 == "\n" || $0 == "\t" ? " " : $0 }))
            if line.unicodeScalars.count > style.excerpt {
                line = String(String.UnicodeScalarView(line.unicodeScalars.prefix(style.excerpt - 1))) + "…"
            }
            if style.visualBidi, line.unicodeScalars.contains(where: { (0x0590...0x08FF).contains($0.value) || (0xFB1D...0xFEFF).contains($0.value) }) {
                line = (try? VisualOrder.reorder(line, rightToLeft: rtl)) ?? line
            }
            return "“" + line + "”"
        }
        out.append(paint(inspection.path, "1") + "  " + paint("pipeline \(inspection.pipelineName) (hash \(inspection.pipelineHash))", "2"))
        if let failure = inspection.readFailure {
            out.append(paint("error: ", "31;1") + failure)
            return out.joined(separator: "\n") + "\n"
        }
        let total = inspection.documents.count + inspection.omitted
        for (n, trace) in inspection.documents.enumerated() {
            let doc = trace.document
            out.append("")
            var head = "── document \(n + 1) of \(total)  \(doc.id.prefix(12))…"
            if let member = doc.source.container { head += "#m\(member.ordinal)" + (doc.subIndex.map { ".\($0)" } ?? "") }
            else { head += doc.subIndex.map { "#\($0)" } ?? "" }
            if let member = doc.source.container { head += "  " + member.shownMembers }
            if let uri = doc.source.uri { head += "  " + uri }
            out.append(paint(head, "36"))
            if let c = doc.charset {
                out.append(label("decode") + "\(c.charset) — \(Self.why(c.source)), confidence \(String(format: "%.2f", c.confidence)); media type \(doc.mediaType ?? "unknown")")
            }
            if let failure = trace.failure {
                out.append(label("error") + paint("\(failure.stage): \(failure.message)", "31"))
            }
            if let extract = trace.extract {
                var line = "reader \(extract.reader)"
                if let title = doc.title { line += "; title " + excerpt(title) }
                line += "; \(doc.blocks.count) block\(doc.blocks.count == 1 ? "" : "s") kept"
                if let decisions = extract.decisions {
                    let dropped = Dictionary(grouping: decisions.filter { $0.verdict != .kept }, by: \.verdict.rawValue)
                        .map { "\($0.value.count) \($0.key)" }.sorted()
                    if !dropped.isEmpty { line += ", dropped: " + dropped.joined(separator: ", ") }
                }
                out.append(label("extract") + line)
                for d in extract.decisions ?? [] {
                    let mark = d.verdict == .kept ? paint("  + kept          ", "32") : paint("  - " + d.verdict.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0), "31")
                    let facts = String(format: "score %4.1f  chars %4d  links %.2f  vote %+.1f", d.score, d.chars, d.linkDensity, d.vote)
                    out.append(mark + paint(facts, "2") + "  " + d.element)
                    out.append(String(repeating: " ", count: 18) + (d.verdict == .kept ? excerpt(d.text) : paint(excerpt(d.text), "2")))
                }
            }
            if let normalized = doc.normalized {
                let changes = Self.changes(of: doc)
                out.append(label("normalize") + (changes.isEmpty ? "no changes" : changes.map { "\($0.code) \($0.count)" }.joined(separator: ", "))
                           + "; \(normalized.paragraphs.count) paragraph\(normalized.paragraphs.count == 1 ? "" : "s"), direction \(normalized.direction.rawValue)")
                let scalars = Array(normalized.text.unicodeScalars)
                for (i, p) in normalized.paragraphs.enumerated() {
                    let text = Self.slice(scalars, p.start, p.end)
                    out.append(String(format: "  %3d ", i + 1) + paint("\(p.direction.rawValue) \(p.script)", "35") + "  " + excerpt(text, rtl: p.direction == .rtl ? true : nil))
                }
                if let segments = doc.segments {
                    let language = doc.language.map { "\($0) (\(String(format: "%.2f", doc.languageConfidence ?? 0)))" } ?? "none"
                    let shares = doc.languages.map { "\($0.tag) \(String(format: "%.2f", $0.share))" }.joined(separator: ", ")
                    out.append(label("detect") + "language \(language); shares \(shares.isEmpty ? "none" : shares); \(segments.count) segment\(segments.count == 1 ? "" : "s")")
                    for s in segments {
                        let tag = paint(s.tag.padding(toLength: 9, withPad: " ", startingAt: 0), "34")
                        out.append("      " + tag + String(format: " %.2f  ", s.confidence) + excerpt(Self.slice(scalars, s.start, s.end), rtl: s.script == "Arab" ? true : nil))
                    }
                }
            }
            if !doc.restored.isEmpty {
                let words = doc.restored.map { "\($0.from)→\($0.to)" }
                out.append(label("hooks") + "\(doc.restored.count) word\(doc.restored.count == 1 ? "" : "s"): "
                           + excerpt(words.joined(separator: " ")))
            }
            if !doc.warnings.isEmpty {
                out.append(label("warnings"))
                for w in doc.warnings {
                    out.append("  " + paint("\(w.stage)/\(w.code)\(w.count.map { " ×\($0)" } ?? "")", "33") + ": " + w.message)
                }
            }
        }
        if inspection.omitted > 0 {
            out.append("")
            out.append(paint("… \(inspection.omitted) more document\(inspection.omitted == 1 ? "" : "s") of this file not shown (raise --max-documents to see them)", "2"))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Why a charset was chosen, in words.
    static func why(_ source: CharsetSource) -> String {
        switch source {
        case .bom: return "byte-order mark"
        case .transport: return "transport header (HTTP Content-Type)"
        case .declared: return "declared in the document"
        case .validated: return "valid UTF-8"
        case .detected: return "detected from byte statistics"
        case .default: return "nothing decided; default"
        }
    }
}
