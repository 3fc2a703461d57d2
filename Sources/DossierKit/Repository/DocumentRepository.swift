import Foundation

/// Stores and finds documents. The body and its hashes are written once and never updated.
public struct DocumentRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    private static let columns = """
        id, sha256, original_sha256, normalized_sha256, body, title, file_name, source_path, size_bytes, encoding,
        publisher, author, url, published_on, retrieved_on, language, kind, tags_json, batch_id, imported_at,
        source_format, extractor_version, message_id
        """

    /// When a new document enters the full-text index.
    public enum SearchIndexing: Sendable {
        /// With the document itself.
        case now
        /// Later, by `indexForSearch(documentsAfter:)` in the same transaction: FTS5 then writes one
        /// index segment for a whole import batch instead of one per document.
        case deferred
    }

    /// Inserts a new document and returns its id. A body already archived violates the
    /// `sha256` uniqueness constraint: callers look it up first with `find(sha256:)`.
    @discardableResult
    public func insert(_ document: Document, searchIndexing: SearchIndexing = .now) throws -> Int64 {
        let id = try insertRow(document)
        if searchIndexing == .now {
            try connection.execute(
                "INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)", binding: id, document.title, document.body)
        }
        return id
    }

    /// The highest document id so far (0 for an empty archive): documents inserted after this call get higher ids.
    public func lastID() throws -> Int64 {
        try connection.scalarInt("SELECT coalesce(max(id), 0) FROM documents") ?? 0
    }

    /// Adds every document with an id above `id` to the full-text index, in one statement.
    public func indexForSearch(documentsAfter id: Int64) throws {
        try connection.execute(
            "INSERT INTO documents_fts (rowid, title, body) SELECT id, title, body FROM documents WHERE id > ? ORDER BY id",
            binding: id)
    }

    private func insertRow(_ document: Document) throws -> Int64 {
        try connection.execute(
            Self.insertRowSQL, binding: document.sha256, document.originalSHA256, document.normalizedSHA256, document.body,
            document.title, document.fileName, document.sourcePath, document.sizeBytes, document.encoding, document.publisher,
            document.author, document.url, document.publishedOn, document.retrievedOn, document.language, document.kind.rawValue,
            document.tags.isEmpty ? nil : try JSONText.encode(document.tags), document.batchID, document.importedAt,
            document.sourceFormat.rawValue, document.extractorVersion, document.messageID)
        return connection.lastInsertedRowID
    }

    public func find(id: Int64) throws -> Document? {
        try connection.queryFirst("SELECT \(Self.columns) FROM documents WHERE id = ?", [id], Self.document)
    }

    public func find(sha256: String) throws -> Document? {
        try connection.queryFirst("SELECT \(Self.columns) FROM documents WHERE sha256 = ?", [sha256], Self.document)
    }

    /// The earliest document with the same hash of the bytes as received, if any.
    public func id(originalSHA256: String) throws -> Int64? {
        try connection.scalarInt("SELECT id FROM documents WHERE original_sha256 = ? ORDER BY id LIMIT 1", [originalSHA256])
    }

    /// The earliest document whose body differs from a given one only in whitespace.
    public func id(normalizedSHA256: String, excluding sha256: String) throws -> Int64? {
        try connection.scalarInt(
            "SELECT id FROM documents WHERE normalized_sha256 = ? AND sha256 <> ? ORDER BY id LIMIT 1",
            [normalizedSHA256, sha256])
    }

    /// The id of the document whose body hash is given in full, or by a unique prefix of at least 8 characters.
    public func id(hashOrPrefix: String) throws -> Int64? {
        let prefix = hashOrPrefix.lowercased()
        guard prefix.count >= 8, prefix.allSatisfy(\.isHexDigit) else { return nil }
        let ids = try connection.query(
            "SELECT id FROM documents WHERE sha256 >= ? AND sha256 < ? || 'g' ORDER BY id LIMIT 2", [prefix, prefix]
        ) { $0.int64(0) }
        return ids.count == 1 ? ids[0] : nil
    }

    public func count() throws -> Int {
        Int(try connection.scalarInt("SELECT count(*) FROM documents") ?? 0)
    }

    static func document(_ row: Statement) throws -> Document {
        Document(
            id: row.int64(0), sha256: row.string(1), originalSHA256: row.string(2), normalizedSHA256: row.string(3),
            body: row.string(4), title: row.optionalString(5), fileName: row.optionalString(6),
            sourcePath: row.optionalString(7), sizeBytes: row.int(8), encoding: row.string(9),
            publisher: row.optionalString(10), author: row.optionalString(11), url: row.optionalString(12),
            publishedOn: row.optionalString(13), retrievedOn: row.optionalString(14), language: row.optionalString(15),
            kind: Document.Kind(rawValue: row.string(16)) ?? .other,
            tags: row.optionalString(17).flatMap { JSONText.decode([String].self, from: $0) } ?? [],
            batchID: row.optionalInt64(18), importedAt: row.string(19),
            sourceFormat: SourceFormat(rawValue: row.string(20)) ?? .text, extractorVersion: row.optionalString(21),
            messageID: row.optionalString(22))
    }

    /// Corrects a document's metadata. The body and its hashes are never changed.
    public func updateMetadata(_ document: Document) throws {
        guard let id = document.id else { return }
        try connection.execute(
            """
            UPDATE documents SET title = ?, publisher = ?, author = ?, url = ?, published_on = ?, retrieved_on = ?,
                language = ?, kind = ?, tags_json = ?
            WHERE id = ?
            """,
            [
                document.title, document.publisher, document.author, document.url, document.publishedOn, document.retrievedOn,
                document.language, document.kind.rawValue, document.tags.isEmpty ? nil : try JSONText.encode(document.tags), id,
            ])
    }

    /// Ids of every document, oldest first, for commands that walk the whole archive.
    public func allIDs() throws -> [Int64] {
        try connection.query("SELECT id FROM documents ORDER BY id") { $0.int64(0) }
    }

    private static let insertRowSQL = CachedSQL(
        """
        INSERT INTO documents (sha256, original_sha256, normalized_sha256, body, title, file_name, source_path,
            size_bytes, encoding, publisher, author, url, published_on, retrieved_on, language, kind, tags_json,
            batch_id, imported_at, source_format, extractor_version, message_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
}
