/// A person's or organisation's number, slug and name: all that a list of links or a choice in a
/// form needs, without the roles and aliases `list()` loads for each (hundreds of thousands of
/// rows on a large archive).
public struct EntityName: Sendable, Equatable {
    public let id: Int64
    public let slug: String
    public let name: String

    public init(id: Int64, slug: String, name: String) {
        self.id = id
        self.slug = slug
        self.name = name
    }
}
