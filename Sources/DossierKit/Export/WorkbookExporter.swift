import Foundation

/// Exports tables as one spreadsheet workbook (.xlsx), a sheet per table, so that staff open typed
/// cells instead of a CSV their spreadsheet guesses at: `0012` stays text, 273 is a number,
/// 2025-02-28 is a date, and a cell that starts like a formula is marked as text.
public struct WorkbookExporter {
    public struct Result: Sendable {
        public var sheets: [(table: String, rows: Int)] = []
        /// Cells longer than a spreadsheet holds, cut with a note saying so.
        public var truncatedCells = 0
    }

    /// Columns holding dates, written as dates when complete (YYYY-MM-DD) and as text when partial.
    static let dateColumns: Set<String> = ["published_on", "retrieved_on", "action_day"]

    let archive: Archive

    public init(archive: Archive) {
        self.archive = archive
    }

    /// Writes `tables` (their columns and filters from `options`) to `output` and commits it.
    public func export(_ tables: [ExportTable], options: Exporter.Options, to output: OutputFile) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appending(path: "dossier-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let repository = ExportRepository(connection: archive.connection)
        var result = Result()
        var sheets: [WorkbookPackage.Sheet] = []
        // One snapshot for every sheet, as for `export --all`.
        try archive.connection.readTransaction {
            for table in tables {
                let columns = options.columns ?? repository.columns(of: table)
                let numeric = repository.numericColumns(of: table)
                let writer = try SheetWriter(
                    columns: columns,
                    kinds: columns.map { numeric.contains($0) ? .number : Self.dateColumns.contains($0) ? .date : .text },
                    neutraliseFormulas: options.neutraliseFormulas, scratch: scratch.appending(path: "\(table.rawValue).rows"))
                try repository.stream(table, columns: options.columns, filter: options.filter) { try writer.append($0) }
                let file = scratch.appending(path: "\(table.rawValue).xml")
                try writer.finish(to: file)
                sheets.append(WorkbookPackage.Sheet(name: table.rawValue, file: file, filterRange: writer.filterRange))
                result.sheets.append((table.rawValue, writer.rows))
                result.truncatedCells += writer.truncatedCells
            }
        }
        let workbook = scratch.appending(path: "workbook.xlsx")
        try WorkbookPackage.write(sheets, to: workbook, scratch: scratch)
        try output.write(contentsOf: workbook)
        try output.commit()
        return result
    }
}
