import Foundation

/// xsd:dateTime text for `meta.created`/`lastModified`, and parsing for date comparisons in filters, through
/// Foundation's `Date.ISO8601FormatStyle` (a Sendable value, so one style serves every thread).
package enum SCIMTimestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    /// `2026-11-29T14:05:09.123Z`: UTC with milliseconds (truncated), so two writes in one second still order.
    package static func format(_ date: Date) -> String {
        // The millisecond is chosen here (as the whole number of milliseconds, which the binary fraction of a
        // Double may put a hair below) and nudged half a microsecond up so the style's own truncation keeps it.
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded(.down)
        return style.format(Date(timeIntervalSince1970: milliseconds / 1000 + 0.000_000_5))
    }

    /// Parses `YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)` (`t` and `z` in either case); nil for anything else.
    package static func parse(_ text: String) -> Date? {
        try? style.parse(text.uppercased())
    }
}
