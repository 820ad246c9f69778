import TaskaCore

/// Every tag, role and class/id token list the HTML extractor consults, in one place.
///
/// Class and id tokens are English words chosen by site builders; they are one vote among
/// several (text and link density, punctuation, position, tag semantics) and never remove or
/// keep text on their own. Tags and ARIA roles are markup semantics and language-neutral.
///
/// > Warning: An empty token list would match nothing silently (or, if negated, everything):
/// > `TokenList.init` refuses one with a precondition failure.
enum Selectors {
    /// A non-empty set of lowercase tokens.
    struct TokenList: Sendable {
        let tokens: Set<String>

        init(_ tokens: [String]) {
            precondition(!tokens.isEmpty, "an empty token list would match nothing")
            self.tokens = Set(tokens)
        }

                func contains(_ token: String) -> Bool { tokens.contains(token) }
    }

    /// Elements whose content is never visible text. (`button` is not one: libxml2 2.9 nests
    /// whole pages inside an unclosed button; `noscript` is soft-hidden like `hidden`, since some
    /// sites serve their whole text there; `head` is not one: libxml2 puts body
    /// content that follows stray markup in the head inside it; its own children are invisible.)
    static let invisibleTags = TokenList([
        "title", "base", "script", "style", "template", "svg", "math", "iframe", "object",
        "embed", "canvas", "select", "option", "datalist", "textarea", "input", "meta", "link",
        "dialog", "map", "audio", "video", "picture", "source",
    ])

    /// `invisibleTags` as tags.
    static let invisibleTagSet = HTMLTagSet(invisibleTags.tokens)

    /// Elements that are page furniture by HTML semantics.
    static let furnitureTags = TokenList(["nav", "aside", "footer", "menu"])
    static let furnitureTagSet = HTMLTagSet(furnitureTags.tokens)

    /// ARIA roles of page furniture.
    static let furnitureRoles = TokenList([
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
        "menu", "menubar", "toolbar", "tablist",
    ])

    /// ARIA roles and elements that mark the main content.
    static let mainRoles = TokenList(["main", "article"])

    /// Class/id tokens of boilerplate blocks (one vote; see the type's comment).
    static let boilerplateTokens = TokenList([
        "nav", "navbar", "navigation", "menu", "submenu", "breadcrumb", "breadcrumbs", "crumbs", "pagination", "pager",
        "sidebar", "aside", "rail",
        "footer", "foot", "copyright", "colophon", "masthead", "topbar",
        "share", "sharing", "social", "sociallinks", "follow",
        "related", "recommended", "recommendations", "trending", "popular", "mostread", "outbrain", "taboola", "teaser", "teasers",
        "comment", "comments", "disqus", "respond", "reply", "replies",
        "cookie", "cookies", "consent", "gdpr", "banner", "popup", "modal", "overlay", "newsletter", "subscribe", "subscription", "signup", "paywall",
        "ad", "ads", "advert", "advertisement", "adsense", "sponsor", "sponsored", "promo", "promotion",
        "tags", "tagcloud", "keywords", "skip", "login", "search", "toolbar", "print", "tools",
    ])

    /// Class/id tokens whose element holds the main text (one vote).
    static let contentTokens = TokenList([
        "article", "articlebody", "content", "entry", "main", "post", "story", "body", "text", "blog",
        "prose", "richtext", "detail", "news", "page", "single",
    ])

    /// Class/id tokens of bylines, datelines and captions near the text: weakly negative.
    static let metaTokens = TokenList(["byline", "author", "meta", "date", "dateline", "caption", "credit", "credits", "info", "timestamp"])

    /// Elements that start and end a block of text, with the kind of block.
    static let blockKinds: [String: TextBlock.Kind] = [
        "p": .paragraph, "div": .paragraph, "section": .paragraph, "article": .paragraph, "main": .paragraph,
        "header": .paragraph, "footer": .paragraph, "nav": .paragraph, "aside": .paragraph, "form": .paragraph,
        "figure": .paragraph, "figcaption": .paragraph, "address": .paragraph, "center": .paragraph,
        "dd": .paragraph, "dt": .paragraph, "dl": .paragraph, "fieldset": .paragraph, "legend": .paragraph,
        "details": .paragraph, "summary": .paragraph, "caption": .paragraph, "body": .paragraph, "html": .paragraph,
        "h1": .heading, "h2": .heading, "h3": .heading, "h4": .heading, "h5": .heading, "h6": .heading,
        "li": .listItem, "ul": .paragraph, "ol": .paragraph, "menu": .paragraph,
        "blockquote": .quote, "tr": .tableRow, "table": .paragraph, "thead": .paragraph, "tbody": .paragraph,
        "tfoot": .paragraph, "pre": .preformatted, "hr": .paragraph,
    ]

    /// `blockKinds` by tag (`rawValue` index); nil for inline elements.
    static let blockKindOfTag: [TextBlock.Kind?] = {
        var table = [TextBlock.Kind?](repeating: nil, count: HTMLTag.allCases.count)
        for (name, kind) in blockKinds {
            guard let tag = HTMLTag.byName[name] else { preconditionFailure("\(name) is not an HTMLTag case") }
            table[Int(tag.rawValue)] = kind
        }
        return table
    }()

    @inline(__always) static func blockKind(of tag: HTMLTag) -> TextBlock.Kind? { blockKindOfTag[Int(tag.rawValue)] }
}
