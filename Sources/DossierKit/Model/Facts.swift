/// Where a fact sits in its document: Unicode code point offsets, end exclusive, and the text there.
public struct SourceSpan: Sendable, Equatable, Codable, Hashable {
    public var start: Int
    public var end: Int
    public var exactText: String

    public init(start: Int, end: Int, exactText: String) {
        self.start = start
        self.end = end
        self.exactText = exactText
    }
}

/// A number that counts something, tied to the text it came from.
public struct Figure: Sendable, Equatable, Codable {
    public var id: Int64?
    public var documentID: Int64
    public var operationID: Int64?
    public var value: Double
    public var valueMax: Double?
    public var unit: String
    public var approximate: Bool
    public var bound: String?
    public var counts: String?
    public var category: String?
    public var span: SourceSpan
    public var status: FactStatus

    public init(
        id: Int64? = nil, documentID: Int64, operationID: Int64? = nil, value: Double, valueMax: Double? = nil,
        unit: String = "count", approximate: Bool = false, bound: String? = nil, counts: String? = nil,
        category: String? = nil, span: SourceSpan, status: FactStatus = .extracted
    ) {
        self.id = id
        self.documentID = documentID
        self.operationID = operationID
        self.value = value
        self.valueMax = valueMax
        self.unit = unit
        self.approximate = approximate
        self.bound = bound
        self.counts = counts
        self.category = category
        self.span = span
        self.status = status
    }
}

/// Words attributed to a speaker in a document.
public struct Quote: Sendable, Equatable, Codable {
    public enum SpeakerKind: String, Sendable, Codable { case person, organisation, document }

    public var id: Int64?
    public var documentID: Int64
    public var speakerKind: SpeakerKind
    public var personID: Int64?
    public var organisationID: Int64?
    public var text: String
    public var span: SourceSpan
    public var status: FactStatus

    public init(
        id: Int64? = nil, documentID: Int64, speakerKind: SpeakerKind = .person, personID: Int64? = nil,
        organisationID: Int64? = nil, text: String, span: SourceSpan, status: FactStatus = .extracted
    ) {
        self.id = id
        self.documentID = documentID
        self.speakerKind = speakerKind
        self.personID = personID
        self.organisationID = organisationID
        self.text = text
        self.span = span
        self.status = status
    }
}

/// A place where a document names a person, organisation, operation or date.
public struct Mention: Sendable, Equatable, Codable {
    public enum Entity: Sendable, Equatable, Codable {
        case person(Int64)
        case organisation(Int64)
        case operation(Int64)
        case date(String)

        public var typeName: String {
            switch self {
            case .person: "person"
            case .organisation: "organisation"
            case .operation: "operation"
            case .date: "date"
            }
        }
    }

    public var id: Int64?
    public var documentID: Int64
    public var entity: Entity
    public var span: SourceSpan
    public var status: FactStatus

    public init(id: Int64? = nil, documentID: Int64, entity: Entity, span: SourceSpan, status: FactStatus = .extracted) {
        self.id = id
        self.documentID = documentID
        self.entity = entity
        self.span = span
        self.status = status
    }
}
