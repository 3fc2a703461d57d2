import DossierKit

extension ArchivePages {
    /// The upload form and, after an upload, what became of each file: the batch, the document each
    /// became or duplicates, its facts, or why it was refused.
    func importPage(_ summary: ImportSummary?) -> String {
        var values: [String: Any] = [
            "token": token, "back": "/import", "maximumFiles": UploadLimits.maximumFiles,
            "maximumMiB": UploadLimits.maximumBytes >> 20, "maximumFileMiB": ImportOptions.defaultMaximumBytes >> 20,
            "accept": UploadLimits.acceptedExtensions.map { ".\($0)" }.joined(separator: ","),
        ]
        if let summary {
            values["summary"] = [
                "batch": summary.batchID.map { "#\($0)" } ?? "", "imported": Self.number(summary.imported),
                "duplicates": Self.number(summary.duplicates), "failed": Self.number(summary.failed),
                "results": summary.results.map(resultRow),
            ]
        }
        return layout("Import", current: "Import", content: PageTemplates.render("importFiles", values))
    }

    private func resultRow(_ result: ImportResult) -> [String: Any] {
        let facts: [(Int?, String, String)] = [
            (result.figures, "figure", "figures"), (result.quotes, "quote", "quotes"), (result.people, "person", "people"),
            (result.organisations, "organisation", "organisations"), (result.operations, "operation", "operations"),
            (result.dates, "date", "dates"),
        ]
        let outcomes: [ImportResult.Outcome: String] = [
            .imported: "imported", .duplicate: "already archived", .failed: "refused",
        ]
        var row: [String: Any] = [
            "file": result.file, "outcome": outcomes[result.outcome] ?? "", "failed": result.outcome == .failed,
            "message": result.error ?? "",
            "facts": facts.compactMap { count, one, many in
                count.flatMap { $0 > 0 ? "\(Self.number($0)) \($0 == 1 ? one : many)" : nil }
            }.joined(separator: ", "),
        ]
        if let id = result.documentID {
            row["document"] = ["id": id, "title": result.title ?? "Document \(id)"]
        }
        if result.outcome == .duplicate {
            row["message"] =
                result.duplicateMatch == .sameBytes ? "the same file is already archived" : "the same text is already archived"
        }
        return row
    }
}

/// What one upload may hold: enough for a day's releases, small enough that a mistaken or hostile
/// upload cannot fill the server's memory. Larger sets go in with `dossier import`.
enum UploadLimits {
    static let maximumFiles = 50
    static let maximumBytes = 32 << 20
    /// Offered by the file chooser; any other file is still read as `dossier import` reads it.
    static let acceptedExtensions = ["txt", "md", "markdown", "html", "htm", "eml", "pdf"]
}
