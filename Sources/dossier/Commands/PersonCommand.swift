import ArgumentParser
import DossierKit

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "Add, list and show people.",
        subcommands: [Add.self, List.self, Show.self, Merge.self, Rename.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a person, or a role to an existing one.",
            discussion: "Example: dossier person add \"Catherine De Bolle\" --role \"Executive Director\" --org europol"
        )

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var operatorOptions: OperatorOptions

        @Argument(help: "The person's name.")
        var name: String

        @Option(help: "Slug (default: derived from the name).")
        var slug: String?

        @Option(help: "Title or role, as written.")
        var role: String?

        @Option(
            name: .customLong("org"), help: ArgumentHelp("Slug of the organisation the role is at.", valueName: "slug"),
            completion: SlugCompletion.of(.organisations))
        var organisation: String?

        func run() throws {
            let person = try EntityRegistration(archive: archive.open(.write), operatorName: operatorOptions.resolved)
                .addPerson(named: name, slug: slug, role: role, organisation: organisation)
            if output.json {
                Console.json(person)
            } else if !output.quiet {
                Console.output("Person \(person.slug) (id \(person.id ?? 0)).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List people.", discussion: "Example: dossier person list")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let people = try archive.open(.read).people.list()
            if output.json {
                Console.json(people)
            } else {
                Console.output(
                    Console.table(
                        header: ["SLUG", "NAME", "ROLE", "ORGANISATION"],
                        rows: people.map {
                            [$0.slug, $0.name, $0.roles.first?.role ?? "", $0.roles.first?.organisationSlug ?? ""]
                        }))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one person and their roles.", discussion: "Example: dossier person show catherine-de-bolle")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The person's slug.", completion: SlugCompletion.of(.people))
        var slug: String

        func run() throws {
            guard let person = try archive.open(.read).people.find(slug: slug) else {
                throw UsageError("no person with slug '\(slug)'; see `dossier person list`")
            }
            if output.json {
                Console.json(person)
            } else {
                let roles = person.roles.map {
                    "  \($0.role ?? "—")\($0.organisationSlug.map { " at \($0)" } ?? "")\($0.documentID.map { " (document \($0))" } ?? "")"
                }
                Console.output((["\(Console.bold(person.name)) (\(person.slug))", "roles:"] + roles).joined(separator: "\n"))
            }
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge person A into B: every quote, mention and role moves to B; A's name becomes B's alias.",
            discussion: "Example: dossier person merge c-de-bolle catherine-de-bolle --reason \"same person\"")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var operatorOptions: OperatorOptions
        @OptionGroup var reason: ReasonOption

        @Argument(help: "Slug of the person merged away.")
        var source: String

        @Argument(help: "Slug of the person kept.")
        var target: String

        func run() throws {
            try EntityCuration(archive: archive.open(.write), operatorName: operatorOptions.resolved)
                .mergePeople(source, into: target, reason: reason.reason)
            Console.note("Merged \(source) into \(target).")
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rename",
            abstract: "Rename a person; the old name stays as an alias.",
            discussion: "Example: dossier person rename catherine-de-bolle \"Catherine De Bolle\"")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var operatorOptions: OperatorOptions
        @OptionGroup var reason: ReasonOption

        @Argument(help: "The person's slug.", completion: SlugCompletion.of(.people))
        var slug: String

        @Argument(help: "The new name.")
        var name: String

        func run() throws {
            try EntityCuration(archive: archive.open(.write), operatorName: operatorOptions.resolved)
                .renamePerson(slug, to: name, reason: reason.reason)
            Console.note("Renamed \(slug) to \(name).")
        }
    }
}
