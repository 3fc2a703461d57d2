/// Stores organisations and their aliases; the slug is the natural key.
public struct OrganisationRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// Creates the organisation, or returns the id of the one with the same slug. An existing
    /// organisation keeps its name; a missing acronym is filled in. Aliases are added either way.
    @discardableResult
    public func upsert(_ organisation: Organisation, createdAt: String = Timestamp.now()) throws -> Int64 {
        try connection.execute(
            Self.upsertSQL, binding: organisation.slug, organisation.name, organisation.acronym, createdAt)
        guard let id = try id(slug: organisation.slug) else {
            throw DatabaseError(resultCode: 1, message: "organisation \(organisation.slug) vanished after upsert")
        }
        for alias in organisation.aliases {
            try addAlias(alias, to: id)
        }
        return id
    }

    /// Adds an alias; returns false when the organisation already had it.
    @discardableResult
    public func addAlias(_ alias: OrganisationAlias, to organisationID: Int64) throws -> Bool {
        try connection.execute(
            Self.addAliasSQL,
            binding: organisationID, alias.alias, alias.language)
        return connection.changes > 0
    }

    public func id(slug: String) throws -> Int64? {
        try connection.scalarInt("SELECT id FROM organisations WHERE slug = ?", [slug])
    }

    public func find(slug: String) throws -> Organisation? {
        guard
            var organisation = try connection.queryFirst(
                "SELECT id, slug, name, acronym FROM organisations WHERE slug = ?", [slug], Self.organisation)
        else { return nil }
        organisation.aliases = try aliases(of: organisation.id ?? 0)
        return organisation
    }

    /// Every organisation's slug and name, by name.
    public func names() throws -> [EntityName] {
        try connection.query("SELECT id, slug, name FROM organisations ORDER BY name COLLATE NOCASE", [], EntityName.init(row:))
    }

    /// The organisations a document names or quotes, by name.
    public func names(documentID: Int64) throws -> [EntityName] {
        try connection.query(
            """
            SELECT id, slug, name FROM organisations WHERE id IN
                (SELECT organisation_id FROM mentions WHERE document_id = ?1
                 UNION SELECT organisation_id FROM quotes WHERE document_id = ?1)
            ORDER BY name COLLATE NOCASE
            """, [documentID], EntityName.init(row:))
    }

    public func count() throws -> Int {
        Int(try connection.scalarInt("SELECT count(*) FROM organisations") ?? 0)
    }

    public func list() throws -> [Organisation] {
        var organisations = try connection.query(
            "SELECT id, slug, name, acronym FROM organisations ORDER BY name COLLATE NOCASE", [], Self.organisation)
        for index in organisations.indices {
            organisations[index].aliases = try aliases(of: organisations[index].id ?? 0)
        }
        return organisations
    }

    func aliases(of organisationID: Int64) throws -> [OrganisationAlias] {
        try connection.query(
            "SELECT alias, language FROM organisation_aliases WHERE organisation_id = ? ORDER BY alias", [organisationID]
        ) { OrganisationAlias(alias: $0.string(0), language: $0.optionalString(1)) }
    }

    private static func organisation(_ row: Statement) -> Organisation {
        Organisation(id: row.int64(0), slug: row.string(1), name: row.string(2), acronym: row.optionalString(3))
    }

    public func find(id: Int64) throws -> Organisation? {
        guard
            var organisation = try connection.queryFirst(
                "SELECT id, slug, name, acronym FROM organisations WHERE id = ?", [id], Self.organisation)
        else { return nil }
        organisation.aliases = try aliases(of: id)
        return organisation
    }

    /// Removes an alias; returns false when the organisation did not have it.
    @discardableResult
    public func removeAlias(_ alias: String, from organisationID: Int64) throws -> Bool {
        try connection.execute(
            "DELETE FROM organisation_aliases WHERE organisation_id = ? AND alias = ?", [organisationID, alias])
        return connection.changes > 0
    }

    /// Renames an organisation; the old name stays as an alias.
    public func rename(_ organisationID: Int64, to name: String) throws {
        guard let old = try find(id: organisationID) else { return }
        try addAlias(OrganisationAlias(alias: old.name), to: organisationID)
        try connection.execute("UPDATE organisations SET name = ? WHERE id = ?", [name, organisationID])
    }

    /// Moves every alias, mention, quote, role and led operation of `sourceID` to `targetID`,
    /// keeps the source's name and acronym as aliases of the target, and deletes the source.
    public func merge(_ sourceID: Int64, into targetID: Int64) throws {
        guard let source = try find(id: sourceID) else { return }
        try connection.execute(
            "UPDATE OR IGNORE organisation_aliases SET organisation_id = ? WHERE organisation_id = ?", [targetID, sourceID])
        try connection.execute(
            "UPDATE OR IGNORE mentions SET organisation_id = ? WHERE organisation_id = ?", [targetID, sourceID])
        try connection.execute("UPDATE quotes SET organisation_id = ? WHERE organisation_id = ?", [targetID, sourceID])
        try connection.execute(
            "UPDATE OR IGNORE person_roles SET organisation_id = ? WHERE organisation_id = ?", [targetID, sourceID])
        try connection.execute("UPDATE operations SET lead_agency_id = ? WHERE lead_agency_id = ?", [targetID, sourceID])
        try addAlias(OrganisationAlias(alias: source.name), to: targetID)
        if let acronym = source.acronym { try addAlias(OrganisationAlias(alias: acronym), to: targetID) }
        try connection.execute("DELETE FROM organisations WHERE id = ?", [sourceID])
    }

    private static let upsertSQL = CachedSQL(
        """
        INSERT INTO organisations (slug, name, acronym, created_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (slug) DO UPDATE SET acronym = excluded.acronym
            WHERE organisations.acronym IS NULL AND excluded.acronym IS NOT NULL
        """)

    private static let addAliasSQL = CachedSQL(
        "INSERT INTO organisation_aliases (organisation_id, alias, language) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
}
