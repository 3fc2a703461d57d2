/// Renders a report as one self-contained, printable HTML file: inline CSS, inline SVG charts,
/// no scripts and no external assets.
public struct HTMLReportRenderer {
    public init() {}

    public func render(_ report: Report) -> String {
        var body: [String] = ["<h1>\(escape(report.title))</h1>"]
        if let subtitle = report.subtitle { body.append("<p class=\"subtitle\">\(escape(subtitle))</p>") }
        for section in report.sections {
            body.append("<section>")
            body.append("<h2>\(escape(section.heading))</h2>")
            if !section.lines.isEmpty {
                body.append("<ul>" + section.lines.map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
            }
            if let chart = section.chart { body.append(barChart(chart)) }
            if let timeline = section.timeline, !timeline.isEmpty { body.append(self.timeline(timeline)) }
            if let table = section.table { body.append(render(table)) }
            body.append("</section>")
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(report.title))</title>
            <style>
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
            h1 { font-size: 1.6rem; margin-bottom: .2rem; }
            h2 { font-size: 1.15rem; border-bottom: 1px solid #d5d9e0; padding-bottom: .2rem; margin-top: 2rem; }
            .subtitle { color: #5a6272; margin-top: 0; }
            table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: 13px; }
            th, td { border: 1px solid #d5d9e0; padding: .3rem .45rem; text-align: left; vertical-align: top; }
            th { background: #eef1f5; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            svg text { font: 12px system-ui, sans-serif; fill: #1d2330; }
            @media print { body { margin: 0; max-width: none; } section { break-inside: avoid-page; } th { background: #eee; } }
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    private func render(_ table: Report.Table) -> String {
        guard !table.rows.isEmpty else { return "<p><em>None.</em></p>" }
        let header = "<tr>" + table.columns.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr>"
        let rows = table.rows.map { row in
            "<tr>"
                + row.indices.map { index in
                    table.numericColumns.contains(index)
                        ? "<td class=\"number\">\(escape(row[index]))</td>" : "<td>\(escape(row[index]))</td>"
                }.joined() + "</tr>"
        }
        return "<table>\n<thead>\(header)</thead>\n<tbody>\n" + rows.joined(separator: "\n") + "\n</tbody>\n</table>"
    }

    /// A horizontal bar chart: one bar per category, scaled to the largest value.
    private func barChart(_ chart: Report.BarChart) -> String {
        let rowHeight = 24
        let labelWidth = 200
        let barArea = 440
        let height = rowHeight * chart.bars.count + 30
        let maximum = chart.bars.map(\.value).max() ?? 0
        var parts = [
            "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(labelWidth + barArea + 90)\" height=\"\(height)\" viewBox=\"0 0 \(labelWidth + barArea + 90) \(height)\">",
            "<title>\(escape(chart.title))</title>",
        ]
        for (index, bar) in chart.bars.enumerated() {
            let y = 10 + index * rowHeight
            let length = maximum > 0 ? max(1, Int((bar.value / maximum * Double(barArea)).rounded())) : 0
            parts.append("<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(bar.label))</text>")
            parts.append(
                "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 8)\" fill=\"#3f6fb5\"></rect>"
            )
            parts.append("<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 15)\">\(escape(NumberText.format(bar.value)))</text>")
        }
        parts.append("</svg><figcaption>\(escape(chart.title))</figcaption></figure>")
        return parts.joined(separator: "\n")
    }

    /// The documents of an operation in date order, as marks on a line.
    private func timeline(_ entries: [Report.TimelineEntry]) -> String {
        let rowHeight = 22
        let height = rowHeight * entries.count + 20
        var parts = [
            "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"720\" height=\"\(height)\" viewBox=\"0 0 720 \(height)\">",
            "<title>Timeline of documents</title>",
            "<line x1=\"110\" y1=\"6\" x2=\"110\" y2=\"\(height - 6)\" stroke=\"#8a93a3\" stroke-width=\"2\"></line>",
        ]
        for (index, entry) in entries.enumerated() {
            let y = 16 + index * rowHeight
            parts.append("<text x=\"100\" y=\"\(y + 4)\" text-anchor=\"end\">\(escape(entry.date))</text>")
            parts.append("<circle cx=\"110\" cy=\"\(y)\" r=\"5\" fill=\"#3f6fb5\"></circle>")
            parts.append("<text x=\"124\" y=\"\(y + 4)\">\(escape(TextReportRenderer.truncate(entry.label, to: 90)))</text>")
        }
        parts.append("</svg><figcaption>Timeline of documents</figcaption></figure>")
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
