import DossierKit

/// Who the quote forms of a document offer as a speaker, by slug: every person and organisation of
/// the archive while there are few enough to list, else those the document names or quotes (a
/// list of thousands would weigh on every page and help nobody choose). Any other slug can still
/// be typed: the library resolves it.
struct SpeakerChoices {
    /// Above this many people and organisations, the forms offer only the document's own.
    static let wholeArchiveLimit = 300

    /// Each choice's slug, name and kind (`person` or `organisation`, a key of the page's words).
    let choices: [(slug: String, name: String, kind: String)]
    private let personSlugs: [Int64: String]
    private let organisationSlugs: [Int64: String]

    init(archive: Archive, documentID: Int64) throws {
        let wholeArchive = try archive.people.count() + archive.organisations.count() <= Self.wholeArchiveLimit
        let people = try wholeArchive ? archive.people.names() : archive.people.names(documentID: documentID)
        let organisations =
            try wholeArchive ? archive.organisations.names() : archive.organisations.names(documentID: documentID)
        choices =
            people.map { ($0.slug, $0.name, "person") } + organisations.map { ($0.slug, $0.name, "organisation") }
        personSlugs = Dictionary(people.map { ($0.id, $0.slug) }, uniquingKeysWith: { a, _ in a })
        organisationSlugs = Dictionary(organisations.map { ($0.id, $0.slug) }, uniquingKeysWith: { a, _ in a })
    }

    /// The slug of whoever the quote is attributed to now.
    func slug(of quote: Quote) -> String? {
        switch quote.speakerKind {
        case .person: quote.personID.flatMap { personSlugs[$0] }
        case .organisation: quote.organisationID.flatMap { organisationSlugs[$0] }
        case .document: nil
        }
    }
}
