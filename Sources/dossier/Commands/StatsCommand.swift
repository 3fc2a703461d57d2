import ArgumentParser
import DossierKit

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count the rows of every entity in the archive.",
        discussion: "Example: dossier stats --json"
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let counts = try archive.open(.read).stats.counts()
        if output.json {
            Console.json(Dictionary(uniqueKeysWithValues: counts.map { ($0.table, $0.rows) }))
        } else {
            Console.output(Console.table(header: ["ENTITY", "ROWS"], rows: counts.map { [$0.table, String($0.rows)] }))
        }
    }
}
