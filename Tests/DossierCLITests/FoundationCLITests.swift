import Foundation
import Testing

@Suite("CLI: archive, gazetteer and entities")
struct FoundationCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
    }

    @Test("init creates a migrated archive in the working directory by default")
    func initCreatesArchive() throws {
        let result = try cli.run("init")
        #expect(result.exitCode == 0)
        let migrations = try FileManager.default.contentsOfDirectory(
            atPath: URL(fileURLWithPath: seedDocuments).deletingLastPathComponent().deletingLastPathComponent().appending(
                path: "Migrations"
            ).path
        ).filter { $0.hasSuffix(".sql") }.count
        #expect(result.stdout.contains("schema version \(migrations)"))
        #expect(try cli.sql("SELECT count(*) || '/' || max(version) FROM schema_migrations") == "\(migrations)/\(migrations)")
        #expect(try cli.sql("SELECT count(*) FROM sqlite_master WHERE name = 'documents_fts'") == "1")
    }

    @Test("--db and $DOSSIER_DB choose the archive")
    func archiveSelection() throws {
        #expect(try cli.run("init", "--db", "chosen.sqlite").exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: cli.path("chosen.sqlite")))
        var withEnv = cli
        withEnv.environment["DOSSIER_DB"] = cli.path("from-env.sqlite")
        #expect(try withEnv.run("init").exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: cli.path("from-env.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: cli.path("dossier.sqlite")))
    }

    @Test("seed loads the gazetteer once, however often it runs")
    func seedIsIdempotent() throws {
        #expect(try cli.run("seed").exitCode == 0)
        let organisations = try cli.sql("SELECT count(*) FROM organisations")
        let aliases = try cli.sql("SELECT count(*) FROM organisation_aliases")
        let people = try cli.sql("SELECT count(*) FROM people")
        #expect(Int(organisations) ?? 0 >= 5)
        #expect(Int(people) ?? 0 >= 3)
        #expect(try cli.run("seed").exitCode == 0)
        #expect(try cli.sql("SELECT count(*) FROM organisations") == organisations)
        #expect(try cli.sql("SELECT count(*) FROM organisation_aliases") == aliases)
        #expect(try cli.sql("SELECT count(*) FROM people") == people)
        #expect(
            try cli.sql(
                "SELECT o.slug FROM person_roles r JOIN people p ON p.id = r.person_id JOIN organisations o ON o.id = r.organisation_id WHERE p.slug = 'catherine-de-bolle'"
            ) == "europol")
    }

    @Test("stats counts every entity, as a table or JSON")
    func stats() throws {
        #expect(try cli.run("seed").exitCode == 0)
        let text = try cli.run("stats")
        #expect(text.exitCode == 0)
        #expect(text.stdout.contains("organisations"))
        let json = try cli.run("stats", "--json")
        let counts = try JSONDecoder().decode([String: Int].self, from: Data(json.stdout.utf8))
        #expect(counts["organisations"] == Int(try cli.sql("SELECT count(*) FROM organisations")))
        #expect(counts["events"] == 1)
    }

    @Test("operations, organisations and people can be added, listed and shown")
    func addListShow() throws {
        #expect(
            try cli.run(
                "org", "add", "National Crime Agency", "--acronym", "NCA", "--alias", "Agence nationale de la criminalité",
                "--language", "fr"
            ).exitCode == 0)
        #expect(try cli.run("org", "alias", "add", "nca", "NCA UK").exitCode == 0)
        let org = try cli.run("org", "show", "nca", "--json")
        #expect(org.stdout.contains("Agence nationale de la criminalité"))
        #expect(org.stdout.contains("NCA UK"))
        #expect(try cli.run("person", "add", "Jane Doe", "--role", "Director", "--org", "nca").exitCode == 0)
        #expect(try cli.run("person", "show", "jane-doe").stdout.contains("Director at nca"))
        #expect(
            try cli.run("operation", "add", "Opération Cumberland", "--lead-agency", "nca", "--action-day", "2025-02-26").exitCode
                == 0)
        let list = try cli.run("operation", "list")
        #expect(list.stdout.contains("cumberland"))
        #expect(list.stdout.contains("Operation Cumberland"))
        #expect(try cli.sql("SELECT count(*) FROM events WHERE action = 'create'") == "3")
    }

    @Test(
        "bad arguments exit 2 with a message on stderr",
        arguments: [
            ["stats", "--bogus"],
            ["operation", "add", "Operation X", "--action-day", "2025-02-30"],
            ["operation", "show", "no-such-operation"],
            ["person", "add", "Jane Doe", "--org", "no-such-org"],
            ["frobnicate"],
        ])
    func badArguments(arguments: [String]) throws {
        #expect(try cli.run("init").exitCode == 0)
        let result = try cli.run(arguments)
        #expect(result.exitCode == 2)
        #expect(!result.stderr.isEmpty)
        #expect(result.stdout.isEmpty)
    }

    @Test("reading a missing archive is an environment error, and creates nothing")
    func missingArchive() throws {
        let result = try cli.run("stats", "--db", "absent.sqlite")
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("no archive at absent.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("absent.sqlite")))
    }

    @Test("a file that is not an archive is refused")
    func notAnArchive() throws {
        try cli.write("notes.sqlite", String(repeating: "not a database\n", count: 100))
        let result = try cli.run("stats", "--db", "notes.sqlite")
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("not a Dossier archive"))
    }

    @Test("an archive from a newer dossier is refused without change")
    func newerArchive() throws {
        #expect(try cli.run("init").exitCode == 0)
        _ = try cli.sql(
            "INSERT INTO schema_migrations VALUES (9999, 'from_the_future', '\(String(repeating: "0", count: 64))', '2030-01-01')"
        )
        for arguments in [["stats"], ["seed"], ["migrate"]] {
            let result = try cli.run(arguments)
            #expect(result.exitCode == 2)
            #expect(result.stderr.contains("newer dossier"))
        }
        #expect(try cli.sql("SELECT count(*) FROM events") == "0")
        let status = try cli.run("migrate", "--status")
        #expect(status.stdout.contains("unknown"))
    }

    @Test("an archive whose applied migration was altered is refused")
    func tamperedArchive() throws {
        #expect(try cli.run("init").exitCode == 0)
        _ = try cli.sql("UPDATE schema_migrations SET sha256 = '\(String(repeating: "a", count: 64))'")
        let result = try cli.run("stats")
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("differs from the one built into dossier"))
    }

    @Test("every command's help has an abstract and an example")
    func helpHasExamples() throws {
        let commands = [
            ["init"], ["migrate"], ["seed"], ["stats"], ["operation", "add"], ["operation", "list"], ["operation", "show"],
            ["org", "add"], ["org", "alias", "add"], ["org", "alias", "remove"], ["org", "merge"], ["org", "rename"],
            ["org", "list"], ["org", "show"], ["person", "add"], ["person", "list"],
            ["person", "show"], ["person", "merge"], ["person", "rename"], ["import"], ["export"], ["eval"], ["report"],
            ["search"], ["check"], ["backup"], ["restore"], ["review"], ["figure", "confirm"], ["figure", "reject"],
            ["figure", "set"], ["figure", "add"], ["quote", "confirm"], ["quote", "reject"], ["quote", "set"], ["quote", "add"],
            ["operation", "link"], ["operation", "unlink"], ["operation", "set"], ["document", "set"], ["history"], ["reextract"],
        ]
        for command in commands {
            let result = try cli.run(command + ["--help"])
            #expect(result.exitCode == 0, "\(command)")
            #expect(result.stdout.contains("Example:"), "\(command) --help has no example")
        }
    }

    @Test("a migration record deleted by hand is named, with what to do, not printed as the migration's SQL")
    func deletedMigrationRecord() throws {
        #expect(try cli.run("init").exitCode == 0)
        _ = try cli.sql("DELETE FROM schema_migrations WHERE version = 2")
        for command in [["import", seedDocuments], ["migrate"]] {
            let result = try cli.run(command)
            #expect(result.exitCode == 2, "\(command)")
            #expect(
                result.stderr.hasPrefix("dossier: error: migration 2 (add_person_aliases) could not be applied"),
                "\(result.stderr)")
            #expect(result.stderr.contains("restore a backup"))
            #expect(!result.stderr.contains("CREATE"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        let reading = try cli.run("stats")
        #expect(reading.exitCode == 2)
        #expect(reading.stderr.contains("needs migrations 2"), "\(reading.stderr)")
    }
}
