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
    /// into large structures. Control characters are refused in every field (see `ControlCharacter`),
    /// and a language must be an ISO 639-1 code (`LanguageCode`). `firstLine` is the line of the file
    /// where the YAML starts, so that errors give the file's line numbers.
    public static func metadata(from yaml: String, file: String, firstLine: Int = 1) throws -> DocumentMetadata {
        guard yaml.utf8.count <= maximumBytes else {
            throw ImportFailure(file: file, "front matter is larger than \(maximumBytes / 1024) KiB")
        }
        try refuseRawControlCharacters(in: yaml, file: file, firstLine: firstLine)
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
            let field = Field(file: file, name: key, value: value, lineOffset: firstLine - 1, keyLine: keyNode.mark?.line ?? 1)
            switch key.lowercased() {
            case "title": metadata.title = try field.text()
            case "publisher": metadata.publisher = try field.text()
            case "author": metadata.author = try field.text()
            case "url": metadata.url = try field.text()
            case "published", "date", "published_on": metadata.published = try field.date()
            case "retrieved", "retrieved_on": metadata.retrieved = try field.date()
            case "language", "lang": metadata.language = try field.language()
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

    /// Refuses control characters written as such in the YAML. YAML itself refuses most of them, but
    /// with a message that names neither the field nor the line of the file; this names both.
    /// Tab is left to the fields' own check: YAML allows it, and so does a title.
    private static func refuseRawControlCharacters(in yaml: String, file: String, firstLine: Int) throws {
        var lines: [[Unicode.Scalar]] = [[]]
        var previous: Unicode.Scalar?
        for scalar in yaml.unicodeScalars {
            if scalar == "\n" {
                if previous != "\r" { lines.append([]) }
            } else if scalar == "\r" {
                lines.append([])
            } else {
                lines[lines.count - 1].append(scalar)
            }
            previous = scalar
        }
        for (index, line) in lines.enumerated() {
            guard let scalar = line.first(where: { $0 != "\t" && ControlCharacter.isRefused($0) }) else { continue }
            let place =
                fieldName(owningLine: index, of: lines).map { "front matter field '\($0)' on line " } ?? "front matter line "
            throw ImportFailure(
                file: file,
                "\(place)\(firstLine + index) holds the control character \(ControlCharacter.name(scalar)); remove it")
        }
    }

    /// The top-level key whose value a line belongs to: the nearest line at or above it that starts
    /// a mapping entry, unless that key itself holds a control character.
    private static func fieldName(owningLine index: Int, of lines: [[Unicode.Scalar]]) -> String? {
        for line in lines[...index].reversed() {
            guard let first = line.first, first != " ", first != "\t", first != "#", first != "-",
                let colon = line.firstIndex(of: ":")
            else { continue }
            var key = String(String.UnicodeScalarView(line[..<colon])).trimmingTrailingSpaces()
            if key.count >= 2, let quote = key.first, quote == "\"" || quote == "'", key.last == quote {
                key = String(key.dropFirst().dropLast())
            }
            return ControlCharacter.first(in: key) == nil && !key.isEmpty ? key : nil
        }
        return nil
    }

    private static func describe(_ error: YamlError) -> String {
        String(describing: error).split(separator: "\n").first.map(String.init) ?? "syntax error"
    }

    /// One front-matter field, read with the type Dossier expects.
    private struct Field {
        let file: String
        let name: String
        let value: Node
        /// What turns a line of the YAML into a line of the file.
        let lineOffset: Int
        /// The line of the YAML where the field starts.
        let keyLine: Int

        /// The line of the file where the field starts.
        var line: Int { lineOffset + keyLine }

        func wrongType(_ expected: String) -> ImportFailure {
            ImportFailure(file: file, "front matter field '\(name)' must be \(expected)")
        }

        func text() throws -> String? {
            guard let scalar = value.scalar else { throw wrongType("a single value") }
            if isNull(scalar) { return nil }
            try refuseControlCharacters(in: scalar.string)
            return scalar.string
        }

        /// Control characters that YAML escapes such as `"\e"`, `"\0"` or `"\u009B"` produce.
        /// `node` is the list item the text comes from, whose own line is given.
        func refuseControlCharacters(in text: String, of node: Node? = nil) throws {
            let multiline = DocumentMetadata.multilineFields.contains(name.lowercased())
            guard let (scalar, _) = ControlCharacter.first(in: text, multiline: multiline) else { return }
            let line = node?.mark.map { lineOffset + $0.line } ?? line
            throw ImportFailure(
                file: file,
                "front matter field '\(name)' on line \(line) holds the control character \(ControlCharacter.name(scalar)); "
                    + "remove it")
        }

        func language() throws -> String? {
            guard let raw = try text() else { return nil }
            guard let code = LanguageCode.normalized(raw) else {
                throw ImportFailure(file: file, "front matter field '\(name)' on line \(line): \(LanguageCode.refusal(raw))")
            }
            return code
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
                if isNull(scalar) { return nil }
                try refuseControlCharacters(in: scalar.string)
                return [scalar.string]
            }
            guard let sequence = value.sequence else { throw wrongType("a list of values") }
            return try sequence.map {
                guard let scalar = $0.scalar else { throw wrongType("a list of single values") }
                try refuseControlCharacters(in: scalar.string, of: $0)
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
