/// A located reference to a person or organisation, used to attribute quotes and link roles.
struct EntityMention: Sendable {
    enum Kind: Sendable { case person, organisation }
    let firstToken: Int
    let lastToken: Int
    let name: String
    let kind: Kind
}
