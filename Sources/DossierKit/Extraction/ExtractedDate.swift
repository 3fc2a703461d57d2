/// An absolute date, month, year or range stated in the text, normalised to ISO 8601.
public struct ExtractedDate: Sendable, Hashable, Codable {
    public var span: TextSpan
    public var iso: String

    public init(span: TextSpan, iso: String) {
        self.span = span
        self.iso = iso
    }
}
