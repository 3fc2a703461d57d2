import ArgumentParser
import DossierKit

/// Where a hand-added fact sits: `--span START:END` or `--text "exact words"` (with `--occurrence N`).
struct SpanOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Code point span START:END in the document body.", valueName: "start:end"))
    var span: String?

    @Option(help: ArgumentHelp("The exact words in the document.", valueName: "words"))
    var text: String?

    @Option(help: ArgumentHelp("Which occurrence of --text, when it appears more than once (1 = first).", valueName: "n"))
    var occurrence: Int?

    func validate() throws {
        guard (span == nil) != (text == nil) else {
            throw ValidationError("give exactly one of --span START:END or --text \"words\"")
        }
        if let span, Self.parse(span) == nil { throw ValidationError("--span must be START:END with START < END, e.g. 120:145") }
        if occurrence != nil, text == nil { throw ValidationError("--occurrence goes with --text") }
    }

    static func parse(_ span: String) -> (Int, Int)? {
        let parts = span.split(separator: ":")
        guard parts.count == 2, let start = Int(parts[0]), let end = Int(parts[1]), start >= 0, start < end else { return nil }
        return (start, end)
    }

    var locator: SpanLocator {
        if let span, let (start, end) = Self.parse(span) { return .span(start: start, end: end) }
        return .text(text ?? "", occurrence: occurrence)
    }
}

/// `--reason`, recorded with the change in the audit log.
struct ReasonOption: ParsableArguments {
    @Option(help: "Why, for the audit log.")
    var reason: String?
}
