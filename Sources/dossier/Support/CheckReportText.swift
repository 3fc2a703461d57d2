import DossierKit

/// How `dossier check` describes its run for people: what was checked, then the findings.
enum CheckReportText {
    /// Findings listed in text before the rest are only counted: --json has them all.
    static let shownFindings = 20

    static func render(_ report: CheckReport, quiet: Bool) -> String {
        var lines: [String] = []
        if !quiet {
            lines.append(
                report.phases.isEmpty
                    ? "Could not read \(report.archive) far enough to run any check."
                    : "Checked \(report.archive): \(checked(report)).")
        }
        if !quiet, let head = report.auditChainHead {
            // Kept in a log outside the archive, it proves later that the audit log was not rewritten.
            lines.append("Audit chain head: \(head) (\(report.eventsChecked) events).")
        }
        for repair in report.repairs {
            lines.append(
                "Repaired: \(repair.description) (\(repair.resolved.count) findings resolved; recorded as a 'repair' event).")
        }
        if report.findings.isEmpty {
            if !quiet { lines.append("Clean: no findings.") }
            return lines.joined(separator: "\n")
        }
        lines.append(
            "\(report.problemCount) problem\(report.problemCount == 1 ? "" : "s"), \(report.noticeCount) notice\(report.noticeCount == 1 ? "" : "s"):"
        )
        for finding in report.findings.prefix(shownFindings) {
            lines.append("  \(finding.severity == .notice ? "notice: " : "")\(finding.summary)")
        }
        if report.findings.count > shownFindings {
            lines.append("  … and \(report.findings.count - shownFindings) more (use --json to list every finding)")
        }
        return lines.joined(separator: "\n")
    }

    private static func checked(_ report: CheckReport) -> String {
        report.phases.map { phase -> String in
            switch phase {
            case .sqlite: report.quick ? "quick_check, foreign keys" : "integrity_check, foreign keys"
            case .schema: "schema"
            case .fixity:
                "fixity (\(report.fixityChecked) of \(report.documents) documents"
                    + (report.againstSources ? ", \(report.sourcesChecked) original files)" : ")")
            case .records: "records (\(report.recordsChecked) digests, audit chain of \(report.eventsChecked) events)"
            case .spans: "spans (\(report.spansChecked))"
            case .fullText: "full-text index"
            case .consistency: "consistency"
            }
        }.joined(separator: ", ")
    }
}
