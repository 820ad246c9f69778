import Testing
@testable import TaskaExtract

@Suite struct ClassTokenClassifierTests {
    private func tokens(_ value: String) -> [String] {
        ClassTokenClassifier.shared.classify(value).map { "\($0.token.text):\($0.kind)" }
    }

    @Test func splitsAtPunctuationAndReadsCompactedWords() {
        #expect(tokens("article-body__text") == ["article:content", "body:content", "text:content"])
        #expect(tokens("article-Body") == ["article:content", "body:content", "articlebody:content"])
        #expect(tokens("Site-Footer NAV") == ["footer:boilerplate", "nav:boilerplate"])
        #expect(tokens("most-read") == ["mostread:boilerplate"])
        #expect(tokens("social_links flex items-center") == ["social:boilerplate", "sociallinks:boilerplate"])
    }

    @Test func repeatsAreReportedAndUnlistedTokensAreNot() {
        #expect(tokens("nav nav-main") == ["nav:boilerplate", "nav:boilerplate", "main:content"])
        #expect(tokens("px-4 md:grid-cols-3 xyz") == [])
        #expect(tokens("") == [])
    }

    @Test func wordPressCategoryAndTagClassesGiveNothing() {
        #expect(tokens("post category-social-media tag-comments") == ["post:content"])
        #expect(tokens("Category-Main") == [])
    }

    @Test func longAndNonASCIITokensAreNotListed() {
        #expect(tokens("recommendationsandmore recommendations") == ["recommendations:boilerplate"])
        #expect(tokens("navé مقالة-main") == ["main:content"])
        #expect(tokens("a-very-long-compacted-word-sidebar") == ["sidebar:boilerplate"])
    }

    /// The first, byte-at-a-time implementation (three tokens built per byte), kept as the
    /// reference the word-at-a-time one is checked against.
    private func reference(_ value: String) -> [String] {
        typealias Token = ClassTokenClassifier.Token
        let table = ClassTokenClassifier.shared
        func hasPrefix(_ t: Token, _ p: String) -> Bool { t.length >= p.utf8.count && t.text.hasPrefix(p) }
        var found: [(token: Token, kind: ClassTokenClassifier.Kind)] = []
        var token = Token(), word = Token(), compact = Token()
        var parts = 0
        var wordStart = 0
        func endToken() {
            guard token.length > 0 else { return }
            if let k = table.kind(of: token) { found.append((token, k)) }
            token = Token()
            parts += 1
        }
        func endWord() {
            endToken()
            if hasPrefix(word, "category-") || hasPrefix(word, "tag-") {
                found.removeSubrange(wordStart...)
            } else if parts > 1, let k = table.kind(of: compact) {
                found.append((compact, k))
            }
            word = Token(); compact = Token(); parts = 0
            wordStart = found.count
        }
        for var b in value.utf8 {
            if b >= 0x41 && b <= 0x5A { b += 0x20 }
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C { endWord(); continue }
            word.append(b)
            if b != 0x2D && b != 0x5F { compact.append(b) }
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0x80 { token.append(b) } else { endToken() }
        }
        endWord()
        return found.map { "\($0.token.text):\($0.kind)" }
    }

    @Test func agreesWithTheByteAtATimeReference() {
        let pieces = ["nav", "Main", "footer", "-", "_", " ", "\t", "content", "post", "category-", "tag-", "Tag-", "byline", "ع",
                      "é", "x", "12", ":", "article", "body", "most", "read", "social", "links", "sidebar", "share", "__", "recommendations"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let value = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(tokens(value) == reference(value), "\(value.debugDescription)")
        }
    }

    @Test func aTokenInSeveralListsTakesTheFirstOfBoilerplateContentMeta() {
        let table = ClassTokenClassifier(boilerplate: ["x"], content: ["x", "y"], meta: ["y", "z"])
        #expect(table.kind(of: .init("x")) == .boilerplate)
        #expect(table.kind(of: .init("y")) == .content)
        #expect(table.kind(of: .init("z")) == .meta)
        #expect(table.kind(of: .init("w")) == nil)
    }

    @Test func voteCountsEachDistinctTokenOnceOverClassAndId() {
        func node(_ attributes: [(String, String)], name: String = "div") -> MarkupTree.Node {
            MarkupTree.Node(kind: .element, name: name, namespace: nil, attributes: attributes.map { (name: $0.0, value: $0.1) },
                            text: "", parent: 0, children: [], tag: HTMLTag(name: name))
        }
        #expect(TreeCleaner.vote(of: node([("class", "post content"), ("id", "post")])) == 2)
        #expect(TreeCleaner.vote(of: node([("class", "comment-body")])) == -1)
        #expect(TreeCleaner.vote(of: node([("class", "nav share ads")])) == -2)
        #expect(TreeCleaner.vote(of: node([("class", "byline")])) == -0.5)
        #expect(TreeCleaner.vote(of: node([("class", "entry")], name: "article")) == 2)
        #expect(TreeCleaner.vote(of: node([("class", "main")], name: "body")) == 0)
    }
}

@Suite struct HTMLTagTests {
    @Test func everyCaseIsItsOwnNameAndOtherNamesAreOther() {
        for tag in HTMLTag.allCases where tag != .other { #expect(HTMLTag(name: "\(tag)") == tag) }
        #expect(HTMLTag(name: "P") == .other)  // exact, as the String comparisons it replaces
        #expect(HTMLTag(name: "custom-element") == .other)
        #expect(HTMLTag(name: "other") == .other)
    }

    @Test func linkedTreesTagTheirElements() throws {
        let tree = try MarkupParser().parse("<div><p>a<a href=x>b</a></p><my-tag>c</my-tag></div>", syntax: .html, path: "t.html")
        let tags = tree.nodes.filter { $0.kind == .element }.map(\.tag)
        #expect(tags == [.other, .div, .p, .a, .other])  // the document node, then the elements as written
        #expect(tree.nodes.filter { $0.kind == .text }.allSatisfy { $0.tag == .other })
    }

    @Test func tagSetsHoldExactlyTheirLists() {
        for tag in HTMLTag.allCases {
            #expect(Selectors.invisibleTagSet.contains(tag) == Selectors.invisibleTags.contains("\(tag)"), "\(tag)")
            #expect(Selectors.furnitureTagSet.contains(tag) == Selectors.furnitureTags.contains("\(tag)"), "\(tag)")
            #expect(Selectors.blockKind(of: tag) == (tag == .other ? nil : Selectors.blockKinds["\(tag)"]), "\(tag)")
        }
    }

    /// The 8-byte count of visible scalars agrees with a scalar loop on mixes of white space,
    /// controls, ASCII, marks, format controls and lead/continuation bytes, at every length
    /// around the stride.
    @Test func visibleScalarsAgreeWithAByteLoop() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [String] = [" ", "\t", "\r", "\n", "\u{0B}", "\u{0C}", "\u{0E}", "a", "Z", ",", "ƙ", "ǝ", "ع", "😀", "\u{00A0}",
                                  "\u{0301}", "\u{064E}", "\u{00AD}", "\u{200F}", "\u{FEFF}", "\u{093F}", "\u{E0100}"]
        func attached(_ s: Unicode.Scalar) -> Bool {
            switch s.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
            default: return false
            }
        }
        for length in 0..<70 {
            for _ in 0..<20 {
                let text = (0..<length).map { _ in alphabet.randomElement(using: &rng)! }.joined()
                let expected = text.unicodeScalars.filter { !($0.value == 0x20 || ($0.value >= 0x09 && $0.value <= 0x0D)) && !attached($0) }.count
                #expect(TreeCleaner.visibleScalars(text) == expected, "\(text.debugDescription)")
            }
        }
    }

    /// The classifier against a plain reference over bytes (words at ASCII white space, tokens
    /// at other non-alphanumerics, the compacted word when it has several tokens) on random
    /// class values built from listed tokens, other words and separators.
    @Test func classifyAgreesWithAReferenceOnRandomValues() {
        let lists = [(Selectors.boilerplateTokens.tokens, ClassTokenClassifier.Kind.boilerplate),
                     (Selectors.contentTokens.tokens, .content), (Selectors.metaTokens.tokens, .meta)]
        func kind(_ bytes: [UInt8]) -> ClassTokenClassifier.Kind? {
            let text = String(decoding: bytes, as: UTF8.self)
            return lists.first { $0.0.contains(text) }?.1
        }
        func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        func isTokenByte(_ b: UInt8) -> Bool { b >= 0x80 || (b >= 0x30 && b <= 0x39) || (lower(b) >= 0x61 && lower(b) <= 0x7A) }
        func reference(_ value: String) -> [String] {
            var out: [String] = []
            for word in Array(value.utf8).split(whereSeparator: { [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains($0) }) {
                let w = word.map(lower)
                if w.starts(with: Array("category-".utf8)) || w.starts(with: Array("tag-".utf8)) { continue }
                let tokens = w.split(whereSeparator: { !isTokenByte($0) })
                for t in tokens where t.count <= 16 { if kind(Array(t)) != nil { out.append(String(decoding: t, as: UTF8.self)) } }
                let compact = w.filter { $0 != 0x2D && $0 != 0x5F }
                if tokens.count > 1 && compact.count <= 16 && kind(compact) != nil { out.append(String(decoding: compact, as: UTF8.self)) }
            }
            return out
        }
        var rng = SystemRandomNumberGenerator()
        let listed = Array(lists.flatMap(\.0)).sorted()
        let pieces = listed + ["x", "Post", "NAV", "a1", "ƙasa", "مقال", "category-news", "tag-", "verylongclassnamepart"]
        let separators = [" ", "-", "_", "  ", "\t", "__", ":", "/", ".", "\n"]
        for _ in 0..<2000 {
            var value = ""
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                value += pieces.randomElement(using: &rng)! + separators.randomElement(using: &rng)!
            }
            let got = ClassTokenClassifier.shared.classify(value).map(\.token.text)
            #expect(got == reference(value), "\(value.debugDescription)")
        }
    }
}
