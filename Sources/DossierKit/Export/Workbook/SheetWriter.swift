import Foundation

/// Streams the rows of one table into one worksheet's XML, typed cell by cell: numbers as numbers,
/// full dates as dates, every other value as text (so `0012` stays `0012`), long text wrapped. The
/// header row is bold, frozen and filtered. Rows go to a scratch file as they come; the sheet is
/// assembled once column widths are known.
final class SheetWriter {
    /// How the cells of one column are written.
    enum ColumnKind {
        case text, number, date
    }

    /// Indices into the workbook's cell formats (`WorkbookPackage.styles`).
    enum Style: Int {
        case plain = 0
        case header
        case date
        case wrapped
        case quoted
        case quotedWrapped
    }

    let columns: [String]
    let kinds: [ColumnKind]
    let neutraliseFormulas: Bool
    private(set) var rows = 0
    /// Cells cut to Excel's limit.
    private(set) var truncatedCells = 0
    private var widths: [Int]
    private let body: FileHandle
    private let bodyURL: URL
    private var chunk: [UInt8] = []

    /// Text longer than this wraps inside its cell instead of running across the row.
    static let wrapLength = 60
    static let widestColumn = 60

    init(columns: [String], kinds: [ColumnKind], neutraliseFormulas: Bool, scratch: URL) throws {
        self.columns = columns
        self.kinds = kinds
        self.neutraliseFormulas = neutraliseFormulas
        widths = columns.map { max($0.count + 4, 8) }
        bodyURL = scratch
        guard FileManager.default.createFile(atPath: scratch.path, contents: nil) else {
            throw UsageError("cannot write the scratch file \(scratch.path)")
        }
        body = try FileHandle(forWritingTo: scratch)
        chunk.reserveCapacity(1 << 17)
        appendRow(columns.map { .text($0) }, header: true)
    }

    func append(_ values: [DatabaseValue]) throws {
        appendRow(values, header: false)
        if chunk.count >= 1 << 16 { try flush() }
    }

    /// The complete worksheet, written to `url`.
    func finish(to url: URL) throws {
        try flush()
        try body.close()
        defer { try? FileManager.default.removeItem(at: bodyURL) }
        let lastCell = "\(SpreadsheetText.columnLetters(max(columns.count - 1, 0)))\(rows + 1)"
        var head = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <dimension ref="A1:\(lastCell)"/>\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" \
            state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/><cols>
            """
        for (index, width) in widths.enumerated() {
            let column = index + 1
            head += "<col min=\"\(column)\" max=\"\(column)\" width=\"\(min(width, Self.widestColumn))\" customWidth=\"1\"/>"
        }
        head += "</cols><sheetData>"
        let tail = "</sheetData><autoFilter ref=\"A1:\(lastCell)\"/></worksheet>"
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw UsageError("cannot write the scratch file \(url.path)")
        }
        let sheet = try FileHandle(forWritingTo: url)
        defer { try? sheet.close() }
        try sheet.write(contentsOf: Data(head.utf8))
        let rowsFile = try FileHandle(forReadingFrom: bodyURL)
        defer { try? rowsFile.close() }
        while let data = try rowsFile.read(upToCount: 1 << 20), !data.isEmpty {
            try sheet.write(contentsOf: data)
        }
        try sheet.write(contentsOf: Data(tail.utf8))
    }

    /// The filter range, for the workbook's hidden name Excel keeps beside each filter.
    var filterRange: String {
        "$A$1:$\(SpreadsheetText.columnLetters(max(columns.count - 1, 0)))$\(rows + 1)"
    }

    private func appendRow(_ values: [DatabaseValue], header: Bool) {
        let number = header ? 1 : rows + 2
        chunk.append(contentsOf: Array("<row r=\"\(number)\">".utf8))
        for (index, value) in values.enumerated() {
            let reference = "\(SpreadsheetText.columnLetters(index))\(number)"
            switch value {
            case .null:
                continue
            case .integer(let integer):
                appendNumber(String(integer), reference: reference)
            case .real(let real) where real.isFinite:
                appendNumber(NumberText.format(real), reference: reference)
            case .real(let real):
                appendText(String(real), reference: reference, style: .plain, column: index)
            case .blob(let data):
                appendText(data.base64EncodedString(), reference: reference, style: .plain, column: index)
            case .text(let text):
                if header {
                    appendText(text, reference: reference, style: .header, column: index)
                } else if kinds[index] == .date, let serial = SpreadsheetText.dateSerial(text) {
                    let cell = "<c r=\"\(reference)\" s=\"\(Style.date.rawValue)\"><v>\(serial)</v></c>"
                    chunk.append(contentsOf: Array(cell.utf8))
                    widths[index] = max(widths[index], 12)
                } else if kinds[index] == .number, let number = Double(text), number.isFinite {
                    appendNumber(NumberText.format(number), reference: reference)
                } else {
                    appendText(text, reference: reference, style: textStyle(text), column: index)
                }
            }
        }
        chunk.append(contentsOf: Array("</row>".utf8))
        if !header { rows += 1 }
    }

    private func textStyle(_ text: String) -> Style {
        let quoted = neutraliseFormulas && CSVWriter.startsLikeFormula(text)
        let wrapped = text.utf8.count > Self.wrapLength || text.contains("\n")
        switch (quoted, wrapped) {
        case (true, true): return .quotedWrapped
        case (true, false): return .quoted
        case (false, true): return .wrapped
        case (false, false): return .plain
        }
    }

    private func appendNumber(_ text: String, reference: String) {
        chunk.append(contentsOf: Array("<c r=\"\(reference)\"><v>\(text)</v></c>".utf8))
    }

    private func appendText(_ text: String, reference: String, style: Style, column: Int) {
        var kept = Substring(text)
        if text.utf16.count > SpreadsheetText.maximumCellLength {
            kept = text.prefix(SpreadsheetText.maximumCellLength - 64)
            truncatedCells += 1
        }
        widths[column] = max(widths[column], min(kept.count, Self.widestColumn) + 2)
        chunk.append(contentsOf: Array("<c r=\"\(reference)\" t=\"inlineStr\"".utf8))
        if style != .plain { chunk.append(contentsOf: Array(" s=\"\(style.rawValue)\"".utf8)) }
        chunk.append(contentsOf: Array("><is><t xml:space=\"preserve\">".utf8))
        SpreadsheetText.appendXML(kept, to: &chunk)
        if kept.endIndex != text.endIndex {
            chunk.append(contentsOf: Array("… [cut at Excel's cell limit; the CSV export holds it whole]".utf8))
        }
        chunk.append(contentsOf: Array("</t></is></c>".utf8))
    }

    private func flush() throws {
        guard !chunk.isEmpty else { return }
        try body.write(contentsOf: Data(chunk))
        chunk.removeAll(keepingCapacity: true)
    }
}
