/// Streams every fact — figures, then quotes, then mentions — as a JSON array of W3C Web
/// Annotations, so that what Dossier extracted can be shown and shared by any annotation tool, each
/// fact pointing at the exact words of the archived text.
///
/// Facts come from the figures, quotes and mentions exports with their filters (rejected facts
/// only with `--status rejected`, document filters as for those tables), one row at a time; each
/// document's body is read once per kind of fact, when its first fact arrives, and let go with it.
public struct AnnotationExporter {
    let archive: Archive
    let urn: ArchiveURN

    public init(archive: Archive) {
        self.archive = archive
        urn = ArchiveURN(archivePath: archive.path)
    }

    /// Writes the annotations through `sink` in chunks of about 64 KiB; returns how many.
    @discardableResult
    public func export(filter: ExportFilter, sink: ([UInt8]) throws -> Void) throws -> Int {
        if filter.category != nil {
            throw UsageError("--category narrows figures only, not facts: use dossier export figures --category CATEGORY")
        }
        let repository = ExportRepository(connection: archive.connection)
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 17)
        var array = JSONArrayStream()
        array.open(&chunk)
        // One snapshot for the three kinds, so an import running meanwhile never adds a quote
        // whose document's figures were left out.
        try archive.connection.readTransaction {
            for kind in FactKind.allCases {
                let row = ExportRow(columns: kind.columns)
                var document: AnnotatedDocument?
                try repository.stream(kind.table, columns: row.columns, filter: filter) { values in
                    let fact = row.with(values)
                    let documentID = fact.integer("document_id") ?? 0
                    if document?.id != documentID { document = try load(documentID) }
                    guard let document else { return }
                    array.append(try JSONText.encode(FactAnnotation(kind, fact, document: document, urn: urn)), to: &chunk)
                    if chunk.count >= 1 << 16 {
                        try sink(chunk)
                        chunk.removeAll(keepingCapacity: true)
                    }
                }
            }
        }
        array.close(&chunk)
        try sink(chunk)
        return array.count
    }

    private func load(_ id: Int64) throws -> AnnotatedDocument {
        guard let document = try archive.documents.find(id: id) else {
            throw UsageError("document \(id) is missing though facts point at it: run dossier check")
        }
        return AnnotatedDocument(
            id: id, url: document.url?.isEmpty == false ? document.url : nil, text: CodePointText(document.body))
    }
}
