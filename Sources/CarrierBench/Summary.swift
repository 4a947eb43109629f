/// Median, extremes and count of repeated measurements of one quantity.
struct Summary {
    var median: Double
    var min: Double
    var max: Double
    var runs: Int

    /// Summarises `values` (at least one).
    init(_ values: [Double]) {
        let sorted = values.sorted()
        runs = sorted.count
        min = sorted.first ?? 0
        max = sorted.last ?? 0
        if sorted.isEmpty {
            median = 0
        } else if sorted.count % 2 == 1 {
            median = sorted[sorted.count / 2]
        } else {
            median = (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
    }

    /// The value at quantile `q` (0...1) of already sorted samples, nearest rank.
    static func quantile(_ sorted: [UInt32], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
        return Double(sorted[Swift.max(0, Swift.min(sorted.count - 1, rank))])
    }
}
