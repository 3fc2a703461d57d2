/// The gold annotation format of eval/gold/*.json (see ANNOTATION_GUIDE.md); decoding is lenient
/// so optional extension keys may be absent.
struct GoldDocument: Decodable {
    struct Org: Decodable { var name: String; var aliases_in_text: [String]?; var optional: Bool? }
    struct Person: Decodable { var name: String; var role: String?; var organisation: String?; var aliases_in_text: [String]?; var optional: Bool? }
    struct Quote: Decodable { var speaker: String; var starts_with: String; var speaker_type: String?; var paragraph_starts: [String]?; var optional: Bool? }
    struct Figure: Decodable { var text: String; var value: Double; var unit: String?; var other_mentions: [String]?; var optional: Bool? }
    struct DateItem: Decodable { var text: String; var iso: String; var optional: Bool? }
    var language: String?
    var operations: [String]?
    var organisations: [Org]?
    var people: [Person]?
    var quotes: [Quote]?
    var figures: [Figure]?
    var dates: [DateItem]?
}
