import Foundation

/// Precision/recall/F1 with the raw counts behind them.
public struct PRF: Sendable, Codable, Hashable {
    public var precision: Double
    public var recall: Double
    public var f1: Double
    public var tp: Int
    public var fp: Int
    public var fn: Int

    public init(tp: Int, fp: Int, fn: Int) {
        self.tp = tp
        self.fp = fp
        self.fn = fn
        precision = tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp)
        recall = tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn)
        f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
}

/// Scores per category plus human-readable false positives and misses, for iterating on rules.
public struct GoldScore: Sendable {
    public var scores: [String: PRF]
    public var falsePositives: [String: [String]]
    public var falseNegatives: [String: [String]]
}

/// Compares an extraction with a gold annotation file. Gold spans are located by exact substring
/// search in the body; optional gold items are neither misses nor false positives.
public enum GoldScorer {
    public static func score(gold: Data, extraction: Extraction, body: String) throws -> [String: PRF] {
        try evaluate(gold: gold, extraction: extraction, body: body).scores
    }

    // swiftlint:disable:next function_body_length
    public static func evaluate(gold: Data, extraction: Extraction, body: String) throws -> GoldScore {
        let g = try JSONDecoder().decode(GoldDocument.self, from: gold)
        let scalars = Array(body.unicodeScalars)
        var scores: [String: PRF] = [:]
        var fps: [String: [String]] = [:]
        var fns: [String: [String]] = [:]

        // Generic matcher: each extracted item either matches some gold item (counted once per gold item) or is a FP.
        func tally<E>(
            _ name: String, gold items: [(label: String, optional: Bool)], extracted: [E], describe: (E) -> String,
            matches: (E, Int) -> Bool
        ) {
            var hit = [Bool](repeating: false, count: items.count)
            var fp = 0
            for e in extracted {
                var any = false
                for (gi, _) in items.enumerated() where matches(e, gi) {
                    hit[gi] = true
                    any = true
                }
                if !any {
                    fp += 1
                    fps[name, default: []].append(describe(e))
                }
            }
            var tp = 0
            var fn = 0
            for (gi, it) in items.enumerated() where !it.optional {
                if hit[gi] {
                    tp += 1
                } else {
                    fn += 1
                    fns[name, default: []].append(it.label)
                }
            }
            scores[name] = PRF(tp: tp, fp: fp, fn: fn)
        }

        // Figures.
        let gf = g.figures ?? []
        let figLocs = gf.map { f in ([f.text] + (f.otherMentions ?? [])).flatMap { locate($0, in: scalars) } }
        tally(
            "figures", gold: gf.map { ($0.text + " = \($0.value)", $0.optional ?? false) }, extracted: extraction.figures,
            describe: { "\($0.span.text) = \($0.value) [\($0.unit)]" }
        ) { e, gi in
            abs(e.value - gf[gi].value) < 0.01 * max(1, abs(gf[gi].value)) && figLocs[gi].contains { $0.overlaps(e.span) }
        }
        // Quotes.
        let gq = g.quotes ?? []
        let aliases = speakerAliases(g)
        let quoteLocs = gq.map { q in ([q.startsWith] + (q.paragraphStarts ?? [])).flatMap { locate($0, in: scalars) } }
        tally(
            "quotes", gold: gq.map { ("\($0.speaker): \($0.startsWith)", $0.optional ?? false) }, extracted: extraction.quotes,
            describe: { "\($0.speakerName ?? "nil") [\($0.speakerKind.rawValue)]: \($0.text.prefix(60))" }
        ) { e, gi in
            let okLoc = quoteLocs[gi].contains { loc in
                (e.span.start <= loc.start && loc.start < e.span.end) || abs(e.span.start - loc.start) <= 3
            }
            guard okLoc, let name = e.speakerName else { return false }
            let slugs = aliases[gq[gi].speaker] ?? [Slug.make(gq[gi].speaker)]
            return slugs.contains(Slug.make(name))
        }
        // People.
        let gp = g.people ?? []
        tally("people", gold: gp.map { ($0.name, $0.optional ?? false) }, extracted: extraction.people, describe: { $0.name }) {
            e, gi in
            let slugs = Set(([gp[gi].name] + (gp[gi].aliasesInText ?? [])).map(Slug.make))
            return slugs.contains(e.slug) || slugs.contains(Slug.make(e.name))
        }
        // Organisations.
        let go = g.organisations ?? []
        tally(
            "organisations", gold: go.map { ($0.name, $0.optional ?? false) }, extracted: extraction.organisations,
            describe: { "\($0.name) \($0.mentions.map(\.text))" }
        ) { e, gi in
            let names = nameVariants(go[gi].name).map(Slug.make)
            if names.contains(e.slug) || names.contains(Slug.make(e.name)) { return true }
            let al = Set((go[gi].aliasesInText ?? []).map(fold))
            return e.mentions.contains { al.contains(fold($0.text)) }
        }
        // Operations.
        let gops = g.operations ?? []
        tally("operations", gold: gops.map { ($0, false) }, extracted: extraction.operations, describe: { $0.name }) { e, gi in
            operationSlug(gops[gi]) == e.slug
        }
        // Dates.
        let gd = g.dates ?? []
        let dateLocs = gd.map { locate($0.text, in: scalars) }
        tally(
            "dates", gold: gd.map { ("\($0.text) = \($0.iso)", $0.optional ?? false) }, extracted: extraction.dates,
            describe: { "\($0.span.text) = \($0.iso)" }
        ) { e, gi in
            e.iso == gd[gi].iso && dateLocs[gi].contains { $0.overlaps(e.span) }
        }
        return GoldScore(scores: scores, falsePositives: fps, falseNegatives: fns)
    }

    private static func fold(_ s: String) -> String {
        TextFolding.fold(s).replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
    }

    /// "Internet Watch Foundation (IWF)" → itself, "Internet Watch Foundation", "IWF".
    static func nameVariants(_ name: String) -> [String] {
        var out = [name]
        if let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
            out.append(String(name[..<open]).trimmingCharacters(in: .whitespaces))
            let inner = String(name[name.index(after: open)..<close])
            out.append(inner)
            out.append(contentsOf: inner.split(separator: " ").map(String.init))
        }
        return out
    }

    private static func operationSlug(_ name: String) -> String {
        var n = name
        for p in ["Operation ", "Opération ", "operation ", "opération "] where n.hasPrefix(p) {
            n = String(n.dropFirst(p.count))
        }
        return Slug.make(n)
    }

    private static func speakerAliases(_ g: GoldDocument) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for p in g.people ?? [] { out[p.name] = Set(([p.name] + (p.aliasesInText ?? [])).map(Slug.make)) }
        for o in g.organisations ?? [] { out[o.name] = Set((nameVariants(o.name) + (o.aliasesInText ?? [])).map(Slug.make)) }
        for q in g.quotes ?? [] where out[q.speaker] == nil { out[q.speaker] = Set(nameVariants(q.speaker).map(Slug.make)) }
        return out
    }

    /// Every occurrence of `needle` in the body, as scalar-offset spans.
    static func locate(_ needle: String, in hay: [Unicode.Scalar]) -> [TextSpan] {
        let n = Array(needle.unicodeScalars)
        guard !n.isEmpty, n.count <= hay.count else { return [] }
        var out: [TextSpan] = []
        var i = 0
        while i + n.count <= hay.count {
            if hay[i] == n[0] {
                var k = 1
                while k < n.count && hay[i + k] == n[k] { k += 1 }
                if k == n.count { out.append(TextSpan(start: i, end: i + n.count, text: needle)) }
            }
            i += 1
        }
        return out
    }
}
