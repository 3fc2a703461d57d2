import DossierKit

/// How `dossier import` describes what it did, line by line and in total.
enum ImportReport {
    static func line(_ result: ImportResult) -> String {
        let id = result.documentID.map { "#\($0)" } ?? ""
        switch result.outcome {
        case .imported:
            let counts = [
                counted(result.figures, "figure", "figures"), counted(result.quotes, "quote", "quotes"),
                counted(result.people, "person", "people"), counted(result.organisations, "organisation", "organisations"),
                counted(result.operations, "operation", "operations"),
            ]
            var text = "imported \(id) \(result.file): " + counts.joined(separator: ", ")
            if let original = result.probableDuplicateOf { text += " (probable duplicate of #\(original))" }
            if let earlier = result.sameSourceAs { text += " (same source as #\(earlier), extracted again)" }
            return ([text] + attachmentLines(result.attachments)).joined(separator: "\n")
        case .duplicate:
            guard let differences = result.metadataDifferences, let documentID = result.documentID else {
                let note = result.duplicateMatch == .sameText ? " (same text, different bytes)" : ""
                return "duplicate \(result.file): already archived as \(id)\(note)"
            }
            let header = "duplicate \(result.file): same text as \(id), but other metadata, not applied:"
            return ([header] + differenceLines(differences, documentID: documentID, result: result)).joined(separator: "\n")
        case .failed:
            return "failed \(result.file): \(result.error ?? "")"
        }
    }

    /// An e-mail's attachments, one indented line each: listed, never stored.
    static func attachmentLines(_ attachments: [ExtractedSource.Attachment]?) -> [String] {
        (attachments ?? []).map {
            "  attachment not stored: \($0.fileName ?? "(unnamed)") (\($0.contentType), \($0.bytes) bytes)"
        }
    }

    /// "1 quote", "2 quotes", "0 people".
    static func counted(_ count: Int?, _ singular: String, _ plural: String) -> String {
        let count = count ?? 0
        return "\(count) \(count == 1 ? singular : plural)"
    }

    /// What differs, field by field, where it is recorded and how to apply it, each on an indented line.
    private static func differenceLines(_ differences: [MetadataDifference], documentID: Int64, result: ImportResult)
        -> [String]
    {
        var lines = differences.map { "  \($0.field): \($0.old?.description ?? "none") → \($0.new)" }
        if let event = result.metadataEventID {
            lines.append("  recorded as event \(event) (dossier history document \(documentID))")
        }
        if let command = result.applyCommand { lines.append("  to apply: \(command)") }
        let unsettable = differences.filter { !$0.isSettable }.map(\.field)
        if !unsettable.isEmpty {
            lines.append("  no command changes \(unsettable.joined(separator: ", ")) yet")
        }
        return lines
    }

    static func summaryText(_ summary: ImportSummary) -> String {
        let batch = summary.batchID.map { "Batch \($0): " } ?? (summary.dryRun ? "Dry run, nothing written: " : "")
        let otherMetadata =
            summary.duplicatesWithOtherMetadata > 0 ? " (\(summary.duplicatesWithOtherMetadata) with other metadata)" : ""
        return "\(batch)\(summary.seen) seen, \(summary.imported) \(summary.dryRun ? "would be imported" : "imported"), "
            + "\(summary.duplicates) duplicates\(otherMetadata), \(summary.failed) failed."
    }

    static func dryRunText(_ result: ImportResult, _ prepared: PreparedDocument) -> String {
        let document = prepared.document
        let extraction = prepared.extraction
        var lines = [
            "\(result.file) — \(result.outcome == .duplicate ? "duplicate, would not be imported" : "would be imported")",
            "  title: \(document.title ?? "—")  language: \(document.language ?? "—")  published: \(document.publishedOn ?? "—")",
            "  sha256: \(document.sha256)",
        ]
        if document.sourceFormat != .text {
            lines.insert(
                "  publisher: \(document.publisher ?? "—")  author: \(document.author ?? "—")  url: \(document.url ?? "—")",
                at: 2)
            lines.append(
                "  source: \(document.sourceFormat.rawValue), text extracted by \(document.extractorVersion ?? "?")"
                    + (document.messageID.map { "  message-id: \($0)" } ?? ""))
            lines += attachmentLines(prepared.attachments)
            if let earlier = result.sameSourceAs { lines.append("  same source as #\(earlier), extracted again") }
            lines.append("  text:")
            lines += document.body.split(separator: "\n", omittingEmptySubsequences: false).map { "  │ \($0)" }
        }
        if let differences = result.metadataDifferences, let documentID = result.documentID {
            lines.append("  same text as #\(documentID), but other metadata, not applied:")
            lines += differenceLines(differences, documentID: documentID, result: result).map { "  " + $0 }
        } else if result.duplicateMatch == .sameText, let documentID = result.documentID {
            lines.append("  same text as #\(documentID), different bytes")
        }
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
