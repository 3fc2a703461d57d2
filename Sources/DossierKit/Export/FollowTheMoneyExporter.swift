import Foundation

/// Writes the archive as FollowTheMoney entities (https://followthemoney.tech), one JSON object per
/// line, the form Aleph and the `ftm` tools load: each document as a Document (an Article for news
/// articles) with its text and provenance, people as Person, organisations as Organization,
/// operations as Event, a Mention for each person or organisation a document names, and a
/// Documentation linking a document to each operation it reports on. Figures and quotes have no
/// FollowTheMoney schema and stay in Dossier's own exports.
public struct FollowTheMoneyExporter {
    /// One entity: its id, schema and properties, every property a list of strings.
    struct Entity: Encodable {
        let id: String
        let schema: String
        let properties: [String: [String]]
    }

    let archive: Archive
    /// Prefix of every entity id, so entities of several archives never collide in one Aleph.
    let namespace: String

    public init(archive: Archive) {
        self.archive = archive
        let stem = ((archive.path as NSString).lastPathComponent as NSString).deletingPathExtension
        namespace = "dossier-" + Slug.make(stem)
    }

    /// Writes every entity through `sink`; returns how many.
    @discardableResult
    public func export(sink: ([UInt8]) throws -> Void) throws -> Int {
        let repository = EntityGraphRepository(connection: archive.connection)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var count = 0
        func write(_ entity: Entity) throws {
            try sink(Array(try encoder.encode(entity)) + [0x0A])
            count += 1
        }
        try archive.connection.readTransaction {
            try repository.organisations { try write(organisation($0)) }
            try repository.people { try write(person($0)) }
            try repository.operations { try write(operation($0)) }
            try repository.documents { try write(document($0)) }
            try repository.mentions { try write(mention($0)) }
            try repository.documentOperations { documentID, slug in
                try write(
                    Entity(
                        id: "\(namespace)-documentation-\(documentID)-operation-\(slug)", schema: "Documentation",
                        properties: [
                            "document": [id(document: documentID)], "entity": [id(operation: slug)], "role": ["reports on"],
                        ]))
            }
        }
        return count
    }

    func id(document: Int64) -> String { "\(namespace)-document-\(document)" }
    func id(person slug: String) -> String { "\(namespace)-person-\(slug)" }
    func id(organisation slug: String) -> String { "\(namespace)-organisation-\(slug)" }
    func id(operation slug: String) -> String { "\(namespace)-operation-\(slug)" }

    func organisation(_ row: EntityGraphRepository.NamedRow) -> Entity {
        Entity(
            id: id(organisation: row.slug), schema: "Organization",
            properties: Self.properties([
                ("name", [row.name]), ("abbreviation", row.acronym.map { [$0] } ?? []),
                ("alias", row.aliases.filter { $0 != row.name }),
            ]))
    }

    func person(_ row: EntityGraphRepository.NamedRow) -> Entity {
        Entity(
            id: id(person: row.slug), schema: "Person",
            properties: Self.properties([("name", [row.name]), ("alias", row.aliases.filter { $0 != row.name })]))
    }

    func operation(_ row: EntityGraphRepository.OperationRow) -> Entity {
        Entity(
            id: id(operation: row.slug), schema: "Event",
            properties: Self.properties([
                ("name", [row.name]), ("date", row.actionDay.map { [$0] } ?? []),
                ("description", row.description.map { [$0] } ?? []),
                ("organizer", row.leadAgencySlug.map { [id(organisation: $0)] } ?? []),
            ]))
    }

    func document(_ row: EntityGraphRepository.DocumentRow) -> Entity {
        let optional: (String?) -> [String] = { $0.map { [$0] } ?? [] }
        return Entity(
            id: id(document: row.id), schema: row.kind == "article" ? "Article" : "Document",
            properties: Self.properties([
                ("title", optional(row.title)), ("fileName", optional(row.fileName)), ("bodyText", [row.body]),
                ("publisher", optional(row.publisher)), ("author", optional(row.author)), ("sourceUrl", optional(row.url)),
                ("publishedAt", optional(row.publishedOn)), ("retrievedAt", optional(row.retrievedOn)),
                ("language", optional(row.language.flatMap { Self.languages[$0] })),
                ("peopleMentioned", row.peopleNamed), ("namesMentioned", row.organisationsNamed),
                ("notes", ["Archived by Dossier as document \(row.id), sha256 \(row.sha256)"]),
            ]))
    }

    func mention(_ row: EntityGraphRepository.MentionRow) -> Entity {
        let isPerson = row.entityType == "person"
        return Entity(
            id: "\(namespace)-mention-\(row.documentID)-\(row.entityType)-\(row.slug)", schema: "Mention",
            properties: [
                "document": [id(document: row.documentID)],
                "resolved": [isPerson ? id(person: row.slug) : id(organisation: row.slug)],
                "name": row.names, "detectedSchema": [isPerson ? "Person" : "Organization"],
            ])
    }

    /// ISO 639-1 codes and the three-letter codes FollowTheMoney's language type holds; a language
    /// outside its list is left out rather than sent to be dropped.
    static let languages: [String: String] = Dictionary(
        uniqueKeysWithValues: """
            af:afr am:amh ar:ara az:aze be:bel bg:bul bn:ben bs:bos ca:cat cs:ces da:dan de:deu el:ell en:eng
            es:spa et:est fa:fas fi:fin fr:fra ga:gle he:heb hi:hin hr:hrv hu:hun hy:hye id:ind is:isl it:ita
            ja:jpn ka:kat kk:kaz km:khm kn:kan ko:kor ky:kir lb:ltz lo:lao lt:lit lv:lav mk:mkd mn:mon ms:msa
            mt:mlt my:mya ne:nep nl:nld no:nor pl:pol ps:pus pt:por ro:ron ru:rus si:sin sk:slk sl:slv sq:sqi
            sr:srp sv:swe sw:swa ta:tam te:tel tg:tgk th:tha tk:tuk tl:tgl tr:tur uk:ukr ur:urd uz:uzb vi:vie
            zh:zho
            """.split(whereSeparator: \.isWhitespace).map { pair in
                let parts = pair.split(separator: ":")
                return (String(parts[0]), String(parts[1]))
            })

    /// Properties without the empty ones: FollowTheMoney has no null, a property is absent.
    static func properties(_ pairs: [(String, [String])]) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: pairs.filter { !$0.1.isEmpty })
    }
}
