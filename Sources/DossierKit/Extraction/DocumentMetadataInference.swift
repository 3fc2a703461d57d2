import Foundation

/// Infers a title and a plainly stated publication date from the top of a body, for imports
/// that arrive without metadata.
public enum DocumentMetadataInference {
    private static let labelVerbs: Set<String> = ["est", "sont", "a", "ont", "is", "are", "was", "were", "has", "have"]
    private static let dateCues: Set<String> = ["published", "publie", "publiee", "posted", "date", "updated", "mis", "dated", "issued", "publication"]

    /// First meaningful line: skips blank lines and a short section label ("Monde", "Press release")
    /// above the headline; nil when the first line is a full paragraph rather than a headline.
    public static func title(of body: String) -> String? {
        let lines = body.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        for (idx, line) in lines.prefix(4).enumerated() {
            let words = line.split { $0 == " " || $0 == "\u{00A0}" }
            let hasPunct = line.contains { ".!?:;,".contains($0) }
            let isLabel = words.count <= 2 && !hasPunct && !words.contains { labelVerbs.contains(TextFolding.fold(String($0))) }
            if isLabel && idx + 1 < lines.count { continue }
            if line.unicodeScalars.count > 250 { return nil }
            if publicationDateLine(line) != nil && words.count <= 6 { continue }
            return line
        }
        return nil
    }

    /// ISO date when the text states it near the top: "Published: 12 March 2024", "Publié le 3 mars 2025",
    /// "The Hague, 28 February 2025"; nil otherwise.
    public static func publicationDate(of body: String) -> String? {
        var headEnd = body.startIndex
        var count = 0
        while headEnd < body.endIndex, count < 600 { headEnd = body.index(after: headEnd); count += 1 }
        let head = String(body[body.startIndex..<headEnd])
        let lines = head.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }.prefix(6)
        for line in lines {
            if let iso = publicationDateLine(String(line)) { return iso }
        }
        return nil
    }

    private static func publicationDateLine(_ line: String) -> String? {
        let doc = TokenizedText(line)
        guard !doc.tokens.isEmpty, doc.tokens.count <= 40 else { return nil }
        let lang = LanguageDetector.detect(line)
        let extractor = DateExtractor(lex: MinimalLexicon.compiled)
        let found = extractor.extract(doc, language: lang, defaultYear: Int?.none).dates.filter { $0.iso.count == 10 }
        guard let first = found.first else {
            let alt = extractor.extract(doc, language: lang == "fr" ? "en" : "fr", defaultYear: Int?.none).dates.filter { $0.iso.count == 10 }
            guard let a = alt.first else { return nil }
            return plain(doc, a) ? a.iso : nil
        }
        return plain(doc, first) ? first.iso : nil
    }

    /// The date stands alone, follows a cue word ("Published", "Publié le"), or ends a dateline ("The Hague, …").
    private static func plain(_ doc: TokenizedText, _ d: ExtractedDate) -> Bool {
        let firstTok = doc.tokenIndex(atOrAfter: d.span.start)
        let lastTok = doc.tokenIndex(atOrAfter: d.span.end)
        let before = doc.tokens[..<firstTok]
        if before.isEmpty { return true }
        if before.contains(where: { dateCues.contains($0.folded) }) && before.count <= 8 { return true }
        if let p = before.last, p.text == "," || p.text == ":" || p.text == "-" || p.text == "|" || p.text == "–", before.count <= 6,
           lastTok >= doc.count || [".", "-", "–", "|", "—"].contains(doc.tokens[lastTok].text) { return true }
        return false
    }
}
