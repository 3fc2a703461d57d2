/// One imported text, stored verbatim, with its provenance.
public struct Document: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case pressRelease = "press_release"
        case article, report, other
    }

    public var id: Int64?
    /// SHA-256 of the stored body: the document's natural key.
    public var sha256: String
    /// SHA-256 of the bytes as received, before decoding.
    public var originalSHA256: String
    /// SHA-256 of the body with whitespace runs collapsed, to find probable duplicates.
    public var normalizedSHA256: String
    public var body: String
    public var title: String?
    public var fileName: String?
    public var sourcePath: String?
    public var sizeBytes: Int
    public var encoding: String
    public var publisher: String?
    public var author: String?
    public var url: String?
    public var publishedOn: String?
    public var retrievedOn: String?
    public var language: String?
    public var kind: Kind
    public var tags: [String]
    public var batchID: Int64?
    public var importedAt: String
    /// What the text was taken from: text as received, or extracted from a page, an e-mail or a PDF.
    public var sourceFormat: SourceFormat
    /// The extractor that produced the text from `sourceFormat` (nil for text).
    public var extractorVersion: String?
    /// An e-mail's Message-ID.
    public var messageID: String?

    public init(
        id: Int64? = nil, sha256: String, originalSHA256: String, normalizedSHA256: String, body: String,
        title: String? = nil, fileName: String? = nil, sourcePath: String? = nil, sizeBytes: Int,
        encoding: String = "utf-8", publisher: String? = nil, author: String? = nil, url: String? = nil,
        publishedOn: String? = nil, retrievedOn: String? = nil, language: String? = nil,
        kind: Kind = .pressRelease, tags: [String] = [], batchID: Int64? = nil, importedAt: String,
        sourceFormat: SourceFormat = .text, extractorVersion: String? = nil, messageID: String? = nil
    ) {
        self.id = id
        self.sha256 = sha256
        self.originalSHA256 = originalSHA256
        self.normalizedSHA256 = normalizedSHA256
        self.body = body
        self.title = title
        self.fileName = fileName
        self.sourcePath = sourcePath
        self.sizeBytes = sizeBytes
        self.encoding = encoding
        self.publisher = publisher
        self.author = author
        self.url = url
        self.publishedOn = publishedOn
        self.retrievedOn = retrievedOn
        self.language = language
        self.kind = kind
        self.tags = tags
        self.batchID = batchID
        self.importedAt = importedAt
        self.sourceFormat = sourceFormat
        self.extractorVersion = extractorVersion
        self.messageID = messageID
    }
}
