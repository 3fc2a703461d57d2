/// Who a quotation is attributed to: a natural person, an institution, or a document (report, study).
public enum SpeakerKind: String, Sendable, Codable {
    case person, organisation, document
}

/// One quotation block (possibly spanning several paragraphs) and its attributed speaker.
public struct ExtractedQuote: Sendable, Hashable, Codable {
    public var span: TextSpan
    public var text: String
    public var speakerName: String?
    public var speakerKind: SpeakerKind

    public init(span: TextSpan, text: String, speakerName: String?, speakerKind: SpeakerKind) {
        self.span = span
        self.text = text
        self.speakerName = speakerName
        self.speakerKind = speakerKind
    }
}
