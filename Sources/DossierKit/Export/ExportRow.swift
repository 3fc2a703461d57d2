/// One streamed export row read by column name, so that mapping code says `row.text("title")`
/// rather than depending on where a column happens to sit in the SELECT.
struct ExportRow {
    let columns: [String]
    private let positions: [String: Int]
    private(set) var values: [DatabaseValue] = []

    init(columns: [String]) {
        self.columns = columns
        positions = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
    }

    /// The same columns with the next row's values.
    func with(_ values: [DatabaseValue]) -> ExportRow {
        var row = self
        row.values = values
        return row
    }

    private func value(_ column: String) -> DatabaseValue {
        guard let position = positions[column], position < values.count else { return .null }
        return values[position]
    }

    /// Text, or nil for NULL and empty text (an empty publisher is no publisher in a citation).
    func text(_ column: String) -> String? {
        switch value(column) {
        case .text(let text): text.isEmpty ? nil : text
        case .integer(let integer): String(integer)
        case .real(let real): NumberText.format(real)
        case .null, .blob: nil
        }
    }

    func integer(_ column: String) -> Int64? {
        switch value(column) {
        case .integer(let integer): integer
        case .real(let real): Int64(exactly: real)
        case .text(let text): Int64(text)
        case .null, .blob: nil
        }
    }

    func real(_ column: String) -> Double? {
        switch value(column) {
        case .integer(let integer): Double(integer)
        case .real(let real): real
        case .text(let text): Double(text)
        case .null, .blob: nil
        }
    }
}
