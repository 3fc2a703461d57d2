import ArgumentParser
import DossierKit

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Take back your last decision on a figure or quote (confirm, reject, correct or add).",
        discussion: """
            The fact returns to what it was before, and the undo is recorded in the history. Only a decision \
            that is still the last word on its fact can be undone; run it again to go back one more decision. \
            A fact added by hand is withdrawn (rejected), never deleted.
            Example: dossier undo --dry-run
            """)

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var operatorOptions: OperatorOptions

    @Flag(help: "Show which decision would be undone, and change nothing.")
    var dryRun = false

    func run() throws {
        let undo = DecisionUndo(archive: try archive.open(dryRun ? .read : .write), operatorName: operatorOptions.resolved)
        if dryRun {
            guard let event = try undo.lastDecision(), let kind = event.entityType, let id = event.entityID else {
                Console.note("Nothing to undo for \(operatorOptions.resolved).")
                return
            }
            Console.note("Would undo the \(event.action) of \(kind) \(id) (event \(event.id ?? 0), \(event.occurredAt)).")
            return
        }
        Console.note(try undo.undoLast().description)
    }
}
