import Yams

/// A YAML front-matter block (`---` … `---`) at the top of a text or Markdown file.
public enum FrontMatter {
    /// Front matter larger than this is refused rather than parsed.
    static let maximumBytes = 64 * 1024

    public struct Split: Sendable, Equatable {
        /// The YAML between the fences, or nil when the text has no front matter.
        public let yaml: String?
        /// The text after the closing fence, kept verbatim: this is what is stored.
        public let body: String
        /// 1-based line number where the YAML starts, for error messages.
        public let firstYAMLLine: Int
    }

    /// Separates the front matter from the body, working on scalars so line endings survive as received.
    public static func split(_ text: String) -> Split {
        // Most documents have none: say so without copying the text into scalars.
        guard text.utf8.starts(with: "---".utf8) else { return Split(yaml: nil, body: text, firstYAMLLine: 0) }
        let scalars = Array(text.unicodeScalars)
        guard let firstEnd = lineEnd(scalars, from: 0), line(scalars, 0, firstEnd.contentEnd) == "---" else {
            return Split(yaml: nil, body: text, firstYAMLLine: 0)
        }
        var start = firstEnd.next
        let yamlStart = start
        while start < scalars.count, let end = lineEnd(scalars, from: start) {
            let content = line(scalars, start, end.contentEnd)
            if content == "---" || content == "..." {
                let yaml = String(String.UnicodeScalarView(scalars[yamlStart..<start]))
                let body = String(String.UnicodeScalarView(scalars[end.next...]))
                return Split(yaml: yaml, body: body, firstYAMLLine: 2)
            }
            start = end.next
        }
        return Split(yaml: nil, body: text, firstYAMLLine: 0)
    }

    private static func lineEnd(_ scalars: [Unicode.Scalar], from start: Int) -> (contentEnd: Int, next: Int)? {
        guard start < scalars.count else { return nil }
        var index = start
        while index < scalars.count {
            if scalars[index] == "\n" { return (index, index + 1) }
            if scalars[index] == "\r" {
                let next = index + 1 < scalars.count && scalars[index + 1] == "\n" ? index + 2 : index + 1
                return (index, next)
            }
            index += 1
        }
        return (index, index)
    }

    private static func line(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        String(String.UnicodeScalarView(scalars[start..<end])).trimmingTrailingSpaces()
    }

    /// Parses the fields Dossier knows; unknown fields are ignored, wrong types are errors naming the field.
    ///
    /// Only the top-level mapping and lists of scalars are read, so YAML aliases are never expanded
    /// into large structures.
    public static func metadata(from yaml: String, file: String) throws -> DocumentMetadata {
        guard yaml.utf8.count <= maximumBytes else {
            throw ImportFailure(file: file, "front matter is larger than \(maximumBytes / 1024) KiB")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ImportFailure(file: file, "front matter is not valid YAML: \(describe(error))")
        } catch {
            throw ImportFailure(file: file, "front matter is not valid YAML: \(error)")
        }
        guard let node else { return DocumentMetadata() }
        guard let mapping = node.mapping else {
            throw ImportFailure(file: file, "front matter must be a mapping of fields (title: …, publisher: …)")
        }
        var metadata = DocumentMetadata()
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            let field = Field(file: file, name: key, value: value)
            switch key.lowercased() {
            case "title": metadata.title = try field.text()
            case "publisher": metadata.publisher = try field.text()
            case "author": metadata.author = try field.text()
            case "url": metadata.url = try field.text()
            case "published", "date", "published_on": metadata.published = try field.date()
            case "retrieved", "retrieved_on": metadata.retrieved = try field.date()
            case "language", "lang": metadata.language = try field.text()?.lowercased()
            case "kind": metadata.kind = try field.kind()
            case "translation_of": metadata.translationOf = try field.text()
            case "cites": metadata.cites = try field.list()
            case "operation": metadata.operation = try field.text()
            case "tags": metadata.tags = try field.list()
            default: continue
            }
        }
        return metadata
    }

    private static func describe(_ error: YamlError) -> String {
        String(describing: error).split(separator: "\n").first.map(String.init) ?? "syntax error"
    }

    /// One front-matter field, read with the type Dossier expects.
    private struct Field {
        let file: String
        let name: String
        let value: Node

        func wrongType(_ expected: String) -> ImportFailure {
            ImportFailure(file: file, "front matter field '\(name)' must be \(expected)")
        }

        func text() throws -> String? {
            guard let scalar = value.scalar else { throw wrongType("a single value") }
            if isNull(scalar) { return nil }
            return scalar.string
        }

        func date() throws -> String? {
            guard let raw = try text() else { return nil }
            guard let date = ISODate.dateValue(raw) else {
                throw ImportFailure(file: file, "front matter field '\(name)' is not a valid ISO date: '\(raw)'")
            }
            return date
        }

        func kind() throws -> Document.Kind? {
            guard let raw = try text() else { return nil }
            guard let kind = Document.Kind(rawValue: raw.lowercased().replacingOccurrences(of: " ", with: "_")) else {
                throw ImportFailure(
                    file: file,
                    "front matter field 'kind' is '\(raw)'; expected one of "
                        + Document.Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return kind
        }

        /// YAML's plain null forms, which mean "not given".
        func isNull(_ scalar: Node.Scalar) -> Bool {
            scalar.string.isEmpty || (scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(scalar.string))
        }

        func list() throws -> [String]? {
            if let scalar = value.scalar {
                return isNull(scalar) ? nil : [scalar.string]
            }
            guard let sequence = value.sequence else { throw wrongType("a list of values") }
            return try sequence.map {
                guard let scalar = $0.scalar else { throw wrongType("a list of single values") }
                return scalar.string
            }
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
