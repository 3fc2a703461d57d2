/// An e-mail as RFC 5322 and MIME (RFC 2045–2047) describe it: unfolded headers, and a tree of
/// parts with their bodies decoded from quoted-printable or base64.
///
/// Bounded, because a message is untrusted input: at most `maximumParts` parts, multiparts nested
/// at most `maximumDepth` deep, and `maximumDecodedBytes` of decoded content in all. Past any of
/// them the message is refused as a whole, with the limit named.
struct MIMEMessage {
    static let maximumParts = 200
    static let maximumDepth = 12
    static let maximumDecodedBytes = 32 << 20

    struct Limit: Error, Equatable {
        let reason: String
    }

    struct Header {
        let name: String
        let value: String
    }

    /// One part: its headers and, for a leaf, its decoded content; for a multipart, its parts.
    struct Part {
        var headers: [Header]
        var contentType: ContentType
        var disposition: String?
        var fileName: String?
        var transferEncoding: String
        var content: [UInt8] = []
        var parts: [Part] = []

        func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }

        var isAttachment: Bool { disposition == "attachment" || fileName != nil }
    }

    struct ContentType {
        var type = "text"
        var subtype = "plain"
        var parameters: [String: String] = [:]

        var mediaType: String { "\(type)/\(subtype)" }
        var charset: String? { parameters["charset"] }
    }

    let root: Part

    /// Counts kept while parsing, to enforce the limits across the whole tree.
    private struct Budget {
        var parts = 0
        var decodedBytes = 0
    }

    init(_ bytes: [UInt8]) throws(Limit) {
        var budget = Budget()
        root = try Self.parsePart(bytes[...], depth: 0, budget: &budget)
    }

    private static func parsePart(_ bytes: ArraySlice<UInt8>, depth: Int, budget: inout Budget) throws(Limit) -> Part {
        budget.parts += 1
        guard budget.parts <= maximumParts else {
            throw Limit(reason: "has more than \(maximumParts) MIME parts; Dossier refuses such messages")
        }
        let (headerBytes, body) = splitHeaders(bytes)
        let headers = unfoldedHeaders(headerBytes)
        let find = { (name: String) in headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value }
        let contentType = find("Content-Type").map(parseContentType) ?? ContentType()
        let dispositionValue = find("Content-Disposition").map(parseParameters)
        var part = Part(
            headers: headers, contentType: contentType, disposition: dispositionValue?.value.lowercased(),
            fileName: dispositionValue?.parameters["filename"] ?? contentType.parameters["name"],
            transferEncoding: (find("Content-Transfer-Encoding") ?? "7bit").trimmed.lowercased())
        if let name = part.fileName { part.fileName = EncodedWords.decode(name) }
        if contentType.type == "multipart", let boundary = contentType.parameters["boundary"], !boundary.isEmpty {
            guard depth < maximumDepth else {
                throw Limit(reason: "nests MIME multiparts deeper than \(maximumDepth); Dossier refuses such messages")
            }
            for section in split(body, boundary: Array(boundary.utf8)) {
                part.parts.append(try parsePart(section, depth: depth + 1, budget: &budget))
            }
            return part
        }
        switch part.transferEncoding {
        case "base64": part.content = Base64.decode(body)
        case "quoted-printable": part.content = QuotedPrintable.decode(body)
        default: part.content = Array(body)
        }
        budget.decodedBytes += part.content.count
        guard budget.decodedBytes <= maximumDecodedBytes else {
            throw Limit(reason: "decodes to more than \(maximumDecodedBytes >> 20) MiB; Dossier refuses such messages")
        }
        return part
    }

    /// Headers end at the first empty line (CRLF CRLF or LF LF).
    static func splitHeaders(_ bytes: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
        var index = bytes.startIndex
        var lineStart = index
        while index < bytes.endIndex {
            if bytes[index] == 0x0A {
                let line = bytes[lineStart..<index]
                if line.isEmpty || line.elementsEqual([0x0D]) {
                    return (bytes[bytes.startIndex..<lineStart], bytes[(index + 1)...])
                }
                lineStart = index + 1
            }
            index += 1
        }
        return (bytes, bytes[bytes.endIndex...])
    }

    /// RFC 5322 unfolding: a line that starts with a space or tab continues the header above it.
    static func unfoldedHeaders(_ bytes: ArraySlice<UInt8>) -> [Header] {
        var headers: [(name: String, value: [UInt8])] = []
        for rawLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
            var line = rawLine
            if line.last == 0x0D { line = line.dropLast() }
            guard let first = line.first else { continue }
            if first == 0x20 || first == 0x09 {
                if !headers.isEmpty { headers[headers.count - 1].value += Array(line) }
                continue
            }
            guard let colon = line.firstIndex(of: 0x3A) else { continue }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).trimmed
            headers.append((name, Array(line[(colon + 1)...])))
        }
        return headers.map { Header(name: $0.name, value: EncodedWords.decode(Charsets.headerText($0.value)).trimmed) }
    }

    static func parseContentType(_ value: String) -> ContentType {
        let (mediaType, parameters) = parseParameters(value)
        let pieces = mediaType.lowercased().split(separator: "/", maxSplits: 1).map { String($0).trimmed }
        guard pieces.count == 2 else { return ContentType(parameters: parameters) }
        return ContentType(type: pieces[0], subtype: pieces[1], parameters: parameters)
    }

    /// `value; name=token; name="quoted"; name*=charset''percent-encoded` (RFC 2045, RFC 2231).
    static func parseParameters(_ header: String) -> (value: String, parameters: [String: String]) {
        var pieces: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        for character in header {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" && inQuotes {
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
            } else if character == ";" && !inQuotes {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            var name = piece[..<equals].trimmed.lowercased()
            var value = piece[piece.index(after: equals)...].trimmed
            if name.hasSuffix("*") {
                name.removeLast()
                let parts = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if parts.count == 3 {
                    let decoded = PercentDecoding.decode(String(parts[2]))
                    value = Charsets.decode(decoded, charset: String(parts[0])) ?? String(parts[2])
                }
            }
            parameters[name] = value
        }
        return (pieces.first?.trimmed ?? "", parameters)
    }

    /// The sections of a multipart body between `--boundary` lines, up to `--boundary--`.
    static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>] {
        let delimiter: [UInt8] = [0x2D, 0x2D] + boundary
        var sections: [ArraySlice<UInt8>] = []
        var sectionStart: Int?
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let lineEnd = body[lineStart...].firstIndex(of: 0x0A) ?? body.endIndex
            let line = body[lineStart..<lineEnd]
            if line.starts(with: delimiter) {
                let rest = line.dropFirst(delimiter.count)
                let isClosing = rest.starts(with: [0x2D, 0x2D])
                let isDelimiter = isClosing || rest.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
                if isDelimiter {
                    if let start = sectionStart {
                        // The line break before a delimiter belongs to it (RFC 2046, 5.1.1).
                        var end = lineStart
                        if end > start, body[end - 1] == 0x0A { end -= 1 }
                        if end > start, body[end - 1] == 0x0D { end -= 1 }
                        sections.append(body[start..<max(start, end)])
                    }
                    if isClosing { return sections }
                    sectionStart = min(lineEnd + 1, body.endIndex)
                }
            }
            lineStart = lineEnd + 1
        }
        // No closing delimiter: what follows the last one is a part too (recovering a truncated message).
        if let start = sectionStart, start < body.endIndex { sections.append(body[start...]) }
        return sections
    }

    /// Every leaf part, depth first.
    var leaves: [Part] {
        var result: [Part] = []
        var stack = [root]
        while let part = stack.popLast() {
            if part.parts.isEmpty && part.contentType.type != "multipart" {
                result.append(part)
            } else {
                stack.append(contentsOf: part.parts.reversed())
            }
        }
        return result
    }
}

extension StringProtocol {
    var trimmed: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" || first == "\n" {
            scalars.removeFirst()
        }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" || last == "\n" { scalars.removeLast() }
        return String(scalars)
    }
}
