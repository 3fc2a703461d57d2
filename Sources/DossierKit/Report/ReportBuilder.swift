/// Builds the reports of `dossier report` from the archive. Every figure and quote carries its
/// source (title, publisher, date) and its span, so it can be traced to the exact text.
public struct ReportBuilder {
    let archive: Archive
    let repository: ReportRepository
    /// Values, categories and statuses in the reader's language.
    let wording: FactWording
    /// Headings, columns and lines in the same language.
    let text: ReportWording

    public init(archive: Archive, language: FactWording.Language = .en) {
        self.archive = archive
        self.repository = ReportRepository(connection: archive.connection)
        self.wording = FactWording(language)
        self.text = ReportWording(language)
    }

    /// A report in the builder's language.
    func report(_ title: String, subtitle: String?) -> Report {
        Report(title: title, subtitle: subtitle, language: wording.language)
    }

    /// Operations in one page of the overview: enough to see, few enough to build quickly in an
    /// archive that holds thousands.
    public static let operationsPerPage = 25

    /// `operationsPage` (from 1) shows that page of the operations, with a line saying which; nil
    /// shows them all, as `dossier report` does.
    public func overview(operationsPage: Int? = nil) throws -> Report {
        // Named by its file: a report is read elsewhere, where the machine's path means nothing.
        let fileName = archive.path.split(separator: "/").last.map(String.init) ?? archive.path
        var report = report(text(.archiveTitle), subtitle: fileName)
        let counts = try archive.stats.counts()
        report.sections.append(
            Report.Section(
                heading: text(.contents),
                table: Report.Table(
                    columns: [text(.table), text(.rows)],
                    rows: counts.map { [text.tableName($0.table), wording.number(Double($0.rows))] },
                    numericColumns: [1])))
        let check = try repository.lastCheck()
        report.sections.append(
            Report.Section(
                heading: text(.integrity),
                lines: [
                    check.map {
                        text(
                            .lastVerified, $0.occurredAt, $0.operatorName,
                            $0.outcome.map(text.status) ?? text(.outcomeNotRecorded))
                    }
                        ?? text(.neverVerified)
                ]))
        let batches = try repository.latestBatches(limit: 5)
        report.sections.append(
            Report.Section(
                heading: text(.latestImports),
                lines: batches.isEmpty ? [text(.nothingImported)] : [],
                table: batches.isEmpty
                    ? nil
                    : Report.Table(
                        columns: [
                            text(.batch), text(.started), text(.by), text(.status), text(.seen), text(.imported),
                            text(.duplicates), text(.failed),
                        ],
                        rows: batches.map {
                            [
                                "#\($0.id)", $0.startedAt, $0.operatorName, text.status($0.status), "\($0.seen)",
                                "\($0.imported)",
                                "\($0.duplicates)", "\($0.failed)",
                            ]
                        }, numericColumns: [4, 5, 6, 7], unbrokenColumns: [1])))
        var operationRows: [[String]] = []
        var operationLines: [String] = []
        let operations: [Operation]
        if let page = operationsPage {
            let offset = (max(page, 1) - 1) * Self.operationsPerPage
            operations = try archive.operations.list(limit: Self.operationsPerPage, offset: offset)
            let total = try archive.operations.count()
            if total > Self.operationsPerPage, !operations.isEmpty {
                operationLines.append(
                    text(
                        .operationsRange, wording.number(Double(offset + 1)), wording.number(Double(offset + operations.count)),
                        wording.number(Double(total))))
            }
        } else {
            operations = try archive.operations.list()
        }
        for operation in operations {
            let headline = try repository.headlineFigures(operationID: operation.id ?? 0)
            operationRows.append([
                operation.name, operation.actionDay ?? "",
                String(try archive.operations.documentCount(operationID: operation.id ?? 0)),
                headline.map { "\(value($0)) \(wording.category($0.category))" }.joined(separator: "; "),
            ])
        }
        report.sections.append(
            Report.Section(
                heading: text(.operations),
                lines: operationRows.isEmpty ? [text(.noOperation)] : operationLines,
                table: operationRows.isEmpty
                    ? nil
                    : Report.Table(
                        columns: [text(.operation), text(.actionDay), text(.documents), text(.headlineFigures)],
                        rows: operationRows,
                        numericColumns: [2], unbrokenColumns: [1])))
        return report
    }

    public func operation(slug: String) throws -> Report {
        guard let operation = try archive.operations.find(slug: slug), let id = operation.id else {
            throw UsageError("no operation with slug '\(slug)'; see `dossier operation list`")
        }
        var report = report(operation.name, subtitle: text(.operationReport))
        report.sections.append(
            Report.Section(
                heading: text(.summary),
                lines: [
                    text(.leadAgencyLine, operation.leadAgencySlug ?? text(.notRecorded)),
                    text(.actionDayLine, operation.actionDay ?? text(.notRecorded)),
                    text(.statusLine, text.status(operation.status.rawValue)),
                ]))
        let documents = try repository.documents(operationID: id)
        report.sections.append(
            Report.Section(
                heading: text(.sources),
                table: sourceTable(documents),
                timeline: documents.map { Report.TimelineEntry(date: $0.publishedOn ?? text(.undated), label: $0.label) }))
        let figures = try repository.figures(operationID: id)
        report.sections.append(figureSection(figures, heading: text(.figures)))
        report.sections.append(quoteSection(try repository.quotes(operationID: id)))
        let organisations = try repository.entities(.organisation, inOperation: id)
        let people = try repository.entities(.person, inOperation: id)
        report.sections.append(
            Report.Section(
                heading: text(.namedHeading),
                table: Report.Table(
                    columns: [text(.kind), text(.name), text(.slug), text(.mentions)],
                    rows: organisations.map { [text(.organisationKind), $0.name, $0.slug, "\($0.count)"] }
                        + people.map { [text(.personKind), $0.name, $0.slug, "\($0.count)"] }, numericColumns: [3])))
        return report
    }

    public func organisation(slug: String) throws -> Report {
        guard let organisation = try archive.organisations.find(slug: slug), let id = organisation.id else {
            throw UsageError("no organisation with slug '\(slug)'; see `dossier org list`")
        }
        var report = report(organisation.name, subtitle: text(.organisationReport))
        report.sections.append(
            Report.Section(
                heading: text(.names),
                lines: [organisation.acronym.map { text(.acronymLine, $0) } ?? text(.noAcronym)]
                    + organisation.aliases.map { text(.alsoLine, "\($0.alias)\($0.language.map { " (\($0))" } ?? "")") }))
        let people = try repository.people(atOrganisation: id)
        report.sections.append(
            Report.Section(
                heading: text(.people),
                table: Report.Table(
                    columns: [text(.person), text(.slug), text(.quotes)], rows: people.map { [$0.name, $0.slug, "\($0.count)"] },
                    numericColumns: [2])))
        let operations = try repository.operations(ledBy: id)
        report.sections.append(
            Report.Section(
                heading: text(.operationsLed),
                table: Report.Table(
                    columns: [text(.operation), text(.slug), text(.documents)],
                    rows: operations.map { [$0.name, $0.slug, "\($0.count)"] },
                    numericColumns: [2])))
        report.sections.append(
            Report.Section(
                heading: text(.documentsNamingIt), table: sourceTable(try repository.documents(mentioning: .organisation, id: id))
            ))
        report.sections.append(quoteSection(try repository.quotes(organisationID: id)))
        return report
    }

    public func person(slug: String) throws -> Report {
        guard let person = try archive.people.find(slug: slug), let id = person.id else {
            throw UsageError("no person with slug '\(slug)'; see `dossier person list`")
        }
        var report = report(person.name, subtitle: text(.personReport))
        report.sections.append(
            Report.Section(
                heading: text(.roles),
                table: Report.Table(
                    columns: [text(.role), text(.organisation), text(.statedIn)],
                    rows: person.roles.map {
                        [
                            $0.role ?? "", $0.organisationSlug ?? "",
                            $0.documentID.map { text(.documentNumber, "\($0)") } ?? text(.gazetteer),
                        ]
                    })))
        report.sections.append(quoteSection(try repository.quotes(personID: id)))
        report.sections.append(
            Report.Section(
                heading: text(.documentsNamingThem), table: sourceTable(try repository.documents(mentioning: .person, id: id))))
        return report
    }

    public func sources() throws -> Report {
        var rows: [[String]] = []
        try repository.forEachSource { row in
            rows.append([
                "#\(row.source.documentID)", row.source.label, row.source.publisher ?? "", row.source.publishedOn ?? "",
                row.language ?? "", Document.Kind(rawValue: row.kind).map(text.kind) ?? row.kind, row.url ?? "",
                String(row.sha256.prefix(12)), row.batchID.map { "#\($0)" } ?? "",
                "\(row.figures)", "\(row.quotes)", "\(row.mentions)",
            ])
        }
        return Report(
            title: text(.sources), subtitle: text(.sourcesSubtitle), language: wording.language,
            sections: [
                Report.Section(
                    heading: text(.documents),
                    table: Report.Table(
                        columns: [
                            text(.documentColumn), text(.title), text(.publisher), text(.published), text(.language),
                            text(.kind), text(.url), "SHA-256", text(.batch), text(.figures), text(.quotes), text(.mentions),
                        ],
                        rows: rows, numericColumns: [9, 10, 11], unbrokenColumns: [0, 3, 7, 8]))
            ])
    }

    public func conflicts() throws -> Report {
        let figures = try repository.conflictingFigures()
        var report = report(text(.conflictsTitle), subtitle: text(.conflictsSubtitle))
        if figures.isEmpty {
            report.sections.append(
                Report.Section(heading: text(.noConflicts), lines: [text(.figuresAgree)]))
            return report
        }
        var groups: [(key: String, rows: [ReportRepository.FigureRow])] = []
        for figure in figures {
            let key = "\(figure.operation ?? "") · \(wording.category(figure.category))"
            if groups.last?.key == key {
                groups[groups.count - 1].rows.append(figure)
            } else {
                groups.append((key, [figure]))
            }
        }
        for group in groups {
            report.sections.append(
                Report.Section(heading: group.key, table: figureTable(group.rows, bySource: false)))
        }
        return report
    }

    // MARK: Shared sections

    /// The statuses of facts a headline or a chart may show: confirmed, or extracted and not yet
    /// decided on; never superseded ones.
    static let standing: Set<String> = ["confirmed", "extracted"]

    private func sourceTable(_ documents: [ReportRepository.SourceRef]) -> Report.Table {
        Report.Table(
            columns: [text(.documentColumn), text(.title), text(.publisher), text(.published)],
            rows: documents.map { ["#\($0.documentID)", $0.label, $0.publisher ?? "", $0.publishedOn ?? ""] },
            unbrokenColumns: [0, 3])
    }

    /// How a fact's source heads its group: number, title, publisher, date.
    private func sourceHeading(_ source: ReportRepository.SourceRef) -> String {
        (["#\(source.documentID) \(source.label)"] + [source.publisher, source.publishedOn].compactMap { $0 })
            .joined(separator: " · ")
    }

    private func value(_ figure: ReportRepository.FigureRow) -> String {
        wording.value(
            figure.value, valueMax: figure.valueMax, unit: figure.unit, approximate: figure.approximate, bound: figure.bound)
    }

    /// Figures under their source (`bySource`), or each with its source beside it, for conflicts,
    /// where every row comes from another document.
    private func figureTable(_ figures: [ReportRepository.FigureRow], bySource: Bool = true) -> Report.Table {
        if bySource {
            return Report.Table(
                columns: [text(.source), text(.value), text(.category), text(.asWritten), text(.span), text(.status)],
                rows: figures.map {
                    [
                        sourceHeading($0.source), value($0), wording.category($0.category), $0.exactText,
                        "[\($0.charStart)–\($0.charEnd)]", wording.status($0.status),
                    ]
                }, numericColumns: [1], unbrokenColumns: [4], groupColumn: 0)
        }
        return Report.Table(
            columns: [
                text(.value), text(.category), text(.asWritten), text(.source), text(.published), text(.span), text(.status),
            ],
            rows: figures.map {
                [
                    value($0), wording.category($0.category), $0.exactText,
                    [$0.source.label, $0.source.publisher].compactMap { $0 }.joined(separator: " · "),
                    $0.source.publishedOn ?? "",
                    "#\($0.source.documentID) [\($0.charStart)–\($0.charEnd)]", wording.status($0.status),
                ]
            }, numericColumns: [0], unbrokenColumns: [4, 5])
    }

    /// The figures, and a chart per family of categories (people, seizures, money…), each counting
    /// the largest figure given for each category.
    private func figureSection(_ figures: [ReportRepository.FigureRow], heading: String) -> Report.Section {
        var charts: [(key: String, chart: Report.BarChart)] = []
        func add(_ key: String, title: String, unit: String?, bar: Report.BarChart.Bar) {
            if !charts.contains(where: { $0.key == key }) {
                charts.append((key, Report.BarChart(title: title, unit: unit, bars: [])))
            }
            let index = charts.firstIndex { $0.key == key } ?? 0
            if let existing = charts[index].chart.bars.firstIndex(where: { $0.label == bar.label }) {
                if bar.value > charts[index].chart.bars[existing].value { charts[index].chart.bars[existing] = bar }
            } else {
                charts[index].chart.bars.append(bar)
            }
        }
        for figure in figures where figure.valueMax == nil && Self.standing.contains(figure.status) {
            guard let category = figure.category else { continue }
            let bar = Report.BarChart.Bar(label: wording.category(category), value: figure.value, text: value(figure))
            if figure.unit == "count", let family = FactWording.family(of: category), family != .share {
                add(family.rawValue, title: wording.title(of: family), unit: nil, bar: bar)
            } else if figure.unit.hasPrefix("currency:") {
                let code = String(figure.unit.dropFirst("currency:".count))
                add(figure.unit, title: text(.amounts, code), unit: code, bar: bar)
            }
        }
        return Report.Section(
            heading: heading,
            lines: figures.isEmpty ? [text(.noFigures)] : [],
            table: figures.isEmpty ? nil : figureTable(figures),
            charts: charts.map(\.chart))
    }

    private func quoteSection(_ quotes: [ReportRepository.QuoteRow]) -> Report.Section {
        Report.Section(
            heading: text(.quotes),
            lines: quotes.isEmpty ? [text(.noQuotes)] : [],
            table: quotes.isEmpty
                ? nil
                : Report.Table(
                    columns: [text(.source), text(.speaker), text(.role), text(.quote), text(.span), text(.status)],
                    rows: quotes.map {
                        [
                            sourceHeading($0.source), $0.speaker ?? text(.unattributed), $0.speakerRole ?? "", $0.text,
                            "[\($0.charStart)–\($0.charEnd)]", wording.status($0.status),
                        ]
                    }, unbrokenColumns: [4], groupColumn: 0))
    }
}
