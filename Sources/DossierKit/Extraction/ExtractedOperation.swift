/// A named law-enforcement operation, canonicalised to "Operation X" so FR and EN texts link up.
public struct ExtractedOperation: Sendable, Hashable, Codable {
    public var name: String
    public var slug: String
    public var mentions: [TextSpan]

    public init(name: String, slug: String, mentions: [TextSpan]) {
        self.name = name
        self.slug = slug
        self.mentions = mentions
    }
}
