/// Stores people and their roles; the slug is the natural key.
public struct PersonRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// Creates the person, or returns the id of the one with the same slug (keeping its name).
    /// Roles are added either way; a role naming an unknown organisation slug is an error.
    @discardableResult
    public func upsert(_ person: Person, createdAt: String = Timestamp.now()) throws -> Int64 {
        try connection.execute(
            Self.upsertSQL, binding: person.slug, person.name, createdAt)
        guard let id = try id(slug: person.slug) else {
            throw DatabaseError(resultCode: 1, message: "person \(person.slug) vanished after upsert")
        }
        try addRoles(person.roles, to: id)
        return id
    }

    /// Records each role unless the same one is already recorded.
    public func addRoles(_ roles: [PersonRole], to personID: Int64) throws {
        for role in roles {
            try addRole(role, to: personID)
        }
    }

    /// Records a role unless the same one is already recorded.
    public func addRole(_ role: PersonRole, to personID: Int64) throws {
        var organisationID: Int64?
        if let slug = role.organisationSlug {
            guard let found = try OrganisationRepository(connection: connection).id(slug: slug) else {
                throw UsageError("no organisation with slug '\(slug)'; add it first with `dossier org add`")
            }
            organisationID = found
        }
        try connection.execute(Self.addRoleSQL, binding: personID, role.role, organisationID, role.documentID)
    }

    public func id(slug: String) throws -> Int64? {
        try connection.scalarInt("SELECT id FROM people WHERE slug = ?", [slug])
    }

    public func find(slug: String) throws -> Person? {
        guard
            var person = try connection.queryFirst(
                "SELECT id, slug, name FROM people WHERE slug = ?", [slug], Self.person)
        else { return nil }
        person.roles = try roles(of: person.id ?? 0)
        return person
    }

    /// Every person's slug and name, by name.
    public func names() throws -> [EntityName] {
        try connection.query("SELECT id, slug, name FROM people ORDER BY name COLLATE NOCASE", [], EntityName.init(row:))
    }

    /// The people a document names or quotes, by name.
    public func names(documentID: Int64) throws -> [EntityName] {
        try connection.query(
            """
            SELECT id, slug, name FROM people WHERE id IN
                (SELECT person_id FROM mentions WHERE document_id = ?1 UNION SELECT person_id FROM quotes WHERE document_id = ?1)
            ORDER BY name COLLATE NOCASE
            """, [documentID], EntityName.init(row:))
    }

    public func count() throws -> Int {
        Int(try connection.scalarInt("SELECT count(*) FROM people") ?? 0)
    }

    public func list() throws -> [Person] {
        var people = try connection.query("SELECT id, slug, name FROM people ORDER BY name COLLATE NOCASE", [], Self.person)
        for index in people.indices {
            people[index].roles = try roles(of: people[index].id ?? 0)
        }
        return people
    }

    func roles(of personID: Int64) throws -> [PersonRole] {
        try connection.query(
            """
            SELECT r.role, o.slug, r.document_id FROM person_roles r
            LEFT JOIN organisations o ON o.id = r.organisation_id
            WHERE r.person_id = ? ORDER BY r.id
            """, [personID]
        ) { PersonRole(role: $0.optionalString(0), organisationSlug: $0.optionalString(1), documentID: $0.optionalInt64(2)) }
    }

    private static func person(_ row: Statement) -> Person {
        Person(id: row.int64(0), slug: row.string(1), name: row.string(2))
    }

    public func find(id: Int64) throws -> Person? {
        guard var person = try connection.queryFirst("SELECT id, slug, name FROM people WHERE id = ?", [id], Self.person)
        else { return nil }
        person.roles = try roles(of: id)
        return person
    }

    public func aliases(of personID: Int64) throws -> [String] {
        try connection.query("SELECT alias FROM person_aliases WHERE person_id = ? ORDER BY alias", [personID]) { $0.string(0) }
    }

    public func addAlias(_ alias: String, to personID: Int64) throws {
        try connection.execute(Self.addAliasSQL, binding: personID, alias)
    }

    /// Renames a person; the old name stays as an alias so earlier spellings still find them.
    public func rename(_ personID: Int64, to name: String) throws {
        guard let old = try find(id: personID) else { return }
        try addAlias(old.name, to: personID)
        try connection.execute("UPDATE people SET name = ? WHERE id = ?", [name, personID])
    }

    /// Moves every quote, mention, role and alias of `sourceID` to `targetID`, keeps the source's
    /// name as an alias of the target, and deletes the source.
    public func merge(_ sourceID: Int64, into targetID: Int64) throws {
        guard let source = try find(id: sourceID) else { return }
        try connection.execute("UPDATE quotes SET person_id = ? WHERE person_id = ?", [targetID, sourceID])
        try connection.execute("UPDATE OR IGNORE mentions SET person_id = ? WHERE person_id = ?", [targetID, sourceID])
        try connection.execute("UPDATE OR IGNORE person_roles SET person_id = ? WHERE person_id = ?", [targetID, sourceID])
        try connection.execute("UPDATE OR IGNORE person_aliases SET person_id = ? WHERE person_id = ?", [targetID, sourceID])
        try addAlias(source.name, to: targetID)
        try connection.execute("DELETE FROM people WHERE id = ?", [sourceID])
    }

    private static let upsertSQL = CachedSQL(
        "INSERT INTO people (slug, name, created_at) VALUES (?, ?, ?) ON CONFLICT (slug) DO NOTHING")

    private static let addRoleSQL = CachedSQL(
        """
        INSERT INTO person_roles (person_id, role, organisation_id, document_id) VALUES (?, ?, ?, ?)
        ON CONFLICT DO NOTHING
        """)

    private static let addAliasSQL = CachedSQL(
        "INSERT INTO person_aliases (person_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING")
}
