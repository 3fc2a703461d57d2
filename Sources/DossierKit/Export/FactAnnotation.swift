/// One fact as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/) in JSON-LD: the
/// body carries what Dossier extracted, the target points at the words it came from with both a
/// TextQuoteSelector (the words and up to 32 code points either side, which survives small edits
/// of a copy) and a TextPositionSelector (code point offsets into the archived body).
///
/// The body uses Dossier's own terms under the `dossier:` prefix, declared in the annotation's
/// context beside the W3C one, so that a JSON-LD processor expands every key to an IRI instead of
/// dropping it; they are named like the export's columns (`dossier:value_max`, snake_case like all
/// of Dossier's JSON). `value` is the W3C context's `rdf:value`.
struct FactAnnotation: Encodable {
    /// Where Dossier's terms expand to: a URN, since there is no published vocabulary to link to.
    static let vocabulary = "urn:dossier:vocab#"
    static let contextLength = 32

    enum Value: Encodable, Equatable {
        case number(Double)
        case text(String)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let number): try container.encode(number)
            case .text(let text): try container.encode(text)
            }
        }
    }

    struct Body: Encodable, Equatable {
        var type: String
        var kind: String
        var value: Value?
        var status: String?
        var valueMax: Double?
        var unit: String?
        var approximate: Bool?
        var bound: String?
        var counts: String?
        var category: String?
        var operation: String?
        var speaker: String?
        var speakerKind: String?
        var entityType: String?
        var slug: String?

        enum CodingKeys: String, CodingKey {
            case type, value
            case kind = "dossier:kind"
            case status = "dossier:status"
            case valueMax = "dossier:value_max"
            case unit = "dossier:unit"
            case approximate = "dossier:approximate"
            case bound = "dossier:bound"
            case counts = "dossier:counts"
            case category = "dossier:category"
            case operation = "dossier:operation"
            case speaker = "dossier:speaker"
            case speakerKind = "dossier:speaker_kind"
            case entityType = "dossier:entity_type"
            case slug = "dossier:slug"
        }
    }

    struct Selector: Encodable, Equatable {
        var type: String
        var exact: String?
        var prefix: String?
        var suffix: String?
        var start: Int?
        var end: Int?
    }

    struct Target: Encodable, Equatable {
        /// The document's URL when it has one, else its URN in the archive.
        var source: String
        /// The archived document, always: the URL's page may since have changed, the archived body has not.
        var document: String
        var selector: [Selector]

        enum CodingKeys: String, CodingKey {
            case source, selector
            case document = "dossier:document"
        }
    }

    var id: String
    var type = "Annotation"
    var motivation: String
    var body: Body
    var target: Target

    enum CodingKeys: String, CodingKey {
        case context = "@context"
        case id, type, motivation, body, target
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var context = container.nestedUnkeyedContainer(forKey: .context)
        try context.encode("http://www.w3.org/ns/anno.jsonld")
        try context.encode(["dossier": Self.vocabulary])
        try container.encode(id, forKey: .id)
        try container.encode(type, forKey: .type)
        try container.encode(motivation, forKey: .motivation)
        try container.encode(body, forKey: .body)
        try container.encode(target, forKey: .target)
    }

    /// The annotation of one exported fact row of `kind`, found in `text` (its document's body).
    init(_ kind: FactKind, _ row: ExportRow, document: AnnotatedDocument, urn: ArchiveURN) throws {
        let id = row.integer("id") ?? 0
        let start = Int(row.integer("char_start") ?? -1)
        let end = Int(row.integer("char_end") ?? -1)
        guard let quote = document.text.quote(start: start, end: end, context: Self.contextLength) else {
            throw UsageError(
                "\(kind.rawValue) \(id) has the span \(start):\(end), outside document \(document.id) (\(document.text.count) code points): run dossier check"
            )
        }
        self.id = urn.name(kind.rawValue, id)
        motivation = kind.motivation
        body = Self.body(kind, row)
        target = Target(
            source: document.url ?? urn.name("document", document.id), document: urn.name("document", document.id),
            selector: [
                Selector(
                    type: "TextQuoteSelector", exact: quote.exact, prefix: quote.prefix.isEmpty ? nil : quote.prefix,
                    suffix: quote.suffix.isEmpty ? nil : quote.suffix),
                Selector(type: "TextPositionSelector", start: start, end: end),
            ])
    }

    private static func body(_ kind: FactKind, _ row: ExportRow) -> Body {
        var body = Body(type: kind.bodyType, kind: kind.rawValue, status: row.text("status"))
        switch kind {
        case .figure:
            body.value = row.real("value").map(Value.number)
            body.valueMax = row.real("value_max")
            body.unit = row.text("unit")
            body.approximate = row.integer("approximate").map { $0 != 0 }
            body.bound = row.text("bound")
            body.counts = row.text("counts")
            body.category = row.text("category")
            body.operation = row.text("operation")
        case .quote:
            body.value = row.text("text").map(Value.text)
            body.speaker = row.text("speaker")
            body.speakerKind = row.text("speaker_kind")
        case .mention:
            body.value = row.text("entity_name").map(Value.text)
            body.entityType = row.text("entity_type")
            body.slug = row.text("entity_slug")
        }
        return body
    }
}
