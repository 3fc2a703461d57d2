import Foundation

/// Streams one table to CSV, JSON Lines or a JSON array, row by row, never holding the table in memory.
public struct Exporter {
    public enum Format: String, Sendable, CaseIterable { case csv, jsonl, json }

    public struct Options: Sendable {
        public var format: Format = .csv
        public var delimiter: Character = ","
        public var byteOrderMark = false
        public var neutraliseFormulas = true
        /// CSV for PostgreSQL's COPY: empty text differs from NULL, and no line reads as COPY's end (`CSVWriter`).
        public var postgreSQLCopy = false
        public var filter = ExportFilter()
        /// Columns to write, in this order; nil for all of them.
        public var columns: [String]?

        public init() {}
    }

    let repository: ExportRepository

    public init(archive: Archive) {
        repository = ExportRepository(connection: archive.connection)
    }

    /// Writes the table through `sink` in chunks of about 64 KiB; returns the number of rows written.
    @discardableResult
    public func export(_ table: ExportTable, options: Options, sink: ([UInt8]) throws -> Void) throws -> Int {
        let columns = options.columns ?? repository.columns(of: table)
        let numericNames = repository.numericColumns(of: table)
        return try Self.write(
            columns: columns, numeric: columns.map { numericNames.contains($0) }, options: options, sink: sink
        ) { row in
            try repository.stream(table, columns: options.columns, filter: options.filter, row)
        }
    }

    /// Encodes rows that `rows` streams, one call of its argument per row, in the options' format:
    /// the one encoder for the named exports and for every table of `export --all`.
    static func write(
        columns: [String], numeric: [Bool], options: Options, sink: ([UInt8]) throws -> Void,
        rows: (([DatabaseValue]) throws -> Void) throws -> Void
    ) throws -> Int {
        let csv = CSVWriter(
            delimiter: options.delimiter, neutraliseFormulas: options.neutraliseFormulas, postgreSQLCopy: options.postgreSQLCopy)
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 17)
        switch options.format {
        case .csv:
            if options.byteOrderMark { chunk.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
            csv.appendRecord(columns, numeric: [], to: &chunk)
        case .json:
            chunk.append(UInt8(ascii: "["))
        case .jsonl:
            break
        }
        var count = 0
        var fields = [String?](repeating: nil, count: columns.count)
        // The row callback never outlives this call; Swift cannot see that through two closures.
        try withoutActuallyEscaping(sink) { sink in
            try rows { row in
                switch options.format {
                case .csv:
                    for index in row.indices { fields[index] = Self.csvText(row[index]) }
                    csv.appendRecord(fields, numeric: numeric, to: &chunk)
                case .jsonl:
                    JSONLine.append(columns: columns, values: row, to: &chunk)
                    chunk.append(0x0A)
                case .json:
                    chunk.append(contentsOf: count == 0 ? [0x0A] : [UInt8(ascii: ","), 0x0A])
                    JSONLine.append(columns: columns, values: row, to: &chunk)
                }
                count += 1
                if chunk.count >= 1 << 16 {
                    try sink(chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
        }
        if options.format == .json {
            chunk.append(contentsOf: count == 0 ? [UInt8(ascii: "]"), 0x0A] : [0x0A, UInt8(ascii: "]"), 0x0A])
        }
        if !chunk.isEmpty { try sink(chunk) }
        return count
    }

    /// The cell's text; nil for NULL.
    static func csvText(_ value: DatabaseValue) -> String? {
        switch value {
        case .null: nil
        case .integer(let integer): String(integer)
        case .real(let real): NumberText.format(real)
        case .text(let text): text
        case .blob(let data): data.base64EncodedString()
        }
    }
}

/// Numbers as people write them in data files: integers without a decimal point.
public enum NumberText {
    public static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

/// One JSON object, keys in column order, written straight into a byte buffer.
enum JSONLine {
    static func append(columns: [String], values: [DatabaseValue], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "{"))
        for (index, column) in columns.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            appendString(column, to: &output)
            output.append(UInt8(ascii: ":"))
            switch values[index] {
            case .null: output.append(contentsOf: Array("null".utf8))
            case .integer(let integer): output.append(contentsOf: Array(String(integer).utf8))
            case .real(let real): output.append(contentsOf: Array((real.isFinite ? NumberText.format(real) : "null").utf8))
            case .text(let text): appendString(text, to: &output)
            case .blob(let data): appendString(data.base64EncodedString(), to: &output)
            }
        }
        output.append(UInt8(ascii: "}"))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    static func appendString(_ text: String, to output: inout [UInt8]) {
        output.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: output.append(contentsOf: [0x5C, 0x22])
            case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0xF)])
            default: output.append(byte)
            }
        }
        output.append(0x22)
    }
}
