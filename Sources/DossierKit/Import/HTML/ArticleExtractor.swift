/// Finds the text a reader reads on a saved page, without menus, footers, share buttons and the like.
///
/// Readability's way (<https://github.com/mozilla/readability>), in general heuristics only:
/// paragraphs score their ancestors by length and commas; class and id names that say content
/// (article, story, body…) or boilerplate (comment, share, related, footer…) weigh in; link-heavy
/// blocks lose; the best block and the siblings that score near it are the article, cleaned of
/// link lists and small link-heavy boxes. If that leaves too little text, the page is read again
/// with fewer rules, as Readability does. No page or site is special-cased.
public struct ArticleExtractor: Sendable {
    /// Recorded with every document extracted from HTML, so that a later, better extractor can be
    /// told apart (and the page imported again).
    public static let version = "dossier-html-1"

    public init() {}

    /// The article's paragraphs and headings, in order, each one line of collapsed whitespace.
    public func paragraphs(of root: HTMLElement) -> [String] {
        let body = root.first { $0.tag == .body } ?? root
        var best: [String] = []
        var bestLength = 0
        for rules in [Rules.all, Rules(stripUnlikely: false), Rules(stripUnlikely: false, weighClasses: false), Rules.none] {
            let paragraphs = attempt(body, rules: rules)
            let length = paragraphs.reduce(0) { $0 + $1.count }
            if length >= Self.enoughText { return paragraphs }
            if length > bestLength {
                best = paragraphs
                bestLength = length
            }
        }
        return best
    }

    /// Characters of text under which a result is taken as a failure and the page read with fewer rules.
    static let enoughText = 500

    struct Rules {
        var stripUnlikely = true
        var weighClasses = true
        var cleanConditionally = true

        static let all = Rules()
        static let none = Rules(stripUnlikely: false, weighClasses: false, cleanConditionally: false)
    }

    // MARK: One attempt

    private func attempt(_ body: HTMLElement, rules: Rules) -> [String] {
        var parents: [ObjectIdentifier: HTMLElement] = [:]
        var ordered: [HTMLElement] = []
        reset(body, parents: &parents, ordered: &ordered)
        for element in ordered where isBoilerplate(element, rules: rules) {
            element.isRemoved = true
        }
        Self.measure(body)
        // A form that holds the page (ASP.NET wraps everything in one) is kept; a search box is not.
        for element in ordered where element.tag == .form && !element.isRemoved && element.paragraphs < 3 {
            element.isRemoved = true
        }
        Self.measure(body)

        var candidates: [HTMLElement] = []
        for element in ordered where !element.isRemoved && !hasRemovedAncestor(element, parents) {
            guard let (length, commas) = paragraphMeasure(element), length >= 25 else { continue }
            let contentScore = 1.0 + Double(commas) + min(Double(length) / 100, 3)
            var ancestor = parents[ObjectIdentifier(element)]
            var level = 0
            while let current = ancestor, level < 5, current.tag != .html {
                if !current.isScored {
                    initialize(current, rules: rules)
                    candidates.append(current)
                }
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level) * 3
                current.score += contentScore / divider
                ancestor = parents[ObjectIdentifier(current)]
                level += 1
            }
        }
        guard !candidates.isEmpty else { return Self.text(of: [body], parents: parents, rules: rules, title: nil) }
        for candidate in candidates {
            candidate.score *= 1 - Self.linkDensity(candidate)
        }
        candidates.sort { $0.score > $1.score }
        var top = candidates[0]
        top = promote(top, among: Array(candidates.prefix(5)), parents: parents)

        let selected = siblings(of: top, parents: parents)
        if rules.cleanConditionally {
            for root in selected { clean(root, rules: rules) }
        }
        return Self.text(of: selected, parents: parents, rules: rules, title: nil)
    }

    private func reset(_ body: HTMLElement, parents: inout [ObjectIdentifier: HTMLElement], ordered: inout [HTMLElement]) {
        var stack: [HTMLElement] = [body]
        while let element = stack.popLast() {
            element.isRemoved = false
            element.isScored = false
            element.score = 0
            ordered.append(element)
            for child in element.children.reversed() {
                if case .element(let next) = child {
                    parents[ObjectIdentifier(next)] = element
                    stack.append(next)
                }
            }
        }
    }

    private func hasRemovedAncestor(_ element: HTMLElement, _ parents: [ObjectIdentifier: HTMLElement]) -> Bool {
        var ancestor = parents[ObjectIdentifier(element)]
        while let current = ancestor {
            if current.isRemoved { return true }
            ancestor = parents[ObjectIdentifier(current)]
        }
        return false
    }

    /// Navigation, asides and footers, hidden boxes, and (first attempt) blocks whose class or id
    /// says menu, comment, share, cookie… unless it also says article or content.
    private func isBoilerplate(_ element: HTMLElement, rules: Rules) -> Bool {
        switch element.tag {
        case .nav, .aside, .footer, .menu: return true
        case .body, .html, .article, .main, .a: return false
        default: break
        }
        if let role = element.attributes["role"]?.lowercased(), Self.boilerplateRoles.contains(role) { return true }
        guard rules.stripUnlikely else { return false }
        let names = element.classAndIDBytes
        guard names.count > 1 else { return false }
        if Keywords.any(Self.alwaysUnlikely, in: names) { return true }
        return Keywords.any(Self.unlikely, in: names) && !Keywords.any(Self.maybeCandidate, in: names)
    }

    /// Inside the article, short boxes named like these are bylines, credits, tags and prompts.
    static let smallBoilerplate = Keywords([
        "byline", "author", "timestamp", "dateline", "credit", "caption", "social", "tags", "related", "newsletter",
        "promo", "advert", "-ad-", "subscribe", "breadcrumb", "toolbar", "share", "print", "trending", "signup",
    ])
    static let share = Keywords(["share", "sharing"])
    static let boilerplateRoles: Set<String> = [
        "navigation", "menu", "menubar", "complementary", "alert", "alertdialog", "dialog", "banner", "contentinfo",
        "search",
    ]
    static let unlikely = Keywords([
        "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
        "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
        "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "yom-remote", "cookie", "consent", "newsletter", "share", "sharing", "promo", "subscribe", "signup",
    ])
    /// Boxes that are never the article even when their names also say "body" or "content"
    /// (`comment-body`, `cookie-content`).
    static let alwaysUnlikely = Keywords(["comment", "disqus", "cookie", "consent", "newsletter", "related-", "-related"])
    static let maybeCandidate = Keywords(["and", "article", "body", "column", "content", "main", "shadow"])
    static let negative = Keywords([
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footnote", "gdpr", "masthead",
        "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
        "sponsor", "shopping", "tags", "tool", "widget", "cookie", "newsletter", "subscribe", "byline", "caption",
    ])
    static let positive = Keywords([
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog",
        "story",
    ])

    /// What an element counts as a paragraph: its length and commas, or nil when it is not one.
    /// A `div` (or similar) counts by its own text outside child blocks.
    private func paragraphMeasure(_ element: HTMLElement) -> (Int, Int)? {
        switch element.tag {
        case .p, .pre, .td, .h2, .h3, .h4, .h5, .h6, .blockquote:
            return (element.textLength, element.commas)
        case .div, .section, .article, .main, .span, .font, .center, .dd, .li, .other:
            var length = 0
            var commas = 0
            var hasBlock = false
            for child in element.children {
                switch child {
                case .text(let text):
                    let measured = Self.measure(text)
                    length += measured.length
                    commas += measured.commas
                case .element(let inner):
                    if inner.isRemoved { continue }
                    if inner.tag.isBlock {
                        hasBlock = true
                    } else {
                        length += inner.textLength
                        commas += inner.commas
                    }
                }
            }
            if element.tag == .span || element.tag == .font || element.tag == .other { return hasBlock ? nil : nil }
            if element.tag == .li { return nil }
            return (length, commas)
        default:
            return nil
        }
    }

    private func initialize(_ element: HTMLElement, rules: Rules) {
        element.isScored = true
        var score: Double
        switch element.tag {
        case .div: score = 5
        case .pre, .td, .blockquote: score = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: score = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: score = -5
        default: score = 0
        }
        if rules.weighClasses { score += Double(Self.classWeight(element)) }
        element.score = score
    }

    /// +25 for a class or id that says content, -25 for one that says boilerplate, for each of the two.
    static func classWeight(_ element: HTMLElement) -> Int {
        var weight = 0
        for value in [element.attributes["class"], element.attributes["id"]] {
            guard let value, !value.isEmpty else { continue }
            let bytes = Keywords.lowercased(value)
            if Keywords.any(negative, in: bytes) { weight -= 25 }
            if Keywords.any(positive, in: bytes) { weight += 25 }
        }
        return weight
    }

    /// Readability's second look at the winner: a common ancestor of several near-winners, or a
    /// parent that scores better, holds the whole article.
    private func promote(
        _ top: HTMLElement, among leaders: [HTMLElement], parents: [ObjectIdentifier: HTMLElement]
    ) -> HTMLElement {
        var top = top
        let alternatives = leaders.dropFirst().filter { $0.score >= top.score * 0.75 }
        if alternatives.count >= 3 {
            let ancestorSets = alternatives.map { ancestors(of: $0, parents: parents) }
            var parent = parents[ObjectIdentifier(top)]
            while let current = parent, current.tag != .body {
                let containing = ancestorSets.filter { $0.contains(ObjectIdentifier(current)) }.count
                if containing >= 3 {
                    top = current
                    break
                }
                parent = parents[ObjectIdentifier(current)]
            }
        }
        var parent = parents[ObjectIdentifier(top)]
        var lastScore = top.score
        let threshold = lastScore / 3
        while let current = parent, current.tag != .body {
            if !current.isScored {
                parent = parents[ObjectIdentifier(current)]
                continue
            }
            if current.score < threshold { break }
            if current.score > lastScore {
                top = current
                break
            }
            lastScore = current.score
            parent = parents[ObjectIdentifier(current)]
        }
        while let current = parents[ObjectIdentifier(top)], current.tag != .body,
            current.elements.filter({ !$0.isRemoved }).count == 1
        {
            top = current
        }
        return top
    }

    private func ancestors(of element: HTMLElement, parents: [ObjectIdentifier: HTMLElement]) -> Set<ObjectIdentifier> {
        var set: Set<ObjectIdentifier> = []
        var parent = parents[ObjectIdentifier(element)]
        while let current = parent {
            set.insert(ObjectIdentifier(current))
            parent = parents[ObjectIdentifier(current)]
        }
        return set
    }

    /// The winner and those of its siblings that read as part of the same article.
    private func siblings(of top: HTMLElement, parents: [ObjectIdentifier: HTMLElement]) -> [HTMLElement] {
        guard let parent = parents[ObjectIdentifier(top)], top.tag != .body else { return [top] }
        let threshold = max(10, top.score * 0.2)
        let topClass = top.attributes["class"] ?? ""
        var selected: [HTMLElement] = []
        for sibling in parent.elements where !sibling.isRemoved {
            if sibling === top {
                selected.append(sibling)
                continue
            }
            var bonus = 0.0
            if !topClass.isEmpty, sibling.attributes["class"] == topClass { bonus = top.score * 0.2 }
            if sibling.isScored, sibling.score + bonus >= threshold {
                selected.append(sibling)
            } else if sibling.tag == .p || (sibling.tag == .div && !sibling.children.contains(where: Self.isBlockChild)) {
                let density = Self.linkDensity(sibling)
                let length = sibling.textLength
                if length > 80 && density < 0.25 {
                    selected.append(sibling)
                } else if length > 0 && length <= 80 && density == 0 {
                    let text = sibling.text
                    if text.contains(". ") || text.hasSuffix(".") { selected.append(sibling) }
                }
            }
        }
        return selected
    }

    private static func isBlockChild(_ node: HTMLElement.Node) -> Bool {
        if case .element(let element) = node { return element.tag.isBlock }
        return false
    }

    // MARK: Cleaning the winner

    /// Removes, under the article's root, boxes that read as lists of links, share bars and the like.
    private func clean(_ root: HTMLElement, rules: Rules) {
        var stack: [HTMLElement] = root.elements
        var postOrder: [HTMLElement] = []
        while let element = stack.popLast() {
            if element.isRemoved { continue }
            postOrder.append(element)
            stack.append(contentsOf: element.elements)
        }
        // Innermost first, as Readability does, so an outer box is judged without what was taken out of it.
        for element in postOrder.reversed() {
            let names = element.classAndIDBytes
            if Keywords.any(Self.share, in: names), element.textLength < 500 {
                element.isRemoved = true
                continue
            }
            if element.textLength < 300, Keywords.any(Self.smallBoilerplate, in: names) {
                element.isRemoved = true
                continue
            }
            if element.tag == .figcaption || element.tag == .figure, element.paragraphs == 0 {
                element.isRemoved = true
                continue
            }
            if element.tag.isHeading, rules.weighClasses, Self.classWeight(element) < 0 {
                element.isRemoved = true
                continue
            }
            switch element.tag {
            case .form, .fieldset, .table, .ul, .ol, .div, .section, .header:
                if shouldRemoveConditionally(element, rules: rules) {
                    element.isRemoved = true
                    Self.measure(root)
                }
            default: continue
            }
        }
    }

    private func shouldRemoveConditionally(_ element: HTMLElement, rules: Rules) -> Bool {
        let weight = rules.weighClasses ? Self.classWeight(element) : 0
        if Double(weight) + (element.isScored ? element.score : 0) < 0 { return true }
        guard element.commas < 10 else { return false }
        var paragraphs = 0
        var items = 0
        var headingsLength = 0
        element.forEachDescendant { inner in
            guard !inner.isRemoved else { return }
            switch inner.tag {
            case .p: paragraphs += 1
            case .li: items += 1
            case .h1, .h2, .h3, .h4, .h5, .h6: headingsLength += inner.textLength
            default: break
            }
        }
        let isList = element.tag == .ul || element.tag == .ol
        let length = element.textLength
        let density = Self.linkDensity(element)
        let headingDensity = length == 0 ? 0 : Double(headingsLength) / Double(length)
        if !isList, items - 100 > paragraphs { return true }
        if !isList, headingDensity < 0.9, length < 25, density > 0 { return true }
        if !isList, weight < 25, density > 0.2 { return true }
        if weight >= 25, density > 0.5 { return true }
        if isList, density > 0.5 { return true }
        return false
    }

    // MARK: Measures

    static func linkDensity(_ element: HTMLElement) -> Double {
        element.textLength == 0 ? 0 : Double(element.linkLength) / Double(element.textLength)
    }

    /// Fills in text length, link text length, commas and paragraph count of every element that is
    /// not removed, bottom up, without recursion.
    static func measure(_ root: HTMLElement) {
        var stack: [(HTMLElement, Bool)] = [(root, false)]
        while let (element, visited) = stack.popLast() {
            if !visited {
                stack.append((element, true))
                for child in element.children {
                    if case .element(let inner) = child, !inner.isRemoved { stack.append((inner, false)) }
                }
                continue
            }
            var length = 0
            var links = 0
            var commas = 0
            var paragraphs = 0
            for child in element.children {
                switch child {
                case .text(let text):
                    let measured = measure(text)
                    length += measured.length
                    commas += measured.commas
                case .element(let inner):
                    guard !inner.isRemoved else { continue }
                    length += inner.textLength
                    links += inner.tag == .a ? inner.textLength : inner.linkLength
                    commas += inner.commas
                    paragraphs += inner.paragraphs + (inner.tag == .p && inner.textLength >= 25 ? 1 : 0)
                }
            }
            element.textLength = length
            element.linkLength = links
            element.commas = commas
            element.paragraphs = paragraphs
        }
    }

    /// Length of a text with its runs of whitespace counted as one, and its commas.
    static func measure(_ text: String) -> (length: Int, commas: Int) {
        var length = 0
        var commas = 0
        var inSpace = true
        for byte in text.utf8 {
            // Continuation bytes are not characters; ASCII whitespace is the only whitespace counted as such.
            if byte & 0xC0 == 0x80 { continue }
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                if !inSpace { length += 1 }
                inSpace = true
            } else {
                length += 1
                inSpace = false
                if byte == 0x2C { commas += 1 }
            }
        }
        return (length, commas)
    }

    // MARK: Text

    /// The text of the selected roots: each block a paragraph, `<br>` a line break, the page's
    /// `<h1>` left out (it is the title, kept as such).
    static func text(
        of roots: [HTMLElement], parents: [ObjectIdentifier: HTMLElement], rules: Rules, title: String?
    ) -> [String] {
        var writer = ParagraphWriter()
        for root in roots {
            writer.breakParagraph()
            write(root, into: &writer)
            writer.breakParagraph()
        }
        return writer.paragraphs.filter { !isLabel($0) }
    }

    /// Words a page sets between paragraphs that are no part of the text: "Advertisement", "Read
    /// more"… A paragraph that is only one of them is left out.
    static func isLabel(_ paragraph: String) -> Bool {
        guard paragraph.count <= 40 else { return false }
        let words = paragraph.lowercased().unicodeScalars.split { !$0.properties.isAlphabetic }.map {
            String(String.UnicodeScalarView($0))
        }
        return labels.contains(words.joined(separator: " "))
    }

    static let labels: Set<String> = [
        "advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content", "trending", "read more",
        "continue reading", "read next", "related", "related articles", "related stories", "share", "share this",
        "share this article", "share this story", "share on facebook", "share on twitter", "tweet", "email", "print",
        "comments", "show comments", "hide comments", "story continues below", "article continues below",
        "story continues below advertisement", "scroll to continue", "skip advertisement", "more", "see more",
        "click to expand", "loading", "subscribe", "sign up", "newsletter", "publicité", "lire aussi", "à lire aussi",
        "partager", "anzeige", "werbung",
    ]

    private enum Step {
        case enter(HTMLElement)
        case leave(HTMLElement)
        case text(String)
    }

    private static func write(_ root: HTMLElement, into writer: inout ParagraphWriter) {
        var stack: [Step] = [.enter(root)]
        while let step = stack.popLast() {
            switch step {
            case .text(let text):
                writer.append(text)
            case .leave(let element):
                if element.tag.isBlock {
                    writer.breakParagraph()
                } else if element.tag == .td || element.tag == .th {
                    writer.append(" ")
                }
            case .enter(let element):
                if element.isRemoved || element.tag == .h1 { continue }
                if element.tag == .br {
                    writer.breakLine()
                    continue
                }
                if element.tag.isBlock { writer.breakParagraph() }
                stack.append(.leave(element))
                for child in element.children.reversed() {
                    switch child {
                    case .text(let text): stack.append(.text(text))
                    case .element(let inner): stack.append(.enter(inner))
                    }
                }
            }
        }
    }
}

/// Collects text into paragraphs, collapsing whitespace as a browser does.
struct ParagraphWriter {
    private(set) var paragraphs: [String] = []
    private var lines: [String] = []
    private var current = String.UnicodeScalarView()
    private var pendingSpace = false

    mutating func append(_ text: String) {
        for scalar in text.unicodeScalars {
            if HTMLText.isSpace(scalar) {
                pendingSpace = !current.isEmpty
            } else {
                if pendingSpace {
                    current.append(" ")
                    pendingSpace = false
                }
                current.append(scalar)
            }
        }
    }

    mutating func breakLine() {
        if !current.isEmpty { lines.append(String(current)) }
        current = String.UnicodeScalarView()
        pendingSpace = false
    }

    mutating func breakParagraph() {
        breakLine()
        if !lines.isEmpty { paragraphs.append(lines.joined(separator: "\n")) }
        lines = []
    }

    var finished: [String] {
        var copy = self
        copy.breakParagraph()
        return copy.paragraphs
    }
}

/// Words looked for inside class and id names, as bytes: `String.contains` goes through Foundation
/// here and took a third of the extraction's time.
struct Keywords: Sendable {
    let words: [[UInt8]]

    init(_ words: [String]) {
        self.words = words.map { Array($0.utf8) }
    }

    static func any(_ keywords: Keywords, in haystack: [UInt8]) -> Bool {
        keywords.words.contains { contains(haystack, $0) }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = 1
                while matched < needle.count && haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    /// ASCII letters lower-cased; other bytes as they are.
    static func lowercased(_ text: String) -> [UInt8] {
        text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }
}
