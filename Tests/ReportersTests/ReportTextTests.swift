import Testing
@testable import Reporters

@Suite("Report text formatting")
struct ReportTextTests {
    @Test("durations read like Newman's: µs below 1ms, whole ms below 1998ms, then seconds and minutes")
    func durations() {
        #expect(ReportText.duration(0) == "0µs")
        #expect(ReportText.duration(0.25) == "250µs")
        #expect(ReportText.duration(45.9) == "45ms")
        #expect(ReportText.duration(1997) == "1997ms")
        #expect(ReportText.duration(2500) == "2.5s")
        #expect(ReportText.duration(3000) == "3s")
        #expect(ReportText.duration(63_200) == "1m 3.2s")
    }

    @Test("sizes use decimal units without a space and at most two decimals")
    func sizes() {
        #expect(ReportText.size(0) == "0B")
        #expect(ReportText.size(999) == "999B")
        #expect(ReportText.size(1200) == "1.2kB")
        #expect(ReportText.size(1234) == "1.23kB")
        #expect(ReportText.size(3_450_000) == "3.45MB")
    }

    @Test("timestamps are UTC ISO 8601 with milliseconds, computed without the clock")
    func timestamps() {
        #expect(ReportText.isoTimestamp(0) == "1970-01-01T00:00:00.000Z")
        #expect(ReportText.isoTimestamp(1_764_424_800_123) == "2025-11-29T14:00:00.123Z")
        #expect(ReportText.isoTimestamp(951_825_600_000) == "2000-02-29T12:00:00.000Z")
        #expect(ReportText.isoTimestamp(-1) == "1969-12-31T23:59:59.999Z")
    }

    @Test("seconds have three decimals")
    func seconds() {
        #expect(ReportText.seconds(45) == "0.045")
        #expect(ReportText.seconds(1234.5) == "1.234" || ReportText.seconds(1234.5) == "1.235")
        #expect(ReportText.seconds(-3) == "0.000")
    }
}
