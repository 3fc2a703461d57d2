import ArgumentParser
import DossierKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an archive and apply the schema.",
        discussion: "Example: dossier init --db cases.sqlite"
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let opened = try archive.open(.write)
        let statuses = try Migrator.builtIn().status(of: opened.connection)
        if output.json {
            Console.json(["path": archive.path, "schema_version": String(statuses.last?.version ?? 0)])
        } else if !output.quiet {
            Console.output("Archive ready at \(archive.path) (schema version \(statuses.last?.version ?? 0)).")
        }
    }
}
