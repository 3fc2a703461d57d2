import ArgumentParser
import DossierKit
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export documents, figures, quotes or mentions as CSV or JSON Lines.",
        discussion: """
            CSV is RFC 4180 (comma, double quotes, CRLF record ends, UTF-8, header row). Cells starting with
            = + - @ tab or CR are prefixed with ' so spreadsheets show them as text, except in numeric columns.
            Rejected facts are left out unless asked for with --status rejected.
            Example: dossier export figures --format csv --output figures.csv
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Argument(help: ArgumentHelp("What to export: \(ExportTable.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "name"))
    var table: ExportTable

    @Option(help: "csv or jsonl.")
    var format: Exporter.Format = .csv

    @Option(name: [.short, .long], help: ArgumentHelp("File to write (default: standard output).", valueName: "file"))
    var output: String = "-"

    @Option(help: "Only facts with this status: extracted, confirmed, rejected or superseded.")
    var status: FactStatus?

    @Option(help: "CSV field delimiter (one ASCII character).")
    var delimiter: String = ","

    @Flag(help: "Start the CSV with a UTF-8 byte-order mark, for Excel.")
    var bom = false

    @Flag(help: "Do not prefix cells that spreadsheets would run as formulas. Only for trusted consumers: the output can then execute formulas when opened in a spreadsheet.")
    var raw = false

    func validate() throws {
        guard delimiter.count == 1, let character = delimiter.first, character.isASCII, character != "\"",
            character != "\n", character != "\r"
        else {
            throw ValidationError("--delimiter must be one ASCII character other than a quote or a line break")
        }
    }

    func run() throws {
        var options = Exporter.Options()
        options.format = format
        options.delimiter = delimiter.first ?? ","
        options.byteOrderMark = bom
        options.neutraliseFormulas = !raw
        options.status = status.map { .only($0) } ?? .notRejected
        let exporter = Exporter(archive: try archive.open(.read))
        if output == "-" {
            try exporter.export(table, options: options) { FileHandle.standardOutput.write(Data($0)) }
        } else {
            let file = try AtomicFileWriter(path: output)
            let rows = try exporter.export(table, options: options) { try file.write($0) }
            try file.commit()
            Console.note("\(rows) rows written to \(output).")
        }
    }
}

extension ExportTable: ExpressibleByArgument {}
extension Exporter.Format: ExpressibleByArgument {}
extension FactStatus: ExpressibleByArgument {}
