/// A located reference to a person or organisation, used to attribute quotes and link roles.
struct EntityMention: Sendable {
    enum Kind: Sendable { case person, organisation }
    let firstToken: Int
    let lastToken: Int
    let name: String
    let kind: Kind
}

extension [EntityMention] {
    /// Points every mention of one entity at another's name, after extraction merged the two (a short form into
    /// its long name), so quotes are attributed to the entity that remains.
    mutating func rename(_ kind: EntityMention.Kind, from old: String, to new: String) {
        for k in indices where self[k].kind == kind && self[k].name == old {
            self[k] = EntityMention(firstToken: self[k].firstToken, lastToken: self[k].lastToken, name: new, kind: kind)
        }
    }
}
