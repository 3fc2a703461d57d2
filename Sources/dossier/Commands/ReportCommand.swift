import ArgumentParser
import DossierKit
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the archive overview, or a report on an operation, organisation, person, the sources or conflicts.",
        discussion: """
            Every figure and quote shows its source document (title, publisher, date) and its span (#document [start–end]) so it can be traced to the exact text.
            Example: dossier report operation cumberland --format html --output cumberland.html
            """
    )

    enum Subject: String, ExpressibleByArgument, CaseIterable {
        case overview, operation, organisation, person, sources, conflicts
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, html, json }

    @OptionGroup var archive: ArchiveOptions

    @Argument(
        help: ArgumentHelp("What to report on; operation, organisation and person take a slug.", valueName: "subject"))
    var subject: Subject = .overview

    @Argument(
        help: ArgumentHelp("The slug, for operation, organisation and person reports.", valueName: "slug"),
        completion: .custom { words, _, prefix in
            let table: SlugRepository.Table? =
                words.contains("operation")
                ? .operations
                : words.contains("organisation") ? .organisations : words.contains("person") ? .people : nil
            return table.map { SlugCompletion.slugs($0, words: words, prefix: prefix) } ?? []
        })
    var slug: String?

    @Option(help: "Output format.")
    var format: Format = .text

    @Flag(help: "Same as --format json.")
    var json = false

    @Option(help: ArgumentHelp("Language of values, categories and statuses: en or fr.", valueName: "language"))
    var lang: FactWording.Language = .en

    @Option(name: [.short, .long], help: OutputOptions.fileHelp)
    var output: String = "-"

    func validate() throws {
        let needsSlug: Set<Subject> = [.operation, .organisation, .person]
        if needsSlug.contains(subject), slug == nil {
            throw ValidationError("`report \(subject.rawValue)` needs a slug, e.g. dossier report \(subject.rawValue) SLUG")
        }
        if !needsSlug.contains(subject), let slug {
            throw ValidationError("`report \(subject.rawValue)` takes no slug (got '\(slug)')")
        }
    }

    func run() throws {
        let builder = ReportBuilder(archive: try archive.open(.read), language: lang)
        let report: Report
        switch subject {
        case .overview: report = try builder.overview()
        case .operation: report = try builder.operation(slug: slug ?? "")
        case .organisation: report = try builder.organisation(slug: slug ?? "")
        case .person: report = try builder.person(slug: slug ?? "")
        case .sources: report = try builder.sources()
        case .conflicts: report = try builder.conflicts()
        }
        let rendered: String
        switch json ? .json : format {
        case .text: rendered = TextReportRenderer(width: Self.terminalWidth).render(report) + "\n"
        case .markdown: rendered = MarkdownReportRenderer().render(report)
        case .html: rendered = HTMLReportRenderer().render(report)
        case .json:
            let encoder = JSONOutput.encoder()
            rendered = String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
        }
        let file = try OutputFile(path: output)
        try file.write(rendered)
        try file.commit()
        if output != "-" { Console.note("Report written to \(output).") }
    }

    /// The terminal's width when stdout is one, else a width that prints well.
    static var terminalWidth: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return 120
    }
}
