/// The tables and views staff take out of the archive, each with a stable, documented column order.
public enum ExportTable: String, Sendable, CaseIterable {
    case documents, batches, operations, organisations, people, quotes, figures, mentions, links, events
}

/// Narrows an export. Filters that do not apply to a table are refused, not ignored.
public struct ExportFilter: Sendable, Equatable {
    /// Which facts to include: by default everything but what an archivist rejected.
    public enum StatusFilter: Sendable, Equatable {
        case notRejected
        case only(FactStatus)
    }

    public var operation: String?
    public var organisation: String?
    public var publisher: String?
    public var language: String?
    /// Publication dates (occurrence dates for events), inclusive; a prefix such as 2025-02 works.
    public var since: String?
    public var until: String?
    public var status: StatusFilter = .notRejected
    public var category: String?
    /// Documents with facts still waiting for a decision (true), or with none left (false).
    public var waitingForReview: Bool?

    public init() {}
}

/// Streams export rows straight from SQLite: nothing is collected, so memory stays flat.
public struct ExportRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// One exported column: its name and the SQL expression that yields it.
    struct Column {
        let name: String
        let expression: String
        let numeric: Bool

        init(_ name: String, _ expression: String, numeric: Bool = false) {
            self.name = name
            self.expression = expression
            self.numeric = numeric
        }
    }

    /// How to select one table: columns, FROM clause and which filters apply.
    struct Spec {
        let columns: [Column]
        let from: String
        let orderBy: String
        /// Alias of the documents table when rows belong to a document (enables document filters).
        var documentAlias: String?
        var statusColumn: String?
        var categoryColumn: String?
        var dateColumn: String?
        var operationSlugColumn: String?
        var organisationSlugColumn: String?
    }

    private static let documentFile = Column("document_file", "d.file_name")

    static func spec(_ table: ExportTable) -> Spec {
        switch table {
        case .documents:
            return Spec(
                columns: [
                    Column("id", "d.id", numeric: true), Column("file_name", "d.file_name"), Column("sha256", "d.sha256"),
                    Column("original_sha256", "d.original_sha256"), Column("title", "d.title"), Column("language", "d.language"),
                    Column("publisher", "d.publisher"), Column("author", "d.author"), Column("url", "d.url"),
                    Column("published_on", "d.published_on"), Column("retrieved_on", "d.retrieved_on"), Column("kind", "d.kind"),
                    Column("encoding", "d.encoding"), Column("size_bytes", "d.size_bytes", numeric: true),
                    Column("source_path", "d.source_path"), Column("imported_at", "d.imported_at"),
                    Column("batch_id", "d.batch_id", numeric: true),
                ],
                from: "documents d", orderBy: "d.id", documentAlias: "d")
        case .batches:
            return Spec(
                columns: [
                    Column("id", "b.id", numeric: true), Column("operator", "b.operator"),
                    Column("tool_version", "b.tool_version"),
                    Column("started_at", "b.started_at"), Column("finished_at", "b.finished_at"), Column("status", "b.status"),
                    Column("files_seen", "b.files_seen", numeric: true), Column("imported", "b.imported", numeric: true),
                    Column("duplicates", "b.duplicates", numeric: true), Column("failed", "b.failed", numeric: true),
                ],
                from: "import_batches b", orderBy: "b.id", dateColumn: "b.started_at")
        case .operations:
            return Spec(
                columns: [
                    Column("id", "op.id", numeric: true), Column("slug", "op.slug"), Column("name", "op.name"),
                    Column("lead_agency", "la.slug"), Column("action_day", "op.action_day"), Column("status", "op.status"),
                    Column(
                        "documents", "(SELECT count(*) FROM document_operations x WHERE x.operation_id = op.id)", numeric: true),
                    Column(
                        "figures", "(SELECT count(*) FROM figures x WHERE x.operation_id = op.id AND x.status <> 'rejected')",
                        numeric: true),
                ],
                from: "operations op LEFT JOIN organisations la ON la.id = op.lead_agency_id",
                orderBy: "op.name COLLATE NOCASE, op.id",
                operationSlugColumn: "op.slug", organisationSlugColumn: "la.slug")
        case .organisations:
            return Spec(
                columns: [
                    Column("id", "o.id", numeric: true), Column("slug", "o.slug"), Column("name", "o.name"),
                    Column("acronym", "o.acronym"),
                    Column(
                        "aliases",
                        "(SELECT group_concat(a.alias, ' | ') FROM (SELECT alias FROM organisation_aliases WHERE organisation_id = o.id ORDER BY alias) a)"
                    ),
                    Column(
                        "mentions", "(SELECT count(*) FROM mentions m WHERE m.organisation_id = o.id AND m.status <> 'rejected')",
                        numeric: true),
                ],
                from: "organisations o", orderBy: "o.name COLLATE NOCASE, o.id", organisationSlugColumn: "o.slug")
        case .people:
            return Spec(
                columns: [
                    Column("id", "p.id", numeric: true), Column("slug", "p.slug"), Column("name", "p.name"),
                    Column(
                        "roles",
                        "(SELECT group_concat(x.label, ' | ') FROM (SELECT DISTINCT coalesce(r.role, '') || coalesce(' @ ' || o.slug, '') AS label FROM person_roles r LEFT JOIN organisations o ON o.id = r.organisation_id WHERE r.person_id = p.id ORDER BY r.id) x)"
                    ),
                    Column(
                        "quotes", "(SELECT count(*) FROM quotes q WHERE q.person_id = p.id AND q.status <> 'rejected')",
                        numeric: true),
                    Column(
                        "mentions", "(SELECT count(*) FROM mentions m WHERE m.person_id = p.id AND m.status <> 'rejected')",
                        numeric: true),
                ],
                from: "people p", orderBy: "p.name COLLATE NOCASE, p.id",
                organisationSlugColumn:
                    "(SELECT o.slug FROM person_roles r JOIN organisations o ON o.id = r.organisation_id WHERE r.person_id = p.id AND o.slug = ?)"
            )
        case .figures:
            return Spec(
                columns: [
                    Column("id", "f.id", numeric: true), Column("document_id", "f.document_id", numeric: true), documentFile,
                    Column("value", "f.value", numeric: true), Column("value_max", "f.value_max", numeric: true),
                    Column("unit", "f.unit"), Column("approximate", "f.approximate", numeric: true), Column("bound", "f.bound"),
                    Column("counts", "f.counts"), Column("category", "f.category"), Column("exact_text", "f.exact_text"),
                    Column("char_start", "f.char_start", numeric: true), Column("char_end", "f.char_end", numeric: true),
                    Column("operation", "o.slug"), Column("status", "f.status"), Column("document_title", "d.title"),
                    Column("publisher", "d.publisher"), Column("published_on", "d.published_on"),
                ],
                from: "figures f JOIN documents d ON d.id = f.document_id LEFT JOIN operations o ON o.id = f.operation_id",
                orderBy: "f.document_id, f.char_start, f.id", documentAlias: "d", statusColumn: "f.status",
                categoryColumn: "f.category")
        case .quotes:
            return Spec(
                columns: [
                    Column("id", "q.id", numeric: true), Column("document_id", "q.document_id", numeric: true), documentFile,
                    Column("speaker", "coalesce(p.name, CASE WHEN q.speaker_kind <> 'person' THEN org.name END)"),
                    Column("speaker_kind", "q.speaker_kind"),
                    Column(
                        "speaker_role",
                        "coalesce((SELECT r.role FROM person_roles r WHERE r.person_id = q.person_id AND r.document_id = q.document_id LIMIT 1), (SELECT r.role FROM person_roles r WHERE r.person_id = q.person_id ORDER BY r.id LIMIT 1))"
                    ),
                    Column("organisation", "org.name"), Column("text", "q.text"), Column("exact_text", "q.exact_text"),
                    Column("char_start", "q.char_start", numeric: true), Column("char_end", "q.char_end", numeric: true),
                    Column("status", "q.status"), Column("document_title", "d.title"), Column("publisher", "d.publisher"),
                    Column("published_on", "d.published_on"),
                ],
                from: """
                    quotes q JOIN documents d ON d.id = q.document_id
                    LEFT JOIN people p ON p.id = q.person_id LEFT JOIN organisations org ON org.id = q.organisation_id
                    """,
                orderBy: "q.document_id, q.char_start, q.id", documentAlias: "d", statusColumn: "q.status")
        case .mentions:
            return Spec(
                columns: [
                    Column("id", "m.id", numeric: true), Column("document_id", "m.document_id", numeric: true), documentFile,
                    Column("entity_type", "m.entity_type"),
                    Column("entity_slug", "coalesce(p.slug, org.slug, op.slug, m.date_iso)"),
                    Column("entity_name", "coalesce(p.name, org.name, op.name, m.date_iso)"),
                    Column("exact_text", "m.exact_text"),
                    Column("char_start", "m.char_start", numeric: true), Column("char_end", "m.char_end", numeric: true),
                    Column("status", "m.status"),
                ],
                from: """
                    mentions m JOIN documents d ON d.id = m.document_id
                    LEFT JOIN people p ON p.id = m.person_id LEFT JOIN organisations org ON org.id = m.organisation_id
                    LEFT JOIN operations op ON op.id = m.operation_id
                    """,
                orderBy: "m.document_id, m.char_start, m.id", documentAlias: "d", statusColumn: "m.status")
        case .links:
            return Spec(
                columns: [
                    Column("id", "l.id", numeric: true), Column("document_id", "l.document_id", numeric: true), documentFile,
                    Column("relation", "l.relation"), Column("target_document_id", "l.target_document_id", numeric: true),
                    Column("target_file", "t.file_name"), Column("target_url", "l.target_url"),
                    Column("created_at", "l.created_at"),
                ],
                from:
                    "document_links l JOIN documents d ON d.id = l.document_id LEFT JOIN documents t ON t.id = l.target_document_id",
                orderBy: "l.id", documentAlias: "d")
        case .events:
            return Spec(
                columns: [
                    Column("id", "e.id", numeric: true), Column("occurred_at", "e.occurred_at"), Column("operator", "e.operator"),
                    Column("action", "e.action"), Column("entity_type", "e.entity_type"),
                    Column("entity_id", "e.entity_id", numeric: true), Column("batch_id", "e.batch_id", numeric: true),
                    Column("old_json", "e.old_json"), Column("new_json", "e.new_json"), Column("reason", "e.reason"),
                ],
                from: "events e", orderBy: "e.id", dateColumn: "e.occurred_at")
        }
    }

    /// Every column the table offers, in the default order.
    public func columns(of table: ExportTable) -> [String] {
        Self.spec(table).columns.map(\.name)
    }

    public func numericColumns(of table: ExportTable) -> Set<String> {
        Set(Self.spec(table).columns.filter(\.numeric).map(\.name))
    }

    /// The SELECT for a table, its selected columns and filters, with every value bound.
    func query(_ table: ExportTable, columns names: [String]?, filter: ExportFilter) throws -> (
        sql: String, values: [any SQLBindable]
    ) {
        let spec = Self.spec(table)
        let selected = try (names ?? spec.columns.map(\.name)).map { name in
            guard let column = spec.columns.first(where: { $0.name == name }) else {
                throw UsageError(
                    "\(table.rawValue) has no column '\(name)'; its columns are: \(spec.columns.map(\.name).joined(separator: ","))"
                )
            }
            return column
        }
        var conditions: [String] = []
        var values: [any SQLBindable] = []
        func refuse(_ option: String) -> UsageError {
            UsageError("\(option) does not apply to \(table.rawValue)")
        }
        if let document = spec.documentAlias {
            if let operation = filter.operation { try requireSlug(operation, in: "operations", option: "--operation") }
            if let organisation = filter.organisation {
                try requireSlug(organisation, in: "organisations", option: "--organisation")
            }
            let documentFilter = DocumentFilterSQL(filter, documentAlias: document)
            conditions += documentFilter.conditions
            values += documentFilter.values
        } else {
            if filter.publisher != nil { throw refuse("--publisher") }
            if filter.language != nil { throw refuse("--language") }
            if let operation = filter.operation {
                guard let column = spec.operationSlugColumn else { throw refuse("--operation") }
                try requireSlug(operation, in: "operations", option: "--operation")
                conditions.append("\(column) = ?")
                values.append(operation)
            }
            if let organisation = filter.organisation {
                guard let column = spec.organisationSlugColumn else { throw refuse("--organisation") }
                try requireSlug(organisation, in: "organisations", option: "--organisation")
                conditions.append(column.hasSuffix("= ?)") ? "\(column) IS NOT NULL" : "\(column) = ?")
                values.append(organisation)
            }
            if filter.since != nil || filter.until != nil {
                guard let column = spec.dateColumn else { throw refuse("--since/--until") }
                if let since = filter.since {
                    conditions.append("substr(\(column), 1, length(?)) >= ?")
                    values += [since, since]
                }
                if let until = filter.until {
                    conditions.append("substr(\(column), 1, length(?)) <= ?")
                    values += [until, until]
                }
            }
        }
        if let statusColumn = spec.statusColumn {
            switch filter.status {
            case .notRejected:
                conditions.append("\(statusColumn) <> 'rejected'")
            case .only(let status):
                conditions.append("\(statusColumn) = ?")
                values.append(status.rawValue)
            }
        } else if filter.status != .notRejected {
            throw refuse("--status")
        }
        if let category = filter.category {
            guard let column = spec.categoryColumn else { throw refuse("--category") }
            conditions.append("\(column) = ?")
            values.append(category)
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let sql =
            "SELECT \(selected.map(\.expression).joined(separator: ", ")) FROM \(spec.from)\(whereClause) ORDER BY \(spec.orderBy)"
        return (sql, values)
    }

    private func requireSlug(_ slug: String, in table: String, option: String) throws {
        guard try connection.scalarInt("SELECT count(*) FROM \(table) WHERE slug = ?", [slug]) == 1 else {
            throw UsageError("\(option) \(slug): no such \(table == "operations" ? "operation" : "organisation") in this archive")
        }
    }

    /// Streams every row of `table`, in column order, to `body`, without collecting them.
    public func stream(
        _ table: ExportTable, columns: [String]? = nil, filter: ExportFilter = ExportFilter(),
        _ body: ([DatabaseValue]) throws -> Void
    ) throws {
        let (sql, values) = try query(table, columns: columns, filter: filter)
        let count = (columns ?? self.columns(of: table)).count
        var row = [DatabaseValue](repeating: .null, count: count)
        try connection.forEachRow(sql, values) { statement in
            for index in 0..<count {
                row[index] = statement.value(Int32(index))
            }
            try body(row)
        }
    }
}
