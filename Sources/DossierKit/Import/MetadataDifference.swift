/// One metadata field that a file declares differently from the archived document with the same text.
///
/// A file whose body is already archived is not stored again, but what its front matter (or the
/// import's options) says is not thrown away silently: the differences are reported, recorded in
/// the document's history, and can be applied with `dossier document set`.
public struct MetadataDifference: Sendable, Equatable, Codable {
    /// The front-matter name of the field, which is also the `dossier document set` option: `title`, `published`…
    public let field: String
    /// The archived value; nil when the document has none.
    public let old: Value?
    /// The value the new file declares.
    public let new: Value

    /// A field's value: text, or a list for tags.
    public enum Value: Sendable, Equatable, Codable, CustomStringConvertible {
        case text(String)
        case list([String])

        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let list = try? container.decode([String].self) {
                self = .list(list)
            } else {
                self = .text(try container.decode(String.self))
            }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .list(let list): try container.encode(list)
            }
        }

        /// Quoted, so that leading or trailing spaces show.
        public var description: String {
            switch self {
            case .text(let text): "\"\(text)\""
            case .list(let list): "[" + list.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
            }
        }
    }

    public init(field: String, old: Value?, new: Value) {
        self.field = field
        self.old = old
        self.new = new
    }

    private enum CodingKeys: String, CodingKey { case field, old, new }

    /// Writes `old` as null rather than leaving it out, so "the archive has none" is explicit.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(field, forKey: .field)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
    }

    /// The fields `declared` sets to something other than what `archived` holds, in a fixed order.
    ///
    /// Only declared fields are compared (front matter and options, not what is inferred from the
    /// text): a file that says nothing about its publisher does not differ from one that names it.
    /// Links and operations (`translation_of`, `cites`, `operation`) are not document fields and are not compared.
    public static func between(archived: Document, declared: DocumentMetadata) -> [MetadataDifference] {
        func text(_ field: String, _ old: String?, _ new: String?) -> MetadataDifference? {
            guard let new, new != old else { return nil }
            return MetadataDifference(field: field, old: old.map(Value.text), new: .text(new))
        }
        var differences = [
            text("title", archived.title, declared.title),
            text("publisher", archived.publisher, declared.publisher),
            text("author", archived.author, declared.author),
            text("url", archived.url, declared.url),
            text("published", archived.publishedOn, declared.published),
            text("retrieved", archived.retrievedOn, declared.retrieved),
            text("language", archived.language, declared.language),
            text("kind", archived.kind.rawValue, declared.kind?.rawValue),
        ].compactMap { $0 }
        if let tags = declared.tags, tags != archived.tags {
            differences.append(
                MetadataDifference(field: "tags", old: archived.tags.isEmpty ? nil : .list(archived.tags), new: .list(tags)))
        }
        return differences
    }

    /// Fields `dossier document set` can change; tags have no option there yet.
    static let settable: Set<String> = ["title", "publisher", "author", "url", "published", "retrieved", "language", "kind"]

    /// Whether `dossier document set` can apply this difference.
    public var isSettable: Bool { Self.settable.contains(field) }

    /// The command that applies the settable differences to document `id`, or nil when none is settable.
    public static func applyCommand(documentID id: Int64, _ differences: [MetadataDifference]) -> String? {
        var words = ["dossier", "document", "set", String(id)]
        for difference in differences where difference.isSettable {
            guard case .text(let value) = difference.new else { continue }
            words += ["--\(difference.field)", ShellWord.quoted(value)]
        }
        return words.count > 4 ? words.joined(separator: " ") : nil
    }
}

/// Quoting for a word of a command shown to the user, so that it can be pasted into a POSIX shell.
enum ShellWord {
    static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { safe.contains($0) }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    private static let safe = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./_-".unicodeScalars)
}
