/// Someone named or quoted in a document.
public struct Person: Sendable, Equatable, Codable {
    public var id: Int64?
    public var slug: String
    public var name: String
    public var roles: [PersonRole]

    public init(id: Int64? = nil, slug: String, name: String, roles: [PersonRole] = []) {
        self.id = id
        self.slug = slug
        self.name = name
        self.roles = roles
    }
}

/// A person's title at an organisation, as stated by one document (or by the gazetteer).
public struct PersonRole: Sendable, Equatable, Codable, Hashable {
    public var role: String?
    public var organisationSlug: String?
    public var documentID: Int64?

    public init(role: String?, organisationSlug: String? = nil, documentID: Int64? = nil) {
        self.role = role
        self.organisationSlug = organisationSlug
        self.documentID = documentID
    }
}
