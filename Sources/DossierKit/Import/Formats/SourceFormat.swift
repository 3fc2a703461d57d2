/// What kind of file a document's text was taken from, recorded with the document.
public enum SourceFormat: String, Sendable, Codable, CaseIterable {
    /// Plain text or Markdown, stored as received (after front matter).
    case text
    /// A saved web page: the article's text, extracted.
    case html
    /// An e-mail (RFC 5322 with MIME): the message's text.
    case email = "eml"
    /// A PDF's text layer.
    case pdf

    /// The format a file is read as: a PDF by its signature whatever its name, a page or an e-mail
    /// by its extension, anything else as text (where media signatures are refused).
    static func of(fileName: String?, bytes: [UInt8]) -> SourceFormat {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        guard let fileName, let dot = fileName.lastIndex(of: ".") else { return .text }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "html", "htm", "xhtml": return .html
        case "eml": return .email
        case "pdf": return .pdf
        default: return .text
        }
    }
}

/// A file in a format Dossier extracts text from, read: the text to store and what the file says
/// about itself.
public struct ExtractedSource: Sendable {
    public var body: String
    public var encoding: String
    /// Title, date, URL… as the file states them (the page's meta tags, the message's headers, the
    /// PDF's info dictionary): they rank like front matter, under the options.
    public var metadata: DocumentMetadata
    public var format: SourceFormat
    public var extractorVersion: String
    /// An e-mail's Message-ID, without its angle brackets.
    public var messageID: String? = nil
    /// Parts of an e-mail that are not its text: listed, never stored.
    public var attachments: [Attachment] = []

    public struct Attachment: Sendable, Codable, Equatable {
        public var fileName: String?
        public var contentType: String
        public var bytes: Int
    }
}
