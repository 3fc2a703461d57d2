import Foundation

/// Renders a report as one self-contained, printable HTML file: inline CSS, inline SVG charts,
/// no scripts and no external assets.
public struct HTMLReportRenderer {
    public init() {}

    public func render(_ report: Report) -> String {
        let wording = FactWording(report.language)
        var body: [String] = ["<header><h1>\(escape(report.title))</h1>"]
        if let subtitle = report.subtitle { body.append("<p class=\"subtitle\">\(escape(subtitle))</p>") }
        body.append("</header>")
        for section in report.sections {
            body.append("<section>")
            body.append("<h2>\(escape(section.heading))</h2>")
            if !section.lines.isEmpty {
                body.append("<ul>" + section.lines.map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
            }
            if !section.charts.isEmpty {
                body.append("<div class=\"charts\">" + section.charts.map { chart($0, wording: wording) }.joined() + "</div>")
            }
            if let timeline = section.timeline, !timeline.isEmpty {
                body.append(self.timeline(timeline, title: ReportWording(report.language)(.timelineTitle)))
            }
            if let table = section.table { body.append(render(table, none: ReportWording(report.language)(.none))) }
            body.append("</section>")
        }
        return """
            <!DOCTYPE html>
            <html lang="\(report.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(report.title))</title>
            <style>
            \(Self.stylesheet)
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    /// On screen a readable column; on paper A4 with page numbers, tables that wrap rather than run
    /// off the page, headers repeated on each page, and no heading left alone at a page's foot.
    /// (Sections used to avoid page breaks inside them, which pushed a long first section whole
    /// onto page two and left page one blank under the title.)
    static let stylesheet = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; }
        h2 { font-size: 1.15rem; border-bottom: 1px solid #d5d9e0; padding-bottom: .2rem; margin-top: 2rem; break-after: avoid-page; }
        .subtitle { color: #5a6272; margin-top: 0; }
        table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: 13px; }
        th, td { border: 1px solid #d5d9e0; padding: .3rem .45rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
        td.long { overflow-wrap: anywhere; }
        thead th { background: #eef1f5; }
        thead { display: table-header-group; }
        tr.group th { background: #f7f8fa; font-weight: 600; text-align: left; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .nowrap { white-space: nowrap; overflow-wrap: normal; }
        .charts { display: flex; flex-wrap: wrap; gap: .5rem 2rem; }
        figure { margin: .6rem 0; break-inside: avoid; }
        figcaption { font-weight: 600; font-size: 13px; margin-bottom: .2rem; }
        svg text { font: 12px system-ui, sans-serif; fill: #1d2330; }
        svg .tick { font-size: 10px; fill: #5a6272; }
        @page { size: A4; margin: 16mm 14mm 18mm; @bottom-center { content: counter(page) " / " counter(pages); font: 9pt system-ui, sans-serif; color: #5a6272; } }
        @media print {
          body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
          table { font-size: 9pt; }
          tr, li { break-inside: avoid; }
          thead th, tr.group th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          h2 { margin-top: 1.2rem; }
        }
        """

    private func render(_ table: Report.Table, none: String) -> String {
        guard !table.rows.isEmpty else { return "<p><em>\(escape(none))</em></p>" }
        let shown = table.shownColumns
        let cellClass: (Int) -> String = { column in
            table.numericColumns.contains(column)
                ? " class=\"number\"" : table.unbrokenColumns.contains(column) ? " class=\"nowrap\"" : ""
        }
        // A long run without spaces (a URL, a hash) may break anywhere, or the table runs off the page;
        // words elsewhere break only where words do.
        let dataClass: (Int, String) -> String = { column, text in
            let attribute = cellClass(column)
            guard attribute.isEmpty, Self.longestWord(text) > 24 else { return attribute }
            return " class=\"long\""
        }
        let header =
            "<tr>" + shown.map { "<th scope=\"col\"\(cellClass($0))>\(escape(table.columns[$0]))</th>" }.joined() + "</tr>"
        var rows: [String] = []
        for group in table.groups {
            if let heading = group.heading {
                rows.append("<tr class=\"group\"><th scope=\"colgroup\" colspan=\"\(shown.count)\">\(escape(heading))</th></tr>")
            }
            for row in group.rows {
                rows.append(
                    "<tr>" + row.indices.map { "<td\(dataClass(shown[$0], row[$0]))>\(escape(row[$0]))</td>" }.joined()
                        + "</tr>")
            }
        }
        return "<table>\n<thead>\(header)</thead>\n<tbody>\n" + rows.joined(separator: "\n") + "\n</tbody>\n</table>"
    }

    /// A horizontal bar chart on its own scale, with an axis in round numbers; solid bars and their
    /// values written beside them, so it reads in black and white.
    public func chart(_ chart: Report.BarChart, wording: FactWording) -> String {
        let rowHeight = 22
        let labelWidth = 190
        let barArea = 300
        let valueWidth = 150
        let top = 6
        let axisY = top + rowHeight * chart.bars.count + 4
        let height = axisY + 20
        let width = labelWidth + barArea + valueWidth
        let scale = Self.axisMaximum(chart.bars.map(\.value).max() ?? 0)
        var parts = [
            "<figure><figcaption>\(escape(chart.title))</figcaption>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">",
            "<title>\(escape(chart.title))</title>",
        ]
        for step in 0...4 {
            let value = scale * Double(step) / 4
            let x = labelWidth + Int((Double(barArea) * Double(step) / 4).rounded())
            parts.append(
                "<line x1=\"\(x)\" y1=\"\(top)\" x2=\"\(x)\" y2=\"\(axisY)\" stroke=\"\(step == 0 ? "#1d2330" : "#d5d9e0")\"></line>"
            )
            parts.append(
                "<text class=\"tick\" x=\"\(x)\" y=\"\(axisY + 14)\" text-anchor=\"middle\">\(escape(wording.number(value)))</text>"
            )
        }
        for (index, bar) in chart.bars.enumerated() {
            let y = top + index * rowHeight
            let length = scale > 0 ? max(bar.value > 0 ? 2 : 0, Int((bar.value / scale * Double(barArea)).rounded())) : 0
            parts.append("<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(bar.label))</text>")
            parts.append(
                "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"\(rowHeight - 8)\" fill=\"#2f4f7f\"></rect>"
            )
            parts.append(
                "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 15)\">\(escape(bar.text ?? wording.number(bar.value)))</text>")
        }
        parts.append("</svg></figure>")
        return parts.joined(separator: "\n")
    }

    static func longestWord(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).map(\.count).max() ?? 0
    }

    /// The smallest round number (1, 2 or 5 times a power of ten, or 2.5) at or above `maximum`:
    /// the axis's end, so its ticks fall on numbers people read at a glance.
    static func axisMaximum(_ maximum: Double) -> Double {
        guard maximum > 0 else { return 0 }
        let power = pow(10, (log10(maximum)).rounded(.down))
        for multiple in [1, 2, 2.5, 5, 10] where multiple * power >= maximum { return multiple * power }
        return 10 * power
    }

    /// The documents of an operation in date order, as marks on a line.
    private func timeline(_ entries: [Report.TimelineEntry], title: String) -> String {
        let rowHeight = 22
        let height = rowHeight * entries.count + 20
        var parts = [
            "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"720\" height=\"\(height)\" viewBox=\"0 0 720 \(height)\">",
            "<title>\(escape(title))</title>",
            "<line x1=\"110\" y1=\"6\" x2=\"110\" y2=\"\(height - 6)\" stroke=\"#8a93a3\" stroke-width=\"2\"></line>",
        ]
        for (index, entry) in entries.enumerated() {
            let y = 16 + index * rowHeight
            parts.append("<text x=\"100\" y=\"\(y + 4)\" text-anchor=\"end\">\(escape(entry.date))</text>")
            parts.append("<circle cx=\"110\" cy=\"\(y)\" r=\"5\" fill=\"#3f6fb5\"></circle>")
            parts.append("<text x=\"124\" y=\"\(y + 4)\">\(escape(TextReportRenderer.truncate(entry.label, to: 90)))</text>")
        }
        parts.append("</svg><figcaption>\(escape(title))</figcaption></figure>")
        return parts.joined(separator: "\n")
    }

    func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
