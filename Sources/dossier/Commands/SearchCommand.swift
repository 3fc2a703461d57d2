import ArgumentParser
import DossierKit

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find documents by words in their title or text, best matches first.",
        discussion: """
            Case and accents are ignored ("arretes" finds "arrêtés"). Use "quotes" for a phrase, arrest* for a prefix, and AND / OR / NOT (in capitals) to combine words. Every match is ranked (BM25, title weighing five times the body), however old.
            Example: dossier search '"opération Cumberland" suspects' --language fr
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The words to look for.")
    var query: String

    @OptionGroup var documents: DocumentFilterOptions

    @Option(parsing: .unconditional, help: "At most this many results.")
    var limit: Int = 20

    /// Kept so that existing scripts still run: every match is ranked now.
    @Flag(help: ArgumentHelp("Accepted for older scripts; every match is always ranked.", visibility: .hidden))
    var exhaustive = false

    func validate() throws {
        if limit <= 0 { throw ValidationError("--limit must be positive") }
        if query.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the query is empty") }
    }

    func run() throws {
        let hits = try SearchRepository(connection: archive.open(.read).connection)
            .search(query, filter: documents.applied(), limit: limit)
        if output.json {
            Console.json(
                hits.map { hit in
                    var plain = hit
                    plain.snippet = hit.snippet.replacingOccurrences(of: SearchRepository.highlightOpen, with: "[")
                        .replacingOccurrences(of: SearchRepository.highlightClose, with: "]")
                    return plain
                })
            return
        }
        if hits.isEmpty {
            Console.output("No document matches.")
            return
        }
        for hit in hits {
            let open = Console.useColour ? "\u{1B}[1;33m" : "["
            let close = Console.useColour ? "\u{1B}[0m" : "]"
            let snippet = hit.snippet.replacingOccurrences(of: SearchRepository.highlightOpen, with: open)
                .replacingOccurrences(of: SearchRepository.highlightClose, with: close)
                .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
            Console.output(
                """
                \(Console.bold("#\(hit.documentID) \(hit.title ?? hit.fileName ?? "untitled")"))
                  \([hit.publisher, hit.publishedOn].compactMap { $0 }.joined(separator: ", "))
                  \(snippet)
                """)
        }
    }
}
