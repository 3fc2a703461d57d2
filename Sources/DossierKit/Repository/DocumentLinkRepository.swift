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

    public func list(documentID: Int64) throws -> [DocumentLink] {
        try connection.query(
            """
            SELECT id, document_id, relation, target_document_id, target_url FROM document_links
            WHERE document_id = ? ORDER BY id
            """, [documentID]
        ) {
            DocumentLink(
                id: $0.int64(0), documentID: $0.int64(1),
                relation: DocumentLink.Relation(rawValue: $0.string(2)) ?? .cites,
                targetDocumentID: $0.optionalInt64(3), targetURL: $0.optionalString(4))
        }
    }
}
