import Foundation

/// Writes every table of the archive, whole and as stored (document bodies, aliases, roles, links,
/// the audit log…), into one folder with a manifest that describes each file's columns, so the
/// export can be used, loaded elsewhere or verified without Dossier: `manifest.json` (columns with
/// type and meaning, rows, SHA-256, schema version) and `SHA256SUMS` for `sha256sum -c`.
public struct BundleExporter {
    /// What the folder is for: one file per table in a row format, or PostgreSQL to load, where the
    /// CSV files are COPY's (NULL told from empty text, no formula guard) beside `schema.sql` and
    /// `load.sql`.
    public enum Format: String, Sendable {
        case csv, jsonl, json, postgresql

        var rows: Exporter.Format { Exporter.Format(rawValue: rawValue) ?? .csv }
    }

    /// A file of the folder that is not a table: the PostgreSQL scripts.
    public struct Script: Sendable, Codable, Equatable {
        public var file: String
        public var description: String
        public var sha256: String
    }

    public struct Column: Sendable, Codable, Equatable {
        public var name: String
        /// INTEGER, REAL or TEXT, as declared in the archive.
        public var type: String
        public var nullable: Bool
        public var meaning: String
    }

    public struct Entry: Sendable, Codable, Equatable {
        public var file: String
        public var table: String
        public var description: String
        public var rows: Int
        public var sha256: String
        public var columns: [Column]
    }

    /// How the CSV files are written, for a reader that is not Dossier.
    public struct Dialect: Sendable, Codable, Equatable {
        public var encoding = "UTF-8"
        public var delimiter: String
        public var quote = "\""
        public var recordEnd = "CRLF"
        public var header = true
        public var byteOrderMark: Bool
        public var emptyCell = "NULL"
        /// What a quoted empty cell (`""`) stands for, when it differs from an empty one.
        public var quotedEmptyCell: String?
        /// Set for PostgreSQL: how a line of text that is only `\.` is kept from ending COPY's data.
        public var copyRule: String?
        /// Set when text cells a spreadsheet would run as formulas were prefixed with it.
        public var formulaPrefix: String?
        public var formulaRule: String?
    }

    public struct Manifest: Sendable, Codable, Equatable {
        public var createdAt: String
        /// The archive's file name (never the machine's path to it).
        public var archive: String
        public var toolVersion: String
        public var schemaVersion: Int
        public var format: String
        public var csv: Dialect?
        public var files: [Entry]
        /// With postgresql: the schema the tables are loaded into, and the scripts that do it.
        public var postgresqlSchema: String?
        public var scripts: [Script]?
    }

    let archive: Archive

    public init(archive: Archive) {
        self.archive = archive
    }

    /// Exports into `directory` as `format`, which must be empty or absent unless `force` is set.
    /// File names come from the schema, never from data.
    public func export(to directory: String, as format: Format, options: Exporter.Options, force: Bool) throws -> Manifest {
        try prepare(directory, force: force)
        var options = options
        options.format = format.rows
        if format == .postgresql {
            // What COPY … (FORMAT csv, HEADER true) reads by default; a database runs no formulas.
            options.delimiter = ","
            options.byteOrderMark = false
            options.neutraliseFormulas = false
            options.postgreSQLCopy = true
        }
        let schema = SchemaRepository(connection: archive.connection)
        var entries: [Entry] = []
        var postgresqlTables: [PostgreSQLSchema.Table] = []
        var schemaVersion = 0
        // One snapshot for every table, so a bundle taken during an import never lists a figure
        // whose document is missing from documents.csv.
        try archive.connection.readTransaction {
            schemaVersion = try schema.schemaVersion()
            for table in try Self.tables(schema) {
                let columns = try schema.columns(of: table.name)
                let meanings = Dictionary(
                    (table.catalogued?.columns ?? []).map { ($0.name, $0.meaning) }, uniquingKeysWith: { first, _ in first })
                let name = "\(table.name).\(options.format.rawValue)"
                let (rows, sha256) = try write(name, in: directory) { sink in
                    try Exporter.write(
                        columns: columns.map(\.name), numeric: columns.map(\.isNumeric), options: options, sink: sink,
                        rows: { try schema.streamRows(of: table.name, $0) })
                }
                entries.append(
                    Entry(
                        file: name, table: table.name, description: table.catalogued?.description ?? "", rows: rows,
                        sha256: sha256,
                        columns: columns.map {
                            Column(name: $0.name, type: $0.type, nullable: $0.nullable, meaning: meanings[$0.name] ?? "")
                        }))
                if format == .postgresql {
                    postgresqlTables.append(
                        PostgreSQLSchema.Table(
                            name: table.name, description: table.catalogued?.description ?? "", columns: columns,
                            meanings: meanings, foreignKeys: try schema.foreignKeys(of: table.name)))
                }
            }
        }
        let archiveName = (archive.path as NSString).lastPathComponent
        var manifest = Manifest(
            createdAt: Timestamp.now(), archive: archiveName, toolVersion: DossierVersion.current,
            schemaVersion: schemaVersion, format: format.rawValue,
            csv: options.format == .csv ? Self.dialect(options) : nil, files: entries)
        if format == .postgresql {
            let postgresql = PostgreSQLSchema(name: PostgreSQLSchema.name(forArchive: archiveName), tables: postgresqlTables)
            let load = PostgreSQLLoadScript(
                schema: postgresql, schemaFile: "schema.sql",
                files: Dictionary(uniqueKeysWithValues: entries.map { ($0.table, $0.file) }), archive: archiveName)
            manifest.postgresqlSchema = postgresql.name
            manifest.scripts = [
                try script(
                    "schema.sql", postgresql.sql, in: directory,
                    description: "CREATE SCHEMA and CREATE TABLE … IF NOT EXISTS for every table, with keys and indexes."),
                try script(
                    "load.sql", load.sql, in: directory,
                    description:
                        "psql -v ON_ERROR_STOP=1 -f load.sql, from this folder: replaces the archive's rows in one transaction."),
            ]
        }
        let encoder = JSONOutput.encoder()
        _ = try write("manifest.json", in: directory) { sink in try sink(Array(try encoder.encode(manifest)) + [0x0A]) }
        let sums = (entries.map { ($0.sha256, $0.file) } + (manifest.scripts ?? []).map { ($0.sha256, $0.file) })
            .map { "\($0.0)  \($0.1)\n" }.joined()
        _ = try write("SHA256SUMS", in: directory) { sink in try sink(Array(sums.utf8)) }
        return manifest
    }

    /// Writes one file of the folder whole (under a temporary name until complete) through the
    /// sink `body` is given; returns what `body` returns and the file's SHA-256.
    private func write<T>(_ name: String, in directory: String, _ body: (([UInt8]) throws -> Void) throws -> T) throws -> (
        T, String
    ) {
        let writer = try OutputFile(path: (directory as NSString).appendingPathComponent(name))
        var hasher = StreamingSHA256()
        let result = try body { bytes in
            hasher.update(bytes)
            try writer.write(bytes)
        }
        try writer.commit()
        return (result, hasher.finalize())
    }

    private func script(_ name: String, _ text: String, in directory: String, description: String) throws -> Script {
        let (_, sha256) = try write(name, in: directory) { sink in try sink(Array(text.utf8)) }
        return Script(file: name, description: description, sha256: sha256)
    }

    /// Every base table, in the catalogue's order (parents before children, the order to load them
    /// back in); a table the catalogue does not know yet still goes out, last.
    static func tables(_ schema: SchemaRepository) throws -> [(name: String, catalogued: ArchiveCatalogue.Entry?)] {
        let present = try schema.relations().filter { !$0.isView }.map(\.name)
        let known = ArchiveCatalogue.tables.filter { present.contains($0.name) }.map { (name: $0.name, catalogued: Optional($0)) }
        let unknown = present.filter { name in !known.contains { $0.name == name } }.map {
            (name: $0, catalogued: ArchiveCatalogue.Entry?.none)
        }
        return known + unknown
    }

    static func dialect(_ options: Exporter.Options) -> Dialect {
        Dialect(
            delimiter: String(options.delimiter), byteOrderMark: options.byteOrderMark,
            quotedEmptyCell: options.postgreSQLCopy ? "empty text" : nil,
            copyRule: options.postgreSQLCopy
                ? "a line inside a cell that is only \\. is written \"\\\". (the quote closed around the backslash), which COPY reads back as \\."
                : nil,
            formulaPrefix: options.neutraliseFormulas ? "'" : nil,
            formulaRule: options.neutraliseFormulas
                ? "a text cell (never a number) that began with = + - @ tab or carriage return has ' added before it" : nil)
    }

    private func prepare(_ directory: String, force: Bool) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw UsageError("\(directory) exists and is not a folder") }
            let contents = (try? manager.contentsOfDirectory(atPath: directory)) ?? []
            if !contents.isEmpty, !force {
                throw UsageError("\(directory) is not empty; choose an empty folder or pass --force to overwrite its files")
            }
        } else {
            do {
                try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw UsageError("cannot create \(directory): \(error.localizedDescription)")
            }
        }
    }
}
