import Foundation

/// What a saved page says about itself: Open Graph and article meta tags, JSON-LD, `<link
/// rel=canonical>`, `<time>`, `<html lang>` and `<title>`.
///
/// Every value is cleaned to pass Dossier's metadata rules (no control characters, an ISO 639-1
/// language, an ISO date, an absolute http(s) URL); a value that cannot be is left out rather than
/// failing the page, since the archivist did not write it.
enum WebPageMetadata {
    static func read(_ parsed: HTMLDocument.Parsed) -> DocumentMetadata {
        let root = parsed.root
        var meta: [String: String] = [:]
        var canonical: String?
        var titleText: String?
        var firstHeading: String?
        var timeDatetime: String?
        var itemprops: [String: String] = [:]
        var stack: [HTMLElement] = [root]
        while let element = stack.popLast() {
            switch element.tag {
            case .meta:
                let key = (element.attributes["property"] ?? element.attributes["name"] ?? "").lowercased()
                if !key.isEmpty, meta[key] == nil, let content = element.attributes["content"] { meta[key] = content }
                if let prop = element.attributes["itemprop"]?.lowercased(), itemprops[prop] == nil,
                    let content = element.attributes["content"]
                {
                    itemprops[prop] = content
                }
            case .link:
                let relations = (element.attributes["rel"] ?? "").lowercased().split(separator: " ")
                if canonical == nil, relations.contains("canonical") { canonical = element.attributes["href"] }
            case .title:
                if titleText == nil { titleText = element.text }
            case .h1:
                if firstHeading == nil, !element.isRemoved {
                    let text = element.text
                    if !text.isEmpty { firstHeading = text }
                }
            case .time:
                if timeDatetime == nil { timeDatetime = element.attributes["datetime"] }
            default:
                if let prop = element.attributes["itemprop"]?.lowercased(), itemprops[prop] == nil {
                    itemprops[prop] = element.attributes["datetime"] ?? element.attributes["content"]
                }
            }
            for child in element.children.reversed() {
                if case .element(let next) = child { stack.append(next) }
            }
        }
        let linked = LinkedData(parsed.jsonLD)
        let siteName = clean(meta["og:site_name"]) ?? linked.publisher ?? clean(meta["publisher"])
        var metadata = DocumentMetadata()
        let titles: [String?] = [clean(meta["og:title"]), linked.headline, clean(firstHeading), clean(titleText)]
        metadata.title = titles.lazy.compactMap { $0 }.first.map { withoutSiteSuffix($0, siteName: siteName) }
        let urls: [String?] = [canonical, meta["og:url"], linked.url]
        metadata.url = urls.lazy.compactMap { $0.flatMap(absoluteURL) }.first
        metadata.publisher = siteName
        let authors: [String?] = [clean(meta["author"]), linked.author, clean(meta["article:author"])]
        metadata.author = authors.lazy.compactMap { $0 }.first { !$0.lowercased().hasPrefix("http") }
        let dates: [String?] = [
            meta["article:published_time"], linked.datePublished, itemprops["datepublished"], meta["date"],
            meta["dc.date"], meta["dcterms.date"], timeDatetime,
        ]
        metadata.published = dates.lazy.compactMap { $0.flatMap(isoDate) }.first
        metadata.language = root.attributes["lang"].flatMap(language) ?? meta["og:locale"].flatMap(language)
        return metadata
    }

    /// Whitespace collapsed, control characters removed, empty as nil.
    static func clean(_ value: String?) -> String? {
        guard let value else { return nil }
        let cleaned = HTMLText.collapsingWhitespace(
            String(String.UnicodeScalarView(value.unicodeScalars.filter { !ControlCharacter.isRefused($0) || $0 == "\t" })))
        return cleaned.isEmpty ? nil : cleaned
    }

    static func isoDate(_ raw: String) -> String? {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 10 else { return nil }
        return ISODate.dateValue(String(trimmed.prefix(10)))
    }

    static func language(_ raw: String) -> String? {
        let code = raw.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? raw
        return LanguageCode.normalized(code)
    }

    static func absoluteURL(_ raw: String) -> String? {
        guard let cleaned = clean(raw), !cleaned.contains(" "), let url = URL(string: cleaned),
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil
        else { return nil }
        return cleaned
    }

    /// "Title | Europol", "Title - Site", "Site: Title" without the site's name: the part that names
    /// the site (the publisher's name, or a short part at either end) is dropped.
    static func withoutSiteSuffix(_ title: String, siteName: String?) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " • "] {
            let parts = title.components(separatedBy: separator)
            guard parts.count >= 2 else { continue }
            let last = parts[parts.count - 1].trimmingCharacters(in: .whitespaces)
            let first = parts[0].trimmingCharacters(in: .whitespaces)
            let isSite = { (part: String) -> Bool in
                if let siteName, part.caseInsensitiveCompare(siteName) == .orderedSame { return true }
                return false
            }
            if isSite(last) || (siteName == nil && last.split(separator: " ").count <= 3) {
                let rest = parts.dropLast().joined(separator: separator)
                if rest.split(separator: " ").count >= 2 { return rest }
            }
            if isSite(first) {
                let rest = parts.dropFirst().joined(separator: separator)
                if rest.split(separator: " ").count >= 2 { return rest }
            }
        }
        return title
    }

    /// The fields Dossier reads from a page's JSON-LD (schema.org NewsArticle and the like).
    struct LinkedData {
        var headline: String?
        var publisher: String?
        var author: String?
        var datePublished: String?
        var url: String?

        init(_ scripts: [String]) {
            for script in scripts {
                guard let data = script.data(using: .utf8),
                    let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
                else { continue }
                visit(value, depth: 0)
            }
        }

        private mutating func visit(_ value: Any, depth: Int) {
            guard depth < 8 else { return }
            if let array = value as? [Any] {
                for item in array.prefix(50) { visit(item, depth: depth + 1) }
                return
            }
            guard let object = value as? [String: Any] else { return }
            if let graph = object["@graph"] { visit(graph, depth: depth + 1) }
            let type = (object["@type"] as? String) ?? ((object["@type"] as? [String])?.first ?? "")
            guard type.hasSuffix("Article") || type == "WebPage" || type == "Report" || type == "BlogPosting" else { return }
            headline = headline ?? clean(object["headline"] as? String)
            datePublished = datePublished ?? (object["datePublished"] as? String)
            url = url ?? (object["url"] as? String)
            publisher = publisher ?? Self.name(object["publisher"])
            author = author ?? Self.name(object["author"])
        }

        private static func name(_ value: Any?) -> String? {
            if let text = value as? String { return clean(text) }
            if let object = value as? [String: Any] { return clean(object["name"] as? String) }
            if let array = value as? [Any] {
                let names = array.prefix(10).compactMap { name($0) }
                return names.isEmpty ? nil : names.joined(separator: ", ")
            }
            return nil
        }
    }
}
