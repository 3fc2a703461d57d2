/// Everything the extractor found in one document; the unit that gets stored beside the text.
public struct Extraction: Sendable, Codable {
    public var language: String
    public var figures: [ExtractedFigure]
    public var quotes: [ExtractedQuote]
    public var people: [ExtractedPerson]
    public var organisations: [ExtractedOrganisation]
    public var operations: [ExtractedOperation]
    public var dates: [ExtractedDate]

    public init(
        language: String, figures: [ExtractedFigure] = [], quotes: [ExtractedQuote] = [],
        people: [ExtractedPerson] = [], organisations: [ExtractedOrganisation] = [],
        operations: [ExtractedOperation] = [], dates: [ExtractedDate] = []
    ) {
        self.language = language
        self.figures = figures
        self.quotes = quotes
        self.people = people
        self.organisations = organisations
        self.operations = operations
        self.dates = dates
    }
}
