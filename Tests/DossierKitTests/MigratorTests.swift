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
        let error = #expect(throws: MigrationError.self) { try Migrator(migrations: [first, broken]).migrate(connection) }
        #expect(error == .failed(version: 2, name: "broken", reason: "no such table: missing_table"))
        #expect(error?.description.contains("SELECT") == false, "the user is told what failed, not shown the SQL")
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

    /// An archive migrated up to just before `version`, holding document 7 (with `body`) and person 3;
    /// returns the built-in migrator that takes it the rest of the way.
    func archive(before version: Int, body: String) throws -> Migrator {
        let builtIn = try Migrator.builtIn()
        try Migrator(migrations: builtIn.migrations.filter { $0.version < version }).migrate(connection)
        try connection.execute(
            """
            INSERT INTO documents (id, sha256, original_sha256, normalized_sha256, body, size_bytes, encoding, imported_at)
            VALUES (7, printf('%064d', 1), printf('%064d', 1), printf('%064d', 1), ?, ?, 'utf-8', 'now')
            """, [body, body.utf8.count])
        try connection.execute("INSERT INTO people (id, slug, name, created_at) VALUES (3, 'ann-lee', 'Ann Lee', 'now')")
        return builtIn
    }

    @Test("0004 rebuilds the fact tables keeping every row, id and rule, without IN lists in their CHECKs")
    func factTablesRebuilt() throws {
        let builtIn = try archive(before: 4, body: "25 arrested")
        try connection.executeScript(
            """
            INSERT INTO figures (id, document_id, value, exact_text, char_start, char_end, status, created_at)
            VALUES (41, 7, 25, '25 arrested', 0, 11, 'confirmed', 'now');
            INSERT INTO quotes (id, document_id, speaker_kind, person_id, text, exact_text, char_start, char_end, created_at)
            VALUES (42, 7, 'person', 3, 'arrested', 'arrested', 3, 11, 'now');
            INSERT INTO mentions (id, document_id, entity_type, date_iso, exact_text, char_start, char_end, created_at)
            VALUES (43, 7, 'date', '2024-01-02', '25', 0, 2, 'now');
            """)

        try builtIn.migrate(connection)

        #expect(try connection.scalarInt("SELECT id FROM figures WHERE status = 'confirmed' AND value = 25") == 41)
        #expect(try connection.scalarInt("SELECT person_id FROM quotes WHERE id = 42") == 3)
        #expect(try connection.scalarInt("SELECT id FROM mentions WHERE date_iso = '2024-01-02'") == 43)
        #expect(try connection.scalarInt("SELECT count(*) FROM figures_with_sources WHERE document_id = 7") == 1)
        #expect(try connection.scalarInt("SELECT figures + quotes + mentions FROM documents_overview WHERE id = 7") == 3)
        #expect(try connection.query("PRAGMA integrity_check") { $0.string(0) } == ["ok"])
        #expect(try connection.query("PRAGMA foreign_key_check") { $0.string(0) }.isEmpty)
        let definitions = try connection.query(
            "SELECT sql FROM sqlite_master WHERE tbl_name IN ('figures', 'quotes', 'mentions') AND type <> 'trigger' AND sql IS NOT NULL"
        ) { $0.string(0) }
        #expect(definitions.count == 3 + 6, "the three tables and their indexes, but figures_category (0007)")
        #expect(!definitions.contains { $0.contains("status IN") || $0.contains("_type IN") || $0.contains("_kind IN") })
        #expect(throws: DatabaseError.self) {
            try connection.execute("UPDATE figures SET status = 'maybe' WHERE id = 41")
        }
        #expect(throws: DatabaseError.self) {
            try connection.execute("UPDATE mentions SET entity_type = 'place' WHERE id = 43")
        }
        #expect(throws: DatabaseError.self) {
            try connection.execute("UPDATE quotes SET speaker_kind = 'crowd' WHERE id = 42")
        }
    }

    @Test("0006 keys person roles by document first, keeps every role and still refuses the same one twice")
    func personRolesKeyedByDocument() throws {
        let builtIn = try archive(before: 6, body: "text")
        try connection.executeScript(
            """
            INSERT INTO organisations (id, slug, name, created_at) VALUES (5, 'europol', 'Europol', 'now');
            INSERT INTO person_roles (id, person_id, role, organisation_id, document_id) VALUES
                (1, 3, 'Director', 5, 7), (2, 3, 'Director', NULL, NULL), (3, 3, NULL, 5, 7);
            """)

        try builtIn.migrate(connection)

        #expect(try connection.query("SELECT id FROM person_roles ORDER BY id") { $0.int(0) } == [1, 2, 3])
        for duplicate in ["(3, 'Director', 5, 7)", "(3, 'Director', NULL, NULL)", "(3, NULL, 5, 7)"] {
            #expect(throws: DatabaseError.self) {
                try connection.execute(
                    "INSERT INTO person_roles (person_id, role, organisation_id, document_id) VALUES \(duplicate)")
            }
        }
        try connection.execute(
            "INSERT INTO person_roles (person_id, role, organisation_id, document_id) VALUES (3, 'Chief', 5, 7)")
        // Merging people and deleting one look roles up by person: that must not scan the table.
        let plan = try connection.query("EXPLAIN QUERY PLAN SELECT id FROM person_roles WHERE person_id = 3") { $0.string(3) }
        #expect(
            plan.contains {
                $0.contains("USING INDEX person_roles_person_id") || $0.contains("USING COVERING INDEX person_roles_person_id")
            }, "\(plan)")
        #expect(try connection.query("PRAGMA integrity_check") { $0.string(0) } == ["ok"])
    }

    @Test("0007 drops the index on figures' category, and export by category still finds every figure of it")
    func figuresCategoryIndexDropped() throws {
        let builtIn = try archive(before: 7, body: "25 arrested, 3 victims")
        try connection.executeScript(
            """
            INSERT INTO figures (id, document_id, value, category, exact_text, char_start, char_end, created_at)
            VALUES (1, 7, 25, 'arrests', '25 arrested', 0, 11, 'now'), (2, 7, 3, 'victims', '3 victims', 13, 22, 'now');
            """)
        #expect(try connection.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'figures_category'") == 1)

        try builtIn.migrate(connection)

        #expect(try connection.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'figures_category'") == 0)
        var filter = ExportFilter()
        filter.category = "victims"
        var exported: [[DatabaseValue]] = []
        try ExportRepository(connection: connection).stream(.figures, columns: ["id", "exact_text"], filter: filter) {
            exported.append($0)
        }
        #expect(exported == [[.integer(2), .text("3 victims")]])
    }

    @Test("0008 seals the rows and chains the events an archive already has, and the check then finds them intact")
    func existingRowsSealed() throws {
        _ = try archive(before: 8, body: "25 arrested")
        try connection.executeScript(
            """
            INSERT INTO events (occurred_at, operator, action, entity_type, entity_id) VALUES
                ('2024-01-01T00:00:00Z', 'ana', 'import', 'document', 7), ('2024-01-02T00:00:00Z', 'ana', 'edit', 'person', 3);
            """)

        try Archive.migrate(connection)

        #expect(try connection.scalarInt("SELECT count(*) FROM documents WHERE record_sha256 IS NULL") == 0)
        #expect(try connection.scalarInt("SELECT count(*) FROM people WHERE record_sha256 IS NULL") == 0)
        #expect(try connection.scalarInt("SELECT count(*) FROM events WHERE sha256 IS NULL") == 0)
        #expect(try connection.scalarInt("SELECT row_count FROM archive_seal WHERE table_name = 'events'") == 2)
        let report = try IntegrityChecker(
            path: directory.path("migrations.sqlite"), options: CheckOptions(phases: [.schema, .records], recordEvent: false)
        ).run()
        #expect(report.findings.isEmpty, "\(report.findings.map(\.summary))")
        #expect(report.eventsChecked == 2)
    }

    // MARK: Table rebuilds and concurrent runs (issue 14, item 4)

    /// The seed documents imported into the migrated archive: facts, mentions, links and events that
    /// all point at `documents`.
    func seededArchive() throws -> Archive {
        let archive = try Archive.open(path: directory.path("seeded.sqlite"), access: .write)
        let importer = Importer(
            archive: archive, options: ImportOptions(operatorName: "tester"), extractor: try FactExtractor.builtIn())
        let summary = try importer.run(
            InputCollector(followSymlinks: false).collect([packageRoot.appending(path: "Seeds/documents").path]))
        #expect(summary.imported == 2)
        return archive
    }

    /// Row counts of every table that points at another, which a cascading delete would empty.
    func dependentRowCounts(_ connection: Connection) throws -> [String: Int64] {
        var counts: [String: Int64] = [:]
        for table in ["figures", "quotes", "mentions", "document_links", "document_operations", "person_roles", "events"] {
            counts[table] = try connection.scalarInt("SELECT count(*) FROM \(table)")
        }
        return counts
    }

    /// A migration that rebuilds `documents` the documented way
    /// (https://sqlite.org/lang_altertable.html#otheralter), written from the archive's own schema.
    func rebuildDocumentsMigration(_ connection: Connection, version: Int) throws -> Migration {
        let table = try #require(
            try connection.queryFirst("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'documents'") {
                $0.string(0)
            })
        let dependents = try connection.query(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'documents' AND type IN ('index', 'trigger') AND sql IS NOT NULL"
        ) { $0.string(0) }
        let views = try connection.query("SELECT name, sql FROM sqlite_master WHERE type = 'view'") {
            ($0.string(0), $0.string(1))
        }
        let sql =
            views.map { "DROP VIEW \($0.0);\n" }.joined()
            + table.replacingOccurrences(of: "CREATE TABLE documents", with: "CREATE TABLE documents_rebuilt") + ";\n"
            + "INSERT INTO documents_rebuilt SELECT * FROM documents;\n"
            + "DROP TABLE documents;\n"
            + "ALTER TABLE documents_rebuilt RENAME TO documents;\n"
            + (dependents + views.map(\.1)).map { $0 + ";\n" }.joined()
        return Migration(version: version, name: "rebuild_documents", sql: sql)
    }

    @Test("a migration that rebuilds documents keeps every fact, link and event that points at them")
    func rebuildKeepsDependents() throws {
        let archive = try seededArchive()
        let before = try dependentRowCounts(archive.connection)
        #expect(before["figures"] ?? 0 > 0 && before["quotes"] ?? 0 > 0 && before["mentions"] ?? 0 > 0)
        let builtIn = try Migrator.builtIn()
        let rebuild = try rebuildDocumentsMigration(archive.connection, version: (builtIn.migrations.last?.version ?? 0) + 1)

        let applied = try Migrator(migrations: builtIn.migrations + [rebuild]).migrate(archive.connection)

        #expect(applied == [rebuild])
        #expect(try dependentRowCounts(archive.connection) == before)
        #expect(try archive.connection.foreignKeyViolations().isEmpty)
        #expect(try archive.connection.scalarInt("PRAGMA foreign_keys") == 1, "foreign keys are enforced again afterwards")
        #expect(try archive.connection.query("PRAGMA integrity_check") { $0.string(0) } == ["ok"])
        #expect(try archive.connection.scalarInt("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'Europol'") == 2)
    }

    @Test("a migration that would leave facts pointing at nothing is refused, and nothing changes")
    func danglingReferencesRefused() throws {
        let archive = try seededArchive()
        let before = try dependentRowCounts(archive.connection)
        let builtIn = try Migrator.builtIn()
        let version = (builtIn.migrations.last?.version ?? 0) + 1
        let orphaning = Migration(version: version, name: "orphan_facts", sql: "DELETE FROM documents;")

        let error = #expect(throws: MigrationError.self) {
            try Migrator(migrations: builtIn.migrations + [orphaning]).migrate(archive.connection)
        }

        guard case .foreignKeyViolation(version, "orphan_facts", _) = error else {
            Issue.record("expected a foreign-key violation, got \(String(describing: error))")
            return
        }
        #expect(try archive.connection.scalarInt("SELECT count(*) FROM documents") == 2)
        #expect(try dependentRowCounts(archive.connection) == before)
        #expect(try archive.connection.scalarInt("SELECT max(version) FROM schema_migrations") == Int64(version - 1))
    }

    @Test("foreign keys cannot be switched off inside a transaction, where SQLite would ignore it")
    func foreignKeysOffRefusedInTransaction() throws {
        try connection.writeTransaction { () -> Void in
            #expect(throws: DatabaseError.self) { try connection.withForeignKeysOff {} }
        }
    }

    @Test("a migrator that waits for another's write lock reads what that one applied, and applies nothing twice")
    func waitingMigratorReadsUnderTheLock() throws {
        try Migrator(migrations: [first]).migrate(connection)
        let path = directory.path("migrations.sqlite")
        // Another process in the middle of applying `second`: it holds the write lock, not yet committed.
        let holder = try Connection(path: path)
        try holder.executeScript(
            "BEGIN IMMEDIATE; \(second.sql) INSERT INTO schema_migrations VALUES (2, 'add_colour', '\(second.checksum)', 'now');")
        let outcome = RaceOutcomes()
        let finished = DispatchSemaphore(value: 0)
        let migrator = Migrator(migrations: [first, second])
        Thread {
            outcome.add(Result { try migrator.migrate(try Connection(path: path)).count })
            finished.signal()
        }.start()
        Thread.sleep(forTimeInterval: 0.3)
        try holder.executeScript("COMMIT")
        finished.wait()

        #expect(try outcome.all.map { try $0.get() } == [0])
        #expect(try versions() == [1, 2])
    }
}

/// What a migrator on another thread returned.
private final class RaceOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Result<Int, Error>] = []

    func add(_ outcome: Result<Int, Error>) {
        lock.withLock { outcomes.append(outcome) }
    }

    var all: [Result<Int, Error>] { lock.withLock { outcomes } }
}
