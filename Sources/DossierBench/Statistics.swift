/// Median, minimum, maximum and percentiles of repeated measurements.
struct Sample: Codable {
    let values: [Double]

    init(_ values: [Double]) {
        self.values = values.sorted()
    }

    var median: Double { percentile(50) }
    var minimum: Double { values.first ?? 0 }
    var maximum: Double { values.last ?? 0 }

    /// Nearest-rank percentile.
    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(values.count)).rounded(.up)) - 1
        return values[min(max(rank, 0), values.count - 1)]
    }
}

/// One line of the results table.
struct ResultRow: Codable {
    let group: String
    let measure: String
    let sample: Sample
    let unit: String
    /// The target from the benchmark issue, as text, and whether it was met.
    let target: String?
    let met: Bool?
}
