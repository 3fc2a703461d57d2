import ArgumentParser
import DossierKit

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show every recorded change to one entity: who, when, what, old and new values, why.",
        discussion: """
            ENTITY is document, figure, quote, person, organisation or operation; ID is its id, or its slug for people, organisations and operations.
            Example: dossier history figure 12
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The kind of record.")
    var entity: EntityHistory.Entity

    @Argument(help: "Id, or slug for people, organisations and operations.")
    var id: String

    func run() throws {
        let events = try EntityHistory(archive: archive.open(.read)).events(of: entity, id)
        if output.json {
            Console.json(events)
            return
        }
        if events.isEmpty {
            Console.output("No recorded change to \(entity.rawValue) \(id).")
            return
        }
        Console.output(
            Console.table(
                header: ["WHEN", "WHO", "ACTION", "REASON", "OLD", "NEW"],
                rows: events.map {
                    [$0.occurredAt, $0.operatorName, $0.action, $0.reason ?? "", Self.short($0.oldJSON), Self.short($0.newJSON)]
                }))
    }

    private static func short(_ json: String?) -> String {
        guard let json else { return "" }
        return json.count > 80 ? String(json.prefix(79)) + "…" : json
    }
}

extension EntityHistory.Entity: ExpressibleByArgument {}
