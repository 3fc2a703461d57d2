import Foundation

/// The queries of `dossier check`. They stream what they find to a closure, so memory does not
/// grow with the archive; none writes, except the two full-text index commands, which say so.
public struct IntegrityRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// Which documents fixity covers: those imported on or after `since`, and at most `sample` of them at random.
    public struct DocumentSelection: Sendable {
        public var since: String?
        public var sample: Int?

        public init(since: String? = nil, sample: Int? = nil) {
            self.since = since
            self.sample = sample
        }

        var values: [any SQLBindable] { [since, sample] }
    }

    /// A fact whose span does not point at its exact text.
    public struct SpanViolation: Sendable {
        public let table: String
        public let id: Int64
        public let documentID: Int64
        public let start: Int
        public let end: Int
        public let exactText: String
        public let bodyLength: Int
        /// The text at the span, when the span lies inside the body.
        public let textAtSpan: String?
    }

    /// A reference from one row to an entity that does not exist, or that every mention rejects.
    public struct Reference: Sendable {
        public let table: String
        public let id: Int64
        public let column: String
        public let target: Int64
    }

    // MARK: SQLite

    /// Streams the lines of `PRAGMA integrity_check` or `quick_check`, except the single "ok"
    /// (https://sqlite.org/pragma.html#pragma_integrity_check). On a damaged file SQLite may
    /// report some lines and then fail with SQLITE_CORRUPT: those lines reach `body` first.
    public func integrityCheck(quick: Bool, _ body: (String) throws -> Void) throws {
        try connection.forEachRow(quick ? "PRAGMA quick_check(100)" : "PRAGMA integrity_check(100)") { row in
            let line = row.string(0)
            if line != "ok" { try body(line) }
        }
    }

    /// The checksum recorded for each applied migration, by version.
    public func recordedMigrationChecksums() throws -> [Int: String] {
        Dictionary(
            try connection.query("SELECT version, sha256 FROM schema_migrations") { ($0.int(0), $0.string(1)) },
            uniquingKeysWith: { first, _ in first })
    }

    // MARK: Fixity

    private static let selectionFilter = """
        (?1 IS NULL OR imported_at >= ?1)
        AND (?2 IS NULL OR id IN (SELECT id FROM documents WHERE ?1 IS NULL OR imported_at >= ?1 ORDER BY random() LIMIT ?2))
        """

    public func documentCount() throws -> Int {
        Int(try connection.scalarInt("SELECT count(*) FROM documents") ?? 0)
    }

    /// How many documents `selection` covers.
    public func count(_ selection: DocumentSelection) throws -> Int {
        let matching = Int(
            try connection.scalarInt("SELECT count(*) FROM documents WHERE ?1 IS NULL OR imported_at >= ?1", [selection.since])
                ?? 0)
        return selection.sample.map { min($0, matching) } ?? matching
    }

    /// Streams each selected document's id, recorded hashes, source path and stored body bytes, in id order.
    /// What fixity needs of one document.
    public struct StoredDocument {
        public let id: Int64
        public let sha256: String
        public let originalSHA256: String
        public let sourcePath: String?
        public let encoding: String
        public let body: Data
    }

    public func forEachDocument(
        _ selection: DocumentSelection,
        _ body: (_ document: StoredDocument) throws -> Void
    ) throws {
        try connection.forEachRow(
            """
            SELECT id, sha256, original_sha256, source_path, encoding, body FROM documents
            WHERE \(Self.selectionFilter) ORDER BY id
            """,
            selection.values
        ) { row in
            try body(
                StoredDocument(
                    id: row.int64(0), sha256: row.string(1), originalSHA256: row.string(2), sourcePath: row.optionalString(3),
                    encoding: row.string(4), body: row.data(5)))
        }
    }

    // MARK: Spans

    /// The tables whose rows carry spans. Names come from this list, never from input.
    public static let spanTables = ["figures": "figure", "quotes": "quote", "mentions": "mention"]

    /// The number of spans in the archive.
    public func spanCount() throws -> Int {
        try Self.spanTables.keys.reduce(0) { total, table in
            total + Int(try connection.scalarInt("SELECT count(*) FROM \(table)") ?? 0)
        }
    }

    /// Streams every span that lies outside its document or whose text differs from its exact text.
    ///
    /// Each body is read once and indexed once (the UTF-8 offset of every code point); each span is
    /// then compared byte for byte. Comparing with `substr(body, …)` per fact would re-read and
    /// re-count the whole body for every fact, which grows with facts × body length.
    public func spanViolations(_ body: (SpanViolation) throws -> Void) throws {
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        try connection.forEachRow("SELECT id, body FROM documents ORDER BY id") { document in
            let documentID = document.int64(0)
            document.withUTF8(1) { text in
                bytes = Array(text)
                offsets.removeAll(keepingCapacity: true)
                for (offset, byte) in text.enumerated() where byte & 0xC0 != 0x80 {
                    offsets.append(offset)
                }
                offsets.append(text.count)
            }
            let scalarCount = offsets.count - 1
            for table in Self.spanTables.keys.sorted() {
                try connection.forEachRow(
                    "SELECT id, char_start, char_end, exact_text FROM \(table) WHERE document_id = ? ORDER BY id", [documentID]
                ) { row in
                    let start = row.int(1)
                    let end = row.int(2)
                    let inside = start >= 0 && start <= end && end <= scalarCount
                    if inside {
                        let matches = row.withUTF8(3) { exact in
                            exact.elementsEqual(bytes[offsets[start]..<offsets[end]])
                        }
                        if matches { return }
                    }
                    let textAtSpan = inside ? String(decoding: bytes[offsets[start]..<offsets[end]], as: UTF8.self) : nil
                    try body(
                        SpanViolation(
                            table: table, id: row.int64(0), documentID: documentID, start: start, end: end,
                            exactText: row.string(3), bodyLength: scalarCount, textAtSpan: textAtSpan))
                }
            }
        }
        // Facts whose document is missing have no body to compare with; the consistency check names them.
    }

    // MARK: Full-text index

    /// Runs FTS5's `integrity-check`, including its comparison with the documents table (rank 1),
    /// and returns SQLite's message when it fails (https://sqlite.org/fts5.html#the_integrity_check_command).
    /// SQLite accepts the command only as an INSERT, so it runs in a transaction that is rolled back
    /// and needs a connection that may write.
    public func fullTextIndexProblem() throws -> String? {
        do {
            try connection.rolledBack {
                try connection.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
            }
            return nil
        } catch let error as DatabaseError where error.isCorrupt {
            return error.message
        }
    }

    /// Ids of documents the index does not hold. `SELECT rowid FROM documents_fts` would read the
    /// documents table itself (an external-content table), so the index's own docsize table is compared.
    public func documentsMissingFromIndex(_ body: (Int64) throws -> Void) throws {
        try connection.forEachRow(
            "SELECT id FROM documents WHERE id NOT IN (SELECT id FROM documents_fts_docsize) ORDER BY id"
        ) { try body($0.int64(0)) }
    }

    /// Rowids the index holds for documents that do not exist.
    public func indexRowsWithoutDocument(_ body: (Int64) throws -> Void) throws {
        try connection.forEachRow(
            "SELECT id FROM documents_fts_docsize WHERE id NOT IN (SELECT id FROM documents) ORDER BY id"
        ) { try body($0.int64(0)) }
    }

    /// Rebuilds the full-text index from the documents table. Writes.
    public func rebuildFullTextIndex() throws {
        try connection.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
    }

    // MARK: Consistency

    /// References, checked explicitly so that a damaged row is named even when foreign keys were off.
    private static let references: [(table: String, column: String, target: String)] = [
        ("figures", "document_id", "documents"), ("figures", "operation_id", "operations"),
        ("quotes", "document_id", "documents"), ("quotes", "person_id", "people"),
        ("quotes", "organisation_id", "organisations"),
        ("mentions", "document_id", "documents"), ("mentions", "person_id", "people"),
        ("mentions", "organisation_id", "organisations"), ("mentions", "operation_id", "operations"),
        ("person_roles", "person_id", "people"), ("person_roles", "organisation_id", "organisations"),
        ("person_roles", "document_id", "documents"),
    ]

    /// Streams facts whose document, person, organisation or operation does not exist.
    public func missingReferences(_ body: (Reference) throws -> Void) throws {
        for reference in Self.references {
            try connection.forEachRow(
                """
                SELECT f.id, f.\(reference.column) FROM \(reference.table) f
                WHERE f.\(reference.column) IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM \(reference.target) t WHERE t.id = f.\(reference.column))
                ORDER BY f.id
                """
            ) { row in
                try body(Reference(table: reference.table, id: row.int64(0), column: reference.column, target: row.int64(1)))
            }
        }
    }

    /// Each kind and status whose kept count (`fact_counts`, migration 0012) differs from the facts
    /// counted one by one. A full pass over every fact: for the full check only.
    public func factCountDrift(_ body: (_ kind: String, _ status: String, _ kept: Int64, _ counted: Int64) throws -> Void)
        throws
    {
        try connection.forEachRow(
            """
            SELECT c.kind, c.status, c.count, coalesce(r.n, 0) FROM fact_counts c LEFT JOIN (
                SELECT 'figure' AS kind, status, count(*) AS n FROM figures GROUP BY status
                UNION ALL SELECT 'quote', status, count(*) FROM quotes GROUP BY status
                UNION ALL SELECT 'mention', status, count(*) FROM mentions GROUP BY status
            ) r ON r.kind = c.kind AND r.status = c.status
            WHERE c.count <> coalesce(r.n, 0)
            ORDER BY c.kind, c.status
            """
        ) { try body($0.string(0), $0.string(1), $0.int64(2), $0.int64(3)) }
    }

    /// Streams live figures tied to an operation, and live quotes attributed to a person, when every
    /// mention of that operation or person in the same document was rejected by an archivist.
    public func rejectedReferences(_ body: (Reference) throws -> Void) throws {
        for (table, column) in [("figures", "operation_id"), ("quotes", "person_id")] {
            // One pass over mentions decides, per document and entity, whether any mention is still live;
            // a correlated subquery per fact would rescan every mention of a popular operation each time.
            try connection.forEachRow(
                """
                WITH verdicts AS (
                    SELECT document_id, \(column) AS entity, max(status <> 'rejected') AS live
                    FROM mentions WHERE \(column) IS NOT NULL GROUP BY document_id, \(column)
                )
                SELECT f.id, f.\(column) FROM \(table) f
                JOIN verdicts v ON v.document_id = f.document_id AND v.entity = f.\(column)
                WHERE f.status <> 'rejected' AND v.live = 0
                ORDER BY f.id
                """
            ) { row in
                try body(Reference(table: table, id: row.int64(0), column: column, target: row.int64(1)))
            }
        }
    }

    /// Operations that no document reports.
    public func operationsWithoutDocuments(_ body: (_ id: Int64, _ slug: String) throws -> Void) throws {
        try connection.forEachRow(
            """
            SELECT o.id, o.slug FROM operations o
            WHERE NOT EXISTS (SELECT 1 FROM document_operations d WHERE d.operation_id = o.id) ORDER BY o.id
            """
        ) { try body($0.int64(0), $0.string(1)) }
    }

    /// People with no role, no quote and no mention.
    public func peopleWithoutFacts(_ body: (_ id: Int64, _ slug: String) throws -> Void) throws {
        try connection.forEachRow(
            """
            SELECT p.id, p.slug FROM people p
            WHERE NOT EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id)
                AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.person_id = p.id)
                AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.person_id = p.id)
            ORDER BY p.id
            """
        ) { try body($0.int64(0), $0.string(1)) }
    }

    /// The entity tables whose names should be unique regardless of case, with their finding's entity type.
    public static let namedTables = ["organisations": "organisation", "people": "person", "operations": "operation"]

    /// Streams each entity whose name equals an earlier one's but for letter case (ASCII folding,
    /// as SQLite's `lower`), with the id of the earliest.
    public func duplicateNames(
        _ body: (_ table: String, _ id: Int64, _ name: String, _ firstID: Int64) throws -> Void
    ) throws {
        for table in Self.namedTables.keys.sorted() {
            try connection.forEachRow(
                """
                SELECT id, name, first_id FROM (
                    SELECT id, name, min(id) OVER (PARTITION BY lower(name)) AS first_id FROM \(table)
                ) WHERE first_id <> id ORDER BY id
                """
            ) { try body(table, $0.int64(0), $0.string(1), $0.int64(2)) }
        }
    }
}
