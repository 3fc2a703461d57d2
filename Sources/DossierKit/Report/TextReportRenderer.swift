/// Renders a report as plain text with aligned tables that fit a terminal of the given width.
public struct TextReportRenderer {
    public let width: Int

    public init(width: Int = 100) {
        self.width = max(40, width)
    }

    public func render(_ report: Report) -> String {
        var lines = [report.title, String(repeating: "=", count: min(width, report.title.count))]
        if let subtitle = report.subtitle { lines.append(subtitle) }
        for section in report.sections {
            lines += ["", section.heading, String(repeating: "-", count: min(width, section.heading.count))]
            lines += section.lines
            if let table = section.table { lines += render(table) }
            for chart in section.charts { lines += [""] + render(chart, wording: FactWording(report.language)) }
        }
        return lines.joined(separator: "\n")
    }

    func render(_ table: Report.Table) -> [String] {
        guard !table.rows.isEmpty else { return ["(none)"] }
        let shown = table.shownColumns
        let groups = table.groups.map { group in (heading: group.heading, rows: group.rows.map { $0.map(Self.singleLine) }) }
        let cells = groups.flatMap(\.rows)
        var widths = shown.indices.map { column in
            ([table.columns[shown[column]]] + cells.map { column < $0.count ? $0[column] : "" }).map(\.count).max() ?? 0
        }
        let separator = 2
        while widths.reduce(0, +) + separator * (widths.count - 1) > width {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 6 else { break }
            widths[widest] -= 1
        }
        func line(_ row: [String]) -> String {
            row.indices.map { index -> String in
                let numeric = table.numericColumns.contains(shown[index])
                let cell = Self.truncate(row[index], to: widths[index])
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
                if index == row.count - 1 && !numeric { return cell }
                return numeric ? padding + cell : cell + padding
            }.joined(separator: String(repeating: " ", count: separator))
        }
        var lines = [
            line(shown.map { table.columns[$0] }), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "),
        ]
        for group in groups {
            if let heading = group.heading { lines.append(Self.truncate("▸ " + Self.singleLine(heading), to: width)) }
            lines += group.rows.map(line)
        }
        return lines
    }

    func render(_ chart: Report.BarChart, wording: FactWording) -> [String] {
        let maximum = chart.bars.map(\.value).max() ?? 0
        let labelWidth = min(30, chart.bars.map(\.label.count).max() ?? 0)
        let barWidth = max(10, width - labelWidth - 24)
        return [chart.title]
            + chart.bars.map { bar in
                let length = maximum > 0 ? Int((bar.value / maximum * Double(barWidth)).rounded()) : 0
                let label = Self.truncate(bar.label, to: labelWidth)
                return label + String(repeating: " ", count: labelWidth - label.count) + "  "
                    + String(repeating: "█", count: max(bar.value > 0 ? 1 : 0, length)) + " "
                    + (bar.text ?? wording.number(bar.value))
            }
    }

    static func singleLine(_ text: String) -> String {
        var result = ""
        var lastWasSpace = false
        for character in text {
            if character.isNewline || character == "\t" {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(character)
                lastWasSpace = character == " "
            }
        }
        return result
    }

    static func truncate(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }
}
