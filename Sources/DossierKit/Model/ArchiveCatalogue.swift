/// What each table, view and column of an archive means, in words. Datasette's metadata and the
/// `export --all` manifest both give these descriptions, so that the data can be read without
/// Dossier; a test holds the catalogue to the schema, column for column.
public enum ArchiveCatalogue {
    public struct Entry: Sendable {
        public let name: String
        public let description: String
        /// Column name and meaning, in the table's column order.
        public let columns: [(name: String, meaning: String)]
        /// Datasette's label for rows of this table when another table points at them.
        public let labelColumn: String?
        /// Columns worth faceting on in Datasette.
        public let facets: [String]
    }

    /// The base tables, parents before children: the order an export is loaded back in.
    public static let tables: [Entry] = [
        Entry(
            name: "import_batches", description: "One run of `dossier import`: who ran it, when, and what it found.",
            columns: [
                ("id", "Batch number."), ("operator", "Who ran the import ($USER or --operator)."),
                ("tool_version", "Dossier version that ran it."), ("started_at", "Start, ISO 8601 UTC."),
                ("finished_at", "End, ISO 8601 UTC; empty while running or after a crash."),
                ("status", "running, completed or failed."), ("files_seen", "Files the import looked at."),
                ("imported", "Documents stored."), ("duplicates", "Files already in the archive."),
                ("failed", "Files refused, each with its reason in events."),
                ("options_json", "The import's options, as JSON."), recordDigest,
            ], labelColumn: "started_at", facets: ["status", "operator"]),
        Entry(
            name: "documents", description: "Every archived text, verbatim, with its provenance.",
            columns: [
                ("id", "Document number."), ("sha256", "SHA-256 of the stored body (UTF-8)."),
                ("original_sha256", "SHA-256 of the file's bytes as received."),
                ("normalized_sha256", "SHA-256 of the body with whitespace collapsed: finds probable duplicates."),
                ("body", "The text, verbatim; every span of a fact counts code points into it."),
                ("title", "Title: declared, else inferred from the first lines, else the file name."),
                ("file_name", "Name of the imported file."), ("source_path", "Path the file was imported from."),
                ("size_bytes", "Size of the file as received."), ("encoding", "Character encoding it was decoded from."),
                ("publisher", "Who published it."), ("author", "Who wrote it."), ("url", "Where it was published."),
                ("published_on", "Publication date: YYYY, YYYY-MM or YYYY-MM-DD."),
                ("retrieved_on", "Date it was retrieved: YYYY, YYYY-MM or YYYY-MM-DD."),
                ("language", "ISO 639 code (fr, en…)."), ("kind", "press_release, article, report or other."),
                ("tags_json", "Tags, as a JSON array."), ("batch_id", "Import batch that stored it."),
                ("imported_at", "When it was stored, ISO 8601 UTC."), recordDigest,
                ("source_format", "What the text was taken from: text, html (a saved web page), eml (an e-mail) or pdf."),
                ("extractor_version", "The extractor that took the text from HTML, e-mail or PDF; empty for text."),
                ("message_id", "An e-mail's Message-ID."),
            ], labelColumn: "title", facets: ["publisher", "language", "kind", "source_format"]),
        Entry(
            name: "document_links",
            description: "A translation, citation, probable duplicate or re-extraction between documents.",
            columns: [
                ("id", "Link number."), ("document_id", "The document the link starts from."),
                ("relation", "translation_of, cites, derived_from, probable_duplicate_of or same_source_as."),
                ("target_document_id", "The archived document it points to, if archived."),
                ("target_url", "The address it points to, when the target is not archived."),
                ("created_at", "When the link was recorded, ISO 8601 UTC."),
            ], labelColumn: nil, facets: ["relation"]),
        Entry(
            name: "organisations", description: "Organisations named in documents or loaded from the gazetteer.",
            columns: [
                ("id", "Organisation number."), ("slug", "Short stable name used on the command line."),
                ("name", "Full name."), ("acronym", "Acronym, if any."),
                ("created_at", "When it was recorded, ISO 8601 UTC."), recordDigest,
            ], labelColumn: "name", facets: []),
        Entry(
            name: "organisation_aliases", description: "Other names of an organisation, by language.",
            columns: [
                ("id", "Alias number."), ("organisation_id", "The organisation."), ("alias", "The other name."),
                ("language", "Language of the alias, if specific to one."),
            ], labelColumn: "alias", facets: ["language"]),
        Entry(
            name: "operations", description: "Law-enforcement operations the documents report on.",
            columns: [
                ("id", "Operation number."), ("slug", "Short stable name used on the command line."),
                ("name", "Name, e.g. Operation Cumberland."), ("lead_agency_id", "The organisation leading it."),
                ("action_day", "Date of the action day: YYYY, YYYY-MM or YYYY-MM-DD."),
                ("status", "ongoing, concluded or unknown."), ("description", "Free description."),
                ("created_at", "When it was recorded, ISO 8601 UTC."), recordDigest,
            ], labelColumn: "name", facets: ["status"]),
        Entry(
            name: "document_operations", description: "Which documents report on which operations.",
            columns: [("document_id", "The document."), ("operation_id", "The operation it reports on.")],
            labelColumn: nil, facets: ["operation_id"]),
        Entry(
            name: "people", description: "Natural persons named in documents.",
            columns: [
                ("id", "Person number."), ("slug", "Short stable name used on the command line."), ("name", "Full name."),
                ("created_at", "When it was recorded, ISO 8601 UTC."), recordDigest,
            ], labelColumn: "name", facets: []),
        Entry(
            name: "person_aliases", description: "Other written forms of a person's name.",
            columns: [("id", "Alias number."), ("person_id", "The person."), ("alias", "The other form.")],
            labelColumn: "alias", facets: []),
        Entry(
            name: "person_roles",
            description: "A person's title at an organisation, as one document states it (no document: the gazetteer).",
            columns: [
                ("id", "Role number."), ("person_id", "The person."), ("role", "The title, e.g. Executive Director."),
                ("organisation_id", "The organisation."), ("document_id", "The document that states it."),
            ], labelColumn: "role", facets: ["organisation_id"]),
        Entry(
            name: "quotes", description: "Quoted speech, its speaker and its exact place in a document.",
            columns: [
                ("id", "Quote number."), ("document_id", "The document."),
                ("speaker_kind", "person, organisation, or document (the publisher speaking)."),
                ("person_id", "The person who said it."), ("organisation_id", "The organisation speaking or spoken for."),
                ("text", "The words quoted, without quotation marks."),
            ] + spanColumns + statusColumns, labelColumn: "text", facets: ["status", "speaker_kind"]),
        Entry(
            name: "figures", description: "Numbers that count something, tied to their exact place in a document.",
            columns: [
                ("id", "Figure number."), ("document_id", "The document."),
                ("operation_id", "The operation it belongs to, when the text ties it to one."),
                ("value", "The number (the lower end of a range)."), ("value_max", "The upper end of a range."),
                ("unit", "count, percent, currency:EUR, duration:day…"),
                ("approximate", "1 when the text says about, près de, some…"),
                ("bound", "at_least or at_most when the text says so."), ("counts", "What is counted, in the text's words."),
                ("category", "What the figure measures: suspects_arrested, victims_identified…"),
            ] + spanColumns + statusColumns, labelColumn: "exact_text", facets: ["category", "status", "unit"]),
        Entry(
            name: "mentions", description: "Every place a document names a person, organisation, operation or date.",
            columns: [
                ("id", "Mention number."), ("document_id", "The document."),
                ("entity_type", "person, organisation, operation or date."), ("person_id", "The person named."),
                ("organisation_id", "The organisation named."), ("operation_id", "The operation named."),
                ("date_iso", "The date named: YYYY, YYYY-MM or YYYY-MM-DD."),
                ("exact_text", "The words of the document, exactly."),
                ("char_start", "Start of the span, in Unicode code points from the start of the body."),
                ("char_end", "End of the span (exclusive), in code points."),
                ("status", "extracted, confirmed, rejected or superseded."),
                ("created_at", "When it was recorded, ISO 8601 UTC."),
            ], labelColumn: "exact_text", facets: ["entity_type", "status"]),
        Entry(
            name: "events",
            description: "The audit log: who did what, when, to which record; a hash chain that shows any edit.",
            columns: [
                ("id", "Event number."), ("occurred_at", "When, ISO 8601 UTC."), ("operator", "Who."),
                ("action", "What: import, confirm, reject, merge…"), ("entity_type", "Kind of record it changed."),
                ("entity_id", "Number of that record."), ("batch_id", "Import batch, for import events."),
                ("old_json", "The record before, as JSON."), ("new_json", "The record after, as JSON."),
                ("reason", "Why, as given by the operator."), ("previous_sha256", "Hash of the event before."),
                ("sha256", "Hash of this event and the one before: the chain."),
            ], labelColumn: "action", facets: ["action", "operator", "entity_type"]),
        Entry(
            name: "archive_seal", description: "Per sealed table, its row count and the sum of its rows' digests.",
            columns: [
                ("table_name", "The sealed table."), ("row_count", "How many rows it has."),
                ("digest", "Sum of the rows' record digests modulo 2^256 (events: the chain's last hash)."),
            ], labelColumn: nil, facets: []),
        Entry(
            name: "fact_counts",
            description: "How many figures, quotes and mentions stand at each review status; kept by triggers.",
            columns: [
                ("kind", "figure, quote or mention."), ("status", "extracted, confirmed, rejected or superseded."),
                ("count", "How many facts of that kind have that status."),
            ], labelColumn: nil, facets: ["kind", "status"]),
        Entry(
            name: "schema_migrations", description: "The schema migrations applied to this archive.",
            columns: [
                ("version", "Migration number."), ("name", "Migration name."), ("sha256", "SHA-256 of its SQL."),
                ("applied_at", "When it was applied, ISO 8601 UTC."),
            ], labelColumn: "name", facets: []),
    ]

    /// The browsing views, each a fact with its source document.
    public static let views: [Entry] = [
        Entry(
            name: "figures_with_sources", description: "Figures with their operation and source document.",
            columns: [
                ("id", "Figure number."), ("value", "The number."), ("value_max", "The upper end of a range."),
                ("unit", "Unit."), ("approximate", "1 when approximate."), ("bound", "at_least or at_most."),
                ("counts", "What is counted."), ("category", "What it measures."), ("exact_text", "The words of the document."),
                ("char_start", "Start of the span, in code points."), ("char_end", "End of the span (exclusive)."),
                ("status", "Review status."), ("operation", "Operation slug."), ("document_id", "Source document."),
                ("document_title", "Its title."), ("document_file", "Its file name."), ("publisher", "Its publisher."),
                ("published_on", "Its publication date."), ("url", "Its address."),
            ], labelColumn: nil, facets: ["category", "status", "operation", "publisher"]),
        Entry(
            name: "quotes_with_speakers", description: "Quotes with their speaker and source document.",
            columns: [
                ("id", "Quote number."), ("speaker_kind", "person, organisation or document."),
                ("speaker", "The person's name."), ("speaker_slug", "The person's slug."),
                ("organisation", "The organisation."), ("text", "The words quoted."),
                ("exact_text", "The words of the document, quotation marks included."),
                ("char_start", "Start of the span, in code points."), ("char_end", "End of the span (exclusive)."),
                ("status", "Review status."), ("document_id", "Source document."), ("document_title", "Its title."),
                ("document_file", "Its file name."), ("publisher", "Its publisher."),
                ("published_on", "Its publication date."),
            ], labelColumn: nil, facets: ["speaker", "status", "publisher"]),
        Entry(
            name: "documents_overview", description: "Each document with how many facts it gave.",
            columns: [
                ("id", "Document number."), ("title", "Title."), ("publisher", "Publisher."),
                ("published_on", "Publication date."), ("language", "Language."), ("kind", "Kind."),
                ("file_name", "File name."), ("url", "Address."), ("figures", "Figures not rejected."),
                ("quotes", "Quotes not rejected."), ("mentions", "Mentions not rejected."),
            ], labelColumn: nil, facets: ["publisher", "language", "kind"]),
    ]

    public static func entry(named name: String) -> Entry? {
        (tables + views).first { $0.name == name }
    }

    private static let recordDigest = (
        name: "record_sha256", meaning: "Digest of the record and what hangs from it (tamper evidence; see `dossier check`)."
    )

    private static let spanColumns: [(name: String, meaning: String)] = [
        ("exact_text", "The words of the document, exactly."),
        ("char_start", "Start of the span, in Unicode code points from the start of the body."),
        ("char_end", "End of the span (exclusive): substr(body, char_start + 1, char_end - char_start) = exact_text."),
    ]

    private static let statusColumns: [(name: String, meaning: String)] = [
        ("status", "extracted (by the machine), confirmed, rejected or superseded (by a correction)."),
        ("status_reason", "Why it was rejected or corrected."), ("created_at", "When it was recorded, ISO 8601 UTC."),
    ]
}
