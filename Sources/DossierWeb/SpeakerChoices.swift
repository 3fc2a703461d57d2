import DossierKit

/// Who can be named as a quote's speaker: every person and organisation of the archive, by slug,
/// as the quote forms offer them.
struct SpeakerChoices {
    let choices: [(slug: String, label: String)]
    private let personSlugs: [Int64: String]
    private let organisationSlugs: [Int64: String]

    init(archive: Archive) throws {
        let people = try archive.people.list()
        let organisations = try archive.organisations.list()
        choices =
            people.map { ($0.slug, "\($0.name) (person)") } + organisations.map { ($0.slug, "\($0.name) (organisation)") }
        personSlugs = Dictionary(
            people.compactMap { person in person.id.map { ($0, person.slug) } }, uniquingKeysWith: { a, _ in a })
        organisationSlugs = Dictionary(
            organisations.compactMap { organisation in organisation.id.map { ($0, organisation.slug) } },
            uniquingKeysWith: { a, _ in a })
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
