/// The archive read as a graph of entities (documents, people, organisations, operations) and the
/// links between them, for exports to entity tools such as Aleph. Rows are streamed; multi-valued
/// fields come joined by `separator`, a character no name or text in the archive holds.
public struct EntityGraphRepository {
    public static let separator: Character = "\u{1F}"

    public struct DocumentRow: Sendable {
        public let id: Int64
        public let sha256: String
        public let kind: String
        public let title: String?
        public let body: String
        public let fileName: String?
        public let publisher: String?
        public let author: String?
        public let url: String?
        public let publishedOn: String?
        public let retrievedOn: String?
        public let language: String?
        public let peopleNamed: [String]
        public let organisationsNamed: [String]
    }

    public struct NamedRow: Sendable {
        public let slug: String
        public let name: String
        public let acronym: String?
        public let aliases: [String]
    }

    public struct OperationRow: Sendable {
        public let slug: String
        public let name: String
        public let actionDay: String?
        public let description: String?
        public let leadAgencySlug: String?
    }

    /// Every place one document names one person or organisation, gathered.
    public struct MentionRow: Sendable {
        public let documentID: Int64
        public let entityType: String
        public let slug: String
        public let names: [String]
    }

    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    public func documents(_ body: (DocumentRow) throws -> Void) throws {
        try connection.forEachRow(
            """
            SELECT d.id, d.sha256, d.kind, d.title, d.body, d.file_name, d.publisher, d.author, d.url, d.published_on,
                   d.retrieved_on, d.language,
                   (SELECT group_concat(name, char(31)) FROM (SELECT DISTINCT p.name FROM mentions m JOIN people p ON p.id = m.person_id
                        WHERE m.document_id = d.id AND m.status <> 'rejected' ORDER BY p.name)),
                   (SELECT group_concat(name, char(31)) FROM (SELECT DISTINCT o.name FROM mentions m JOIN organisations o ON o.id = m.organisation_id
                        WHERE m.document_id = d.id AND m.status <> 'rejected' ORDER BY o.name))
            FROM documents d ORDER BY d.id
            """
        ) { row in
            try body(
                DocumentRow(
                    id: row.int64(0), sha256: row.string(1), kind: row.string(2), title: row.optionalString(3),
                    body: row.string(4), fileName: row.optionalString(5), publisher: row.optionalString(6),
                    author: row.optionalString(7), url: row.optionalString(8), publishedOn: row.optionalString(9),
                    retrievedOn: row.optionalString(10), language: row.optionalString(11),
                    peopleNamed: Self.split(row.optionalString(12)), organisationsNamed: Self.split(row.optionalString(13))))
        }
    }

    public func people(_ body: (NamedRow) throws -> Void) throws {
        try connection.forEachRow(
            """
            SELECT p.slug, p.name,
                   (SELECT group_concat(alias, char(31)) FROM (SELECT alias FROM person_aliases WHERE person_id = p.id ORDER BY alias))
            FROM people p ORDER BY p.slug
            """
        ) { row in
            try body(NamedRow(slug: row.string(0), name: row.string(1), acronym: nil, aliases: Self.split(row.optionalString(2))))
        }
    }

    public func organisations(_ body: (NamedRow) throws -> Void) throws {
        try connection.forEachRow(
            """
            SELECT o.slug, o.name, o.acronym,
                   (SELECT group_concat(alias, char(31)) FROM
                        (SELECT DISTINCT alias FROM organisation_aliases WHERE organisation_id = o.id ORDER BY alias))
            FROM organisations o ORDER BY o.slug
            """
        ) { row in
            try body(
                NamedRow(
                    slug: row.string(0), name: row.string(1), acronym: row.optionalString(2),
                    aliases: Self.split(row.optionalString(3))))
        }
    }

    public func operations(_ body: (OperationRow) throws -> Void) throws {
        try connection.forEachRow(
            """
            SELECT op.slug, op.name, op.action_day, op.description, la.slug
            FROM operations op LEFT JOIN organisations la ON la.id = op.lead_agency_id ORDER BY op.slug
            """
        ) { row in
            try body(
                OperationRow(
                    slug: row.string(0), name: row.string(1), actionDay: row.optionalString(2),
                    description: row.optionalString(3), leadAgencySlug: row.optionalString(4)))
        }
    }

    /// Mentions not rejected of people and organisations, one row per document and entity with the
    /// distinct words that named it.
    public func mentions(_ body: (MentionRow) throws -> Void) throws {
        var current: MentionRow?
        try connection.forEachRow(
            """
            SELECT DISTINCT m.document_id, m.entity_type, coalesce(p.slug, o.slug) AS slug, m.exact_text
            FROM mentions m
            LEFT JOIN people p ON p.id = m.person_id
            LEFT JOIN organisations o ON o.id = m.organisation_id
            WHERE m.status <> 'rejected' AND m.entity_type IN ('person', 'organisation')
            ORDER BY m.document_id, m.entity_type, slug, m.exact_text
            """
        ) { row in
            let (documentID, entityType, slug, name) = (row.int64(0), row.string(1), row.string(2), row.string(3))
            if let open = current, open.documentID == documentID, open.entityType == entityType, open.slug == slug {
                current = MentionRow(documentID: documentID, entityType: entityType, slug: slug, names: open.names + [name])
                return
            }
            if let open = current { try body(open) }
            current = MentionRow(documentID: documentID, entityType: entityType, slug: slug, names: [name])
        }
        if let open = current { try body(open) }
    }

    /// Which documents report on which operations.
    public func documentOperations(_ body: (_ documentID: Int64, _ operationSlug: String) throws -> Void) throws {
        try connection.forEachRow(
            "SELECT x.document_id, op.slug FROM document_operations x JOIN operations op ON op.id = x.operation_id ORDER BY 1, 2"
        ) { row in
            try body(row.int64(0), row.string(1))
        }
    }

    static func split(_ joined: String?) -> [String] {
        joined.map { $0.split(separator: separator).map(String.init) } ?? []
    }
}
