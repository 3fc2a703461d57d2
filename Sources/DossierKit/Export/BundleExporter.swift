import Foundation

/// Writes every table as CSV into one folder, with a manifest a recipient can verify:
/// `manifest.json` (file, rows, SHA-256) and `SHA256SUMS` for `sha256sum -c`.
public struct BundleExporter {
    public struct Entry: Sendable, Codable, Equatable {
        public var file: String
        public var table: String
        public var rows: Int
        public var sha256: String
    }

    public struct Manifest: Sendable, Codable, Equatable {
        public var createdAt: String
        public var archive: String
        public var toolVersion: String
        public var files: [Entry]
    }

    let archive: Archive

    public init(archive: Archive) {
        self.archive = archive
    }

    /// Exports into `directory`, which must be empty or absent unless `force` is set.
    /// File names come from the table list, never from data.
    public func export(to directory: String, options: Exporter.Options, force: Bool) throws -> Manifest {
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
        var csvOptions = options
        csvOptions.format = .csv
        csvOptions.columns = nil
        let exporter = Exporter(archive: archive)
        var entries: [Entry] = []
        // One snapshot for every table, so a bundle taken during an import never lists a figure
        // whose document is missing from documents.csv.
        try archive.connection.readTransaction {
            for table in ExportTable.allCases {
                let name = "\(table.rawValue).csv"
                let writer = try OutputFile(path: (directory as NSString).appendingPathComponent(name))
                var hasher = StreamingSHA256()
                let rows = try exporter.export(table, options: csvOptions) { bytes in
                    hasher.update(bytes)
                    try writer.write(bytes)
                }
                try writer.commit()
                entries.append(Entry(file: name, table: table.rawValue, rows: rows, sha256: hasher.finalize()))
            }
        }
        let manifest = Manifest(
            createdAt: Timestamp.now(), archive: archive.path, toolVersion: DossierVersion.current, files: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let manifestWriter = try OutputFile(path: (directory as NSString).appendingPathComponent("manifest.json"))
        try manifestWriter.write(Array(try encoder.encode(manifest)) + [0x0A])
        try manifestWriter.commit()
        let sums = entries.map { "\($0.sha256)  \($0.file)\n" }.joined()
        let sumsWriter = try OutputFile(path: (directory as NSString).appendingPathComponent("SHA256SUMS"))
        try sumsWriter.write(Array(sums.utf8))
        try sumsWriter.commit()
        return manifest
    }
}
