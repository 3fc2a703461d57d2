import Foundation

/// Turns the raw bytes of one file into a `PreparedDocument`: decoding, front matter, inference
/// and extraction. Pure with respect to the archive: it reads and writes nothing there.
public struct DocumentPreparer: Sendable {
    let decoder: SourceDecoder
    let extractor: FactExtractor
    let overrides: DocumentMetadata
    let readers: SourceReaders

    public init(
        decoder: SourceDecoder, extractor: FactExtractor, overrides: DocumentMetadata, readers: SourceReaders = SourceReaders()
    ) {
        self.decoder = decoder
        self.extractor = extractor
        self.overrides = overrides
        self.readers = readers
    }

    public func prepare(bytes: [UInt8], fileName: String?, sourcePath: String?, displayName: String) throws -> PreparedDocument {
        let format = SourceFormat.of(fileName: fileName, bytes: bytes)
        let source: ExtractedSource
        if format == .text {
            let decoded = try decoder.decode(bytes, file: displayName)
            let split = FrontMatter.split(decoded.body)
            let declared =
                try split.yaml.map { try FrontMatter.metadata(from: $0, file: displayName, firstLine: split.firstYAMLLine) }
                ?? DocumentMetadata()
            guard !split.body.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) else {
                throw ImportFailure(file: displayName, "has front matter but no text after it")
            }
            source = ExtractedSource(
                body: split.body, encoding: decoded.encoding, metadata: declared, format: .text, extractorVersion: "")
        } else {
            source = try readers.read(format, bytes: bytes, file: displayName)
        }
        return try prepare(source, bytes: bytes, fileName: fileName, sourcePath: sourcePath, displayName: displayName)
    }

    /// What the file says about itself (front matter, a page's meta tags, a message's headers) ranks
    /// under the options and over inference.
    private func prepare(
        _ source: ExtractedSource, bytes: [UInt8], fileName: String?, sourcePath: String?, displayName: String
    ) throws -> PreparedDocument {
        let declared = source.metadata
        let body = source.body
        // Front matter's language is checked where it is read; options are checked here for callers
        // other than the command line, which refuses them before reading anything.
        if let language = overrides.language, LanguageCode.normalized(language) != language {
            throw ImportFailure(file: displayName, LanguageCode.refusal(language))
        }
        // Titles and datelines sit at the top: reading only the head keeps inference cheap on long texts.
        let head = String(body.prefix(Self.headLength))
        let inferred = DocumentMetadata(
            title: DocumentMetadataInference.title(of: head),
            published: DocumentMetadataInference.publicationDate(of: head),
            language: LanguageDetector.detect(body))
        let stated = declared.overlaid(by: overrides)
        let metadata = inferred.overlaid(by: stated)
        let extraction = extractor.extract(from: body, language: metadata.language, published: metadata.published)
        let document = Document(
            sha256: SHA256Hex.of(body), originalSHA256: SHA256Hex.of(bytes),
            normalizedSHA256: SHA256Hex.of(Self.collapsingWhitespace(body)), body: body,
            title: metadata.title ?? Self.fallbackTitle(fileName: fileName, body: head),
            fileName: fileName, sourcePath: sourcePath, sizeBytes: bytes.count, encoding: source.encoding,
            publisher: metadata.publisher, author: metadata.author, url: metadata.url, publishedOn: metadata.published,
            retrievedOn: metadata.retrieved, language: metadata.language, kind: metadata.kind ?? .pressRelease,
            tags: metadata.tags ?? [], importedAt: Timestamp.now(), sourceFormat: source.format,
            extractorVersion: source.format == .text ? nil : source.extractorVersion, messageID: source.messageID)
        return PreparedDocument(
            document: document, metadata: metadata, declared: stated, extraction: extraction, attachments: source.attachments)
    }

    /// The body an import stores for a file's bytes, given the encoding it recorded: what
    /// `check --against-sources` compares with the stored body.
    /// A page, a message or a PDF (by its name or, for a PDF, its bytes) is extracted again by the
    /// current extractors: the same bytes then give the same text while the extractor is the same.
    public static func body(of bytes: [UInt8], recordedEncoding: String, file: String) throws -> String {
        let declared = SourceDecoder.LegacyEncoding(rawValue: recordedEncoding)
        let format = SourceFormat.of(fileName: file, bytes: bytes)
        if format != .text {
            return try SourceReaders(declaredEncoding: declared).read(format, bytes: bytes, file: file).body
        }
        let decoder = SourceDecoder(declaredEncoding: declared)
        return FrontMatter.split(try decoder.decode(bytes, file: file).body).body
    }

    /// The title of a document that declares none and whose first lines do not read as one: its file
    /// name (what reports showed in its place before), or for standard input its first line, so that
    /// every list and label (Datasette's among them) names a document by words, never by a bare id.
    static func fallbackTitle(fileName: String?, body: String) -> String {
        if let fileName { return fileName }
        let firstLine =
            body.split(whereSeparator: \.isNewline).lazy
            .map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? ""
        return firstLine.count > Self.fallbackTitleLength ? firstLine.prefix(Self.fallbackTitleLength) + "…" : firstLine
    }

    static let fallbackTitleLength = 120

    /// How much of the body title and date inference read.
    static let headLength = 4_000

    /// The body with every run of whitespace turned into one space and the ends trimmed, so that
    /// texts differing only in line endings or spacing hash alike.
    static func collapsingWhitespace(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { utf8 in
            // Never longer than the text: a run of whitespace becomes at most one space.
            [UInt8](unsafeUninitializedCapacity: utf8.count) { output, initialized in
                var count = 0
                var pendingSpace = false
                var index = 0
                while index < utf8.count {
                    let byte = utf8[index]
                    // ASCII is answered from the byte; anything else is decoded first.
                    let length: Int
                    let isSpace: Bool
                    if byte < 0x80 {
                        length = 1
                        isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                    } else {
                        let scalar: Unicode.Scalar
                        (scalar, length) = TextFolding.scalar(in: utf8, at: index)
                        isSpace = isWhitespace(scalar.value)
                    }
                    if isSpace {
                        pendingSpace = count > 0
                    } else {
                        if pendingSpace {
                            output[count] = 0x20
                            count += 1
                            pendingSpace = false
                        }
                        if length == 1 {
                            output[count] = byte
                        } else {
                            for offset in 0..<length { output[count + offset] = utf8[index + offset] }
                        }
                        count += length
                    }
                    index += length
                }
                initialized = count
            }
        }
    }

    /// Unicode's White_Space property, spelled out: looking the property up for every accented
    /// letter cost more than the rest of the loop. A test compares it with the property for every scalar.
    static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
