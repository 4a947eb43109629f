import RunContracts

/// `RunTimings` built one response at a time, for reports of a run whose record does not keep its executions
/// (streamed reports, long data-driven runs). Means and extremes match the batch computation; the standard
/// deviation is Welford's running form, which can differ from the two-pass one in the last digits.
package struct RunTimingsAccumulator: Sendable {
    private var response = Running()
    private var dns = Running()
    private var firstByte = Running()
    private var responseTotal = 0

    package init() {}

    /// Counts one response.
    package mutating func add(_ response: HTTPResponse) {
        self.response.add(response.responseTime)
        dns.add(response.timings.dns)
        firstByte.add(response.timings.firstByte)
        responseTotal += response.body.count
    }

    /// The statistics so far.
    package var timings: RunTimings {
        RunTimings(response: response.summary, dns: dns.summary, firstByte: firstByte.summary, responseTotal: responseTotal)
    }

    /// One timing's running statistics; zeros are left out, as `TimingSummary` leaves out unmeasured phases.
    private struct Running: Sendable {
        var count = 0
        var sum = 0.0
        var mean = 0.0
        var squares = 0.0
        var min = 0.0
        var max = 0.0

        mutating func add(_ value: Double) {
            guard value > 0, value.isFinite else { return }
            count += 1
            sum += value
            let delta = value - mean
            mean += delta / Double(count)
            squares += delta * (value - mean)
            min = count == 1 ? value : Swift.min(min, value)
            max = count == 1 ? value : Swift.max(max, value)
        }

        var summary: TimingSummary {
            guard count > 0 else { return TimingSummary() }
            // The mean from the plain sum, added in the same order as the batch `reduce`, so it is identical.
            return TimingSummary(average: sum / Double(count), min: min, max: max,
                                 standardDeviation: (squares / Double(count)).squareRoot())
        }
    }
}

extension RunTimings {
    /// Statistics already computed.
    init(response: TimingSummary, dns: TimingSummary, firstByte: TimingSummary, responseTotal: Int) {
        self.response = response
        self.dns = dns
        self.firstByte = firstByte
        self.responseTotal = responseTotal
    }
}
