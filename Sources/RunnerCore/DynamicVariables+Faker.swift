#if canImport(Glibc)
import AuthSigning
import RunContracts
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The building blocks of the faker-style values. Dates are formatted by hand from `gmtime_r`: no Foundation
/// formatter is built per call.
enum Fake {
    typealias RNG = SystemRandomNumberGenerator

    static func pick<T>(_ list: [T], _ r: inout RNG) -> T { list[Int.random(in: 0..<list.count, using: &r)] }

    static func digits(_ count: Int, _ r: inout RNG) -> String {
        String((0..<count).map { _ in Character(Unicode.Scalar(UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &r))) })
    }

    static func characters(from alphabet: String, count: Int, _ r: inout RNG) -> String {
        let chars = Array(alphabet)
        return String((0..<count).map { _ in chars[Int.random(in: 0..<chars.count, using: &r)] })
    }

    static func alphaNumeric(_ count: Int, _ r: inout RNG) -> String {
        characters(from: "abcdefghijklmnopqrstuvwxyz0123456789", count: count, &r)
    }

    static func hex(_ count: Int, _ r: inout RNG) -> String { characters(from: "0123456789abcdef", count: count, &r) }

    /// A version 4 UUID, lower case.
    static func uuid(_ r: inout RNG) -> String {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &r) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hexDigits = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { out.append("-") }
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return out
    }

    /// `!##-!##-####` with `!` in 2…9, faker's `phoneNumberFormat(0)`.
    static func phone(_ r: inout RNG) -> String {
        "\(Int.random(in: 2...9, using: &r))\(digits(2, &r))-\(Int.random(in: 2...9, using: &r))\(digits(2, &r))-\(digits(4, &r))"
    }

    /// faker 5's `random.word`: one of 27 word-giving generators (commerce, company, address, finance, hacker and
    /// job words), then one space-separated word of what it gave, so the result never holds a space.
    static func word(_ r: inout RNG) -> String {
        let phrase: String
        switch Int.random(in: 0..<27, using: &r) {
        case 0: phrase = pick(FakeWords.departments, &r)
        case 1: phrase = productName(&r)
        case 2: phrase = pick(FakeWords.productAdjectives, &r)
        case 3: phrase = pick(FakeWords.productMaterials, &r)
        case 4: phrase = pick(FakeWords.products, &r)
        case 5: phrase = pick(FakeWords.colors, &r)
        case 6: phrase = pick(FakeWords.catchPhraseAdjectives, &r)
        case 7: phrase = pick(FakeWords.catchPhraseDescriptors, &r)
        case 8: phrase = pick(FakeWords.catchPhraseNouns, &r)
        case 9: phrase = pick(FakeWords.bsAdjectives, &r)
        case 10: phrase = pick(FakeWords.bsBuzz, &r)
        case 11: phrase = pick(FakeWords.bsNouns, &r)
        case 12: phrase = pick(FakeWords.streetSuffixes, &r)
        case 13: phrase = pick(FakeWords.counties, &r)
        case 14: phrase = pick(FakeWords.countries, &r).name
        case 15: phrase = pick(FakeWords.states, &r)
        case 16: phrase = "\(pick(FakeWords.accountNames, &r)) Account"
        case 17: phrase = pick(FakeWords.transactionTypes, &r)
        case 18: phrase = pick(FakeWords.currencies, &r).name
        case 19: phrase = pick(FakeWords.hackerNouns, &r)
        case 20: phrase = pick(FakeWords.hackerVerbs, &r)
        case 21: phrase = pick(FakeWords.hackerAdjectives, &r)
        case 22: phrase = pick(FakeWords.hackerIngVerbs, &r)
        case 23: phrase = pick(FakeWords.abbreviations, &r)
        case 24: phrase = pick(FakeWords.jobDescriptors, &r)
        case 25: phrase = pick(FakeWords.jobAreas, &r)
        default: phrase = pick(FakeWords.jobTypes, &r)
        }
        return String(pick(phrase.split(separator: " "), &r))
    }

    /// faker 5's `random.words`: 1–3 words unless told.
    static func words(_ count: Int? = nil, _ r: inout RNG) -> String {
        (0..<(count ?? Int.random(in: 1...3, using: &r))).map { _ in word(&r) }.joined(separator: " ")
    }

    static func productName(_ r: inout RNG) -> String {
        "\(pick(FakeWords.productAdjectives, &r)) \(pick(FakeWords.productMaterials, &r)) \(pick(FakeWords.products, &r))"
    }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    // MARK: time

    /// Wall-clock time as whole seconds and milliseconds.
    static func now() -> (seconds: Int, milliseconds: Int) {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return (Int(spec.tv_sec), Int(spec.tv_nsec / 1_000_000))
    }

    private static func utcParts(_ seconds: Int) -> tm {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return parts
    }

    private static func pad(_ value: Int32, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// `2024-03-06T04:03:55.123Z`, JavaScript's `toISOString()`.
    static func isoTimestamp(_ time: (seconds: Int, milliseconds: Int)) -> String {
        let p = utcParts(time.seconds)
        return "\(pad(p.tm_year + 1900, 4))-\(pad(p.tm_mon + 1, 2))-\(pad(p.tm_mday, 2))T"
            + "\(pad(p.tm_hour, 2)):\(pad(p.tm_min, 2)):\(pad(p.tm_sec, 2)).\(pad(Int32(time.milliseconds), 3))Z"
    }

    /// `Wed Mar 06 2024 04:03:55 GMT+0000 (Coordinated Universal Time)`, what a `Date` turns into in a string.
    static func dateString(_ seconds: Int) -> String {
        let p = utcParts(seconds)
        let day = String(FakeWords.weekdays[Int(p.tm_wday)].prefix(3))
        let month = String(FakeWords.months[Int(p.tm_mon)].prefix(3))
        return "\(day) \(month) \(pad(p.tm_mday, 2)) \(pad(p.tm_year + 1900, 4)) "
            + "\(pad(p.tm_hour, 2)):\(pad(p.tm_min, 2)):\(pad(p.tm_sec, 2)) GMT+0000 (Coordinated Universal Time)"
    }

    static func dateOffset(within range: ClosedRange<Int>, _ r: inout RNG) -> String {
        dateString(now().seconds + Int.random(in: range, using: &r))
    }

    // MARK: people and places

    static func fullName(_ r: inout RNG) -> String { "\(pick(FakeWords.firstNames, &r)) \(pick(FakeWords.lastNames, &r))" }

    /// faker 5's five English city formats, equally likely.
    static func city(_ r: inout RNG) -> String {
        switch Int.random(in: 0..<5, using: &r) {
        case 0: "\(pick(FakeWords.cityPrefixes, &r)) \(pick(FakeWords.firstNames, &r))\(pick(FakeWords.citySuffixes, &r))"
        case 1: "\(pick(FakeWords.cityPrefixes, &r)) \(pick(FakeWords.firstNames, &r))"
        case 2: "\(pick(FakeWords.firstNames, &r))\(pick(FakeWords.citySuffixes, &r))"
        case 3: "\(pick(FakeWords.lastNames, &r))\(pick(FakeWords.citySuffixes, &r))"
        default: pick(FakeWords.cities, &r)
        }
    }

    /// faker 5's `findName`: one time in nine with a prefix, one in nine with a suffix.
    static func findName(_ r: inout RNG) -> String {
        switch Int.random(in: 0...8, using: &r) {
        case 0: "\(pick(FakeWords.namePrefixes, &r)) \(fullName(&r))"
        case 1: "\(fullName(&r)) \(pick(FakeWords.nameSuffixes, &r))"
        default: fullName(&r)
        }
    }

    static func streetName(_ r: inout RNG) -> String {
        let base = Bool.random(using: &r) ? pick(FakeWords.firstNames, &r) : pick(FakeWords.lastNames, &r)
        return "\(base) \(pick(FakeWords.streetSuffixes, &r))"
    }

    /// faker 5's `latitude`/`longitude`: ten-thousandths in -limit…limit, always printed with four decimals
    /// (`toFixed(4)`: `-12.3400`, `0.0000`).
    static func coordinate(_ limit: Int, _ r: inout RNG) -> String {
        let units = Int.random(in: -limit * 10_000...limit * 10_000, using: &r)
        let fraction = String(abs(units) % 10_000)
        return (units < 0 ? "-" : "") + "\(abs(units) / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }

    static let peopleAndPlaces: [String: DynamicVariables.Generator] = [
        "$randomFirstName": { r in pick(FakeWords.firstNames, &r) },
        "$randomLastName": { r in pick(FakeWords.lastNames, &r) },
        "$randomFullName": { r in findName(&r) },
        "$randomNamePrefix": { r in pick(FakeWords.namePrefixes, &r) },
        "$randomNameSuffix": { r in pick(FakeWords.nameSuffixes, &r) },
        "$randomJobTitle": { r in
            "\(pick(FakeWords.jobDescriptors, &r)) \(pick(FakeWords.jobAreas, &r)) \(pick(FakeWords.jobTypes, &r))"
        },
        "$randomJobDescriptor": { r in pick(FakeWords.jobDescriptors, &r) },
        "$randomJobArea": { r in pick(FakeWords.jobAreas, &r) },
        "$randomJobType": { r in pick(FakeWords.jobTypes, &r) },
        "$randomCity": { r in city(&r) },
        "$randomStreetName": { r in streetName(&r) },
        // Five, four or three digits (leading zeros kept), as faker's `#####`, `####` and `###`.
        "$randomStreetAddress": { r in "\(digits(Int.random(in: 3...5, using: &r), &r)) \(streetName(&r))" },
        "$randomCountry": { r in pick(FakeWords.countries, &r).name },
        "$randomCountryCode": { r in pick(FakeWords.countries, &r).code },
        "$randomLatitude": { r in coordinate(90, &r) },
        "$randomLongitude": { r in coordinate(180, &r) },
        "$randomDatePast": { r in dateOffset(within: -365 * 86_400 ... -1, &r) },
        "$randomDateFuture": { r in dateOffset(within: 1...365 * 86_400, &r) },
        "$randomDateRecent": { r in dateOffset(within: -86_400 ... -1, &r) },
        "$randomMonth": { r in pick(FakeWords.months, &r) },
        "$randomWeekday": { r in pick(FakeWords.weekdays, &r) },
    ]
}
