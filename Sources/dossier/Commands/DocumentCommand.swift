import ArgumentParser
import DossierKit

struct DocumentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "Correct a document's metadata. Its text and hashes never change.",
        subcommands: [Set.self]
    )

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Correct title, publisher, author, URL, dates, language or kind.",
            discussion:
                "Example: dossier document set 1 --publisher Europol --published 2025-02-28 --reason \"from the newsroom page\"")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var operatorOptions: OperatorOptions
        @OptionGroup var reason: ReasonOption

        @Argument(help: "Document id.")
        var id: Int64

        @Option(help: "Title.")
        var title: String?

        @Option(help: "Publisher.")
        var publisher: String?

        @Option(help: "Author.")
        var author: String?

        @Option(help: "Canonical URL.")
        var url: String?

        @Option(help: ArgumentHelp("Publication date, YYYY-MM-DD.", valueName: "date"))
        var published: String?

        @Option(help: ArgumentHelp("Retrieval date, YYYY-MM-DD.", valueName: "date"))
        var retrieved: String?

        @Option(help: ArgumentHelp("ISO 639-1 language code, e.g. fr or en.", valueName: "code"))
        var language: String?

        @Option(help: "What the document is.")
        var kind: Document.Kind?

        func validate() throws {
            try MetadataOptionRules.refuseControlCharacters([
                ("--title", title), ("--publisher", publisher), ("--author", author), ("--url", url),
                ("--published", published), ("--retrieved", retrieved), ("--language", language),
            ])
            try MetadataOptionRules.refuseLanguage("--language", language)
            for (name, value) in [("--published", published), ("--retrieved", retrieved)] {
                if let value, ISODate.validated(value) == nil {
                    throw ValidationError("\(name) '\(value)' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
                }
            }
            if [title, publisher, author, url, published, retrieved, language].allSatisfy({ $0 == nil }), kind == nil {
                throw ValidationError("nothing to change: give at least one field")
            }
        }

        func run() throws {
            let changes = DocumentMetadata(
                title: title, publisher: publisher, author: author, url: url, published: published, retrieved: retrieved,
                language: language.flatMap(LanguageCode.normalized), kind: kind)
            try EntityCuration(archive: archive.open(.write), operatorName: operatorOptions.resolved).setDocument(
                id, changes, reason: reason.reason)
            Console.note("Document \(id) updated.")
        }
    }
}
