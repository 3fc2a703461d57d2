import Foundation
import Testing

@testable import DossierKit

@Suite("Migrator")
struct MigratorTests {
    let directory: TemporaryDirectory
    let connection: Connection

    init() throws {
        directory = try TemporaryDirectory()
        connection = try Connection(path: directory.path("migrations.sqlite"))
    }

    let first = Migration(version: 1, name: "create_things", sql: "CREATE TABLE things (id INTEGER PRIMARY KEY);")
    let second = Migration(version: 2, name: "add_colour", sql: "ALTER TABLE things ADD COLUMN colour TEXT;")

    func versions() throws -> [Int] {
        try connection.query("SELECT version FROM schema_migrations ORDER BY version") { $0.int(0) }
    }

    @Test("the built-in migrations build the documented schema")
    func builtInSchema() throws {
        try Migrator.builtIn().migrate(connection)
        let tables = Set(try connection.query("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')") { $0.string(0) })
        for table in StatsRepository.tables + [
            "schema_migrations", "documents_fts", "figures_with_sources", "quotes_with_speakers",
        ] {
            #expect(tables.contains(table), "missing \(table)")
        }
        let recorded = try connection.queryFirst("SELECT sha256, applied_at FROM schema_migrations WHERE version = 1") {
            ($0.string(0), $0.string(1))
        }
        let file = try String(contentsOf: packageRoot.appending(path: "Migrations/0001_create_archive.sql"), encoding: .utf8)
        #expect(recorded?.0 == SHA256Hex.of(file))
        #expect(recorded?.1.hasPrefix("20") == true)
    }

    @Test("a fresh database gets every migration, in order")
    func fresh() throws {
        let applied = try Migrator(migrations: [second, first]).migrate(connection)
        #expect(applied.map(\.version) == [1, 2])
        #expect(try versions() == [1, 2])
        try connection.execute("INSERT INTO things (colour) VALUES ('red')")
    }

    @Test("an archive at an earlier version is upgraded")
    func upgrade() throws {
        try Migrator(migrations: [first]).migrate(connection)
        let applied = try Migrator(migrations: [first, second]).migrate(connection)
        #expect(applied.map(\.version) == [2])
        #expect(try versions() == [1, 2])
    }

    @Test("a tampered checksum is refused and nothing changes")
    func tampered() throws {
        try Migrator(migrations: [first]).migrate(connection)
        let edited = Migration(version: 1, name: "create_things", sql: first.sql + " -- edited")
        #expect(throws: MigrationError.self) { try Migrator(migrations: [edited, second]).migrate(connection) }
        #expect(try versions() == [1])
        let statuses = try Migrator(migrations: [edited]).status(of: connection)
        #expect(statuses.map(\.state) == [.checksumMismatch])
    }

    @Test("an archive migrated by a newer build is refused")
    func newer() throws {
        try Migrator(migrations: [first, second]).migrate(connection)
        let error = #expect(throws: MigrationError.self) { try Migrator(migrations: [first]).migrate(connection) }
        #expect(error == .newerSchema(version: 2, name: "add_colour"))
        #expect(error?.exitCode == 2)
    }

    @Test("a failing migration leaves the archive at the previous version")
    func failing() throws {
        let broken = Migration(version: 2, name: "broken", sql: "CREATE TABLE half (id INTEGER); SELECT * FROM missing_table;")
        try Migrator(migrations: [first]).migrate(connection)
        #expect(throws: DatabaseError.self) { try Migrator(migrations: [first, broken]).migrate(connection) }
        #expect(try versions() == [1])
        #expect(try connection.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'half'") == 0)
    }

    @Test("pending migrations are refused when not allowed")
    func pending() throws {
        try Migrator(migrations: [first]).migrate(connection)
        #expect(throws: MigrationError.pendingMigrations(versions: [2])) {
            try Migrator(migrations: [first, second]).validate(connection, allowPending: false)
        }
    }

    @Test("migration file names must be NNNN_description.sql")
    func fileNames() throws {
        #expect(try Migrator.migration(fileName: "0003_add_index.sql", sql: "").version == 3)
        #expect(throws: MigrationError.self) { try Migrator.migration(fileName: "3_add_index.sql", sql: "") }
    }
}
