import ArgumentParser
import DossierKit

struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending schema migrations, or list them with --status.",
        discussion: """
            Pending migrations are applied together in one transaction, under the write lock. An archive migrated by a newer dossier, or whose applied migrations differ from this build's, is refused and left unchanged (exit code 2).
            Example: dossier migrate --status --db cases.sqlite
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "List applied and pending migrations without changing anything.")
    var status = false

    struct StatusRow: Encodable {
        let version: Int
        let name: String
        let state: String
        let appliedAt: String?
    }

    func run() throws {
        let schema = try ArchiveSchema(archive: archive.open(.migrate))
        if status {
            let rows = try schema.status().map {
                StatusRow(version: $0.version, name: $0.name, state: $0.state.rawValue, appliedAt: $0.appliedAt)
            }
            if output.json {
                Console.json(rows)
            } else {
                Console.output(
                    Console.table(
                        header: ["VERSION", "NAME", "STATE", "APPLIED AT"],
                        rows: rows.map { [String(format: "%04d", $0.version), $0.name, $0.state, $0.appliedAt ?? ""] }))
            }
            return
        }
        let applied = try schema.migrate()
        if output.json {
            Console.json(applied.map { StatusRow(version: $0.version, name: $0.name, state: "applied", appliedAt: nil) })
        } else if !output.quiet {
            Console.output(
                applied.isEmpty
                    ? "Archive \(archive.path) is up to date."
                    : "Applied \(applied.map { String(format: "%04d_%@", $0.version, $0.name) }.joined(separator: ", ")).")
        }
    }
}
