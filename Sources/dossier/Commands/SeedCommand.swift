import ArgumentParser
import DossierKit

struct SeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Load the built-in gazetteer of organisations and people (idempotent).",
        discussion: "Example: dossier seed --db cases.sqlite"
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var operatorOptions: OperatorOptions

    func run() throws {
        let opened = try archive.open(.write)
        let summary = try Seeder(archive: opened, operatorName: operatorOptions.resolved).seed(SeedData.gazetteer())
        if output.json {
            Console.json(summary)
        } else if !output.quiet {
            Console.output(
                "Gazetteer loaded: \(summary.organisations) organisations (\(summary.organisationsCreated) new), "
                    + "\(summary.people) people (\(summary.peopleCreated) new).")
        }
    }
}
