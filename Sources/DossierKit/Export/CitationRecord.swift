/// What a citation of one archived document says: its metadata as stored, and where in which
/// archive the verbatim text is kept. CSL-JSON and RIS are two spellings of this one record.
struct CitationRecord: Sendable, Equatable {
    var documentID: Int64
    var sha256: String
    var title: String?
    var publisher: String?
    var authors: [AuthorName]
    var url: String?
    /// Publication and retrieval dates as stored (YYYY, YYYY-MM or YYYY-MM-DD).
    var publishedOn: String?
    var retrievedOn: String?
    var language: String?
    var kind: Document.Kind
    /// The archive's file name: where a reader asks for the archived copy.
    var archiveName: String

    /// "document 12, sha256 …": the id finds the text in this archive, the hash proves it is the
    /// same text in any copy of it.
    var archiveLocation: String {
        "document \(documentID), sha256 \(sha256)"
    }

    /// The documents columns a citation needs, by their export names.
    static let columns = [
        "id", "sha256", "title", "publisher", "author", "url", "published_on", "retrieved_on", "language", "kind",
    ]

    init(_ row: ExportRow, archiveName: String) {
        documentID = row.integer("id") ?? 0
        sha256 = row.text("sha256") ?? ""
        title = row.text("title")
        publisher = row.text("publisher")
        authors = row.text("author").map(AuthorName.parse) ?? []
        url = row.text("url")
        publishedOn = row.text("published_on")
        retrievedOn = row.text("retrieved_on")
        language = row.text("language")
        kind = row.text("kind").flatMap(Document.Kind.init(rawValue:)) ?? .other
        self.archiveName = archiveName
    }
}
