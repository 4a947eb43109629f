import Foundation

/// Host names as Node's `url.domainToASCII` writes them (what postman-url-encoder sends): IPv4 shorthands expanded
/// (`127.1` → `127.0.0.1`, hex and octal parts), internationalised labels punycoded (`xn--…`). A host that is not a
/// valid domain is sent as written, as postman-url-encoder falls back to its input.
enum HostEncoding {
    static func encode(_ host: String) -> String {
        guard !host.isEmpty, !host.hasPrefix("[") else { return host }
        if isAlreadyASCIIForm(host) { return host }
        return domainToASCII(host) ?? host
    }

    /// Whether `domainToASCII` would give `host` back unchanged, decided without its Unicode mapping (a profile of
    /// a plain run put that at 4% of the CPU): lower-case ASCII letters, digits, `-` and `.`, with a last label that
    /// starts with a letter (so it cannot be a number), or a canonical dotted quad.
    static func isAlreadyASCIIForm(_ host: String) -> Bool {
        var lastLabelStart: UInt8?
        var labelStart = true
        for byte in host.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                if labelStart { lastLabelStart = byte }
                labelStart = false
            case UInt8(ascii: "."):
                labelStart = true
            default:
                return false
            }
        }
        if let first = lastLabelStart, first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            guard let value = Int(part), value <= 255, part.count <= 3 else { return false }
            return part == "0" || !part.hasPrefix("0")
        }
    }

    /// `nil` when the host is not a valid domain.
    static func domainToASCII(_ host: String) -> String? {
        // The WHATWG host parser reads percent-escapes first (`a%60b.org` is the host ``a`b.org``).
        let mapped = URLEncoding.percentDecoded(host).precomposedStringWithCanonicalMapping.lowercased()
        var labels: [String] = []
        for label in mapped.split(separator: ".", omittingEmptySubsequences: false) {
            if label.unicodeScalars.allSatisfy(\.isASCII) {
                labels.append(String(label))
            } else {
                // A label already marked as punycode cannot hold other characters.
                guard !label.hasPrefix("xn--"), let encoded = Punycode.encode(String(label)) else { return nil }
                labels.append("xn--" + encoded)
            }
        }
        let ascii = labels.joined(separator: ".")
        if ascii.unicodeScalars.contains(where: isForbiddenDomainCodePoint) { return nil }
        if endsInNumber(labels) { return IPv4.parse(labels) }
        return ascii
    }

    private static func isForbiddenDomainCodePoint(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x21 || scalar.value == 0x7F || "#%/:<>?@[\\]^|".unicodeScalars.contains(scalar)
    }

    /// WHATWG "ends in a number": the last non-empty label is all digits or a `0x` hex number.
    private static func endsInNumber(_ labels: [String]) -> Bool {
        var parts = labels
        if parts.last == "", parts.count > 1 { parts.removeLast() }
        guard let last = parts.last, !last.isEmpty else { return false }
        if last.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        return IPv4.number(last) != nil && (last.hasPrefix("0x") || last.hasPrefix("0X"))
    }

    /// The WHATWG IPv4 parser: 1–4 parts, each decimal, `0x` hex or `0` octal; the last part fills the remaining
    /// bytes.
    enum IPv4 {
        static func parse(_ labels: [String]) -> String? {
            var parts = labels
            if parts.last == "", parts.count > 1 { parts.removeLast() }
            guard (1...4).contains(parts.count) else { return nil }
            var numbers: [UInt64] = []
            for part in parts {
                guard let number = number(part) else { return nil }
                numbers.append(number)
            }
            for number in numbers.dropLast() where number > 255 { return nil }
            guard let last = numbers.last else { return nil }
            let limit = UInt64(1) << (8 * UInt64(5 - numbers.count))
            guard last < limit else { return nil }
            var address = last
            for (index, number) in numbers.dropLast().enumerated() {
                address += number << (8 * UInt64(3 - index))
            }
            return [24, 16, 8, 0].map { String((address >> UInt64($0)) & 0xFF) }.joined(separator: ".")
        }

        static func number(_ text: String) -> UInt64? {
            guard !text.isEmpty else { return nil }
            var digits = Substring(text)
            var radix = 10
            if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
                digits = digits.dropFirst(2)
                radix = 16
            } else if digits.count > 1, digits.hasPrefix("0") {
                digits = digits.dropFirst()
                radix = 8
            }
            if digits.isEmpty { return 0 }
            guard digits.count <= 20 else { return nil }
            return UInt64(digits, radix: radix)
        }
    }
}

/// RFC 3492 Punycode, the encoding half (what `xn--` labels hold).
enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, initialBias = 72, initialN = 128

    static func encode(_ label: String) -> String? {
        let input = label.unicodeScalars.map { Int($0.value) }
        var output: [Character] = input.filter { $0 < 0x80 }.compactMap { Unicode.Scalar($0).map(Character.init) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append("-") }
        var n = initialN, delta = 0, bias = initialBias
        while handled < input.count {
            guard let m = input.filter({ $0 >= n }).min() else { return nil }
            let (product, overflow) = (m - n).multipliedReportingOverflow(by: handled + 1)
            guard !overflow else { return nil }
            delta += product
            n = m
            for code in input {
                if code < n { delta += 1 }
                if code == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return String(output)
    }

    private static func digit(_ value: Int) -> Character {
        let scalar = value < 26 ? 0x61 + value : 0x30 + value - 26
        return Character(Unicode.Scalar(UInt8(scalar)))
    }

    private static func adapt(_ delta: Int, _ count: Int, _ first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }
}
