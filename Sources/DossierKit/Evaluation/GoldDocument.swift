/// The gold annotation format of eval/gold/*.json (see ANNOTATION_GUIDE.md); decoding is lenient
/// so optional extension keys may be absent.
struct GoldDocument: Decodable {
    struct Org: Decodable {
        var name: String
        var aliasesInText: [String]?
        var optional: Bool?

        enum CodingKeys: String, CodingKey {
            case name, optional
            case aliasesInText = "aliases_in_text"
        }
    }
    struct Person: Decodable {
        var name: String
        var role: String?
        var organisation: String?
        var aliasesInText: [String]?
        var optional: Bool?

        enum CodingKeys: String, CodingKey {
            case name, role, organisation, optional
            case aliasesInText = "aliases_in_text"
        }
    }
    struct Quote: Decodable {
        var speaker: String
        var startsWith: String
        var speakerType: String?
        var paragraphStarts: [String]?
        var optional: Bool?

        enum CodingKeys: String, CodingKey {
            case speaker, optional
            case startsWith = "starts_with"
            case speakerType = "speaker_type"
            case paragraphStarts = "paragraph_starts"
        }
    }
    struct Figure: Decodable {
        var text: String
        var value: Double
        var unit: String?
        var otherMentions: [String]?
        var optional: Bool?

        enum CodingKeys: String, CodingKey {
            case text, value, unit, optional
            case otherMentions = "other_mentions"
        }
    }
    struct DateItem: Decodable {
        var text: String
        var iso: String
        var optional: Bool?
    }
    var language: String?
    var operations: [String]?
    var organisations: [Org]?
    var people: [Person]?
    var quotes: [Quote]?
    var figures: [Figure]?
    var dates: [DateItem]?
}
