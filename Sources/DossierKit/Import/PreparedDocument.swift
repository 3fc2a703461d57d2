/// A document ready to be stored: decoded, described and with its facts extracted, not yet written.
public struct PreparedDocument: Sendable {
    public var document: Document
    /// What is stored: inference overlaid by front matter and options.
    public var metadata: DocumentMetadata
    /// What the file's front matter and the options declare, without inference: what a duplicate
    /// is compared on.
    public var declared: DocumentMetadata
    public var extraction: Extraction
    /// Parts of an e-mail that are not its text: listed in the import's result, never stored.
    public var attachments: [ExtractedSource.Attachment] = []
}
