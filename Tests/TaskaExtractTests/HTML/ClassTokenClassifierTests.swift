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
                            text: "", parent: 0, children: [])
        }
        #expect(TreeCleaner.vote(of: node([("class", "post content"), ("id", "post")])) == 2)
        #expect(TreeCleaner.vote(of: node([("class", "comment-body")])) == -1)
        #expect(TreeCleaner.vote(of: node([("class", "nav share ads")])) == -2)
        #expect(TreeCleaner.vote(of: node([("class", "byline")])) == -0.5)
        #expect(TreeCleaner.vote(of: node([("class", "entry")], name: "article")) == 2)
        #expect(TreeCleaner.vote(of: node([("class", "main")], name: "body")) == 0)
    }
}
