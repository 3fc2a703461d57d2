/// Known organisations and people, with the names they go by in French and English.
public struct Gazetteer: Sendable, Codable {
    public struct Organisation: Sendable, Codable {
        public var slug: String
        public var name: String
        public var acronym: String?
        public var aliases: [Alias]
    }

    public struct Alias: Sendable, Codable {
        public var text: String
        public var language: String?
    }

    public struct Person: Sendable, Codable {
        public var slug: String
        public var name: String
        public var aliases: [String]
        public var role: String?
        public var organisation: String?
    }

    public var organisations: [Organisation]
    public var people: [Person]
}
