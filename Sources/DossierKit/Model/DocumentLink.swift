/// A relation from a document to another document, or to an external URL not in the archive.
public struct DocumentLink: Sendable, Equatable, Codable {
    public enum Relation: String, Sendable, Codable, CaseIterable {
        case translationOf = "translation_of"
        case cites
        case derivedFrom = "derived_from"
        case probableDuplicateOf = "probable_duplicate_of"
        /// Extracted from the same bytes as the target, by another extractor version.
        case sameSourceAs = "same_source_as"
    }

    public var id: Int64?
    public var documentID: Int64
    public var relation: Relation
    public var targetDocumentID: Int64?
    public var targetURL: String?

    public init(id: Int64? = nil, documentID: Int64, relation: Relation, targetDocumentID: Int64? = nil, targetURL: String? = nil)
    {
        self.id = id
        self.documentID = documentID
        self.relation = relation
        self.targetDocumentID = targetDocumentID
        self.targetURL = targetURL
    }
}
