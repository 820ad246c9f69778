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
}
