/// A named institution, agency, unit, NGO or company, with the names it goes by.
public struct Organisation: Sendable, Equatable, Codable {
    public var id: Int64?
    public var slug: String
    public var name: String
    public var acronym: String?
    public var aliases: [OrganisationAlias]

    public init(id: Int64? = nil, slug: String, name: String, acronym: String? = nil, aliases: [OrganisationAlias] = []) {
        self.id = id
        self.slug = slug
        self.name = name
        self.acronym = acronym
        self.aliases = aliases
    }
}

/// Another name of an organisation, in a given language when it has one.
public struct OrganisationAlias: Sendable, Equatable, Codable, Hashable {
    public var alias: String
    public var language: String?

    public init(alias: String, language: String? = nil) {
        self.alias = alias
        self.language = language
    }
}
