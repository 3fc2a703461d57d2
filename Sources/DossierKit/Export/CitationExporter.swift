/// Streams documents as citations — a CSL-JSON array or RIS records — so that an archived release
/// can be cited from Zotero or any CSL processor, and the citation leads back to the verbatim copy
/// (archive, document id and SHA-256).
///
/// Rows come from the documents export, with its filters (`--publisher`, `--since`, `--operation`…),
/// one at a time: nothing is collected.
public struct CitationExporter {
    public enum Format: String, Sendable, CaseIterable {
        case cslJSON = "csl-json"
        case ris
    }

    let repository: ExportRepository
    let archiveName: String

    public init(archive: Archive) {
        repository = ExportRepository(connection: archive.connection)
        archiveName = ArchiveURN(archivePath: archive.path).archiveName
    }

    /// Writes one citation per document through `sink` in chunks of about 64 KiB; returns how many.
    @discardableResult
    public func export(_ format: Format, filter: ExportFilter, sink: ([UInt8]) throws -> Void) throws -> Int {
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 17)
        var array = JSONArrayStream()
        var count = 0
        if format == .cslJSON { array.open(&chunk) }
        let row = ExportRow(columns: CitationRecord.columns)
        try repository.stream(.documents, columns: row.columns, filter: filter) { values in
            let record = CitationRecord(row.with(values), archiveName: archiveName)
            switch format {
            case .cslJSON: array.append(try JSONText.encode(CSLItem(record)), to: &chunk)
            case .ris: RISRecord(record).append(to: &chunk)
            }
            count += 1
            if chunk.count >= 1 << 16 {
                try sink(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if format == .cslJSON { array.close(&chunk) }
        if !chunk.isEmpty { try sink(chunk) }
        return count
    }
}
