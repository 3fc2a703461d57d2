import DossierKit

/// How `dossier import` describes what it did, line by line and in total.
enum ImportReport {
    static func line(_ result: ImportResult) -> String {
        let id = result.documentID.map { "#\($0)" } ?? ""
        switch result.outcome {
        case .imported:
            var text =
                "imported \(id) \(result.file): \(result.figures ?? 0) figures, \(result.quotes ?? 0) quotes, "
                + "\(result.people ?? 0) people, \(result.organisations ?? 0) organisations, \(result.operations ?? 0) operations"
            if let original = result.probableDuplicateOf { text += " (probable duplicate of #\(original))" }
            return text
        case .duplicate:
            return "duplicate \(result.file): already archived as \(id)"
        case .failed:
            return "failed \(result.file): \(result.error ?? "")"
        }
    }

    static func summaryText(_ summary: ImportSummary) -> String {
        let batch = summary.batchID.map { "Batch \($0): " } ?? (summary.dryRun ? "Dry run, nothing written: " : "")
        return "\(batch)\(summary.seen) seen, \(summary.imported) \(summary.dryRun ? "would be imported" : "imported"), "
            + "\(summary.duplicates) duplicates, \(summary.failed) failed."
    }

    static func dryRunText(_ result: ImportResult, _ prepared: PreparedDocument) -> String {
        let document = prepared.document
        let extraction = prepared.extraction
        var lines = [
            "\(result.file) — \(result.outcome == .duplicate ? "duplicate, would not be imported" : "would be imported")",
            "  title: \(document.title ?? "—")  language: \(document.language ?? "—")  published: \(document.publishedOn ?? "—")",
            "  sha256: \(document.sha256)",
        ]
        for operation in extraction.operations { lines.append("  operation: \(operation.name)") }
        for organisation in extraction.organisations { lines.append("  organisation: \(organisation.name)") }
        for person in extraction.people {
            lines.append("  person: \(person.name)\(person.role.map { ", \($0)" } ?? "")")
        }
        for figure in extraction.figures {
            lines.append(
                "  figure [\(figure.span.start)-\(figure.span.end)] \(NumberText.format(figure.value)) \(figure.unit)"
                    + "\(figure.category.map { " \($0)" } ?? ""): \(figure.span.text)")
        }
        for quote in extraction.quotes {
            lines.append(
                "  quote [\(quote.span.start)-\(quote.span.end)] \(quote.speakerName ?? "unattributed"): \(quote.text.prefix(70))…"
            )
        }
        for date in extraction.dates { lines.append("  date \(date.iso): \(date.span.text)") }
        return lines.joined(separator: "\n")
    }
}
