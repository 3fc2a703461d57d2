import ArgumentParser
import DossierKit

struct DatasetteMetadataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasette-metadata",
        abstract: "Print Datasette metadata for the archive: descriptions, labels, facets, search and saved queries.",
        discussion: """
            Datasette names a database after its file, so the metadata is made for the archive given with --db.
            Example: dossier datasette-metadata > metadata.yml && datasette dossier.sqlite --metadata metadata.yml
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Option(name: [.short, .long], help: OutputOptions.fileHelp)
    var output: String = "-"

    func run() throws {
        // Opened only to refuse a path that is not an archive before anyone serves it.
        let opened = try archive.open(.read)
        let yaml = try DatasetteMetadata(archivePath: opened.path).yaml()
        let file = try OutputFile(path: output)
        try file.write(Array(yaml.utf8))
        try file.commit()
    }
}
