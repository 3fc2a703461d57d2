import Foundation

/// Reads an e-mailed release (`.eml`): the message's text, its metadata from the headers, and the
/// list of its attachments, which are never stored.
///
/// The text is the first `text/plain` part that is not an attachment, else the first `text/html`
/// one through the web-page extractor. A forwarded message's header block ("---------- Forwarded
/// message ---------", "-----Original Message-----", "Début du message réexpédié :" and the From:,
/// Date:, Subject:, To: lines under it) is taken out of the text; its Subject, Date and From then
/// describe the release, since the release is the forwarded message.
public struct EmailReader: Sendable {
    public static let version = "dossier-eml-1"

    public init() {}

    public func read(_ bytes: [UInt8], file: String) throws -> ExtractedSource {
        let message: MIMEMessage
        do {
            message = try MIMEMessage(bytes)
        } catch {
            throw ImportFailure(file: file, error.reason)
        }
        let root = message.root
        guard root.header("From") != nil || root.header("Subject") != nil || root.header("Date") != nil else {
            throw ImportFailure(file: file, "has no From, Subject or Date header: this is not an e-mail (RFC 5322)")
        }
        let leaves = message.leaves
        let textPart =
            leaves.firstIndex { $0.contentType.mediaType == "text/plain" && !$0.isAttachment }
            ?? leaves.firstIndex { $0.contentType.mediaType == "text/html" && !$0.isAttachment }
        guard let textPart else {
            throw ImportFailure(file: file, "has no text/plain or text/html part; Dossier archives text only")
        }
        let chosen = leaves[textPart]
        var body: String
        var encoding = (chosen.contentType.charset ?? "us-ascii").lowercased()
        if chosen.contentType.subtype == "html" {
            let page = try WebPageReader().read(chosen.content, file: file, declaredEncoding: chosen.contentType.charset)
            body = page.body
            encoding = page.encoding
        } else {
            let charset = chosen.contentType.charset ?? "us-ascii"
            guard Charsets.isKnown(charset) else {
                throw ImportFailure(
                    file: file,
                    "its text part is in \(charset), which Dossier does not read (utf-8, us-ascii, iso-8859-1, iso-8859-15, windows-1252)"
                )
            }
            guard let text = Charsets.decode(chosen.content, charset: charset) else {
                throw ImportFailure(file: file, "its text part is not valid \(charset)")
            }
            body = Self.plainText(text, flowed: chosen.contentType.parameters["format"]?.lowercased() == "flowed")
        }
        var metadata = DocumentMetadata()
        metadata.title = root.header("Subject").map(Self.withoutForwardPrefix)
        metadata.published = root.header("Date").flatMap(MailDate.isoDate)
        if let from = root.header("From").map(Mailbox.init) {
            metadata.author = from.description
            metadata.publisher = root.header("Organization") ?? from.name ?? from.domain
        }
        metadata.language = root.header("Content-Language").flatMap(WebPageMetadata.language)
        if let forwarded = ForwardedBlock.find(in: body) {
            body = forwarded.bodyWithoutBlock
            if let subject = forwarded.fields["subject"] { metadata.title = Self.withoutForwardPrefix(subject) }
            if let date = forwarded.fields["date"].flatMap(MailDate.isoDate) { metadata.published = date }
            if let from = forwarded.fields["from"].map(Mailbox.init) {
                metadata.author = from.description
                metadata.publisher = from.name ?? from.domain
            }
        }
        metadata = Self.cleaned(metadata)
        guard !body.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) else {
            throw ImportFailure(file: file, "its text part is empty")
        }
        var attachments: [ExtractedSource.Attachment] = []
        for (index, leaf) in leaves.enumerated() where index != textPart {
            let isAlternativeText =
                !leaf.isAttachment && (leaf.contentType.mediaType == "text/html" || leaf.contentType.mediaType == "text/plain")
            if isAlternativeText { continue }
            attachments.append(
                ExtractedSource.Attachment(
                    fileName: leaf.fileName.flatMap(WebPageMetadata.clean), contentType: leaf.contentType.mediaType,
                    bytes: leaf.content.count))
        }
        let messageID = root.header("Message-ID").map {
            $0.trimmed.trimmingCharacters(in: ["<", ">"])
        }
        return ExtractedSource(
            body: body, encoding: encoding, metadata: metadata, format: .email, extractorVersion: Self.version,
            messageID: messageID.flatMap(WebPageMetadata.clean), attachments: attachments)
    }

    /// Line breaks as LF; a `format=flowed` text (RFC 3676) has its soft breaks joined and its
    /// space-stuffing removed; trailing blank lines dropped.
    static func plainText(_ text: String, flowed: Bool) -> String {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        if flowed {
            var joined: [String] = []
            var current = ""
            var open = false
            for var line in lines {
                if line.hasPrefix(" ") { line.removeFirst() }
                let isSoft = line.hasSuffix(" ") && line != "-- "
                current += line
                open = isSoft
                if !isSoft {
                    joined.append(current)
                    current = ""
                }
            }
            if open { joined.append(current) }
            lines = joined
        }
        while let last = lines.last, last.trimmed.isEmpty { lines.removeLast() }
        while let first = lines.first, first.trimmed.isEmpty { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }

    /// "Fwd: TR: Title" → "Title".
    static func withoutForwardPrefix(_ subject: String) -> String {
        var subject = subject.trimmed
        let prefixes = ["fwd:", "fw:", "tr:", "tr :", "wg:", "fwd :", "réf:", "transfert:"]
        var changed = true
        while changed {
            changed = false
            for prefix in prefixes where subject.lowercased().hasPrefix(prefix) {
                subject = String(subject.dropFirst(prefix.count)).trimmed
                changed = true
            }
        }
        return subject
    }

    /// Header values pass the metadata rules: no control characters, an ISO language.
    static func cleaned(_ metadata: DocumentMetadata) -> DocumentMetadata {
        var metadata = metadata
        metadata.title = WebPageMetadata.clean(metadata.title)
        metadata.author = WebPageMetadata.clean(metadata.author)
        metadata.publisher = WebPageMetadata.clean(metadata.publisher)
        return metadata
    }
}

/// A mailbox: `Display Name <address@example.org>`, or a bare address.
struct Mailbox: CustomStringConvertible {
    var name: String?
    var address: String?

    init(_ header: String) {
        let text = header.trimmed
        if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            address = String(text[text.index(after: open)..<close]).trimmed
            let display = String(text[..<open]).trimmed.trimmingCharacters(in: ["\"", "'", " "])
            name = display.isEmpty ? nil : display
        } else if text.contains("@") {
            address = text
        } else {
            name = text.isEmpty ? nil : text
        }
    }

    var domain: String? {
        address.flatMap { $0.split(separator: "@").last.map(String.init) }
    }

    var description: String {
        switch (name, address) {
        case (let name?, let address?): "\(name) <\(address)>"
        case (let name?, nil): name
        case (nil, let address?): address
        default: ""
        }
    }
}

/// The header block a mail program writes above a forwarded message.
struct ForwardedBlock {
    let bodyWithoutBlock: String
    /// from, date, subject, to: as the block gives them.
    let fields: [String: String]

    static let markers = [
        "---------- forwarded message", "-------- forwarded message", "-----original message-----",
        "-------- original message", "begin forwarded message", "début du message réexpédié", "-------- message transféré",
        "---------- message transféré", "-------- message original", "----- message transféré", "----- forwarded message",
    ]

    static let fieldNames: [String: String] = [
        "from": "from", "de": "from", "von": "from", "date": "date", "sent": "date", "envoyé": "date", "gesendet": "date",
        "subject": "subject", "objet": "subject", "sujet": "subject", "betreff": "subject", "to": "to", "à": "to",
        "a": "to", "an": "to", "cc": "cc", "reply-to": "reply-to", "répondre à": "reply-to",
    ]

    static func find(in body: String) -> ForwardedBlock? {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard
            let markerIndex = lines.firstIndex(where: { line in
                let lowered = line.trimmed.lowercased().trimmingCharacters(in: ["*", ">", " "])
                return markers.contains { lowered.hasPrefix($0) }
            })
        else { return nil }
        var fields: [String: String] = [:]
        var index = markerIndex + 1
        var sawField = false
        while index < lines.count {
            var quoted = Substring(lines[index].trimmed)
            // Quoted (`> From: …`) or bold (`*From:* …`) blocks.
            while let first = quoted.first, first == ">" || first == "*" || first == " " { quoted = quoted.dropFirst() }
            let line = String(quoted)
            if line.isEmpty {
                // Apple Mail leaves a blank line under its marker; a blank line after the fields ends them.
                if sawField { break }
                index += 1
                continue
            }
            guard let colon = line.firstIndex(of: ":"),
                let field = fieldNames[line[..<colon].trimmed.lowercased().trimmingCharacters(in: ["*"])]
            else { break }
            let value = line[line.index(after: colon)...].trimmed.trimmingCharacters(in: ["*", " "])
            if fields[field] == nil { fields[field] = value }
            sawField = true
            index += 1
        }
        guard sawField else { return nil }
        var kept = Array(lines[..<markerIndex])
        var after = Array(lines[index...])
        while let first = after.first, first.trimmed.isEmpty { after.removeFirst() }
        while let last = kept.last, last.trimmed.isEmpty { kept.removeLast() }
        let joined = kept.isEmpty ? after : kept + [""] + after
        return ForwardedBlock(bodyWithoutBlock: joined.joined(separator: "\n"), fields: fields)
    }
}

/// Dates as mail headers and forwarded blocks write them: "Wed, 12 Mar 2025 10:00:00 +0100",
/// "12 March 2025 at 10:02", "mercredi 12 mars 2025 10:00", "Wednesday, March 12, 2025 10:00 AM",
/// "2025-03-12". The date is the one written, in the sender's time zone.
enum MailDate {
    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let english = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let french = ["janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"]
        let frenchFull = [
            "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
            "décembre",
        ]
        let englishFull = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
            "december",
        ]
        for list in [english, french, frenchFull, englishFull] {
            for (index, name) in list.enumerated() { table[name] = index + 1 }
        }
        table["fevr"] = 2
        table["fevrier"] = 2
        table["aout"] = 8
        table["dec"] = 12
        table["decembre"] = 12
        table["sep"] = 9
        return table
    }()

    static func isoDate(_ text: String) -> String? {
        if let iso = WebPageMetadata.isoDate(text.trimmed) { return iso }
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        var day: Int?
        var month: Int?
        var year: Int?
        for word in words {
            if let number = Int(word) {
                if word.count == 4, year == nil, (1900...2200).contains(number) {
                    year = number
                } else if day == nil, word.count <= 2, (1...31).contains(number), year == nil {
                    day = number
                }
            } else if month == nil, let found = months[word] ?? months[String(word.prefix(4))] ?? months[String(word.prefix(3))] {
                month = found
            }
        }
        guard let day, let month, let year else { return nil }
        return ISODate.dateValue(String(format: "%04d-%02d-%02d", year, month, day))
    }
}
