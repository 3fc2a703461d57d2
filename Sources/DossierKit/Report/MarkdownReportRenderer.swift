/// Renders a report as GitHub-flavoured Markdown: headings, pipe tables, and the chart as a table.
public struct MarkdownReportRenderer {
    public init() {}

    public func render(_ report: Report) -> String {
        var lines = ["# \(escape(report.title))"]
        if let subtitle = report.subtitle { lines += ["", "_\(escape(subtitle))_"] }
        for section in report.sections {
            lines += ["", "## \(escape(section.heading))"]
            if !section.lines.isEmpty { lines += [""] + section.lines.map { "- \(escape($0))" } }
            if let table = section.table { lines += [""] + render(table, none: ReportWording(report.language)(.none)) }
            for chart in section.charts {
                let wording = FactWording(report.language)
                lines +=
                    ["", "**\(escape(chart.title))**", ""]
                    + render(
                        Report.Table(
                            columns: [ReportWording(report.language)(.category), ReportWording(report.language)(.value)],
                            rows: chart.bars.map { [$0.label, $0.text ?? wording.number($0.value)] }, numericColumns: [1]))
            }
            if let timeline = section.timeline, !timeline.isEmpty {
                lines +=
                    ["", "**\(ReportWording(report.language)(.timeline))**", ""]
                    + timeline.map { "- \(escape($0.date)): \(escape($0.label))" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func render(_ table: Report.Table, none: String = "") -> [String] {
        guard !table.rows.isEmpty else { return ["_\(none)_"] }
        let shown = table.shownColumns
        let header = "| " + shown.map { cell(table.columns[$0]) }.joined(separator: " | ") + " |"
        let rule =
            "|" + shown.map { table.numericColumns.contains($0) ? " ---: " : " --- " }.joined(separator: "|") + "|"
        var lines = [header, rule]
        for group in table.groups {
            // A pipe table has no spanning rows: a group's heading is a row of its own, in bold.
            if let heading = group.heading {
                lines.append("| **" + cell(heading) + "** |" + String(repeating: " |", count: shown.count - 1))
            }
            lines += group.rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
        }
        return lines
    }

    private func cell(_ text: String) -> String {
        escape(TextReportRenderer.singleLine(text)).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Escapes the characters Markdown would otherwise read as formatting.
    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
