import ArgumentParser
import DossierKit

struct OrganisationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "Add, alias, list and show organisations.",
        subcommands: [Add.self, Alias.self, List.self, Show.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an organisation, or add aliases to an existing one.",
            discussion: "Example: dossier org add \"European Cybercrime Centre\" --acronym EC3 --alias \"Centre européen de la cybercriminalité\" --language fr"
        )

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var operatorOptions: OperatorOptions

        @Argument(help: "The organisation's canonical name.")
        var name: String

        @Option(help: "Slug (default: derived from the acronym when given, else the name).")
        var slug: String?

        @Option(help: "Acronym, e.g. EC3.")
        var acronym: String?

        @Option(help: "Another name (repeatable).")
        var alias: [String] = []

        @Option(help: "Language of the aliases, e.g. fr or en.")
        var language: String?

        func run() throws {
            let opened = try archive.open(.write)
            let organisation = Organisation(
                slug: slug ?? Slug.make(acronym ?? name), name: name, acronym: acronym,
                aliases: alias.map { OrganisationAlias(alias: $0, language: language) })
            guard !organisation.slug.isEmpty else { throw UsageError("cannot derive a slug from '\(name)'; give --slug") }
            let id = try opened.connection.writeTransaction {
                let id = try opened.organisations.upsert(organisation)
                try opened.events.record(
                    Event(operatorName: operatorOptions.resolved, action: "create", entityType: "organisation",
                          entityID: id, newJSON: JSONText.encode(organisation)))
                return id
            }
            if output.json {
                Console.json(try opened.organisations.find(slug: organisation.slug))
            } else if !output.quiet {
                Console.output("Organisation \(organisation.slug) (id \(id)).")
            }
        }
    }

    struct Alias: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an alias to an organisation.",
            discussion: "Example: dossier org alias europol \"Office européen de police\" --language fr")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var operatorOptions: OperatorOptions

        @Argument(help: "The organisation's slug.")
        var slug: String

        @Argument(help: "The alias.")
        var alias: String

        @Option(help: "The alias's language, e.g. fr or en.")
        var language: String?

        func run() throws {
            let opened = try archive.open(.write)
            guard let id = try opened.organisations.id(slug: slug) else {
                throw UsageError("no organisation with slug '\(slug)'; see `dossier org list`")
            }
            try opened.connection.writeTransaction {
                let value = OrganisationAlias(alias: alias, language: language)
                if try opened.organisations.addAlias(value, to: id) {
                    try opened.events.record(
                        Event(operatorName: operatorOptions.resolved, action: "alias_add", entityType: "organisation",
                              entityID: id, newJSON: JSONText.encode(value)))
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List organisations.", discussion: "Example: dossier org list --json")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let organisations = try archive.open(.read).organisations.list()
            if output.json {
                Console.json(organisations)
            } else {
                Console.output(
                    Console.table(
                        header: ["SLUG", "NAME", "ACRONYM", "ALIASES"],
                        rows: organisations.map { [$0.slug, $0.name, $0.acronym ?? "", String($0.aliases.count)] }))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one organisation and its aliases.", discussion: "Example: dossier org show ec3")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The organisation's slug.")
        var slug: String

        func run() throws {
            guard let organisation = try archive.open(.read).organisations.find(slug: slug) else {
                throw UsageError("no organisation with slug '\(slug)'; see `dossier org list`")
            }
            if output.json {
                Console.json(organisation)
            } else {
                let aliases = organisation.aliases.map { "  \($0.alias)\($0.language.map { " (\($0))" } ?? "")" }
                Console.output(
                    (["\(Console.bold(organisation.name)) (\(organisation.slug))", "aliases:"] + aliases).joined(separator: "\n"))
            }
        }
    }
}
