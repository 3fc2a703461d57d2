/// Stores translation, citation, derivation and probable-duplicate links.
public struct DocumentLinkRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    public func insert(_ link: DocumentLink) throws {
        try connection.execute(
            """
            INSERT INTO document_links (document_id, relation, target_document_id, target_url, created_at)
            VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """,
            [link.documentID, link.relation.rawValue, link.targetDocumentID, link.targetURL, Timestamp.now()])
    }

    /// The links other documents make to this one (a translation of it, a document citing it).
    public func list(pointingAt documentID: Int64) throws -> [DocumentLink] {
        try connection.query(
            """
            SELECT id, document_id, relation, target_document_id, target_url FROM document_links
            WHERE target_document_id = ? ORDER BY id
            """, [documentID], Self.link)
    }

    public func list(documentID: Int64) throws -> [DocumentLink] {
        try connection.query(
            """
            SELECT id, document_id, relation, target_document_id, target_url FROM document_links
            WHERE document_id = ? ORDER BY id
            """, [documentID], Self.link)
    }

    static func link(_ row: Statement) -> DocumentLink {
        DocumentLink(
            id: row.int64(0), documentID: row.int64(1), relation: DocumentLink.Relation(rawValue: row.string(2)) ?? .cites,
            targetDocumentID: row.optionalInt64(3), targetURL: row.optionalString(4))
    }
}
