/// One element of a parsed page, in Dossier's own tree: what the article extractor walks.
///
/// A class, because the extractor keeps per-element measures (text length, link text, score) on
/// the element while it walks the tree several times.
public final class HTMLElement {
    public enum Node {
        case element(HTMLElement)
        case text(String)
    }

    public let name: String
    let tag: HTMLTag
    public let attributes: [String: String]
    public var children: [Node] = []

    // Measures the extractor fills in (`ArticleExtractor.measure`).
    var textLength = 0
    var linkLength = 0
    var commas = 0
    var paragraphs = 0
    var score = 0.0
    var isScored = false
    var isRemoved = false

    init(name: String, tag: HTMLTag? = nil, attributes: [String: String] = [:]) {
        self.name = name
        self.tag = tag ?? HTMLTag(name: name)
        self.attributes = attributes
    }

    static let keptAttributes: Set<String> = [
        "id", "class", "href", "rel", "property", "name", "content", "lang", "datetime", "itemprop", "hidden",
        "aria-hidden", "style", "role", "type", "charset", "http-equiv",
    ]

    var elements: [HTMLElement] {
        children.compactMap {
            if case .element(let element) = $0 { return element }
            return nil
        }
    }

    /// Class and id together, lower-cased, for the hints that tell content from boilerplate.
    lazy var classAndIDBytes: [UInt8] = Keywords.lowercased((attributes["class"] ?? "") + " " + (attributes["id"] ?? ""))

    /// Hidden from readers: the `hidden` attribute, `aria-hidden="true"` or an inline `display: none`.
    var isHidden: Bool {
        if attributes["hidden"] != nil { return true }
        if attributes["aria-hidden"]?.lowercased() == "true" { return true }
        if let style = attributes["style"]?.lowercased() {
            let compact = style.filter { $0 != " " }
            if compact.contains("display:none") || compact.contains("visibility:hidden") { return true }
        }
        return false
    }

    /// Every element below this one, depth first, without recursion.
    func forEachDescendant(_ body: (HTMLElement) -> Void) {
        var stack = elements.reversed() as [HTMLElement]
        while let element = stack.popLast() {
            body(element)
            for child in element.children.reversed() {
                if case .element(let next) = child { stack.append(next) }
            }
        }
    }

    /// The first descendant (or this element) that satisfies `predicate`, depth first.
    func first(where predicate: (HTMLElement) -> Bool) -> HTMLElement? {
        var stack: [HTMLElement] = [self]
        while let element = stack.popLast() {
            if predicate(element) { return element }
            for child in element.children.reversed() {
                if case .element(let next) = child { stack.append(next) }
            }
        }
        return nil
    }

    /// The text of this element and everything below it, whitespace collapsed.
    var text: String {
        var parts: [String] = []
        var stack: [Node] = children.reversed()
        while let node = stack.popLast() {
            switch node {
            case .text(let text): parts.append(text)
            case .element(let element): stack.append(contentsOf: element.children.reversed())
            }
        }
        return HTMLText.collapsingWhitespace(parts.joined(separator: " "))
    }
}

/// The tags the extractor treats differently; every other tag is `.other`.
enum HTMLTag: UInt8 {
    case html, head, body, title, meta, link, script
    case p, div, span, section, article, main, header, footer, nav, aside, form, fieldset
    case h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd, table, thead, tbody, tfoot, tr, td, th, caption
    case a, br, hr, pre, blockquote, figure, figcaption, address, center, details, summary, time, font
    case b, i, em, strong, u, small, sup, sub, abbr, cite, q, mark, code
    case noscript, style, template, svg, math, iframe, object, embed, canvas, video, audio, picture, source
    case track, img, map, button, select, option, input, textarea, label, dialog, menu
    case other

    private static let byName: [String: HTMLTag] = {
        var table: [String: HTMLTag] = [:]
        for value in 0...HTMLTag.other.rawValue {
            if let tag = HTMLTag(rawValue: value) { table["\(tag)"] = tag }
        }
        return table
    }()

    init(name: String) {
        self = Self.byName[name] ?? .other
    }

    /// Never text a reader reads as the article: dropped while the tree is built.
    var isDropped: Bool {
        switch self {
        case .script, .noscript, .style, .template, .svg, .math, .iframe, .object, .embed, .canvas, .video, .audio,
            .picture, .source, .track, .img, .map, .button, .select, .option, .input, .textarea, .dialog:
            true
        default: false
        }
    }

    /// Starts a new paragraph in the extracted text.
    var isBlock: Bool {
        switch self {
        case .p, .div, .section, .article, .main, .header, .footer, .nav, .aside, .form, .fieldset, .h1, .h2, .h3, .h4,
            .h5, .h6, .ul, .ol, .li, .dl, .dt, .dd, .table, .thead, .tbody, .tfoot, .tr, .caption, .pre, .blockquote,
            .figure, .figcaption, .address, .center, .details, .summary, .body, .html, .hr, .menu:
            true
        default: false
        }
    }

    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: true
        default: false
        }
    }
}

enum HTMLText {
    /// Runs of whitespace (including no-break spaces) become one space; the ends are trimmed.
    static func collapsingWhitespace(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace {
                    result.append(" ")
                    pendingSpace = false
                }
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }
}
