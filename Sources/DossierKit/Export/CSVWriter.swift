/// RFC 4180 CSV: comma (or another delimiter), double-quote escaping, CRLF record ends, UTF-8.
///
/// Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
/// carriage return) are prefixed with `'` unless the column is numeric or `neutraliseFormulas`
/// is off, following OWASP's guidance on CSV injection.
public struct CSVWriter {
    public let delimiter: UInt8
    public let neutraliseFormulas: Bool

    public init(delimiter: Character = ",", neutraliseFormulas: Bool = true) {
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
        self.neutraliseFormulas = neutraliseFormulas
    }

    private static let formulaStarts: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]

    /// Whether a spreadsheet would run `text` as a formula: it starts with = + - @ tab or CR.
    static func startsLikeFormula(_ text: String) -> Bool {
        text.utf8.first.map { formulaStarts.contains($0) } == true
    }

    /// Appends one record to `output`.
    public func appendRecord(_ fields: [String], numeric: [Bool], to output: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(delimiter) }
            appendField(field, numeric: index < numeric.count && numeric[index], to: &output)
        }
        output.append(0x0D)
        output.append(0x0A)
    }

    private func appendField(_ field: String, numeric: Bool, to output: inout [UInt8]) {
        let bytes = field.utf8
        let guarded = neutraliseFormulas && !numeric && Self.startsLikeFormula(field)
        let needsQuotes = guarded || bytes.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            output.append(contentsOf: bytes)
            return
        }
        output.append(0x22)
        if guarded { output.append(UInt8(ascii: "'")) }
        for byte in bytes {
            if byte == 0x22 { output.append(0x22) }
            output.append(byte)
        }
        output.append(0x22)
    }
}
