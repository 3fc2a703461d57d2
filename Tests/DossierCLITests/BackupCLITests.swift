import Foundation
import Testing

@Suite("CLI: backup and restore")
struct BackupCLITests {
    let cli: CLIRunner

    /// A working directory with the seed documents imported into ./dossier.sqlite.
    init() throws {
        cli = try CLIRunner()
        let imported = try cli.run("import", seedDocuments, "--quiet")
        #expect(imported.exitCode == 0, "\(imported.stderr)")
    }

    /// Every row of every table, as the sqlite3 shell dumps it, to compare two archives.
    func dump(_ database: String, excludingEvents actions: [String] = []) throws -> String {
        let tables = try cli.sql(
            "SELECT group_concat(name, ' ') FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'documents_fts%' AND name NOT IN ('events', 'archive_seal')",
            database: database)
        var parts = try tables.split(separator: " ").map { try cli.sql("SELECT * FROM \($0) ORDER BY 1", database: database) }
        let excluded = actions.map { "'\($0)'" }.joined(separator: ", ")
        parts.append(
            try cli.sql(
                "SELECT * FROM events WHERE action NOT IN (\(excluded.isEmpty ? "''" : excluded)) ORDER BY id", database: database
            ))
        // The chain's head moves with every event, including the excluded ones.
        parts.append(try cli.sql("SELECT * FROM archive_seal WHERE table_name <> 'events' ORDER BY 1", database: database))
        return parts.joined(separator: "\n--\n")
    }

    func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("a backup is checked, renamed into place, recorded, and never overwrites without --force")
    func backup() throws {
        let result = try cli.run("backup", "copy.sqlite")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Backed up dossier.sqlite to copy.sqlite"))
        #expect(try files() == ["copy.sqlite", "dossier.sqlite"])
        #expect(try cli.run("check", "--db", "copy.sqlite").exitCode == 0)
        #expect(
            try cli.sql("SELECT json_extract(new_json, '$.destination') FROM events WHERE action = 'backup'") == "copy.sqlite")
        #expect(
            try dump("copy.sqlite", excludingEvents: ["check"]) == dump("dossier.sqlite", excludingEvents: ["backup", "check"]))

        let again = try cli.run("backup", "copy.sqlite")
        #expect(again.exitCode == 2)
        #expect(again.stderr.contains("copy.sqlite already exists: choose another name, or pass --force to replace it"))
        #expect(try cli.run("backup", "copy.sqlite", "--force").exitCode == 0)
    }

    @Test("a backup taken while another process imports is a consistent, checked copy")
    func backupWhileWriting() throws {
        for index in 0..<1500 {
            try cli.write(
                "incoming/\(String(format: "%04d", index)).txt",
                "Operation Batch \(index)\n\nEuropol said \(index + 3) suspects were arrested on 3 March 2024 in case \(index).\n"
            )
        }
        let writer = Process()
        writer.executableURL = CLIRunner.binary
        writer.arguments = ["import", cli.path("incoming"), "--quiet"]
        writer.currentDirectoryURL = cli.directory
        writer.environment = cli.environment
        writer.standardOutput = FileHandle.nullDevice
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        // Wait until the import has committed something, so the backup overlaps real writes.
        var waited = 0
        while try cli.sql("SELECT count(*) FROM import_batches") == "1", waited < 300 {
            usleep(20_000)
            waited += 1
        }
        let startedWhileWriting = writer.isRunning
        let result = try cli.run("backup", "during.sqlite")
        writer.waitUntilExit()
        #expect(startedWhileWriting, "the import finished before the backup started: make it longer")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(writer.terminationStatus == 0)
        #expect(try cli.run("check", "--db", "during.sqlite").exitCode == 0)
        // Every document in the copy is the source's document with the same id, byte for byte.
        let copied = try #require(Int(try cli.sql("SELECT count(*) FROM documents", database: "during.sqlite")))
        #expect(copied >= 2 && copied <= 1502)
        let differing = try cli.sql(
            "ATTACH '\(cli.path("dossier.sqlite"))' AS source; SELECT count(*) FROM documents c LEFT JOIN source.documents s ON s.id = c.id WHERE s.sha256 IS NOT c.sha256",
            database: "during.sqlite")
        #expect(differing == "0")
    }

    @Test("restore round-trip: refuses a newer archive without --force, then preserves every row of the backup")
    func restore() throws {
        #expect(try cli.run("backup", "copy.sqlite").exitCode == 0)
        let backedUp = try dump("copy.sqlite")
        try cli.write("later.txt", "Operation Later\n\nEuropol said 12 people were arrested on 4 April 2025.\n")
        #expect(try cli.run("import", "later.txt", "--quiet").exitCode == 0)
        let current = try dump("dossier.sqlite")

        let refused = try cli.run("restore", "copy.sqlite")
        #expect(refused.exitCode == 2)
        #expect(refused.stderr.contains("newer than anything in the backup"))
        #expect(try dump("dossier.sqlite") == current)

        let restored = try cli.run("restore", "copy.sqlite", "--force")
        #expect(restored.exitCode == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("kept as dossier.sqlite.before-restore"))
        #expect(try dump("dossier.sqlite", excludingEvents: ["restore"]) == backedUp)
        #expect(try cli.sql("SELECT count(*) FROM events WHERE action = 'restore'") == "1")
        #expect(try dump("dossier.sqlite.before-restore") == current)
        #expect(try files() == ["copy.sqlite", "dossier.sqlite", "dossier.sqlite.before-restore", "later.txt"])
        #expect(try cli.run("check").exitCode == 0)
    }

    @Test("restore refuses a damaged backup and changes nothing")
    func restoreDamaged() throws {
        #expect(try cli.run("backup", "copy.sqlite").exitCode == 0)
        _ = try cli.sql("UPDATE documents SET body = 'X' || substr(body, 2) WHERE id = 1", database: "copy.sqlite")
        let before = try dump("dossier.sqlite")
        let result = try cli.run("restore", "copy.sqlite", "--force")
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("backup copy.sqlite failed its check"))
        #expect(try dump("dossier.sqlite") == before)
        #expect(!FileManager.default.fileExists(atPath: cli.path("dossier.sqlite.before-restore")))
    }

    /// Documents imported into ./dossier.sqlite by a process started now and left running.
    func startSlowImport(files: Int) throws -> CLIRunner.Running {
        for index in 0..<files {
            try cli.write(
                "incoming/\(String(format: "%04d", index)).txt",
                "Operation Batch \(index)\n\nEuropol said \(index + 3) suspects were arrested on 3 March 2024 in case \(index).\n"
            )
        }
        // A commit (and a sync) per document: the import lasts seconds, and the restore lands between two commits.
        let running = try cli.start(["import", cli.path("incoming"), "--quiet", "--batch-size", "1"])
        var waited = 0
        while try cli.sql("SELECT count(*) FROM documents") == "2", waited < 500 {
            usleep(10_000)
            waited += 1
        }
        return running
    }

    @Test("restore during an import: the import's documents are in the restored archive, or the import fails loudly")
    func restoreDuringImport() throws {
        #expect(try cli.run("backup", "copy.sqlite").exitCode == 0)
        let importing = try startSlowImport(files: 3000)

        let restored = try cli.run("restore", "copy.sqlite", "--force")
        let imported = try importing.wait()

        #expect(restored.exitCode == 0, "\(restored.stderr)")
        let documents = try #require(Int(try cli.sql("SELECT count(*) FROM documents")))
        // The content replaced by the restore, with what the import had committed, is kept whole.
        let kept = try #require(Int(try cli.sql("SELECT count(*) FROM documents", database: "dossier.sqlite.before-restore")))
        #expect(kept > 2, "the restore happened after the import's first commit")
        let batchWhenRestored = try cli.sql(
            "SELECT status FROM import_batches WHERE id = 2", database: "dossier.sqlite.before-restore")
        if batchWhenRestored == "completed" {
            // SQLite's lock is not fair: a writer committing back to back can keep the restore waiting to the end.
            // Nothing is lost then either: the import finished, and its documents are in the kept copy.
            #expect(imported.exitCode == 0)
            #expect(kept == 3002 && documents == 2)
        } else if imported.exitCode == 0 {
            #expect(documents == 3002, "the import said it stored 3,000 documents")
        } else {
            #expect(imported.exitCode == 2)
            #expect(
                imported.stderr.contains("was restored from a backup (or replaced) while this import ran"), "\(imported.stderr)")
            #expect(documents < 3002)
        }
        #expect(try cli.run("check").exitCode == 0)
        #expect(try cli.run("check", "--db", "dossier.sqlite.before-restore").exitCode == 0)
    }

    @Test("a partial copy left by a killed backup is removed by the next run; a live one's is not")
    func stalePartialCopies() throws {
        // PID 2^22 + 1 is above Linux's pid_max limit, so no process can have it.
        let stale = try cli.write("copy.sqlite.partial-4194305", "left by a killed backup")
        try cli.write("copy.sqlite.partial-4194305-journal", "its journal")
        let live = try cli.write("copy.sqlite.partial-1", "init's pid is always running")

        #expect(try cli.run("backup", "copy.sqlite").exitCode == 0)

        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(!FileManager.default.fileExists(atPath: stale + "-journal"))
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(try files().filter { $0.contains("partial") } == ["copy.sqlite.partial-1"])
    }

    @Test("a failed backup leaves no partial copy or journal behind")
    func failedBackupCleansUp() throws {
        try FileManager.default.createDirectory(atPath: cli.path("out"), withIntermediateDirectories: false)
        // The copy fails its check, because the archive changes under it: simplest is a damaged archive.
        _ = try cli.sql("UPDATE documents SET body = 'X' || substr(body, 2) WHERE id = 1")
        let result = try cli.run("backup", "out/copy.sqlite")
        #expect(result.exitCode == 1, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.path("out")).isEmpty)
    }
}
