import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Number and time formatting shared by the reports, written to read like Newman's output.
package enum ReportText {
    /// Milliseconds as Newman prints them: `850µs`, `45ms` (whole ms below 1998, truncated), then `2.5s`, `1m 3.2s`.
    package static func duration(_ milliseconds: Double) -> String {
        let ms = milliseconds.isFinite ? max(0, milliseconds) : 0
        if ms < 1 { return "\(Int(ms * 1000))µs" }
        if ms < 1998 { return "\(Int(ms))ms" }
        // Above two seconds Newman switches to pretty-ms: larger units, seconds with one decimal.
        var rest = ms / 1000
        var parts: [String] = []
        let units: [(Double, String)] = [(86_400, "d"), (3_600, "h"), (60, "m")]
        for (size, suffix) in units where rest >= size {
            let whole = (rest / size).rounded(.down)
            parts.append("\(Int(whole))\(suffix)")
            rest -= whole * size
        }
        let tenths = (rest * 10).rounded(.down) / 10
        if tenths > 0 || parts.isEmpty {
            parts.append(tenths == tenths.rounded(.down) ? "\(Int(tenths))s" : "\(String(format: "%.1f", tenths))s")
        }
        return parts.joined(separator: " ")
    }

    /// Bytes in decimal units without a space (`245B`, `1.2kB`, `3.45MB`), as Newman's `filesize` call prints them.
    package static func size(_ bytes: Int) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var value = Double(max(0, bytes))
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        if unit == 0 { return "\(Int(value))B" }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + units[unit]
    }

    /// Seconds with three decimals from milliseconds (`0.045`), JUnit's time format.
    package static func seconds(_ milliseconds: Double) -> String {
        String(format: "%.3f", (milliseconds.isFinite ? max(0, milliseconds) : 0) / 1000)
    }

    /// ISO 8601 UTC with milliseconds (`2026-11-29T14:04:05.123Z`) from milliseconds since 1970, computed
    /// arithmetically so the output depends on the input only (no time zone, no locale).
    package static func isoTimestamp(_ millisecondsSince1970: Double) -> String {
        let totalMs = Int64((millisecondsSince1970.isFinite ? millisecondsSince1970 : 0).rounded(.down))
        var days = totalMs / 86_400_000
        var msOfDay = totalMs % 86_400_000
        if msOfDay < 0 { msOfDay += 86_400_000; days -= 1 }
        // Civil date from days since 1970-01-01 (proleptic Gregorian), Howard Hinnant's algorithm.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        let hour = msOfDay / 3_600_000
        let minute = msOfDay / 60_000 % 60
        let second = msOfDay / 1000 % 60
        let milli = msOfDay % 1000
        return String(format: "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%03lldZ",
                      year, month, day, hour, minute, second, milli)
    }

    /// Left-pads to `width` with spaces (Newman's `padLeft`).
    package static func padLeft(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text : String(repeating: " ", count: width - count) + text
    }

    /// Right-pads to `width` with spaces.
    package static func padRight(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }
}
