/// Entry point: tokenises the body once and runs the dedicated extractors in dependency order
/// (dates before figures so years are not counted; organisations before people and operations
/// so institution names are not taken for names; entities before quotes for attribution).
public struct FactExtractor: Sendable {
    private let lex: CompiledLexicon
    private let dates: DateExtractor
    private let figures: FigureExtractor
    private let orgs: OrganisationExtractor
    private let people: PersonExtractor
    private let operations = OperationExtractor()
    private let quotes: QuoteExtractor
    private let attributor: QuoteAttributor

    public init(gazetteer: Gazetteer, lexicon: FigureLexicon) {
        let lex = CompiledLexicon(lexicon)
        self.lex = lex
        dates = DateExtractor(lex: lex)
        figures = FigureExtractor(lex: lex)
        orgs = OrganisationExtractor(gazetteer: gazetteer, lex: lex)
        people = PersonExtractor(gazetteer: gazetteer, lex: lex)
        quotes = QuoteExtractor(lex: lex)
        attributor = QuoteAttributor(lex: lex)
    }

    /// `published` (YYYY-MM-DD, from front matter or `--published`) dates the text's year-less dates
    /// ("on Thursday 4 June", « le 3 mars »); without it the date the text itself states is used.
    public func extract(from body: String, language: String? = nil, published declared: String? = nil) -> Extraction {
        let lang = language ?? LanguageDetector.detect(body)
        let doc = TokenizedText(body)
        let published = declared ?? DocumentMetadataInference.publicationDate(of: body)
        let pubYear = published.flatMap { Int($0.prefix(4)) }
        let pubMonth = published.flatMap { Int($0.dropFirst(5).prefix(2)) }
        let (foundDates, dateTokens) = dates.extract(doc, language: lang, defaultYear: pubYear, defaultMonth: pubMonth)
        let orgResult = orgs.extract(doc, language: lang)
        let (ops, opTokens) = operations.extract(doc, orgTokens: orgResult.consumed)
        var blocked = orgResult.consumed
        for k in 0..<doc.count where opTokens[k] || dateTokens[k] { blocked[k] = true }
        let peopleResult = people.extract(doc, language: lang, blocked: blocked, orgMentions: orgResult.mentions)
        let figureBlocked = zip(dateTokens, opTokens).map { $0 || $1 }
        var figs = figures.extract(doc, language: lang, consumed: figureBlocked)
        if Set(ops.map(\.slug)).count > 1 { Self.linkFiguresToOperations(&figs, ops, in: doc) }
        let mentions = (peopleResult.mentions + orgResult.mentions).sorted { $0.firstToken < $1.firstToken }
        let qs = buildQuotes(doc, mentions: mentions, signatures: peopleResult.signatureLines)
        return Extraction(
            language: lang, figures: figs, quotes: qs, people: peopleResult.people,
            organisations: orgResult.organisations, operations: ops, dates: foundDates)
    }

    /// In a document about several operations, a figure belongs to the operation named last before it in its
    /// paragraph, else to the first one named after it there, else to none.
    private static func linkFiguresToOperations(
        _ figures: inout [ExtractedFigure], _ operations: [ExtractedOperation], in doc: TokenizedText
    ) {
        let line = { (offset: Int) in doc.tokens[min(doc.tokenIndex(atOrAfter: offset), doc.count - 1)].line }
        let named = operations.flatMap { op in op.mentions.map { (slug: op.slug, start: $0.start, line: line($0.start)) } }
            .sorted { $0.start < $1.start }
        for k in figures.indices {
            let figureLine = line(figures[k].span.start)
            let inParagraph = named.filter { $0.line == figureLine }
            figures[k].operation = (inParagraph.last { $0.start < figures[k].span.start } ?? inParagraph.first)?.slug
        }
    }

    private func buildQuotes(_ doc: TokenizedText, mentions: [EntityMention], signatures: [(line: Int, name: String)])
        -> [ExtractedQuote]
    {
        var out: [(line: Int, quote: ExtractedQuote)] = []
        var previous: QuoteAttributor.Speaker?
        var previousLine = -10
        let signedLines = Dictionary(signatures.map { ($0.line - 1, $0.name) }, uniquingKeysWith: { a, _ in a })
        var quotedLines: Set<Int> = []
        for b in quotes.blocks(doc) {
            let words = QuoteExtractor.wordCount(doc, b.segments)
            var s = attributor.attribute(doc, block: b, mentions: mentions, previous: previous)
            // Six words or fewer are scare quotes (« inquiétante »), unless they are said: a closed quotation
            // whose words end in its own punctuation and that a speech verb attributes ("Oh, actually? Yes," he said).
            guard words > 6 || words >= 2 && s != nil && QuoteExtractor.endsInItsOwnPunctuation(doc, b) else { continue }
            for l in b.openLine...b.closeLine { quotedLines.insert(l) }
            if s == nil, let p = previous, b.openLine - previousLine <= 3 { s = p }
            let speaker = s ?? QuoteAttributor.Speaker(name: nil, kind: .person)
            out.append(
                (
                    b.openLine,
                    ExtractedQuote(
                        span: doc.span(b.start, b.end), text: QuoteExtractor.text(doc, b.segments),
                        speakerName: speaker.name, speakerKind: speaker.kind)
                ))
            if speaker.name != nil { previous = speaker }
            previousLine = b.closeLine
        }
        // Unquoted pull-quotes: a long paragraph directly above a signature (name line + title line).
        for (line, name) in signedLines where line >= 0 && !quotedLines.contains(line) {
            let r = doc.lineRanges[line]
            let words = QuoteExtractor.wordCount(doc, [r])
            guard words >= 12 else { continue }
            out.append(
                (
                    line,
                    ExtractedQuote(
                        span: doc.span(r.lowerBound, r.upperBound), text: doc.text(r.lowerBound, r.upperBound),
                        speakerName: name, speakerKind: .person)
                ))
        }
        return out.sorted { $0.quote.span.start < $1.quote.span.start }.map(\.quote)
    }
}
