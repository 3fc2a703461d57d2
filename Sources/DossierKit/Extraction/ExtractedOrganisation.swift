/// A named institution, unit or company, with every place it is mentioned.
public struct ExtractedOrganisation: Sendable, Hashable, Codable {
    public var name: String
    public var slug: String
    public var acronym: String?
    public var mentions: [TextSpan]

    public init(name: String, slug: String, acronym: String?, mentions: [TextSpan]) {
        self.name = name
        self.slug = slug
        self.acronym = acronym
        self.mentions = mentions
    }
}
