/// Sends one `dossier export NAME --format F` to the exporter that streams that format, so the
/// command stays one call whatever the format. (A workbook is a zip, written whole by
/// `WorkbookExporter`, not streamed through a sink.)
public struct ExportDispatcher {
    let archive: Archive

    public init(archive: Archive) {
        self.archive = archive
    }

    /// Writes `subject` as `format` through `sink`; returns the number of rows, citations or
    /// annotations written. A format that does not fit the subject is a usage error.
    @discardableResult
    public func export(
        _ subject: ExportSubject, as format: ExportFormat, options: Exporter.Options, sink: ([UInt8]) throws -> Void
    ) throws -> Int {
        if format.rows == nil, options.columns != nil {
            throw UsageError("--columns applies to csv, jsonl and json only, not to --format \(format.rawValue)")
        }
        if let refusal = format.refusal(for: subject) { throw UsageError(refusal) }
        if let table = subject.table, let rows = format.rows {
            var tableOptions = options
            tableOptions.format = rows
            return try Exporter(archive: archive).export(table, options: tableOptions, sink: sink)
        }
        if let citations = format.citations {
            return try CitationExporter(archive: archive).export(citations, filter: options.filter, sink: sink)
        }
        if format == .annotations {
            return try AnnotationExporter(archive: archive).export(filter: options.filter, sink: sink)
        }
        throw UsageError("--format \(format.rawValue) is written by its own exporter, not through this one")
    }
}
