/// What `dossier export NAME` takes out of the archive: the rows of one table, or every fact.
public enum ExportSubject: Sendable, Hashable {
    case table(ExportTable)
    /// Figures, quotes and mentions together, each tied to its text. Only as annotations: the
    /// three kinds share no columns but their span, so no one table holds them.
    case facts

    public init?(name: String) {
        if name == "facts" {
            self = .facts
        } else if let table = ExportTable(rawValue: name) {
            self = .table(table)
        } else {
            return nil
        }
    }

    public var name: String {
        switch self {
        case .table(let table): table.rawValue
        case .facts: "facts"
        }
    }

    /// The table, when the subject is one.
    public var table: ExportTable? {
        if case .table(let table) = self { return table }
        return nil
    }

    public static let all: [ExportSubject] = ExportTable.allCases.map { .table($0) } + [.facts]
}
