/// A slice of the document body addressed by Unicode scalar offsets, so that offsets
/// stay stable across platforms and grapheme rules ("\r\n" is one Character but two scalars).
public struct TextSpan: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int
    public var text: String

    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }

    /// True when the two half-open ranges share at least one scalar.
    public func overlaps(_ other: TextSpan) -> Bool {
        start < other.end && other.start < end
    }
}
