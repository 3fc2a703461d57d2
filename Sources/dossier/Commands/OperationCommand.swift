import ArgumentParser
import DossierKit

struct OperationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operation",
        abstract: "Add, list and show operations (named cases).",
        subcommands: [Add.self, List.self, Show.self, Link.self, Unlink.self, Set.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an operation, or fill in what an existing one lacks.",
            discussion: "Example: dossier operation add \"Operation Cumberland\" --lead-agency europol --action-day 2025-02-26"
        )

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var operatorOptions: OperatorOptions

        @Argument(help: "The operation's name, e.g. \"Operation Cumberland\".")
        var name: String

        @Option(help: "Slug (default: derived from the name without the word Operation).")
        var slug: String?

        @Option(
            help: ArgumentHelp("Slug of the organisation leading it.", valueName: "slug"),
            completion: SlugCompletion.of(.organisations))
        var leadAgency: String?

        @Option(help: ArgumentHelp("Main action day, YYYY-MM-DD.", valueName: "date"))
        var actionDay: String?

        @Option(help: "Where the operation stands.")
        var status: Operation.Status = .unknown

        func validate() throws {
            if let actionDay, ISODate.validated(actionDay) == nil {
                throw ValidationError("--action-day '\(actionDay)' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            if let slug, Slug.make(slug) != slug || slug.isEmpty {
                throw ValidationError("--slug '\(slug)' is not a slug (lower case letters, digits and hyphens)")
            }
        }

        func run() throws {
            let operation = try EntityRegistration(archive: archive.open(.write), operatorName: operatorOptions.resolved)
                .addOperation(named: name, slug: slug, leadAgency: leadAgency, actionDay: actionDay, status: status)
            if output.json {
                Console.json(operation)
            } else if !output.quiet {
                Console.output("Operation \(operation.slug) (id \(operation.id ?? 0)).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List operations.", discussion: "Example: dossier operation list")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let operations = try archive.open(.read).operations.list()
            if output.json {
                Console.json(operations)
            } else {
                Console.output(
                    Console.table(
                        header: ["SLUG", "NAME", "LEAD AGENCY", "ACTION DAY", "STATUS"],
                        rows: operations.map {
                            [$0.slug, $0.name, $0.leadAgencySlug ?? "", $0.actionDay ?? "", $0.status.rawValue]
                        }))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one operation and the documents that report it.",
            discussion: "Example: dossier operation show cumberland")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The operation's slug.", completion: SlugCompletion.of(.operations))
        var slug: String

        func run() throws {
            let opened = try archive.open(.read)
            guard let operation = try opened.operations.find(slug: slug) else {
                throw UsageError("no operation with slug '\(slug)'; see `dossier operation list`")
            }
            let documentIDs = try opened.operations.documentIDs(operationID: operation.id ?? 0)
            if output.json {
                struct Shown: Encodable {
                    let operation: Operation
                    let documentIDs: [Int64]

                    // The key style's own rule would make "document_i_ds" of it.
                    enum CodingKeys: String, CodingKey {
                        case operation
                        case documentIDs = "documentIds"
                    }
                }
                Console.json(Shown(operation: operation, documentIDs: documentIDs))
            } else {
                Console.output(
                    """
                    \(Console.bold(operation.name)) (\(operation.slug))
                    lead agency: \(operation.leadAgencySlug ?? "—")
                    action day:  \(operation.actionDay ?? "—")
                    status:      \(operation.status.rawValue)
                    documents:   \(documentIDs.isEmpty ? "none" : documentIDs.map(String.init).joined(separator: ", "))
                    """)
            }
        }
    }

    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Record that a document reports an operation.", discussion: "Example: dossier operation link cumberland 7")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var operatorOptions: OperatorOptions

        @Argument(help: "The operation's slug.", completion: SlugCompletion.of(.operations))
        var slug: String

        @Argument(help: "Document id.")
        var document: Int64

        func run() throws {
            try EntityCuration(archive: archive.open(.write), operatorName: operatorOptions.resolved).linkOperation(
                slug, documentID: document)
        }
    }

    struct Unlink: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unlink",
            abstract: "Remove a document from an operation.", discussion: "Example: dossier operation unlink cumberland 7")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var operatorOptions: OperatorOptions

        @Argument(help: "The operation's slug.", completion: SlugCompletion.of(.operations))
        var slug: String

        @Argument(help: "Document id.")
        var document: Int64

        func run() throws {
            try EntityCuration(archive: archive.open(.write), operatorName: operatorOptions.resolved).unlinkOperation(
                slug, documentID: document)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Correct an operation's name, lead agency, action day or status.",
            discussion:
                "Example: dossier operation set cumberland --lead-agency danish-law-enforcement --action-day 2025-02-26 --status ongoing"
        )

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var operatorOptions: OperatorOptions
        @OptionGroup var reason: ReasonOption

        @Argument(help: "The operation's slug.", completion: SlugCompletion.of(.operations))
        var slug: String

        @Option(help: "New name.")
        var name: String?

        @Option(help: ArgumentHelp("Slug of the lead organisation.", valueName: "slug"))
        var leadAgency: String?

        @Option(help: ArgumentHelp("Main action day, YYYY-MM-DD.", valueName: "date"))
        var actionDay: String?

        @Option(help: "Where the operation stands.")
        var status: Operation.Status?

        func validate() throws {
            if let actionDay, ISODate.validated(actionDay) == nil {
                throw ValidationError("--action-day '\(actionDay)' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            if name == nil, leadAgency == nil, actionDay == nil, status == nil {
                throw ValidationError("nothing to change: give --name, --lead-agency, --action-day or --status")
            }
        }

        func run() throws {
            var changes = EntityCuration.OperationChanges()
            changes.name = name
            changes.leadAgency = leadAgency
            changes.actionDay = actionDay
            changes.status = status
            try EntityCuration(archive: archive.open(.write), operatorName: operatorOptions.resolved).setOperation(
                slug, changes, reason: reason.reason)
        }
    }
}

extension Operation.Status: ExpressibleByArgument {}
