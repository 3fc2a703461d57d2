import ArgumentParser
import DossierKit

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the archive to DEST safely, even while others use it, and verify the copy.",
        discussion: """
            Uses SQLite's online backup API to take one consistent snapshot into a temporary file beside DEST, flushes it to disk, checks it (integrity, schema, every body's hash), and only then renames it to DEST.
            A failed backup leaves nothing named DEST. Records a 'backup' event in the archive.
            Exit code 1 when the copy fails its check; 2 when DEST exists (without --force) or the archive cannot be read.
            Example: dossier backup /backups/cases-$(date +%F).sqlite --db cases.sqlite
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var operatorOptions: OperatorOptions

    @Argument(help: ArgumentHelp("The backup file to write.", valueName: "dest"))
    var destination: String

    @Flag(help: "Replace DEST if it already exists.")
    var force = false

    func run() throws {
        let result = try ArchiveBackup(
            archivePath: archive.path, destination: destination, replaceExisting: force,
            operatorName: operatorOptions.resolved
        ).run()
        for warning in result.warnings {
            Console.note("dossier: warning: \(warning)")
        }
        if output.json {
            Console.json(result)
        } else if !output.quiet {
            Console.output(
                "Backed up \(result.archive) to \(result.destination): \(result.bytes) bytes, \(result.documents) documents, "
                    + "every body verified (\(result.verifiedDocuments)).")
        }
    }
}
