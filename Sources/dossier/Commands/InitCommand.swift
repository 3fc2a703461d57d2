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
        let version = try ArchiveSchema(archive: archive.open(.write)).version()
        if output.json {
            Console.json(["path": archive.path, "schema_version": String(version)])
        } else if !output.quiet {
            Console.output("Archive ready at \(archive.path) (schema version \(version)).")
        }
    }
}
