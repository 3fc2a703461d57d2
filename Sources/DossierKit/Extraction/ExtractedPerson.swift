/// A named natural person with the role and organisation the text gives them.
public struct ExtractedPerson: Sendable, Hashable, Codable {
    public var name: String
    public var slug: String
    public var role: String?
    public var organisationName: String?
    public var mentions: [TextSpan]

    public init(name: String, slug: String, role: String?, organisationName: String?, mentions: [TextSpan]) {
        self.name = name
        self.slug = slug
        self.role = role
        self.organisationName = organisationName
        self.mentions = mentions
    }
}
