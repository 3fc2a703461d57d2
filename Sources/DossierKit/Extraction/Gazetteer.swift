/// Known organisations and people, supplied by the caller as decoded JSON (Seeds/gazetteer.json),
/// so the module itself carries no resources.
public struct Gazetteer: Sendable, Codable {
    public struct Organisation: Sendable, Codable {
        public var slug: String
        public var name: String
        public var acronym: String?
        public var aliases: [Alias]

        public init(slug: String, name: String, acronym: String?, aliases: [Alias]) {
            self.slug = slug
            self.name = name
            self.acronym = acronym
            self.aliases = aliases
        }
    }

    public struct Alias: Sendable, Codable {
        public var text: String
        public var language: String?

        public init(text: String, language: String?) {
            self.text = text
            self.language = language
        }
    }

    public struct Person: Sendable, Codable {
        public var slug: String
        public var name: String
        public var aliases: [String]
        public var role: String?
        /// Slug of the person's organisation in `organisations`.
        public var organisation: String?

        public init(slug: String, name: String, aliases: [String], role: String?, organisation: String?) {
            self.slug = slug
            self.name = name
            self.aliases = aliases
            self.role = role
            self.organisation = organisation
        }
    }

    public var organisations: [Organisation]
    public var people: [Person]

    public init(organisations: [Organisation], people: [Person]) {
        self.organisations = organisations
        self.people = people
    }

    /// Empty gazetteer: the extractor still finds entities from structural cues.
    public static let empty = Gazetteer(organisations: [], people: [])
}
