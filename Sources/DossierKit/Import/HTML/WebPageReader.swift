/// Reads a saved web page: its article text, as paragraphs separated by blank lines, and its metadata.
public struct WebPageReader: Sendable {
    let extractor = ArticleExtractor()

    public init() {}

    /// `declaredEncoding` is the archivist's `--encoding`, which wins over the page's declaration.
    public func read(_ bytes: [UInt8], file: String, declaredEncoding: String? = nil) throws -> ExtractedSource {
        let parsed: HTMLDocument.Parsed
        do {
            parsed = try HTMLDocument.parse(bytes, declaredEncoding: declaredEncoding)
        } catch {
            throw ImportFailure(file: file, error.reason)
        }
        let metadata = WebPageMetadata.read(parsed)
        let body = extractor.paragraphs(of: parsed.root).joined(separator: "\n\n")
        guard !body.isEmpty else {
            throw ImportFailure(file: file, "no readable text found in the page (HTML without an article?)")
        }
        return ExtractedSource(
            body: body, encoding: parsed.encoding, metadata: metadata, format: .html,
            extractorVersion: ArticleExtractor.version)
    }
}
