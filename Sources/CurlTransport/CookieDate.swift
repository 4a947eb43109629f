/// The cookie-date algorithm of RFC 6265 §5.1.1: lenient on purpose, because servers write `Expires` in
/// many shapes (`Wed, 21 Oct 2015 07:28:00 GMT`, `Wednesday, 21-Oct-15 07:28:00 GMT`, …).
enum CookieDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Seconds since 1970 (UTC), or `nil` when the text is not a valid cookie date.
    static func parse(_ text: String) -> Double? {
        var time: (Int, Int, Int)?
        var day: Int?
        var month: Int?
        var year: Int?
        for token in tokens(text) {
            if time == nil, let parsed = parseTime(token) { time = parsed; continue }
            if day == nil, let parsed = leadingDigits(token, min: 1, max: 2) { day = parsed; continue }
            if month == nil, token.count >= 3, let index = months.firstIndex(of: String(decoding: token.prefix(3), as: UTF8.self).lowercased()) {
                month = index + 1
                continue
            }
            if year == nil, let parsed = leadingDigits(token, min: 2, max: 4) { year = parsed; continue }
        }
        guard let (hour, minute, second) = time, let day, let month, var year else { return nil }
        if year >= 70 && year <= 99 { year += 1900 } else if year <= 69 { year += 2000 }
        guard (1...31).contains(day), year >= 1601, hour <= 23, minute <= 59, second <= 59 else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        return Double(days * 86_400 + hour * 3_600 + minute * 60 + second)
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == 0x09 || (0x20...0x2F).contains(byte) || (0x3B...0x40).contains(byte)
            || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    private static func tokens(_ text: String) -> [Substring.UTF8View] {
        text.utf8.split(whereSeparator: isDelimiter).map { Substring($0).utf8 }
    }

    /// 1*2DIGIT, then (when `max` allows) more digits up to `max`, then nothing but non-digits.
    private static func leadingDigits(_ token: Substring.UTF8View, min: Int, max: Int) -> Int? {
        let digits = token.prefix(while: { $0 >= 0x30 && $0 <= 0x39 })
        guard digits.count >= min, digits.count <= max else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private static func parseTime(_ token: Substring.UTF8View) -> (Int, Int, Int)? {
        let fields = token.split(separator: 0x3A, maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3,
              let hour = leadingDigits(Substring(fields[0]).utf8, min: 1, max: 2), fields[0].count <= 2,
              let minute = leadingDigits(Substring(fields[1]).utf8, min: 1, max: 2), fields[1].count <= 2,
              let second = leadingDigits(Substring(fields[2]).utf8, min: 1, max: 2)
        else { return nil }
        return (hour, minute, second)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (civil-from-days, inverted).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
