import DossierKit
import Foundation

/// The frame every page shares: the header naming the archive, and pages that only say something.
struct PageLayout {
    /// The archive's file name: pages name the archive, never the machine's path to it.
    let archiveName: String
    /// The file name without its extension, to name downloads after (`dossier` for dossier.sqlite).
    var archiveStem: String { (archiveName as NSString).deletingPathExtension }
    /// False with --read-only: no Import page to link to.
    var canImport = false

    /// `words`: the page's language; messages from the server's refusals stay in English, as the
    /// command line's do.
    func page(_ title: String, current: String, content: String, words: PageWording = PageWording(.en)) -> String {
        PageTemplates.render(
            "layout",
            [
                "title": title, "archive": archiveName, "content": content, "is\(current)": true, "canImport": canImport,
                "t": words.table,
            ])
    }

    func message(_ heading: String, _ text: String) -> String {
        page(
            heading, current: "",
            content: PageTemplates.render("message", ["heading": heading, "text": text, "t": PageWording(.en).table]))
    }
}

/// Builds each page of the archive's web face from the archive, through DossierKit's own calls.
struct ArchivePages {
    let archive: Archive
    let frame: PageLayout
    let operatorName: String
    /// Proves a form came from these pages (see `ArchiveServer`).
    let token: String
    /// False when the server was started with --read-only: no decision forms.
    let writable: Bool
    /// How values and categories read, in the reader's language.
    let wording: FactWording

    static let pageSize = 50

    /// DossierKit's reports, in the reader's language.
    var reports: ReportBuilder { ReportBuilder(archive: archive, language: wording.language) }

    var archiveName: String { frame.archiveName }

    /// The pages' own words, in the reader's language.
    var words: PageWording { PageWording(wording.language) }

    func layout(_ title: String, current: String, content: String) -> String {
        frame.page(title, current: current, content: content, words: words)
    }

    /// A template with the page's words (`{{t.key}}`) beside its values.
    func render(_ template: String, _ values: [String: Any]) -> String {
        PageTemplates.render(template, values.merging(["t": words.table]) { value, _ in value })
    }

    /// `page`: which page of the operations table to show (see `ReportBuilder.operationsPerPage`).
    func overview(page: Int = 1) throws -> String {
        var counts: [String: [String: Int]] = [:]
        for row in try archive.stats.reviewProgress() { counts[row.kind, default: [:]][row.status] = row.count }
        let progress: [[String: Any]] = ["figure", "quote", "mention"].map { kind in
            let byStatus = counts[kind] ?? [:]
            return [
                "kind": words["fact\(kind.prefix(1).uppercased())\(kind.dropFirst())s"],
                "found": Self.number(byStatus.values.reduce(0, +)),
                "confirmed": Self.number(byStatus["confirmed"] ?? 0), "rejected": Self.number(byStatus["rejected"] ?? 0),
                "superseded": Self.number(byStatus["superseded"] ?? 0), "left": Self.number(byStatus["extracted"] ?? 0),
            ]
        }
        let sections = Self.sections(try reports.overview(operationsPage: page))
        var values: [String: Any] = ["archive": archiveName, "progress": progress, "sections": sections]
        if page > 1 { values["previous"] = "/?page=\(page - 1)" }
        if try archive.operations.count() > page * ReportBuilder.operationsPerPage { values["next"] = "/?page=\(page + 1)" }
        let content = render("overview", values)
        return layout(words["overview"], current: "Overview", content: content)
    }

    /// A report of DossierKit's (an operation, an organisation, a person, the conflicts) as a page.
    /// `mergeable`, on a person's or organisation's page, offers to merge it into another of its kind.
    func report(_ report: Report, current: String, mergeable: (path: String, slug: String)? = nil) throws -> String {
        var values: [String: Any] = ["title": report.title, "subtitle": report.subtitle ?? "", "sections": Self.sections(report)]
        if writable, let mergeable {
            let others = try mergeable.path == "people" ? archive.people.names() : archive.organisations.names()
            values["merge"] = [
                "path": mergeable.path, "slug": mergeable.slug,
                "choices": others.filter { $0.slug != mergeable.slug }.map { ["slug": $0.slug, "name": $0.name] },
            ]
            values["token"] = token
            values["back"] = "/\(mergeable.path)/\(mergeable.slug)"
        }
        return layout(report.title, current: current, content: render("report", values))
    }

    /// Operations, organisations or people, each linked to its page.
    func entities(_ heading: String, path: String, _ rows: [(slug: String, name: String)]) -> String {
        let entities = rows.map { ["name": $0.name, "slug": $0.slug, "link": "/\(path)/\($0.slug)"] }
        return layout(
            words[heading.lowercased()], current: heading,
            content: render("entities", ["heading": words[heading.lowercased()], "entities": entities]))
    }

    func downloads() -> String {
        let tables = ExportTable.allCases.map { ["name": $0.rawValue] }
        return layout(words["downloads"], current: "Downloads", content: render("downloads", ["tables": tables]))
    }

    /// Report sections as the `sections` template reads them; charts are the HTML report's own SVG.
    static func sections(_ report: Report) -> [[String: Any]] {
        let wording = FactWording(report.language)
        return report.sections.map { section in
            var values: [String: Any] = ["heading": section.heading, "lines": section.lines]
            if let table = section.table {
                let numeric = Set(table.numericColumns)
                // Spans and dates read as one value: they never break across lines.
                let unbroken = Set(table.unbrokenColumns)
                let cellClass: (Int) -> String = { numeric.contains($0) ? "number" : unbroken.contains($0) ? "nowrap" : "" }
                let shown = table.shownColumns
                values["table"] = [
                    "header": shown.map { ["text": table.columns[$0], "class": cellClass($0)] },
                    "span": shown.count,
                    "groups": table.groups.map { group in
                        var values: [String: Any] = [
                            "rows": group.rows.map { row in
                                ["cells": row.indices.map { ["text": row[$0], "class": cellClass(shown[$0])] }]
                            }
                        ]
                        values["groupHeading"] = group.heading
                        return values
                    },
                ]
            }
            if !section.charts.isEmpty {
                values["charts"] = section.charts.map { HTMLReportRenderer().chart($0, wording: wording) }
            }
            if let timeline = section.timeline, !timeline.isEmpty {
                values["hasTimeline"] = true
                values["timeline"] = timeline.map { ["date": $0.date, "label": $0.label] }
            }
            return values
        }
    }

    /// What the documents page narrows to, as its form and its links carry it.
    struct DocumentQuery {
        var text: String?
        var publisher: String?
        var language: String?
        var operation: String?
        var since: String?
        var until: String?
        /// "waiting" or "reviewed".
        var review: String?

        var filter: ExportFilter {
            var filter = ExportFilter()
            filter.publisher = publisher
            filter.language = language
            filter.operation = operation
            filter.since = since
            filter.until = until
            filter.waitingForReview = review == "waiting" ? true : review == "reviewed" ? false : nil
            return filter
        }

        var items: [URLQueryItem] {
            [
                ("q", text), ("publisher", publisher), ("language", language), ("operation", operation), ("since", since),
                ("until", until), ("review", review),
            ].compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
        }
    }

    func documents(_ request: DocumentQuery, page: Int) throws -> String {
        let query = request.text
        let filter = request.filter
        let offset = (page - 1) * Self.pageSize
        var rows: [[String: Any]] = []
        // One row more than a page is asked for: it says whether there is a next page.
        var hasMore = false
        if let query {
            let hits = try SearchRepository(connection: archive.connection).search(
                query, filter: filter, limit: Self.pageSize + 1, offset: offset)
            rows = hits.prefix(Self.pageSize).map { hit in
                [
                    "id": hit.documentID, "title": hit.title ?? hit.fileName ?? words("documentNumber", "\(hit.documentID)"),
                    "publisher": hit.publisher ?? words["publisherUnknown"], "published": hit.publishedOn ?? words["dateUnknown"],
                    "language": "",
                    "snippet": HTMLText.highlighted(
                        hit.snippet, open: SearchRepository.highlightOpen, close: SearchRepository.highlightClose),
                ]
            }
            hasMore = hits.count > Self.pageSize
        } else {
            let listed = try DocumentListRepository(connection: archive.connection)
                .page(filter: filter, limit: Self.pageSize + 1, offset: offset)
            rows = listed.prefix(Self.pageSize).map { row in
                [
                    "id": row.id, "title": row.title ?? words("documentNumber", "\(row.id)"),
                    "publisher": row.publisher ?? words["publisherUnknown"], "published": row.publishedOn ?? words["dateUnknown"],
                    "language": row.language ?? "",
                ]
            }
            hasMore = listed.count > Self.pageSize
        }
        func link(_ page: Int) -> String {
            let items = [URLQueryItem(name: "page", value: String(page))] + request.items
            var components = URLComponents()
            components.path = "/documents"
            components.queryItems = items
            return components.string ?? "/documents"
        }
        let first = offset + 1
        let summary =
            rows.isEmpty
            ? words[query == nil ? "noDocuments" : "nothingMatches"]
            : words(query == nil ? "documentsRange" : "matchesRange", Self.number(first), Self.number(offset + rows.count))
        let operations: [[String: Any]] = try archive.operations.list().map {
            ["slug": $0.slug, "name": $0.name, "selected": $0.slug == request.operation]
        }
        var values: [String: Any] = [
            "documents": rows, "query": query ?? "", "publisher": request.publisher ?? "",
            "language": request.language ?? "", "since": request.since ?? "", "until": request.until ?? "",
            "operations": operations, "waiting": request.review == "waiting", "reviewed": request.review == "reviewed",
            "summary": summary,
        ]
        if page > 1 { values["previous"] = link(page - 1) }
        if hasMore { values["next"] = link(page + 1) }
        return layout(words["documents"], current: "Documents", content: render("documents", values))
    }

    func document(id: Int64) throws -> String {
        let review = try ReviewBuilder(archive: archive).review(documentID: id)
        guard let document = try archive.documents.find(id: id) else {
            throw UsageError("no document with id \(id)")
        }
        let body = review.annotatedBody(
            open: { fact in
                let kind = fact.entity ?? fact.kind
                return "<span class=\"fact \(kind) \(fact.status)\" data-label=\"\(fact.label)\"><sup>\(fact.label)</sup>"
            },
            close: { _ in "</span>" }, text: HTMLText.escape)
        let figures = Dictionary(
            try archive.figures.list(documentID: id).map { ($0.id ?? 0, $0) }, uniquingKeysWith: { a, _ in a })
        let quotes = Dictionary(try archive.quotes.list(documentID: id).map { ($0.id ?? 0, $0) }, uniquingKeysWith: { a, _ in a })
        let speakers = try SpeakerChoices(archive: archive, documentID: id)
        let histories = try factHistories(documentID: id)
        let links = try documentLinks(documentID: id)
        let facts: [[String: Any]] = review.facts.map { fact in
            var values: [String: Any] = [
                "label": fact.label, "id": fact.id, "status": fact.status, "statusWords": wording.status(fact.status),
                "summary": fact.summary,
                "exactText": fact.exactText, "start": fact.start, "end": fact.end,
                "reviewable": writable && fact.kind != "mention" && fact.status == "extracted",
                "path": fact.kind == "figure" ? "figures" : "quotes",
            ]
            if let history = histories["\(fact.kind)-\(fact.id)"] { values["history"] = ["events": history] }
            let correctable = writable && fact.status != FactStatus.superseded.rawValue
            if fact.kind == "figure", let figure = figures[fact.id] {
                values["summary"] = wording.summary(of: figure)
                if correctable { values["figure"] = figureFields(figure) }
            }
            if fact.kind == "quote" {
                values["summary"] = fact.name.map { words("saidByName", $0) } ?? words["unattributed"]
            }
            if fact.kind == "mention", let entity = fact.entity {
                values["summary"] = words("entityNamed", words[entity == "operation" ? "operationKind" : entity], fact.name ?? "")
            }
            if fact.kind == "quote", correctable, let quote = quotes[fact.id] {
                values["quote"] = ["speaker": speakers.slug(of: quote) ?? ""]
            }
            return values
        }
        let provenance: [(String, String?)] = [
            ("document", "#\(id)"), ("publisher", document.publisher), ("author", document.author),
            ("url", document.url), ("published", document.publishedOn), ("retrieved", document.retrievedOn),
            ("language", document.language), ("kind", ReportWording(wording.language).kind(document.kind)),
            ("file", document.fileName), ("encoding", document.encoding),
            ("size", words("bytes", Self.number(document.sizeBytes))), ("textHash", document.sha256),
            ("fileHash", document.originalSHA256), ("importedAt", document.importedAt),
            ("batch", document.batchID.map { "#\($0)" }),
        ]
        let content = render(
            "document",
            [
                "id": id, "title": document.title ?? words("documentNumber", "\(id)"), "language": document.language ?? "",
                "body": body,
                "facts": facts, "operator": operatorName, "writable": writable, "token": token, "back": "/documents/\(id)",
                "categories": FactWording.categories.map { ["slug": $0, "words": wording.category($0)] },
                "speakers": speakers.choices.map { ["slug": $0.slug, "label": "\($0.name) (\(words[$0.kind]))"] },
                "units": Self.units,
                "links": links, "hasLinks": !links.isEmpty,
                "provenance": provenance.compactMap { key, value in value.map { ["name": words[key], "value": $0] } },
            ])
        return layout(document.title ?? words("documentNumber", "\(id)"), current: "Documents", content: content)
    }

    /// The correction form's fields, filled with the figure as it stands.
    func figureFields(_ figure: Figure) -> [String: Any] {
        let bounds: [(String, String)] = [("none", words["exact"]), ("at_least", words["atLeast"]), ("at_most", words["atMost"])]
        return [
            "value": NumberText.format(figure.value), "valueMax": figure.valueMax.map(NumberText.format) ?? "",
            "unit": figure.unit, "approximate": figure.approximate,
            "categories":
                (FactWording.categories + [figure.category].compactMap { $0 }.filter { !FactWording.categories.contains($0) })
                .map { ["slug": $0, "words": wording.category($0), "selected": $0 == figure.category] },
            "bounds": bounds.map { ["value": $0.0, "words": $0.1, "selected": $0.0 == (figure.bound ?? "none")] },
        ]
    }

    /// Units offered when a figure is corrected or added; any other can be typed.
    static let units = [
        "count", "percent", "fraction", "currency:EUR", "currency:USD", "currency:GBP", "duration:day", "duration:month",
        "duration:year", "age:year", "data:TB",
    ]

    func reviewQueue() throws -> String {
        let waiting = try DocumentListRepository(connection: archive.connection).waitingForReview(limit: 200, offset: 0)
        let rows: [[String: Any]] = waiting.map {
            [
                "id": $0.id, "title": $0.title ?? words("documentNumber", "\($0.id)"), "publisher": $0.publisher ?? "",
                "published": $0.publishedOn ?? "", "figures": $0.figures, "quotes": $0.quotes, "mentions": $0.mentions,
            ]
        }
        return layout(words["reviewQueue"], current: "Review", content: render("review", ["documents": rows]))
    }

    static func number(_ value: Int) -> String {
        value.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
    }
}
