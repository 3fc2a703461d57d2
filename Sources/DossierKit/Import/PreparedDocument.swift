/// A document ready to be stored: decoded, described and with its facts extracted, not yet written.
public struct PreparedDocument: Sendable {
    public var document: Document
    public var metadata: DocumentMetadata
    public var extraction: Extraction
}
