/// Adds the people, organisations and operations an archivist names by hand (`dossier person add`,
/// `org add`, `operation add`): each upsert with its audit event, in one transaction.
public struct EntityRegistration {
    let archive: Archive
    let log: AuditLog

    public init(archive: Archive, operatorName: String) {
        self.archive = archive
        self.log = AuditLog(archive: archive, operatorName: operatorName)
    }

    /// Adds the operation named `name` ("Operation Cumberland", "Opération Cumberland" or
    /// "Cumberland", all named "Operation Cumberland" and slugged `cumberland` unless `slug` is
    /// given), or fills in what the existing one with that slug lacks. Returns it as stored.
    public func addOperation(
        named name: String, slug: String? = nil, leadAgency: String? = nil, actionDay: String? = nil,
        status: Operation.Status = .unknown
    ) throws -> Operation {
        let operation = Operation(
            slug: slug ?? OperationNaming.slug(forName: name), name: OperationNaming.canonicalName(name),
            leadAgencySlug: leadAgency, actionDay: actionDay, status: status)
        guard !operation.slug.isEmpty else { throw UsageError("cannot derive a slug from '\(name)'; give --slug") }
        return try archive.connection.writeTransaction {
            let id = try archive.operations.upsert(operation)
            try log.record("create", "operation", id, old: Operation?.none, new: operation)
            return try stored(archive.operations.find(slug: operation.slug), "operation", operation.slug)
        }
    }

    /// Adds the organisation named `name` (slugged from its acronym when it has one, unless `slug`
    /// is given), or adds the aliases it lacks to the existing one with that slug. Returns it as stored.
    public func addOrganisation(
        named name: String, slug: String? = nil, acronym: String? = nil, aliases: [String] = [], language: String? = nil
    ) throws -> Organisation {
        let organisation = Organisation(
            slug: slug ?? Slug.make(acronym ?? name), name: name, acronym: acronym,
            aliases: aliases.map { OrganisationAlias(alias: $0, language: language) })
        guard !organisation.slug.isEmpty else { throw UsageError("cannot derive a slug from '\(name)'; give --slug") }
        return try archive.connection.writeTransaction {
            let id = try archive.organisations.upsert(organisation)
            try log.record("create", "organisation", id, old: Organisation?.none, new: organisation)
            return try stored(archive.organisations.find(slug: organisation.slug), "organisation", organisation.slug)
        }
    }

    /// Adds the person named `name` (slugged from the name unless `slug` is given), with a role
    /// when `role` or `organisation` (a slug) is given, or adds that role to the existing person
    /// with that slug. Returns them as stored.
    public func addPerson(named name: String, slug: String? = nil, role: String? = nil, organisation: String? = nil)
        throws -> Person
    {
        let roles = role != nil || organisation != nil ? [PersonRole(role: role, organisationSlug: organisation)] : []
        let person = Person(slug: slug ?? Slug.make(name), name: name, roles: roles)
        guard !person.slug.isEmpty else { throw UsageError("cannot derive a slug from '\(name)'; give --slug") }
        return try archive.connection.writeTransaction {
            let id = try archive.people.upsert(person)
            try log.record("create", "person", id, old: Person?.none, new: person)
            return try stored(archive.people.find(slug: person.slug), "person", person.slug)
        }
    }

    private func stored<Entity>(_ entity: Entity?, _ kind: String, _ slug: String) throws -> Entity {
        guard let entity else { throw DatabaseError(resultCode: 1, message: "\(kind) \(slug) vanished after upsert") }
        return entity
    }
}
