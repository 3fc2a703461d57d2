import ArgumentParser
import DossierKit

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the archive with a backup, keeping the replaced file as NAME.before-restore.",
        discussion: """
            Checks the backup first (integrity, schema, every body's hash, the record digests) and refuses one that fails (exit code 1). Then, under the archive's write lock: refuses, unless --force, when the archive has imports or edits newer than anything in the backup (exit code 2); saves the current content to ARCHIVE.before-restore; copies the backup into the archive file, which is never moved, so other processes wait for the lock and then see the restored content. Records a 'restore' event.
            Example: dossier restore /backups/cases-2025-03-01.sqlite --db cases.sqlite
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var operatorOptions: OperatorOptions

    @Argument(help: ArgumentHelp("The backup file to restore from.", valueName: "src"))
    var source: String

    @Flag(help: "Restore even when the archive is newer than the backup.")
    var force = false

    func run() throws {
        let result = try ArchiveRestore(
            archivePath: archive.path, backupPath: source, force: force, operatorName: operatorOptions.resolved
        ).run()
        for warning in result.warnings {
            Console.note("dossier: warning: \(warning)")
        }
        if output.json {
            Console.json(result)
        } else if !output.quiet {
            Console.output(
                "Restored \(result.archive) from \(result.backup) (\(result.documents) documents)"
                    + (result.keptAs.map { "; the replaced archive is kept as \($0)." } ?? "."))
        }
    }
}
