import ArgumentParser
import DossierKit
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a table as CSV, JSON Lines, JSON or a spreadsheet, or the whole archive with --all.",
        discussion: """
            Tables: \(ExportTable.allCases.map(\.rawValue).joined(separator: ", ")).
            CSV is RFC 4180: comma (or --delimiter), double quotes, CRLF record ends, UTF-8, a header row.
            Cells starting with = + - @ tab or CR are prefixed with ' so spreadsheets show them as text (OWASP's advice against CSV injection), except in numeric columns; --raw turns that off.
            Rejected facts are left out unless asked for with --status rejected. Dates filter on publication date.
            Files are written under a temporary name and renamed when complete.
            xlsx writes a workbook with typed cells: numbers as numbers, complete dates as dates, everything else as text (leading zeros kept), long text wrapped, the header row frozen and filtered; a cell that starts like a formula is marked as text. With --all PATH.xlsx it writes one workbook with a sheet per table above.
            --all writes every table of the archive whole, as stored (document texts, aliases, roles, links, the audit log), one file per table, with manifest.json describing each file's columns (type and meaning) and the schema version, and SHA256SUMS. Filters do not apply to it. A path ending in .zip gets that folder as one zip file.
            --format csl-json or ris writes documents as citations for Zotero (File → Import…) or any CSL processor: one item per document, with the archive's file name, the document id and its SHA-256 as archive location.
            --format ftm writes the whole archive as FollowTheMoney entities, one JSON object per line, for Aleph and the ftm tools: documents with their text and provenance, people, organisations, operations as events, and a Mention for each person or organisation a document names.
            --all DIR --format postgresql writes every table as CSV that PostgreSQL's COPY reads (NULL as an empty cell, empty text as ""), with schema.sql (a schema named after the archive, e.g. dossier for dossier.sqlite: tables, keys, indexes, a French and English full-text column on documents) and load.sql, which replaces that archive's rows in one transaction: cd DIR && psql -v ON_ERROR_STOP=1 -f load.sql.
            --format annotations writes facts (figures, quotes, mentions) as a JSON array of W3C Web Annotations, each pointing at its words with a TextQuoteSelector and a TextPositionSelector in code points.
            Example: dossier export figures --operation cumberland --output figures.csv
            Example: dossier export documents --publisher Europol --format csl-json --output europol.json
            Example: dossier export facts --format annotations --output facts.jsonld
            Example: dossier export figures --format xlsx --output figures.xlsx
            Example: dossier export --format ftm --output archive.ftm.json
            Example: dossier export --all exports/2025-03-01
            Example: dossier export --all exports/2025-03-01.zip
            Example: dossier export --all exports/pg --format postgresql
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Argument(help: ArgumentHelp("The table to export, or facts (with --format annotations).", valueName: "name"))
    var subject: ExportSubject?

    @Option(
        help: "Output format (csl-json and ris for documents only, annotations for facts only, postgresql with --all only).")
    var format: ExportFormat = .csv

    @Option(name: [.short, .long], help: OutputOptions.fileHelp)
    var output: String = "-"

    @Option(
        name: .customLong("all"),
        help: ArgumentHelp(
            "Write every table, whole, into this folder (or NAME.zip), with a manifest (with xlsx: every table into this workbook).",
            valueName: "path"))
    var allDirectory: String?

    @Flag(help: "With --all, overwrite the files of a non-empty folder.")
    var force = false

    @OptionGroup var documents: DocumentFilterOptions

    @Option(help: "Only facts with this status (default: all but rejected).")
    var status: FactStatus?

    @Option(help: ArgumentHelp("Only figures of this category, e.g. arrests.", valueName: "category"))
    var category: String?

    @Option(help: ArgumentHelp("Columns to write, in this order, e.g. id,value,category.", valueName: "a,b,c"))
    var columns: String?

    @Option(help: "CSV field delimiter (one ASCII character).")
    var delimiter: String = ","

    @Flag(help: "Start the CSV with a UTF-8 byte-order mark, for Excel.")
    var bom = false

    @Flag(help: "Keep cells verbatim even when a spreadsheet would run them as formulas. Only for trusted consumers.")
    var raw = false

    func validate() throws {
        guard delimiter.count == 1, let character = delimiter.first, character.isASCII, character != "\"",
            character != "\n", character != "\r"
        else {
            throw ValidationError("--delimiter must be one ASCII character other than a quote or a line break")
        }
        if format == .postgresql, allDirectory == nil { throw ValidationError(ExportFormat.postgresqlRefusal) }
        if subject == nil, allDirectory == nil, format != .ftm {
            throw ValidationError("name a table to export, or use --all DIR")
        }
        if format == .ftm,
            allDirectory != nil || documents.applied() != ExportFilter() || status != nil || category != nil
                || columns != nil
        {
            throw ValidationError("--format ftm exports the whole archive: give no table, --all or filter")
        }
        if subject != nil, allDirectory != nil { throw ValidationError("give either a table or --all, not both") }
        if let subject, let refusal = format.refusal(for: subject) { throw ValidationError(refusal) }
        if allDirectory != nil, format.rows == nil, format != .xlsx, format != .postgresql {
            throw ValidationError("--all writes tables as rows or a workbook; --format \(format.rawValue) applies to one export")
        }
        if format == .postgresql, delimiter != "," || bom {
            throw ValidationError("--delimiter and --bom do not apply to --format postgresql: its CSV is what COPY reads")
        }
        if format == .xlsx {
            if delimiter != "," || bom { throw ValidationError("--delimiter and --bom apply to CSV, not to xlsx") }
            if allDirectory == nil, output == "-", isatty(STDOUT_FILENO) == 1 {
                throw ValidationError("xlsx is a binary workbook: give --output FILE.xlsx")
            }
        }
        if allDirectory != nil, format != .xlsx,
            documents.applied() != ExportFilter() || status != nil || category != nil || columns != nil
        {
            throw ValidationError(
                "--all exports every table whole; --columns, --status, --category and document filters apply to one named table")
        }
    }

    func run() throws {
        var options = Exporter.Options()
        options.format = format.rows ?? .csv
        options.delimiter = delimiter.first ?? ","
        options.byteOrderMark = bom
        options.neutraliseFormulas = !raw
        options.filter = documents.applied()
        options.filter.status = status.map { .only($0) } ?? .notRejected
        options.filter.category = category
        options.columns = columns.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        let opened = try archive.open(.read)

        if format == .xlsx {
            let destination = allDirectory ?? output
            let result = try WorkbookExporter(archive: opened).export(
                subject?.table.map { [$0] } ?? ExportTable.allCases, options: options, to: try OutputFile(path: destination))
            if result.truncatedCells > 0 {
                Console.note(
                    "warning: \(result.truncatedCells) cells were longer than a spreadsheet cell holds "
                        + "(32,767 characters) and were cut; the CSV export holds them whole")
            }
            if destination != "-" {
                Console.note(
                    "\(result.sheets.count) sheets, \(result.sheets.map(\.rows).reduce(0, +)) rows written to \(destination).")
            }
            return
        }
        if let allDirectory {
            let bundle = BundleExporter.Format(rawValue: format.rawValue) ?? .csv
            let exporter = BundleExporter(archive: opened)
            let zipped = allDirectory.lowercased().hasSuffix(".zip")
            let manifest =
                zipped
                ? try exporter.exportZip(
                    to: try OutputFile(path: allDirectory),
                    folderName: ((allDirectory as NSString).lastPathComponent as NSString).deletingPathExtension, as: bundle,
                    options: options)
                : try exporter.export(to: allDirectory, as: bundle, options: options, force: force)
            Console.note(
                "\(manifest.files.count) tables, \(manifest.files.map(\.rows).reduce(0, +)) rows written to \(allDirectory) (see manifest.json, SHA256SUMS)."
            )
            if let schema = manifest.postgresqlSchema {
                Console.note("Load into schema \(schema) with: cd \(allDirectory) && psql -v ON_ERROR_STOP=1 -f load.sql")
            }
            return
        }
        if format == .ftm {
            let file = try OutputFile(path: output)
            let entities = try FollowTheMoneyExporter(archive: opened).export { try file.write($0) }
            try file.commit()
            if output != "-" { Console.note("\(entities) entities written to \(output).") }
            return
        }
        guard let subject else { return }
        let file = try OutputFile(path: output)
        let rows = try ExportDispatcher(archive: opened).export(subject, as: format, options: options) { try file.write($0) }
        try file.commit()
        if output != "-" { Console.note("\(rows) \(format.itemName) written to \(output).") }
    }
}

extension FactStatus: ExpressibleByArgument {}
