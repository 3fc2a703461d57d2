import ArgumentParser
import DossierKit

struct OrganisationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "Add, alias, list and show organisations.",
        subcommands: [Add.self, Alias.self, List.self, Show.self, Merge.self, Rename.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an organisation, or add aliases to an existing one.",
            discussion:
                "Example: dossier org add \"European Cybercrime Centre\" --acronym EC3 --alias \"Centre européen de la cybercriminalité\" --language fr"
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
            let organisation = try EntityRegistration(archive: archive.open(.write), operatorName: operatorOptions.resolved)
                .addOrganisation(named: name, slug: slug, acronym: acronym, aliases: alias, language: language)
            if output.json {
                Console.json(organisation)
            } else if !output.quiet {
                Console.output("Organisation \(organisation.slug) (id \(organisation.id ?? 0)).")
            }
        }
    }

    struct Alias: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "alias",
            abstract: "Add or remove an organisation's aliases.", subcommands: [AddAlias.self, RemoveAlias.self])
    }

    struct AddAlias: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add an alias to an organisation.",
            discussion: "Example: dossier org alias add europol \"Office européen de police\" --language fr")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var operatorOptions: OperatorOptions

        @Argument(help: "The organisation's slug.", completion: SlugCompletion.of(.organisations))
        var slug: String

        @Argument(help: "The alias.")
        var alias: String

        @Option(help: "The alias's language, e.g. fr or en.")
        var language: String?

        func run() throws {
            try EntityCuration(archive: archive.open(.write), operatorName: operatorOptions.resolved)
                .addOrganisationAlias(slug, alias: OrganisationAlias(alias: alias, language: language))
        }
    }

    struct RemoveAlias: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Remove an alias from an organisation.",
            discussion: "Example: dossier org alias remove europol \"EUROPOL\"")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var operatorOptions: OperatorOptions

        @Argument(help: "The organisation's slug.", completion: SlugCompletion.of(.organisations))
        var slug: String

        @Argument(help: "The alias.")
        var alias: String

        func run() throws {
            try EntityCuration(archive: archive.open(.write), operatorName: operatorOptions.resolved)
                .removeOrganisationAlias(slug, alias: alias)
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge organisation A into B: aliases, mentions, quotes, roles and operations move to B.",
            discussion: "Example: dossier org merge european-cybercrime-centre ec3")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var operatorOptions: OperatorOptions
        @OptionGroup var reason: ReasonOption

        @Argument(help: "Slug of the organisation merged away.")
        var source: String

        @Argument(help: "Slug of the organisation kept.")
        var target: String

        func run() throws {
            try EntityCuration(archive: archive.open(.write), operatorName: operatorOptions.resolved)
                .mergeOrganisations(source, into: target, reason: reason.reason)
            Console.note("Merged \(source) into \(target).")
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rename",
            abstract: "Rename an organisation; the old name stays as an alias.",
            discussion: "Example: dossier org rename iwf \"Internet Watch Foundation\"")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var operatorOptions: OperatorOptions
        @OptionGroup var reason: ReasonOption

        @Argument(help: "The organisation's slug.", completion: SlugCompletion.of(.organisations))
        var slug: String

        @Argument(help: "The new name.")
        var name: String

        func run() throws {
            try EntityCuration(archive: archive.open(.write), operatorName: operatorOptions.resolved)
                .renameOrganisation(slug, to: name, reason: reason.reason)
            Console.note("Renamed \(slug) to \(name).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List organisations.", discussion: "Example: dossier org list --json")

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
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one organisation and its aliases.", discussion: "Example: dossier org show ec3")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The organisation's slug.", completion: SlugCompletion.of(.organisations))
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
