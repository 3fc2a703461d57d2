/// The article-extraction benchmark's scoring, reimplemented from its description: word tokens
/// (runs of letters and digits, lower-cased), every run of four consecutive tokens counted, and a
/// page's true positives the shingle counts both texts share.
enum ShingleScorer {
    struct PageScore {
        let precision: Double
        let recall: Double
    }

    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    static func shingles(_ text: String, size: Int = 4) -> [String: Int] {
        let words = tokens(text)
        var counts: [String: Int] = [:]
        guard words.count >= size else { return counts }
        for start in 0...(words.count - size) {
            counts[words[start..<start + size].joined(separator: " "), default: 0] += 1
        }
        return counts
    }

    /// Precision and recall of one page; both 1.0 when neither text has a shingle, 0.0 when they share none.
    static func score(prediction: String, truth: String) -> PageScore {
        let predicted = shingles(prediction)
        let expected = shingles(truth)
        var truePositives = 0
        for (shingle, count) in predicted {
            truePositives += min(count, expected[shingle] ?? 0)
        }
        let falsePositives = predicted.values.reduce(0, +) - truePositives
        let falseNegatives = expected.values.reduce(0, +) - truePositives
        if falsePositives == 0 && falseNegatives == 0 { return PageScore(precision: 1, recall: 1) }
        if truePositives == 0 { return PageScore(precision: 0, recall: 0) }
        return PageScore(
            precision: Double(truePositives) / Double(truePositives + falsePositives),
            recall: Double(truePositives) / Double(truePositives + falseNegatives))
    }

    struct Summary {
        let precision: Double
        let recall: Double
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// The mean precision and mean recall over the pages, and F1 of the two means.
    static func summary(_ scores: [PageScore]) -> Summary {
        guard !scores.isEmpty else { return Summary(precision: 0, recall: 0) }
        let count = Double(scores.count)
        return Summary(
            precision: scores.map(\.precision).reduce(0, +) / count, recall: scores.map(\.recall).reduce(0, +) / count)
    }
}
