/// Every recorded change to one entity (`dossier history`), found by its id or, for people,
/// organisations and operations, by its slug.
public struct EntityHistory {
    /// The kinds of entity the audit log records changes to, named as in its `entity_type` column.
    public enum Entity: String, CaseIterable, Sendable {
        case document, figure, quote, person, organisation, operation
    }

    let archive: Archive

    public init(archive: Archive) {
        self.archive = archive
    }

    /// The events about `entity` number `idOrSlug`, oldest first. A number is taken as the id
    /// whether or not such an entity exists (its events outlive it); anything else must be the
    /// slug of a person, an organisation or an operation.
    public func events(of entity: Entity, _ idOrSlug: String) throws -> [Event] {
        try archive.events.list(entityType: entity.rawValue, entityID: try id(of: entity, idOrSlug))
    }

    private func id(of entity: Entity, _ idOrSlug: String) throws -> Int64 {
        if let id = Int64(idOrSlug) { return id }
        let found: Int64? =
            switch entity {
            case .person: try archive.people.id(slug: idOrSlug)
            case .organisation: try archive.organisations.id(slug: idOrSlug)
            case .operation: try archive.operations.id(slug: idOrSlug)
            case .document, .figure, .quote: nil
            }
        guard let found else { throw UsageError("no \(entity.rawValue) '\(idOrSlug)'; give its numeric id or slug") }
        return found
    }
}
