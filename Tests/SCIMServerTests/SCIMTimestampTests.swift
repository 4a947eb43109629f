import Foundation
import SCIMServer
import Testing

@Suite("SCIM timestamps (Date.ISO8601FormatStyle)")
struct SCIMTimestampTests {
    @Test("written in UTC with milliseconds, truncated, as before")
    func format() {
        #expect(SCIMTimestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(SCIMTimestamp.format(Date(timeIntervalSince1970: 1_795_961_109.9999)) == "2026-11-29T14:05:09.999Z")
        #expect(SCIMTimestamp.format(Date(timeIntervalSince1970: 1_778_647_354.05)) == "2026-05-13T04:42:34.050Z")
    }

    @Test("read with or without a fraction, Z or an offset; a date without time or zone is not a dateTime", arguments: [
        ("2026-11-29T14:05:09.123Z", 1_795_961_109.123), ("2026-11-29T14:05:09Z", 1_795_961_109),
        ("2026-11-29t14:05:09z", 1_795_961_109), ("2026-11-29T16:05:09+02:00", 1_795_961_109),
        ("2026-11-29T12:35:09.5-01:30", 1_795_961_109.5),
    ])
    func parse(text: String, seconds: Double) throws {
        let date = try #require(SCIMTimestamp.parse(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.001, "\(text)")
    }

    @Test("refused", arguments: ["2026-11-29", "2026-11-29T14:05:09", "2026-11-29 14:05:09Z", "2026-13-29T14:05:09Z",
                                 "2026-11-29T14:05:09.Z", "yesterday", ""])
    func refused(text: String) {
        #expect(SCIMTimestamp.parse(text) == nil)
    }

    @Test("a written timestamp reads back")
    func roundTrip() throws {
        let now = Date()
        let back = try #require(SCIMTimestamp.parse(SCIMTimestamp.format(now)))
        #expect(abs(back.timeIntervalSince(now)) < 0.001)
    }
}
