/// Stores organisations and their aliases; the slug is the natural key.
public struct OrganisationRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// Creates the organisation, or returns the id of the one with the same slug. An existing
    /// organisation keeps its name; a missing acronym is filled in. Aliases are added either way.
    @discardableResult
    public func upsert(_ organisation: Organisation) throws -> Int64 {
        try connection.execute(
            """
            INSERT INTO organisations (slug, name, acronym, created_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (slug) DO UPDATE SET acronym = coalesce(organisations.acronym, excluded.acronym)
            """,
            [organisation.slug, organisation.name, organisation.acronym, Timestamp.now()])
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
            "INSERT INTO organisation_aliases (organisation_id, alias, language) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [organisationID, alias.alias, alias.language])
        return connection.changes > 0
    }

    public func id(slug: String) throws -> Int64? {
        try connection.scalarInt("SELECT id FROM organisations WHERE slug = ?", [slug])
    }

    public func find(slug: String) throws -> Organisation? {
        guard var organisation = try connection.queryFirst(
            "SELECT id, slug, name, acronym FROM organisations WHERE slug = ?", [slug], Self.organisation)
        else { return nil }
        organisation.aliases = try aliases(of: organisation.id ?? 0)
        return organisation
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
}
