/// The readers of the formats Dossier extracts text from, with the limits of one import run.
public struct SourceReaders: Sendable {
    /// The archivist's `--encoding`, which wins over what a page or message declares.
    public var declaredEncoding: SourceDecoder.LegacyEncoding?

    public init(declaredEncoding: SourceDecoder.LegacyEncoding? = nil) {
        self.declaredEncoding = declaredEncoding
    }

    func read(_ format: SourceFormat, bytes: [UInt8], file: String) throws -> ExtractedSource {
        guard !bytes.isEmpty else { throw ImportFailure(file: file, "file is empty") }
        if format != .pdf, let media = MediaSignature.match(bytes) {
            throw ImportFailure(file: file, "looks like \(media), not text; Dossier archives text only")
        }
        switch format {
        case .html:
            return try WebPageReader().read(bytes, file: file, declaredEncoding: declaredEncoding?.rawValue)
        case .email:
            return try EmailReader().read(bytes, file: file)
        case .pdf:
            return try PDFReader().read(bytes, file: file)
        case .text:
            throw ImportFailure(file: file, "cannot be read as \(format.rawValue) yet")
        }
    }
}
