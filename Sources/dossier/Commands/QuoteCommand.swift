import ArgumentParser
import DossierKit

struct QuoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote",
        abstract: "Confirm, reject, attribute or add quotes by hand; every change is recorded.",
        subcommands: [Confirm.self, Reject.self, Set.self, Add.self]
    )

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "confirm",
            abstract: "Mark quotes as checked.", discussion: "Example: dossier quote confirm 4 5")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var operatorOptions: OperatorOptions

        @Argument(help: "Quote ids.")
        var ids: [Int64]

        func run() throws {
            try QuoteCuration(archive: archive.open(.write), operatorName: operatorOptions.resolved).confirm(ids)
            Console.note("Confirmed \(ids.count) quote(s).")
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reject",
            abstract: "Reject a quote; it stays in the archive, hidden from exports and reports.",
            discussion: "Example: dossier quote reject 4 --reason \"scare quotes, not speech\"")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var operatorOptions: OperatorOptions

        @Argument(help: "Quote id.")
        var id: Int64

        @Option(help: "Why it is wrong (required).")
        var reason: String

        func run() throws {
            try QuoteCuration(archive: archive.open(.write), operatorName: operatorOptions.resolved).reject(id, reason: reason)
            Console.note("Rejected quote \(id).")
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Attribute a quote to a person or organisation (it becomes confirmed).",
            discussion: "Example: dossier quote set 4 --speaker troels-oerting")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var operatorOptions: OperatorOptions
        @OptionGroup var reason: ReasonOption

        @Argument(help: "Quote id.")
        var id: Int64

        @Option(help: ArgumentHelp("Slug of the person (or organisation) who said it.", valueName: "slug"))
        var speaker: String

        func run() throws {
            try QuoteCuration(archive: archive.open(.write), operatorName: operatorOptions.resolved)
                .setSpeaker(id, speakerSlug: speaker, reason: reason.reason)
            Console.note("Quote \(id) attributed to \(speaker).")
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a quote the machine missed; it must point at text in the document.",
            discussion: "Example: dossier quote add --document 2 --span 7705:8676 --speaker susie-hargreaves")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var operatorOptions: OperatorOptions
        @OptionGroup var location: SpanOptions
        @OptionGroup var reason: ReasonOption

        @Option(help: "Document id.")
        var document: Int64

        @Option(help: ArgumentHelp("Slug of the person (or organisation) who said it.", valueName: "slug"))
        var speaker: String

        func run() throws {
            let quote = try QuoteCuration(archive: archive.open(.write), operatorName: operatorOptions.resolved)
                .add(documentID: document, at: location.locator, speakerSlug: speaker, reason: reason.reason)
            Console.output("Added quote \(quote.id ?? 0) at \(quote.span.start):\(quote.span.end).")
        }
    }
}
