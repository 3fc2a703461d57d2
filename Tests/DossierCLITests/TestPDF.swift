import Foundation

/// Writes small, real PDFs for the tests: each page a list of lines in Helvetica (WinAnsi, so French
/// accents work), with an optional running header and footer, an info dictionary, and a correct
/// cross-reference table. Pages without lines hold only a drawn rectangle, like a scan: no text layer.
enum TestPDF {
    static func make(
        pages: [[String]], header: String? = nil, footer: ((Int, Int) -> String)? = nil, title: String? = nil,
        author: String? = nil, created: String? = nil
    ) -> Data {
        var objects: [String] = []
        // 1 catalog, 2 pages, 3 font, 4 info; then a page and its content per page.
        let pageCount = pages.count
        let pageIDs = (0..<pageCount).map { 5 + $0 * 2 }
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pageCount) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        var info: [String] = []
        if let title { info.append("/Title (\(escaped(title)))") }
        if let author { info.append("/Author (\(escaped(author)))") }
        if let created { info.append("/CreationDate (\(created))") }
        objects.append("<< \(info.joined(separator: " ")) >>")
        for (index, lines) in pages.enumerated() {
            var stream = ""
            if lines.isEmpty {
                stream = "0.5 g 72 72 451 698 re f\n"
            } else {
                var all: [(String, Double)] = []
                if let header { all.append((header, 800)) }
                var y = 760.0
                for line in lines {
                    all.append((line, y))
                    y -= 14
                }
                if let footer { all.append((footer(index + 1, pageCount), 40)) }
                for (text, y) in all where !text.isEmpty {
                    stream += "BT /F1 10 Tf 72 \(y) Td (\(escaped(text))) Tj ET\n"
                }
            }
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                    + "/Contents \(pageIDs[index] + 1) 0 R >>")
            objects.append("<< /Length \(latin1(stream).count) >>\nstream\n\(stream)endstream")
        }
        var data = latin1("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n")
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(data.count)
            data += latin1("\(index + 1) 0 obj\n\(object)\nendobj\n")
        }
        let xref = data.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R /Info 4 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return data + latin1(table)
    }

    /// A PDF string in WinAnsi: parentheses and backslashes escaped, everything else one byte.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "(", ")", "\\": result += "\\\(character)"
            case "’": result += "\u{92}"
            case "“": result += "\u{93}"
            case "”": result += "\u{94}"
            case "«": result += "\u{AB}"
            case "»": result += "\u{BB}"
            default: result.append(character)
            }
        }
        return result
    }

    static func latin1(_ text: String) -> Data {
        Data(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
    }
}
