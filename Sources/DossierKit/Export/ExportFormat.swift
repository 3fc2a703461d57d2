/// Every output format of `dossier export`, and the subject each one can carry. A format that
/// means nothing for a subject (a citation of a figure) is refused, never approximated.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// The rows of any table.
    case csv, jsonl, json
    /// A spreadsheet workbook of any table, or of every table with `--all`.
    case xlsx
    /// One citation per document, for reference managers and CSL processors.
    case cslJSON = "csl-json"
    case ris
    /// One W3C Web Annotation per fact.
    case annotations
    /// The whole archive as FollowTheMoney entities, for Aleph.
    case ftm
    /// Every table with `--all`, as CSV that PostgreSQL's COPY reads, with schema.sql and load.sql.
    case postgresql

    /// The row format, for csv, jsonl and json.
    public var rows: Exporter.Format? { Exporter.Format(rawValue: rawValue) }

    /// The citation format, for csl-json and ris.
    public var citations: CitationExporter.Format? { CitationExporter.Format(rawValue: rawValue) }

    /// What one written item is, for "12 citations written to refs.ris".
    public var itemName: String {
        switch self {
        case .csv, .jsonl, .json, .xlsx, .postgresql: "rows"
        case .cslJSON, .ris: "citations"
        case .annotations: "annotations"
        case .ftm: "entities"
        }
    }

    /// PostgreSQL gets every table or none: a table alone would break the foreign keys of the others.
    public static let postgresqlRefusal =
        "--format postgresql writes the whole archive for PostgreSQL: dossier export --all DIR --format postgresql"

    /// Why this format cannot export `subject`, in words that say what to run instead; nil when it can.
    public func refusal(for subject: ExportSubject) -> String? {
        switch (self, subject) {
        case (.csv, .table), (.jsonl, .table), (.json, .table), (.xlsx, .table), (.cslJSON, .table(.documents)),
            (.ris, .table(.documents)), (.annotations, .facts):
            return nil
        case (.csv, .facts), (.jsonl, .facts), (.json, .facts), (.xlsx, .facts):
            return
                "facts are exported only with --format annotations (W3C Web Annotations); for one kind of fact as rows, export figures, quotes or mentions"
        case (.cslJSON, _), (.ris, _):
            return "--format \(rawValue) makes one citation per document: it applies to documents only, not to \(subject.name)"
        case (.ftm, _):
            return
                "--format ftm exports the whole archive, not \(subject.name): dossier export --format ftm --output archive.ftm.json"
        case (.annotations, .table(let table)):
            return
                "--format annotations applies to facts only, not to \(table.rawValue): dossier export facts --format annotations"
        case (.postgresql, _):
            return Self.postgresqlRefusal
        }
    }
}
