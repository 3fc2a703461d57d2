/// Import's use of the fact writer: a prepared document, its facts and its links, in the savepoint
/// the importer opens for it.
extension FactWriter {
    func write(_ prepared: PreparedDocument, batchID: Int64?, searchIndexing: DocumentRepository.SearchIndexing)
        throws -> (documentID: Int64, counts: Counts)
    {
        var document = prepared.document
        document.batchID = batchID
        let documentID = try archive.documents.insert(document, searchIndexing: searchIndexing)
        let (counts, _) = try writeFacts(
            prepared.extraction, documentID: documentID, language: document.language,
            declaredOperation: prepared.metadata.operation, existing: nil)
        try writeLinks(prepared.metadata, documentID: documentID)
        return (documentID, counts)
    }

    private func writeLinks(_ metadata: DocumentMetadata, documentID: Int64) throws {
        let targets =
            (metadata.translationOf.map { [(DocumentLink.Relation.translationOf, $0)] } ?? [])
            + (metadata.cites ?? []).map { (DocumentLink.Relation.cites, $0) }
        for (relation, target) in targets {
            if let targetID = try archive.documents.id(hashOrPrefix: target), targetID != documentID {
                try archive.links.insert(DocumentLink(documentID: documentID, relation: relation, targetDocumentID: targetID))
            } else {
                try archive.links.insert(DocumentLink(documentID: documentID, relation: relation, targetURL: target))
            }
        }
    }
}
