import DossierKit

extension ArchivePages {
    /// The upload form and, after an upload, what became of each file: the batch, the document each
    /// became or duplicates, its facts, or why it was refused.
    func importPage(_ summary: ImportSummary?) -> String {
        var values: [String: Any] = [
            "token": token, "back": "/import",
            "importHint": words(
                "importHint", "\(UploadLimits.maximumFiles)", "\(UploadLimits.maximumBytes >> 20)",
                "\(ImportOptions.defaultMaximumBytes >> 20)"),
            "accept": UploadLimits.acceptedExtensions.map { ".\($0)" }.joined(separator: ","),
        ]
        if let summary {
            values["summary"] = [
                "batch": summary.batchID.map { "#\($0)" } ?? "",
                "counts": words(
                    "importCounts", Self.number(summary.imported), Self.number(summary.duplicates), Self.number(summary.failed)),
                "results": summary.results.map(resultRow),
            ]
        }
        return layout(words["import"], current: "Import", content: render("importFiles", values))
    }

    private func resultRow(_ result: ImportResult) -> [String: Any] {
        let facts: [(Int?, String)] = [
            (result.figures, "figures"), (result.quotes, "quotes"), (result.people, "people"),
            (result.organisations, "organisations"), (result.operations, "operations"), (result.dates, "dates"),
        ]
        let outcomes: [ImportResult.Outcome: String] = [
            .imported: words["imported"], .duplicate: words["alreadyArchived"], .failed: words["refused"],
        ]
        var row: [String: Any] = [
            "file": result.file, "outcome": outcomes[result.outcome] ?? "", "failed": result.outcome == .failed,
            "message": result.error ?? "",
            "facts": facts.compactMap { count, kind in
                count.flatMap { $0 > 0 ? words("count_\(kind)_\($0 == 1 ? "one" : "many")", Self.number($0)) : nil }
            }.joined(separator: ", "),
        ]
        if let id = result.documentID {
            row["document"] = ["id": id, "title": result.title ?? words("documentNumber", "\(id)")]
        }
        if result.outcome == .duplicate {
            row["message"] = words[result.duplicateMatch == .sameBytes ? "sameFile" : "sameText"]
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
