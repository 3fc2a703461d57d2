/// An archive's schema as `dossier init` and `dossier migrate` report it: the migrations built into
/// this binary, where each stands in the archive, and applying those it lacks.
public struct ArchiveSchema {
    let archive: Archive
    let migrator: Migrator

    public init(archive: Archive) throws {
        self.archive = archive
        self.migrator = try Migrator.builtIn()
    }

    /// Every built-in and every recorded migration, in version order, with its state in the
    /// archive; changes nothing.
    public func status() throws -> [MigrationStatus] {
        try migrator.status(of: archive.connection)
    }

    /// The newest migration the archive records (0 for a new file): for an archive opened to read
    /// or write, the newest built into this binary.
    public func version() throws -> Int {
        try status().last { $0.state != .pending }?.version ?? 0
    }

    /// Applies every pending migration, under the write lock and in one transaction, sealing what
    /// they require (`Archive.migrate`). Returns those applied, none when the archive was up to date.
    public func migrate() throws -> [Migration] {
        try Archive.migrate(archive.connection)
    }
}
