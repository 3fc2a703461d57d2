/// One document as a CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html),
/// the input of every CSL processor and of Zotero's File → Import.
///
/// Fields with no value are left out rather than written as null: several processors treat a
/// present key as a value to print.
struct CSLItem: Encodable, Equatable {
    struct Name: Encodable, Equatable {
        var family: String?
        var given: String?
        var nonDroppingParticle: String?
        var suffix: String?
        var literal: String?

        enum CodingKeys: String, CodingKey {
            case family, given, suffix, literal
            case nonDroppingParticle = "non-dropping-particle"
        }

        init(_ name: AuthorName) {
            switch name {
            case .literal(let text):
                literal = text
            case .person(let given, let family, let particle, let suffix):
                self.given = given
                self.family = family
                nonDroppingParticle = particle
                self.suffix = suffix
            }
        }
    }

    /// `date-parts` for a date the archive holds as ISO; `literal` for one it does not, so the
    /// text is printed as stored rather than dropped.
    struct Date: Encodable, Equatable {
        var dateParts: [[Int]]?
        var literal: String?

        enum CodingKeys: String, CodingKey {
            case dateParts = "date-parts"
            case literal
        }

        init(_ text: String) {
            if let date = PartialDate(iso: text) {
                dateParts = [date.parts]
            } else {
                literal = text
            }
        }
    }

    var id: String
    var type: String
    var title: String?
    var publisher: String?
    var author: [Name]?
    var url: String?
    var issued: Date?
    var accessed: Date?
    var language: String?
    /// CSL's word for what kind of document it is, printed by most styles ("[Press release]").
    var genre: String?
    var archive: String
    var archiveLocation: String

    enum CodingKeys: String, CodingKey {
        case id, type, title, publisher, author, issued, accessed, language, genre, archive
        case url = "URL"
        case archiveLocation = "archive_location"
    }

    init(_ record: CitationRecord) {
        id = "dossier-\(record.documentID)"
        type = Self.type(of: record.kind)
        title = record.title
        publisher = record.publisher
        author = record.authors.isEmpty ? nil : record.authors.map(Name.init)
        url = record.url
        issued = record.publishedOn.map(Date.init)
        accessed = record.retrievedOn.map(Date.init)
        language = record.language
        genre = record.kind == .pressRelease ? "Press release" : nil
        archive = record.archiveName
        archiveLocation = record.archiveLocation
    }

    /// CSL 1.0.2 has no press-release type: `document` is its generic one.
    static func type(of kind: Document.Kind) -> String {
        switch kind {
        case .article: "article-newspaper"
        case .report: "report"
        case .pressRelease, .other: "document"
        }
    }
}
