/// The read queries behind `dossier report`: facts together with the documents they came from.
public struct ReportRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// The document a fact came from, enough to find it and cite it.
    public struct SourceRef: Sendable, Codable, Equatable {
        public var documentID: Int64
        public var title: String?
        public var fileName: String?
        public var publisher: String?
        public var publishedOn: String?

        /// How the document is named in a report: its title, else its file name, else its id.
        public var label: String { title ?? fileName ?? "document #\(documentID)" }
    }

    public struct FigureRow: Sendable, Codable, Equatable {
        public var id: Int64
        public var value: Double
        public var valueMax: Double?
        public var unit: String
        public var approximate: Bool
        public var bound: String?
        public var category: String?
        public var counts: String?
        public var exactText: String
        public var charStart: Int
        public var charEnd: Int
        public var status: String
        public var operation: String?
        public var source: SourceRef
    }

    public struct QuoteRow: Sendable, Codable, Equatable {
        public var id: Int64
        public var speaker: String?
        public var speakerRole: String?
        public var organisation: String?
        public var text: String
        public var charStart: Int
        public var charEnd: Int
        public var status: String
        public var source: SourceRef
    }

    public struct BatchRow: Sendable, Codable, Equatable {
        public var id: Int64
        public var operatorName: String
        public var startedAt: String
        public var status: String
        public var seen: Int
        public var imported: Int
        public var duplicates: Int
        public var failed: Int
    }

    public struct SourceRow: Sendable, Codable, Equatable {
        public var source: SourceRef
        public var language: String?
        public var author: String?
        public var url: String?
        public var kind: String
        public var sha256: String
        public var importedAt: String
        public var batchID: Int64?
        public var figures: Int
        public var quotes: Int
        public var mentions: Int
    }

    public struct NamedCount: Sendable, Codable, Equatable {
        public var slug: String
        public var name: String
        public var count: Int
    }

    public struct CheckEvent: Sendable, Codable, Equatable {
        public var occurredAt: String
        public var operatorName: String
        public var outcome: String?
    }

    private static let sourceColumns = "d.id, d.title, d.file_name, d.publisher, d.published_on"

    private static func source(_ row: Statement, from index: Int32) -> SourceRef {
        SourceRef(
            documentID: row.int64(index), title: row.optionalString(index + 1), fileName: row.optionalString(index + 2),
            publisher: row.optionalString(index + 3), publishedOn: row.optionalString(index + 4))
    }

    private static let figureSelect = """
        SELECT f.id, f.value, f.value_max, f.unit, f.approximate, f.bound, f.category, f.counts, f.exact_text,
            f.char_start, f.char_end, f.status, o.slug, \(sourceColumns)
        FROM figures f JOIN documents d ON d.id = f.document_id LEFT JOIN operations o ON o.id = f.operation_id
        """

    private static func figure(_ row: Statement) -> FigureRow {
        FigureRow(
            id: row.int64(0), value: row.double(1), valueMax: row.optionalDouble(2), unit: row.string(3),
            approximate: row.bool(4), bound: row.optionalString(5), category: row.optionalString(6),
            counts: row.optionalString(7), exactText: row.string(8), charStart: row.int(9), charEnd: row.int(10),
            status: row.string(11), operation: row.optionalString(12), source: source(row, from: 13))
    }

    private static let quoteSelect = """
        SELECT q.id, coalesce(p.name, CASE WHEN q.speaker_kind <> 'person' THEN org.name END),
            (SELECT r.role FROM person_roles r WHERE r.person_id = q.person_id AND (r.document_id = q.document_id OR r.document_id IS NULL)
                ORDER BY r.document_id IS NULL LIMIT 1),
            org.name, q.text, q.char_start, q.char_end, q.status, \(sourceColumns)
        FROM quotes q JOIN documents d ON d.id = q.document_id
        LEFT JOIN people p ON p.id = q.person_id LEFT JOIN organisations org ON org.id = q.organisation_id
        """

    private static func quote(_ row: Statement) -> QuoteRow {
        QuoteRow(
            id: row.int64(0), speaker: row.optionalString(1), speakerRole: row.optionalString(2),
            organisation: row.optionalString(3), text: row.string(4), charStart: row.int(5), charEnd: row.int(6),
            status: row.string(7), source: source(row, from: 8))
    }

    /// Figures of an operation (not rejected): those tied to it, and the untied figures of documents that report
    /// it alone. A document about several operations never lends its untied figures to all of them.
    public func figures(operationID: Int64) throws -> [FigureRow] {
        try connection.query(
            """
            \(Self.figureSelect)
            WHERE f.status <> 'rejected' AND \(Self.figureOfOperation)
            ORDER BY \(Self.sourceOrder)
            """, [operationID], Self.figure)
    }

    /// The first figure of each category of an operation, in source order: what its reports lead
    /// with. Only categorised counts and sums of money, confirmed or not yet reviewed; uncategorised
    /// numbers (a year, a phone number) are noise in a headline. Chosen by SQLite, so that an
    /// operation with tens of thousands of figures does not bring them all into memory.
    public func headlineFigures(operationID: Int64) throws -> [FigureRow] {
        try connection.query(
            """
            WITH ranked AS (
                SELECT f.id, row_number() OVER (PARTITION BY f.category ORDER BY \(Self.sourceOrder)) AS place
                FROM figures f JOIN documents d ON d.id = f.document_id
                WHERE (f.status = 'confirmed' OR f.status = 'extracted') AND f.category IS NOT NULL
                    AND (f.unit = 'count' OR substr(f.unit, 1, 8) = 'currency') AND \(Self.figureOfOperation))
            \(Self.figureSelect)
            WHERE f.id IN (SELECT id FROM ranked WHERE place = 1)
            ORDER BY \(Self.sourceOrder)
            """, [operationID], Self.figure)
    }

    /// A figure `f` of operation `?1`: tied to it, or untied in a document that reports it and no other.
    private static let figureOfOperation = """
        (f.operation_id = ?1 OR (f.operation_id IS NULL AND f.document_id IN
            (SELECT document_id FROM document_operations WHERE operation_id = ?1)
            AND NOT EXISTS (SELECT 1 FROM document_operations y WHERE y.document_id = f.document_id AND y.operation_id <> ?1)))
        """

    /// Figures `f` of documents `d` in the order their sources were published, then in reading order.
    private static let sourceOrder = "d.published_on IS NULL, d.published_on, f.document_id, f.char_start"

    public func quotes(operationID: Int64) throws -> [QuoteRow] {
        try connection.query(
            """
            \(Self.quoteSelect)
            WHERE q.status <> 'rejected' AND q.document_id IN (SELECT document_id FROM document_operations WHERE operation_id = ?)
            ORDER BY d.published_on, q.document_id, q.char_start
            """, [operationID], Self.quote)
    }

    public func quotes(personID: Int64) throws -> [QuoteRow] {
        try connection.query(
            "\(Self.quoteSelect) WHERE q.status <> 'rejected' AND q.person_id = ? ORDER BY d.published_on, q.document_id, q.char_start",
            [personID], Self.quote)
    }

    /// Quotes spoken by an organisation or by people whose quotes are attributed to it.
    public func quotes(organisationID: Int64) throws -> [QuoteRow] {
        try connection.query(
            "\(Self.quoteSelect) WHERE q.status <> 'rejected' AND q.organisation_id = ? ORDER BY d.published_on, q.document_id, q.char_start",
            [organisationID], Self.quote)
    }

    public func documents(operationID: Int64) throws -> [SourceRef] {
        try connection.query(
            """
            SELECT \(Self.sourceColumns) FROM documents d JOIN document_operations x ON x.document_id = d.id
            WHERE x.operation_id = ? ORDER BY d.published_on IS NULL, d.published_on, d.id
            """, [operationID]
        ) { Self.source($0, from: 0) }
    }

    /// Documents that mention an entity, given the mentions column that holds its id.
    public func documents(mentioning column: MentionColumn, id: Int64) throws -> [SourceRef] {
        try connection.query(
            """
            SELECT \(Self.sourceColumns) FROM documents d
            WHERE d.id IN (SELECT document_id FROM mentions WHERE \(column.rawValue) = ? AND status <> 'rejected')
            ORDER BY d.published_on IS NULL, d.published_on, d.id
            """, [id]
        ) { Self.source($0, from: 0) }
    }

    public enum MentionColumn: String, Sendable {
        case person = "person_id"
        case organisation = "organisation_id"
        case operation = "operation_id"
    }

    /// Organisations or people named in the documents of an operation, most mentioned first.
    public func entities(_ column: MentionColumn, inOperation operationID: Int64) throws -> [NamedCount] {
        let table = column == .person ? "people" : "organisations"
        return try connection.query(
            """
            SELECT e.slug, e.name, count(*) FROM mentions m JOIN \(table) e ON e.id = m.\(column.rawValue)
            WHERE m.status <> 'rejected' AND m.document_id IN (SELECT document_id FROM document_operations WHERE operation_id = ?)
            GROUP BY e.id ORDER BY count(*) DESC, e.name
            """, [operationID]
        ) { NamedCount(slug: $0.string(0), name: $0.string(1), count: $0.int(2)) }
    }

    public func people(atOrganisation organisationID: Int64) throws -> [NamedCount] {
        try connection.query(
            """
            SELECT p.slug, p.name || coalesce(' — ' || (SELECT r2.role FROM person_roles r2 WHERE r2.person_id = p.id AND r2.organisation_id = ? AND r2.role IS NOT NULL ORDER BY r2.id LIMIT 1), ''),
                (SELECT count(*) FROM quotes q WHERE q.person_id = p.id AND q.status <> 'rejected')
            FROM people p WHERE p.id IN (SELECT person_id FROM person_roles WHERE organisation_id = ?) ORDER BY p.name
            """, [organisationID, organisationID]
        ) { NamedCount(slug: $0.string(0), name: $0.string(1), count: $0.int(2)) }
    }

    public func operations(ledBy organisationID: Int64) throws -> [NamedCount] {
        try connection.query(
            """
            SELECT o.slug, o.name, (SELECT count(*) FROM document_operations x WHERE x.operation_id = o.id)
            FROM operations o WHERE o.lead_agency_id = ? ORDER BY o.name
            """, [organisationID]
        ) { NamedCount(slug: $0.string(0), name: $0.string(1), count: $0.int(2)) }
    }

    public func latestBatches(limit: Int) throws -> [BatchRow] {
        try connection.query(
            """
            SELECT id, operator, started_at, status, files_seen, imported, duplicates, failed
            FROM import_batches ORDER BY id DESC LIMIT ?
            """, [limit]
        ) {
            BatchRow(
                id: $0.int64(0), operatorName: $0.string(1), startedAt: $0.string(2), status: $0.string(3), seen: $0.int(4),
                imported: $0.int(5), duplicates: $0.int(6), failed: $0.int(7))
        }
    }

    public func lastCheck() throws -> CheckEvent? {
        try connection.queryFirst(
            """
            SELECT occurred_at, operator, coalesce(json_extract(new_json, '$.outcome'), reason)
            FROM events WHERE action = 'check' ORDER BY id DESC LIMIT 1
            """
        ) { CheckEvent(occurredAt: $0.string(0), operatorName: $0.string(1), outcome: $0.optionalString(2)) }
    }

    /// Every document with its provenance and how many facts it gave, streamed.
    public func forEachSource(_ body: (SourceRow) throws -> Void) throws {
        try connection.forEachRow(
            """
            SELECT \(Self.sourceColumns), d.language, d.author, d.url, d.kind, d.sha256, d.imported_at, d.batch_id,
                (SELECT count(*) FROM figures x WHERE x.document_id = d.id AND x.status <> 'rejected'),
                (SELECT count(*) FROM quotes x WHERE x.document_id = d.id AND x.status <> 'rejected'),
                (SELECT count(*) FROM mentions x WHERE x.document_id = d.id AND x.status <> 'rejected')
            FROM documents d ORDER BY d.published_on IS NULL, d.published_on, d.id
            """
        ) {
            try body(
                SourceRow(
                    source: Self.source($0, from: 0), language: $0.optionalString(5), author: $0.optionalString(6),
                    url: $0.optionalString(7), kind: $0.string(8), sha256: $0.string(9), importedAt: $0.string(10),
                    batchID: $0.optionalInt64(11), figures: $0.int(12), quotes: $0.int(13), mentions: $0.int(14)))
        }
    }

    /// The operation a figure `f` counts for: the one the text ties it to, else its document's only
    /// operation. A figure of a document about several operations, tied to none, counts for none.
    static let figureOperation = """
        coalesce(f.operation_id,
            (SELECT min(x.operation_id) FROM document_operations x WHERE x.document_id = f.document_id HAVING count(*) = 1))
        """

    /// Common table expressions: `scoped`, each figure not rejected with the operation it counts for,
    /// and `disputed`, the operation, category and unit whose figures disagree. Join `scoped s` and
    /// keep `(s.operation_id, s.category, s.unit) IN (SELECT … FROM disputed)`.
    static let disputedFigures = """
        WITH scoped AS (
            SELECT f.id, \(figureOperation) AS operation_id, f.category, f.value, f.unit
            FROM figures f WHERE f.status <> 'rejected' AND f.category IS NOT NULL
        ),
        disputed AS (
            SELECT operation_id, category, unit FROM scoped WHERE operation_id IS NOT NULL
            GROUP BY operation_id, category, unit HAVING count(DISTINCT value) > 1
        )
        """

    /// Figures of the same operation and category whose values disagree, grouped for side-by-side review.
    public func conflictingFigures() throws -> [FigureRow] {
        try connection.query(
            """
            \(Self.disputedFigures)
            \(Self.figureSelect.replacingOccurrences(of: "LEFT JOIN operations o ON o.id = f.operation_id", with: "JOIN scoped s ON s.id = f.id JOIN operations o ON o.id = s.operation_id"))
            WHERE (s.operation_id, s.category, s.unit) IN (SELECT operation_id, category, unit FROM disputed)
            ORDER BY o.slug, f.category, f.value, d.published_on, f.id
            """, [], Self.figure)
    }
}
