import Foundation

/// Writes every table of the archive, whole and as stored (document bodies, aliases, roles, links,
/// the audit log…), into one folder with a manifest that describes each file's columns, so the
/// export can be used, loaded elsewhere or verified without Dossier: `manifest.json` (columns with
/// type and meaning, rows, SHA-256, schema version) and `SHA256SUMS` for `sha256sum -c`.
public struct BundleExporter {
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
    }

    let archive: Archive

    public init(archive: Archive) {
        self.archive = archive
    }

    /// Exports into `directory`, which must be empty or absent unless `force` is set.
    /// File names come from the schema, never from data.
    public func export(to directory: String, options: Exporter.Options, force: Bool) throws -> Manifest {
        try prepare(directory, force: force)
        let schema = SchemaRepository(connection: archive.connection)
        var entries: [Entry] = []
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
                let writer = try OutputFile(path: (directory as NSString).appendingPathComponent(name))
                var hasher = StreamingSHA256()
                let rows = try Exporter.write(
                    columns: columns.map(\.name), numeric: columns.map(\.isNumeric), options: options,
                    sink: { bytes in
                        hasher.update(bytes)
                        try writer.write(bytes)
                    }, rows: { try schema.streamRows(of: table.name, $0) })
                try writer.commit()
                entries.append(
                    Entry(
                        file: name, table: table.name, description: table.catalogued?.description ?? "", rows: rows,
                        sha256: hasher.finalize(),
                        columns: columns.map {
                            Column(name: $0.name, type: $0.type, nullable: $0.nullable, meaning: meanings[$0.name] ?? "")
                        }))
            }
        }
        let manifest = Manifest(
            createdAt: Timestamp.now(), archive: (archive.path as NSString).lastPathComponent,
            toolVersion: DossierVersion.current, schemaVersion: schemaVersion, format: options.format.rawValue,
            csv: options.format == .csv ? Self.dialect(options) : nil, files: entries)
        let encoder = JSONOutput.encoder()
        let manifestWriter = try OutputFile(path: (directory as NSString).appendingPathComponent("manifest.json"))
        try manifestWriter.write(Array(try encoder.encode(manifest)) + [0x0A])
        try manifestWriter.commit()
        let sums = entries.map { "\($0.sha256)  \($0.file)\n" }.joined()
        let sumsWriter = try OutputFile(path: (directory as NSString).appendingPathComponent("SHA256SUMS"))
        try sumsWriter.write(Array(sums.utf8))
        try sumsWriter.commit()
        return manifest
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
