/// Loads the gazetteer's organisations and people into an archive, idempotently.
public struct Seeder {
    public struct Summary: Sendable, Codable, Equatable {
        public var organisations: Int
        public var organisationsCreated: Int
        public var people: Int
        public var peopleCreated: Int
    }

    let archive: Archive
    let operatorName: String

    public init(archive: Archive, operatorName: String) {
        self.archive = archive
        self.operatorName = operatorName
    }

    /// Upserts every gazetteer entry in one transaction and records one event.
    public func seed(_ gazetteer: Gazetteer) throws -> Summary {
        try archive.connection.writeTransaction {
            var summary = Summary(
                organisations: gazetteer.organisations.count, organisationsCreated: 0,
                people: gazetteer.people.count, peopleCreated: 0)
            for entry in gazetteer.organisations {
                if try archive.organisations.id(slug: entry.slug) == nil { summary.organisationsCreated += 1 }
                var aliases = entry.aliases.map { OrganisationAlias(alias: $0.text, language: $0.language) }
                if let acronym = entry.acronym { aliases.append(OrganisationAlias(alias: acronym)) }
                try archive.organisations.upsert(
                    Organisation(slug: entry.slug, name: entry.name, acronym: entry.acronym, aliases: aliases))
            }
            for entry in gazetteer.people {
                if try archive.people.id(slug: entry.slug) == nil { summary.peopleCreated += 1 }
                let roles =
                    entry.role != nil || entry.organisation != nil
                    ? [PersonRole(role: entry.role, organisationSlug: entry.organisation)] : []
                let id = try archive.people.upsert(Person(slug: entry.slug, name: entry.name, roles: roles))
                for alias in entry.aliases where alias != entry.name {
                    try archive.people.addAlias(alias, to: id)
                }
            }
            try archive.events.record(
                Event(operatorName: operatorName, action: "seed", entityType: "gazetteer", newJSON: try JSONText.encode(summary)))
            return summary
        }
    }
}
