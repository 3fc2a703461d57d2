import DossierKit
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Crash safety, a full disk and a read-only archive, through the built binary (issue 8).
///
/// `swift test` runs a CI-sized number of kills; `Scripts/crash-test` runs the full harness by
/// setting `DOSSIER_CRASH_KILLS` (and optionally `DOSSIER_CRASH_DOCUMENTS`, `DOSSIER_CRASH_SEED`).
@Suite("CLI: reliability under faults", .serialized)
struct ReliabilityCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
    }

    static func setting(_ name: String, default value: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) } ?? value
    }

    /// Imports the corpus into a new archive without interruption: the result every other run must reach.
    func cleanReference(corpus: String, name: String = "reference.sqlite") throws -> (path: String, seconds: Double) {
        let started = Date()
        let result = try cli.run("import", corpus, "--db", name, "--quiet")
        #expect(result.exitCode == 0, "\(result.stderr)")
        return (cli.path(name), Date().timeIntervalSince(started))
    }

    /// Everything issue 8 asks of an archive after a kill: it opens, SQLite finds it intact,
    /// `dossier check` is clean, and every document in it holds exactly the facts a clean import gives it.
    /// Returns the number of documents it holds.
    @discardableResult
    func verify(_ database: String, reference: String, context: String) throws -> Int {
        #expect(try cli.sql("PRAGMA integrity_check", database: database) == "ok", "\(context)")
        let stats = try cli.run("stats", "--db", database)
        #expect(stats.exitCode == 0, "\(context): \(stats.stderr)")
        let check = try cli.run("check", "--db", database)
        #expect(check.exitCode == 0, "\(context): \(check.stdout) \(check.stderr)")
        let fields = try cli.sql(ArchiveFingerprint.comparison(reference: reference), database: database).split(separator: "|")
        #expect(fields.count == 5, "\(context): \(fields)")
        guard fields.count == 5 else { return -1 }
        #expect(fields[0] == "0", "\(context): \(fields[0]) fact rows differ from the clean import")
        #expect(fields[1] == "0", "\(context): \(fields[1]) fact rows of stored documents are missing")
        #expect(fields[2] == fields[3], "\(context): \(fields[2]) rows where the clean import has \(fields[3])")
        return Int(fields[4]) ?? -1
    }

    @Test("SIGKILL at random moments of an import never leaves a partial document, and a re-run completes the archive")
    func killedImports() throws {
        let kills = Self.setting("DOSSIER_CRASH_KILLS", default: 5)
        let documents = Self.setting("DOSSIER_CRASH_DOCUMENTS", default: 300)
        var random = SplitMix64(seed: UInt64(Self.setting("DOSSIER_CRASH_SEED", default: 8)))
        try PressReleaseCorpus(count: documents).write(into: cli.directory.appending(path: "corpus"))
        let reference = try cleanReference(corpus: "corpus")
        let referenceEntities = try cli.sql(ArchiveFingerprint.entities, database: "reference.sqlite")
        #expect(try cli.sql("SELECT count(*) FROM documents", database: "reference.sqlite") == String(documents))

        var killed = 0
        var finishedFirst = 0
        var storedAtKill: [Int] = []
        var trial = 0
        while killed + finishedFirst < kills {
            trial += 1
            let database = "trial-\(trial).sqlite"
            // Every other trial kills the resumed import too, so a kill also lands on an archive
            // that already holds a crashed run.
            let killsThisTrial = min(trial % 2 == 0 ? 2 : 1, kills - killed - finishedFirst)
            for round in 1...killsThisTrial {
                // A fifth of the kills land in the first 100 ms, where the archive is created and migrated.
                let window = random.int(0...4) == 0 ? 0.1 : reference.seconds * 1.1
                let delay = Double(random.int(0...1_000_000)) / 1_000_000 * window
                // Batches of 100, so that kills also land between commits of one run.
                let running = try cli.start(["import", "corpus", "--db", database, "--quiet", "--batch-size", "100"])
                Thread.sleep(forTimeInterval: delay)
                kill(running.pid, SIGKILL)
                let result = try running.wait()
                if running.process.terminationReason == .uncaughtSignal {
                    killed += 1
                } else {
                    finishedFirst += 1
                    #expect(result.exitCode == 0, "\(result.stderr)")
                }
                let context = "trial \(trial) round \(round), killed after \(Int(delay * 1000)) ms"
                if !FileManager.default.fileExists(atPath: cli.path(database)) {
                    storedAtKill.append(0)
                } else if try cli.sql("SELECT count(*) FROM sqlite_master", database: database) == "0" {
                    // Killed before the creating transaction committed: SQLite's file exists, with no
                    // schema at all (creation is one transaction), which the re-run creates.
                    #expect(try cli.sql("PRAGMA integrity_check", database: database) == "ok", "\(context)")
                    storedAtKill.append(-1)
                } else {
                    storedAtKill.append(try verify(database, reference: reference.path, context: context))
                }
            }
            let again = try cli.run("import", "corpus", "--db", database, "--quiet")
            #expect(again.exitCode == 0, "trial \(trial): \(again.stderr)")
            let count = try verify(database, reference: reference.path, context: "trial \(trial) after re-run")
            #expect(count == documents, "trial \(trial): \(count) documents after the re-run")
            #expect(try cli.sql(ArchiveFingerprint.entities, database: database) == referenceEntities)
        }
        // Printed for RELIABILITY.md: how many kills really interrupted a run, and where.
        print(
            "crash-test: \(kills) kill trials on \(documents) documents, \(killed) killed mid-run, "
                + "\(finishedFirst) finished before the signal; documents stored at the kills "
                + "(-1: killed while creating the archive, no schema yet): \(storedAtKill.map(String.init).joined(separator: ","))"
        )
    }

    @Test("a file-size limit reached mid-import (EFBIG, as on a full disk) stops it with a clear error and changes no document")
    func fileSizeLimit() throws {
        try PressReleaseCorpus(count: 300).write(into: cli.directory.appending(path: "corpus"))
        #expect(try cli.run("import", seedDocuments).exitCode == 0)
        try FileManager.default.copyItem(atPath: cli.path("dossier.sqlite"), toPath: cli.path("before.sqlite"))
        // SIGXFSZ ignored, so write(2) fails with EFBIG instead of killing the process, and
        // 400 KiB (ulimit counts 1024-byte blocks) is reached within the first batch of 100 documents,
        // while they are being stored.
        let limited = try cli.start(
            ["import", "corpus", "--batch-size", "100"],
            through: ["/bin/bash", "-c", "trap '' XFSZ; ulimit -f 400; exec \"$0\" \"$@\""]
        ).wait()
        #expect(limited.exitCode == 2, "\(limited.stderr)")
        #expect(limited.stderr.hasPrefix("dossier: error: import stopped while storing corpus/"), "\(limited.stderr)")
        #expect(limited.stderr.contains("could not be written (disk I/O error)"), "\(limited.stderr)")
        #expect(limited.stderr.split(separator: "\n").count == 1)
        #expect(try verify("dossier.sqlite", reference: cli.path("before.sqlite"), context: "after EFBIG") == 2)
        #expect(try cli.sql("SELECT status || ',' || imported FROM import_batches ORDER BY id DESC LIMIT 1") == "failed,0")
    }

    @Test("a full file system (ENOSPC on a small tmpfs) stops the import with a clear error and changes no document")
    func fullDisk() throws {
        let mountPoint = cli.path("small-disk")
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        guard try cli.system("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint) == 0
        else {
            // Mounting needs root (or CAP_SYS_ADMIN); fileSizeLimit covers the same path without it.
            print("fullDisk: tmpfs could not be mounted here; skipped")
            return
        }
        defer { _ = try? cli.system("umount", mountPoint) }
        try PressReleaseCorpus(count: 300).write(into: cli.directory.appending(path: "corpus"))
        let archive = "small-disk/archive.sqlite"
        #expect(try cli.run("import", seedDocuments, "--db", archive).exitCode == 0)
        try FileManager.default.copyItem(atPath: cli.path(archive), toPath: cli.path("before.sqlite"))
        let full = try cli.run("import", "corpus", "--db", archive)
        #expect(full.exitCode == 2, "\(full.stderr)")
        #expect(full.stderr.contains("could not be written (database or disk is full)"), "\(full.stderr)")
        #expect(full.stderr.contains("run the same import again"))
        #expect(full.stderr.split(separator: "\n").count == 1)
        #expect(try verify(archive, reference: cli.path("before.sqlite"), context: "after ENOSPC") == 2)
        // Every other command on the full disk: one line saying what happened and what to do, never
        // SQLite's own message with the statement it was running.
        _ = try cli.system("dd", "if=/dev/zero", "of=\(cli.path("small-disk/filler"))", "bs=4096")  // until the disk is full
        for command in [["stats"], ["check"], ["figure", "confirm", "1"], ["export", "figures"]] {
            let result = try cli.run(command + ["--db", archive])
            #expect(result.exitCode != 0, "\(command)")
            #expect(!result.stderr.contains("while running"), "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("SQLite error"), "\(command): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count <= 1, "\(command): \(result.stderr)")
        }
    }

    @Test("a read-only archive file is refused by every writing command with one clear line, and is not changed")
    func readOnlyArchive() throws {
        #expect(try cli.run("import", seedDocuments).exitCode == 0)
        let archive = cli.path("dossier.sqlite")
        let before = try Data(contentsOf: URL(fileURLWithPath: archive))
        // Tests run as root, which ignores permission bits: the immutable attribute binds root too.
        let protected: Bool
        if try cli.system("chattr", "+i", archive) == 0 {
            protected = true
        } else if getuid() != 0 {
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: archive)
            protected = true
        } else {
            protected = false
        }
        guard protected else {
            print("readOnlyArchive: neither chattr +i nor permissions can make the archive read-only here; skipped")
            return
        }
        defer { _ = try? cli.system("chattr", "-i", archive) }
        try cli.write("new.txt", "Europol: 12 suspects were arrested in Spain on 3 March 2025.")
        for command in [
            ["import", "new.txt"], ["figure", "confirm", "1"], ["seed"], ["document", "set", "1", "--publisher", "X"],
        ] {
            let result = try cli.run(command)
            #expect([1, 2].contains(result.exitCode), "\(command): \(result.exitCode)")
            #expect(
                result.stderr
                    == "dossier: error: archive dossier.sqlite is read-only (file permissions, immutable flag or read-only mount): make it writable, or use a command that only reads\n",
                "\(command): \(result.stderr)")
        }
        let check = try cli.run("check")
        #expect(check.exitCode == 0, "\(check.stdout) \(check.stderr)")
        #expect(check.stderr.contains("could not be recorded"))
        #expect(try cli.run("export", "figures").exitCode == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: archive)) == before)
    }
}
