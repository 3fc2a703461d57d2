/// RFC 4180 CSV: comma (or another delimiter), double-quote escaping, CRLF record ends, UTF-8.
///
/// Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
/// carriage return) are prefixed with `'` unless the column is numeric or `neutraliseFormulas`
/// is off, following OWASP's guidance on CSV injection.
///
/// A NULL (a nil field) is an empty cell, and so is empty text unless `postgreSQLCopy` is set, for
/// CSV that PostgreSQL's `COPY … (FORMAT csv)` reads back exactly
/// (https://www.postgresql.org/docs/current/sql-copy.html, "CSV Format"): empty text is then `""`,
/// a cell that is exactly `\.` is quoted, and a line inside a cell that is exactly `\.` is written
/// `"\".`, the quote closed before the backslash and opened again after it, which COPY's reader
/// joins back. psql before version 18 ends `\copy` at any line that is `\.`, even inside quotes.
public struct CSVWriter {
    public let delimiter: UInt8
    public let neutraliseFormulas: Bool
    public let postgreSQLCopy: Bool

    public init(delimiter: Character = ",", neutraliseFormulas: Bool = true, postgreSQLCopy: Bool = false) {
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
        self.neutraliseFormulas = neutraliseFormulas
        self.postgreSQLCopy = postgreSQLCopy
    }

    private static let formulaStarts: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]

    /// Whether a spreadsheet would run `text` as a formula: it starts with = + - @ tab or CR.
    static func startsLikeFormula(_ text: String) -> Bool {
        text.utf8.first.map { formulaStarts.contains($0) } == true
    }

    /// Appends one record to `output`; a nil field is NULL.
    public func appendRecord(_ fields: [String?], numeric: [Bool], to output: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(delimiter) }
            guard let field else { continue }
            appendField(field, numeric: index < numeric.count && numeric[index], to: &output)
        }
        output.append(0x0D)
        output.append(0x0A)
    }

    /// Whether `rest`, what follows a backslash, is `.` and a line end: together a line psql reads as `\.`.
    private static func endsLineAfterDot(_ rest: String.UTF8View.SubSequence) -> Bool {
        var bytes = rest.prefix(3).makeIterator()
        guard bytes.next() == UInt8(ascii: ".") else { return false }
        switch bytes.next() {
        case 0x0A: return true
        case 0x0D: return bytes.next() == 0x0A
        default: return false
        }
    }

    private func appendField(_ field: String, numeric: Bool, to output: inout [UInt8]) {
        let bytes = field.utf8
        let guarded = neutraliseFormulas && !numeric && Self.startsLikeFormula(field)
        let needsQuotes =
            guarded || (postgreSQLCopy && (bytes.isEmpty || field == "\\."))
            || bytes.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            output.append(contentsOf: bytes)
            return
        }
        output.append(0x22)
        if guarded { output.append(UInt8(ascii: "'")) }
        var previous: UInt8 = 0
        var rest = bytes[...]
        while let byte = rest.popFirst() {
            if byte == 0x22 { output.append(0x22) }
            if postgreSQLCopy, byte == 0x5C, previous == 0x0A, Self.endsLineAfterDot(rest) {
                output.append(contentsOf: [0x22, 0x5C, 0x22])
            } else {
                output.append(byte)
            }
            previous = byte
        }
        output.append(0x22)
    }
}
