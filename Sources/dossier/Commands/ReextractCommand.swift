import ArgumentParser
import DossierKit

struct ReextractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reextract",
        abstract: "Run the current extraction rules again over stored documents, keeping every archivist's decision.",
        discussion: """
            New facts are added as extracted; confirmed, corrected and rejected facts keep their decision (a new fact overlapping a rejected one is not added); machine facts the rules no longer find become superseded, never deleted. --dry-run shows the changes without writing.
            Example: dossier reextract --all --dry-run
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var operatorOptions: OperatorOptions

    @Argument(help: "Document ids.")
    var documents: [Int64] = []

    @Flag(help: "Every document in the archive.")
    var all = false

    @Flag(help: "Show what would change, writing nothing.")
    var dryRun = false

    func validate() throws {
        if documents.isEmpty == !all { throw ValidationError("give document ids or --all (not both)") }
    }

    func run() throws {
        let opened = try archive.open(.write)
        let ids = all ? try opened.documents.allIDs() : documents
        let results = try Reextractor(archive: opened, extractor: FactExtractor.builtIn(), operatorName: operatorOptions.resolved)
            .run(documentIDs: ids, dryRun: dryRun)
        if output.json {
            Console.json(results)
            return
        }
        Console.output(
            Console.table(
                header: ["DOC", "TITLE", "ADDED", "KEPT", "SUPERSEDED", "RESTORED", "KEPT BY DECISION"],
                rows: results.map {
                    [
                        "#\($0.documentID)", String(($0.title ?? "").prefix(50)), "\($0.changes.added)", "\($0.changes.kept)",
                        "\($0.changes.superseded)", "\($0.changes.restored)", "\($0.changes.skippedByDecision)",
                    ]
                }))
        if dryRun, !output.quiet { Console.note("Dry run: nothing was written.") }
    }
}
