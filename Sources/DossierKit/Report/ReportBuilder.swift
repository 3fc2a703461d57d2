/// Builds the reports of `dossier report` from the archive. Every figure and quote carries its
/// source (title, publisher, date) and its span, so it can be traced to the exact text.
public struct ReportBuilder {
    let archive: Archive
    let repository: ReportRepository

    public init(archive: Archive) {
        self.archive = archive
        self.repository = ReportRepository(connection: archive.connection)
    }

    public func overview() throws -> Report {
        // Named by its file: a report is read elsewhere, where the machine's path means nothing.
        let fileName = archive.path.split(separator: "/").last.map(String.init) ?? archive.path
        var report = Report(title: "Dossier archive", subtitle: fileName)
        let counts = try archive.stats.counts()
        report.sections.append(
            Report.Section(
                heading: "Contents",
                table: Report.Table(
                    columns: ["Entity", "Rows"], rows: counts.map { [$0.table, String($0.rows)] }, numericColumns: [1])))
        let check = try repository.lastCheck()
        report.sections.append(
            Report.Section(
                heading: "Integrity",
                lines: [
                    check.map { "Last verified \($0.occurredAt) by \($0.operatorName): \($0.outcome ?? "outcome not recorded")." }
                        ?? "Never verified: run `dossier check`."
                ]))
        let batches = try repository.latestBatches(limit: 5)
        report.sections.append(
            Report.Section(
                heading: "Latest imports",
                lines: batches.isEmpty ? ["Nothing imported yet: run `dossier import PATH`."] : [],
                table: batches.isEmpty
                    ? nil
                    : Report.Table(
                        columns: ["Batch", "Started", "By", "Status", "Seen", "Imported", "Duplicates", "Failed"],
                        rows: batches.map {
                            [
                                "#\($0.id)", $0.startedAt, $0.operatorName, $0.status, "\($0.seen)", "\($0.imported)",
                                "\($0.duplicates)", "\($0.failed)",
                            ]
                        }, numericColumns: [4, 5, 6, 7])))
        var operationRows: [[String]] = []
        for operation in try archive.operations.list() {
            let headline = try headlineFigures(try repository.figures(operationID: operation.id ?? 0))
            operationRows.append([
                operation.name, operation.actionDay ?? "",
                String(try archive.operations.documentIDs(operationID: operation.id ?? 0).count),
                headline.map { "\(FigureText.value($0)) \($0.category ?? "")" }.joined(separator: "; "),
            ])
        }
        report.sections.append(
            Report.Section(
                heading: "Operations",
                lines: operationRows.isEmpty ? ["No operation recorded yet."] : [],
                table: operationRows.isEmpty
                    ? nil
                    : Report.Table(
                        columns: ["Operation", "Action day", "Documents", "Headline figures"], rows: operationRows,
                        numericColumns: [2])))
        return report
    }

    /// The first figure of each category, in source order: what the operation's reports lead with.
    private func headlineFigures(_ figures: [ReportRepository.FigureRow]) throws -> [ReportRepository.FigureRow] {
        var seen = Set<String>()
        return figures.filter { figure in
            guard let category = figure.category, figure.unit == "count" || figure.unit.hasPrefix("currency") else {
                return false
            }
            return seen.insert(category).inserted
        }
    }

    public func operation(slug: String) throws -> Report {
        guard let operation = try archive.operations.find(slug: slug), let id = operation.id else {
            throw UsageError("no operation with slug '\(slug)'; see `dossier operation list`")
        }
        var report = Report(title: operation.name, subtitle: "Operation report")
        report.sections.append(
            Report.Section(
                heading: "Summary",
                lines: [
                    "Lead agency: \(operation.leadAgencySlug ?? "not recorded")",
                    "Action day: \(operation.actionDay ?? "not recorded")",
                    "Status: \(operation.status.rawValue)",
                ]))
        let documents = try repository.documents(operationID: id)
        report.sections.append(
            Report.Section(
                heading: "Sources",
                table: sourceTable(documents),
                timeline: documents.map { Report.TimelineEntry(date: $0.publishedOn ?? "undated", label: $0.label) }))
        let figures = try repository.figures(operationID: id)
        report.sections.append(figureSection(figures, heading: "Figures", chartTitle: "Figures by category"))
        report.sections.append(quoteSection(try repository.quotes(operationID: id)))
        let organisations = try repository.entities(.organisation, inOperation: id)
        let people = try repository.entities(.person, inOperation: id)
        report.sections.append(
            Report.Section(
                heading: "Organisations and people named",
                table: Report.Table(
                    columns: ["Kind", "Name", "Slug", "Mentions"],
                    rows: organisations.map { ["organisation", $0.name, $0.slug, "\($0.count)"] }
                        + people.map { ["person", $0.name, $0.slug, "\($0.count)"] }, numericColumns: [3])))
        return report
    }

    public func organisation(slug: String) throws -> Report {
        guard let organisation = try archive.organisations.find(slug: slug), let id = organisation.id else {
            throw UsageError("no organisation with slug '\(slug)'; see `dossier org list`")
        }
        var report = Report(title: organisation.name, subtitle: "Organisation report")
        report.sections.append(
            Report.Section(
                heading: "Names",
                lines: [organisation.acronym.map { "Acronym: \($0)" } ?? "Acronym: none recorded"]
                    + organisation.aliases.map { "Also: \($0.alias)\($0.language.map { " (\($0))" } ?? "")" }))
        let people = try repository.people(atOrganisation: id)
        report.sections.append(
            Report.Section(
                heading: "People",
                table: Report.Table(
                    columns: ["Person", "Slug", "Quotes"], rows: people.map { [$0.name, $0.slug, "\($0.count)"] },
                    numericColumns: [2])))
        let operations = try repository.operations(ledBy: id)
        report.sections.append(
            Report.Section(
                heading: "Operations led",
                table: Report.Table(
                    columns: ["Operation", "Slug", "Documents"], rows: operations.map { [$0.name, $0.slug, "\($0.count)"] },
                    numericColumns: [2])))
        report.sections.append(
            Report.Section(
                heading: "Documents naming it", table: sourceTable(try repository.documents(mentioning: .organisation, id: id))))
        report.sections.append(quoteSection(try repository.quotes(organisationID: id)))
        return report
    }

    public func person(slug: String) throws -> Report {
        guard let person = try archive.people.find(slug: slug), let id = person.id else {
            throw UsageError("no person with slug '\(slug)'; see `dossier person list`")
        }
        var report = Report(title: person.name, subtitle: "Person report")
        report.sections.append(
            Report.Section(
                heading: "Roles",
                table: Report.Table(
                    columns: ["Role", "Organisation", "As stated in"],
                    rows: person.roles.map {
                        [$0.role ?? "", $0.organisationSlug ?? "", $0.documentID.map { "document #\($0)" } ?? "gazetteer"]
                    })))
        report.sections.append(quoteSection(try repository.quotes(personID: id)))
        report.sections.append(
            Report.Section(
                heading: "Documents naming them", table: sourceTable(try repository.documents(mentioning: .person, id: id))))
        return report
    }

    public func sources() throws -> Report {
        var rows: [[String]] = []
        try repository.forEachSource { row in
            rows.append([
                "#\(row.source.documentID)", row.source.label, row.source.publisher ?? "", row.source.publishedOn ?? "",
                row.language ?? "", row.kind, row.url ?? "", String(row.sha256.prefix(12)), row.batchID.map { "#\($0)" } ?? "",
                "\(row.figures)", "\(row.quotes)", "\(row.mentions)",
            ])
        }
        return Report(
            title: "Sources", subtitle: "Every document with its provenance and the facts it gave",
            sections: [
                Report.Section(
                    heading: "Documents",
                    table: Report.Table(
                        columns: [
                            "Doc", "Title", "Publisher", "Published", "Lang", "Kind", "URL", "SHA-256", "Batch", "Figures",
                            "Quotes", "Mentions",
                        ],
                        rows: rows, numericColumns: [9, 10, 11]))
            ])
    }

    public func conflicts() throws -> Report {
        let figures = try repository.conflictingFigures()
        var report = Report(
            title: "Conflicting figures",
            subtitle: "The same operation and category reported with different values, side by side for review")
        if figures.isEmpty {
            report.sections.append(
                Report.Section(heading: "No conflicts", lines: ["Every operation's figures agree within each category."]))
            return report
        }
        var groups: [(key: String, rows: [ReportRepository.FigureRow])] = []
        for figure in figures {
            let key = "\(figure.operation ?? "") · \(figure.category ?? "")"
            if groups.last?.key == key {
                groups[groups.count - 1].rows.append(figure)
            } else {
                groups.append((key, [figure]))
            }
        }
        for group in groups {
            report.sections.append(
                Report.Section(heading: group.key, table: figureTable(group.rows)))
        }
        return report
    }

    // MARK: Shared sections

    private func sourceTable(_ documents: [ReportRepository.SourceRef]) -> Report.Table {
        Report.Table(
            columns: ["Doc", "Title", "Publisher", "Published"],
            rows: documents.map { ["#\($0.documentID)", $0.label, $0.publisher ?? "", $0.publishedOn ?? ""] })
    }

    private func figureTable(_ figures: [ReportRepository.FigureRow]) -> Report.Table {
        Report.Table(
            columns: ["Value", "Category", "As written", "Source", "Publisher", "Published", "Span", "Status"],
            rows: figures.map {
                [
                    FigureText.value($0), $0.category ?? "", $0.exactText, $0.source.label, $0.source.publisher ?? "",
                    $0.source.publishedOn ?? "", "#\($0.source.documentID) [\($0.charStart)–\($0.charEnd)]", $0.status,
                ]
            }, numericColumns: [0])
    }

    private func figureSection(_ figures: [ReportRepository.FigureRow], heading: String, chartTitle: String) -> Report.Section {
        var totals: [(String, Double)] = []
        for figure in figures where figure.unit == "count" {
            guard let category = figure.category else { continue }
            if let index = totals.firstIndex(where: { $0.0 == category }) {
                totals[index].1 = max(totals[index].1, figure.value)
            } else {
                totals.append((category, figure.value))
            }
        }
        return Report.Section(
            heading: heading,
            lines: figures.isEmpty ? ["No figures recorded."] : [],
            table: figures.isEmpty ? nil : figureTable(figures),
            chart: totals.isEmpty
                ? nil : Report.BarChart(title: chartTitle, bars: totals.map { Report.BarChart.Bar(label: $0.0, value: $0.1) }))
    }

    private func quoteSection(_ quotes: [ReportRepository.QuoteRow]) -> Report.Section {
        Report.Section(
            heading: "Quotes",
            lines: quotes.isEmpty ? ["No quotes recorded."] : [],
            table: quotes.isEmpty
                ? nil
                : Report.Table(
                    columns: ["Speaker", "Role", "Quote", "Source", "Published", "Span"],
                    rows: quotes.map {
                        [
                            $0.speaker ?? "unattributed", $0.speakerRole ?? "", $0.text, $0.source.label,
                            $0.source.publishedOn ?? "",
                            "#\($0.source.documentID) [\($0.charStart)–\($0.charEnd)]",
                        ]
                    }))
    }
}

/// How a figure's value reads in a report: qualifier, number, unit.
enum FigureText {
    static func value(_ figure: ReportRepository.FigureRow) -> String {
        var text = NumberText.format(figure.value)
        if let maximum = figure.valueMax { text += "–" + NumberText.format(maximum) }
        switch figure.unit {
        case "count": break
        case "percent": text += " %"
        default: text += " " + figure.unit
        }
        if figure.approximate { text = "≈ " + text }
        switch figure.bound {
        case "at_least": text = "≥ " + text
        case "at_most": text = "≤ " + text
        default: break
        }
        return text
    }
}
