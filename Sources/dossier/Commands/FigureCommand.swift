import ArgumentParser
import DossierKit

struct FigureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figure",
        abstract: "Confirm, reject, correct or add figures by hand; every change is recorded.",
        subcommands: [Confirm.self, Reject.self, Set.self, Add.self]
    )

    /// Fields of a figure an archivist can set.
    struct Fields: ParsableArguments {
        @Option(help: "The number, e.g. 273 or 0.5.")
        var value: Double?

        @Option(help: "Upper end of a range.")
        var valueMax: Double?

        @Option(help: "count, percent, fraction, currency:EUR, duration:month, age:year…")
        var unit: String?

        @Option(help: "Normalised category, e.g. arrests.")
        var category: String?

        @Option(help: "What it counts, as written.")
        var counts: String?

        @Option(
            help: ArgumentHelp("The operation it belongs to (slug).", valueName: "slug"),
            completion: SlugCompletion.of(.operations))
        var operation: String?

        @Option(help: "true when the text gives it as approximate.")
        var approximate: Bool?

        @Option(help: "at_least, at_most or none.")
        var bound: String?

        func validate() throws {
            if let value, !value.isFinite { throw ValidationError("--value must be a finite number") }
            if let bound, !["at_least", "at_most", "none"].contains(bound) {
                throw ValidationError("--bound must be at_least, at_most or none")
            }
        }

        var changes: FigureCuration.Changes {
            var changes = FigureCuration.Changes()
            changes.value = value
            changes.valueMax = valueMax
            changes.unit = unit
            changes.category = category
            changes.counts = counts
            changes.operationSlug = operation
            changes.approximate = approximate
            if let bound { changes.bound = .some(bound == "none" ? nil : bound) }
            return changes
        }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "confirm",
            abstract: "Mark figures as checked against the text.", discussion: "Example: dossier figure confirm 12 13 14")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var operatorOptions: OperatorOptions

        @Argument(help: "Figure ids.")
        var ids: [Int64]

        func run() throws {
            try FigureCuration(archive: archive.open(.write), operatorName: operatorOptions.resolved).confirm(ids)
            Console.note("Confirmed \(ids.count) figure(s).")
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reject",
            abstract: "Reject a figure; it stays in the archive, hidden from exports and reports.",
            discussion: "Example: dossier figure reject 12 --reason \"a year, not a count\"")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var operatorOptions: OperatorOptions

        @Argument(help: "Figure id.")
        var id: Int64

        @Option(help: "Why it is wrong (required).")
        var reason: String

        func run() throws {
            try FigureCuration(archive: archive.open(.write), operatorName: operatorOptions.resolved).reject(id, reason: reason)
            Console.note("Rejected figure \(id).")
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Correct a figure's value, unit, category, operation, qualifier or bound (it becomes confirmed).",
            discussion: "Example: dossier figure set 12 --value 28000 --approximate true --category tips_received")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var operatorOptions: OperatorOptions
        @OptionGroup var fields: Fields
        @OptionGroup var reason: ReasonOption

        @Argument(help: "Figure id.")
        var id: Int64

        func run() throws {
            try FigureCuration(archive: archive.open(.write), operatorName: operatorOptions.resolved).set(
                id, fields.changes, reason: reason.reason)
            Console.note("Corrected figure \(id).")
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a figure the machine missed; it must point at text in the document.",
            discussion:
                "Example: dossier figure add --document 3 --text \"nearly a dozen searches\" --value 12 --approximate true --category house_searches"
        )

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var operatorOptions: OperatorOptions
        @OptionGroup var location: SpanOptions
        @OptionGroup var fields: Fields
        @OptionGroup var reason: ReasonOption

        @Option(help: "Document id.")
        var document: Int64

        func validate() throws {
            if fields.value == nil { throw ValidationError("a new figure needs --value") }
        }

        func run() throws {
            let figure = try FigureCuration(archive: archive.open(.write), operatorName: operatorOptions.resolved)
                .add(documentID: document, at: location.locator, fields.changes, reason: reason.reason)
            Console.output("Added figure \(figure.id ?? 0) at \(figure.span.start):\(figure.span.end): \(figure.span.exactText)")
        }
    }
}
