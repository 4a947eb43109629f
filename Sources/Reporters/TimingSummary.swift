import RunContracts

/// Mean, extremes and standard deviation of one timing across a run's responses (Newman's `run.timings`).
package struct TimingSummary: Sendable, Equatable {
    /// Mean of the measured values, milliseconds.
    package var average: Double = 0
    /// Smallest measured value.
    package var min: Double = 0
    /// Largest measured value.
    package var max: Double = 0
    /// Population standard deviation, as Newman's running (Welford) computation yields.
    package var standardDeviation: Double = 0

    /// A summary from known numbers (all zero: nothing measured).
    package init(average: Double = 0, min: Double = 0, max: Double = 0, standardDeviation: Double = 0) {
        self.average = average
        self.min = min
        self.max = max
        self.standardDeviation = standardDeviation
    }

    /// Summarises values; zeros are left out because Newman skips phases it did not measure.
    package init(_ values: [Double]) {
        let measured = values.filter { $0 > 0 && $0.isFinite }
        guard let first = measured.first else { self.init(); return }
        let mean = measured.reduce(0, +) / Double(measured.count)
        let variance = measured.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(measured.count)
        self.init(average: mean, min: measured.reduce(first, Swift.min), max: measured.reduce(first, Swift.max),
                  standardDeviation: variance.squareRoot())
    }
}

/// The run-wide numbers both the CLI summary and the JSON report print, computed once from the record.
package struct RunTimings: Sendable, Equatable {
    /// `responseTime` of every response.
    package var response: TimingSummary
    /// DNS lookup phase.
    package var dns: TimingSummary
    /// Time to the first response byte.
    package var firstByte: TimingSummary
    /// Response body bytes received over the run (Newman's `transfers.responseTotal` counts bodies only).
    package var responseTotal: Int

    /// Computed from the executions that got a response.
    package init(_ record: RunRecord) {
        let responses = record.executions.compactMap(\.response)
        response = TimingSummary(responses.map(\.responseTime))
        dns = TimingSummary(responses.map(\.timings.dns))
        firstByte = TimingSummary(responses.map(\.timings.firstByte))
        responseTotal = responses.reduce(0) { $0 + $1.body.count }
    }
}
