/// What is known about a document besides its text, from inference, front matter or options.
///
/// Each source fills a value of this type; `overlaid(by:)` lets a stronger source win field by field:
/// inference < front matter < command-line options.
public struct DocumentMetadata: Sendable, Equatable, Codable {
    public var title: String?
    public var publisher: String?
    public var author: String?
    public var url: String?
    public var published: String?
    public var retrieved: String?
    public var language: String?
    public var kind: Document.Kind?
    public var translationOf: String?
    public var cites: [String]?
    public var operation: String?
    public var tags: [String]?

    public init(
        title: String? = nil, publisher: String? = nil, author: String? = nil, url: String? = nil,
        published: String? = nil, retrieved: String? = nil, language: String? = nil, kind: Document.Kind? = nil,
        translationOf: String? = nil, cites: [String]? = nil, operation: String? = nil, tags: [String]? = nil
    ) {
        self.title = title
        self.publisher = publisher
        self.author = author
        self.url = url
        self.published = published
        self.retrieved = retrieved
        self.language = language
        self.kind = kind
        self.translationOf = translationOf
        self.cites = cites
        self.operation = operation
        self.tags = tags
    }

    /// This metadata with every field that `other` sets replaced by `other`'s value.
    public func overlaid(by other: DocumentMetadata) -> DocumentMetadata {
        DocumentMetadata(
            title: other.title ?? title, publisher: other.publisher ?? publisher, author: other.author ?? author,
            url: other.url ?? url, published: other.published ?? published, retrieved: other.retrieved ?? retrieved,
            language: other.language ?? language, kind: other.kind ?? kind,
            translationOf: other.translationOf ?? translationOf, cites: other.cites ?? cites,
            operation: other.operation ?? operation, tags: other.tags ?? tags)
    }
}
