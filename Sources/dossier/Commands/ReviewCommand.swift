import ArgumentParser
import DossierKit
import Foundation

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Show a document's text with its facts numbered and marked in place, to check them against the text.",
        discussion: """
            Figures are F1, F2…, quotes Q1…, mentions M1…; each opens with ⟦label and closes with ⟧ in the text, and the list below gives the ids to use with `dossier figure`/`dossier quote`.
            Example: dossier review 1 --only figures,quotes
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @OptionGroup var archive: ArchiveOptions

    @Argument(help: "Document id.")
    var document: Int64

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Only these kinds: figures, quotes, mentions (comma-separated).", valueName: "kinds"))
    var only: String?

    @Flag(help: "Also show facts the current rules no longer find (superseded).")
    var all = false

    func validate() throws {
        if let only, Review.FactKind.kinds(inList: only) == nil {
            throw ValidationError("--only takes figures, quotes and/or mentions, comma-separated")
        }
    }

    func run() throws {
        let review = try ReviewBuilder(archive: archive.open(.read)).review(
            documentID: document, includeSuperseded: all, kinds: only.flatMap(Review.FactKind.kinds(inList:)))
        switch format {
        case .json:
            Console.json(review)
        case .markdown:
            Console.output(markdown(review))
        case .text:
            Console.output(text(review))
        }
    }

    private func header(_ review: Review) -> String {
        "Document #\(review.documentID): \(review.title ?? "untitled") — \(review.publisher ?? "publisher unknown"), \(review.publishedOn ?? "undated")"
    }

    /// Where the text came from: the file, and for a page, an e-mail or a PDF the extractor that took the text out of it.
    private func source(_ review: Review) -> String {
        let file = review.fileName ?? "standard input"
        guard review.sourceFormat != .text else { return "Text of \(file), as received." }
        let format = ["html": "a saved web page", "eml": "an e-mail", "pdf": "a PDF"][review.sourceFormat.rawValue] ?? ""
        return "Text extracted from \(format) (\(review.sourceFormat.rawValue), \(file)) by \(review.extractorVersion ?? "?")."
    }

    private func text(_ review: Review) -> String {
        let colour = Console.useColour
        let colours = ["figure": "\u{1B}[1;33m", "quote": "\u{1B}[36m", "mention": "\u{1B}[32m"]
        let body = review.annotatedBody(
            open: { colour ? "\(colours[$0.kind] ?? "")⟦\($0.label) " : "⟦\($0.label) " },
            close: { _ in colour ? "⟧\u{1B}[0m" : "⟧" })
        let list = Console.table(
            header: ["LABEL", "ID", "STATUS", "SPAN", "WHAT", "TEXT"],
            rows: review.facts.map {
                [$0.label, String($0.id), $0.status, "\($0.start)–\($0.end)", $0.summary, Self.oneLine($0.exactText, limit: 60)]
            })
        return [Console.bold(header(review)), source(review), "", body, "", list].joined(separator: "\n")
    }

    private func markdown(_ review: Review) -> String {
        let body = review.annotatedBody(open: { "**⟦\($0.label)** " }, close: { _ in "**⟧**" })
        let rows = review.facts.map {
            "| \($0.label) | \($0.id) | \($0.status) | \($0.start)–\($0.end) | \(Self.cell($0.summary)) | \(Self.cell(Self.oneLine($0.exactText, limit: 80))) |"
        }
        return
            ([
                "# \(header(review))", "", "_\(source(review))_", "", body, "", "| Label | Id | Status | Span | What | Text |",
                "| --- | ---: | --- | --- | --- | --- |",
            ] + rows)
            .joined(separator: "\n")
    }

    private static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }

    private static func oneLine(_ text: String, limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }
}
