import CIDNShim
import Foundation

/// Host names as Node's `url.domainToASCII` writes them (what postman-url-encoder sends): IPv4 shorthands expanded
/// (`127.1` → `127.0.0.1`, hex and octal parts), internationalised labels mapped and punycoded by libidn2 with UTS #46
/// non-transitional processing (`ＡＢＣ.com` → `abc.com`, `straße.de` → `xn--strae-oqa.de`). A host that is not a
/// valid domain is sent as written, as postman-url-encoder falls back to its input.
package enum HostEncoding {
    /// Node's `url.domainToASCII`: the ASCII form, or `""` for a host that is not a valid domain (the sandbox's `URL`).
    package static func nodeDomainToASCII(_ host: String) -> String { domainToASCII(host) ?? "" }

    static func encode(_ host: String) -> String {
        guard !host.isEmpty, !host.hasPrefix("[") else { return host }
        if isAlreadyASCIIForm(host) { return host }
        return domainToASCII(host) ?? host
    }

    /// Whether `domainToASCII` would give `host` back unchanged, decided without its Unicode mapping (a profile of
    /// a plain run put that at 4% of the CPU): lower-case ASCII letters, digits, `-` and `.`, with a last label that
    /// starts with a letter (so it cannot be a number), or a canonical dotted quad.
    static func isAlreadyASCIIForm(_ host: String) -> Bool {
        if let answer = host.utf8.withContiguousStorageIfAvailable(isAlreadyASCIIForm) { return answer }
        var contiguous = host
        contiguous.makeContiguousUTF8()
        return contiguous.utf8.withContiguousStorageIfAvailable(isAlreadyASCIIForm) ?? false
    }

    private static func isAlreadyASCIIForm(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var lastLabelStart: UInt8?
        var labelStart = true
        for byte in bytes {
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
        // Four parts between dots, read in place: splitting into Strings and parsing them with Int was most of a
        // plain run's host encoding.
        var parts = 0
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: ".") {
            parts += 1
            guard parts <= 4, isCanonicalQuadPart(bytes[start..<index]) else { return false }
            start = index + 1
        }
        return parts == 4
    }

    /// What `Int(part)` reads as at most 255, in at most 3 characters, without a leading zero unless it is `0`.
    /// The caller has let through only `a-z`, `0-9`, `-` and `.`, so `-` is the only sign `Int` could see.
    private static func isCanonicalQuadPart(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = part.first, part.count <= 3 else { return false }
        let digits = first == UInt8(ascii: "-") ? part.dropFirst() : part
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return false }
        let value = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        guard first == UInt8(ascii: "-") || value <= 255 else { return false }
        return part.count == 1 || first != UInt8(ascii: "0")
    }

    /// `nil` when the host is not a valid domain (Node's `url.domainToASCII` gives `''`).
    static func domainToASCII(_ host: String) -> String? {
        // The WHATWG host parser reads percent-escapes first (`a%60b.org` is the host ``a`b.org``). UTS #46 maps the
        // ideographic full stops to `.`, so labels are split after them.
        let decoded = URLEncoding.percentDecoded(host).unicodeScalars.map { scalar -> Character in
            IDNA.fullStops.contains(scalar.value) ? "." : Character(scalar)
        }
        var labels: [String] = []
        for label in String(decoded).split(separator: ".", omittingEmptySubsequences: false) {
            if label.unicodeScalars.allSatisfy(\.isASCII) {
                let lower = label.lowercased()
                // An A-label must decode (`xn--a` does not); ASCII labels are otherwise taken as they are, since the
                // URL standard checks neither hyphens nor lengths (libidn2 would refuse `ab--c` and `-a`).
                if lower.hasPrefix("xn--"), !IDNA.isDecodableALabel(lower) { return nil }
                labels.append(lower)
            } else {
                guard let encoded = IDNA.toASCII(label: String(label)) else { return nil }
                labels.append(encoded)
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

/// UTS #46 through libidn2 (`idn2_to_ascii_8z`, `IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT`), one label at a time, with
/// the URL standard's profile on top: libidn2 also applies IDNA2008's rules, which the URL standard (and Node) do not
/// (`CheckHyphens`, `VerifyDnsLength` and IDNA2008's own disallowed set are off there): emoji and other symbols
/// (`😎`, `♥`, valid under UTS #46 as "NV8"), right-to-left digits (`١٢٣`), hyphens in places IDNA2008 forbids, and
/// labels over 63 bytes (which libidn2 cannot even punycode). Those labels are mapped here (NFKC and lower case, which is UTS #46's mapping for them) and
/// punycoded by `Punycode`; everything libidn2 refuses for any other reason (`a\u{200C}b`, `︒`, bad punycode) is
/// refused.
enum IDNA {
    /// U+3002, U+FF0E and U+FF61, which UTS #46 maps to `.`.
    static let fullStops: Set<UInt32> = [0x3002, 0xFF0E, 0xFF61]

    private enum Outcome { case ascii(String), failed(Int32) }

    private static func libidn2(_ text: String) -> Outcome {
        var out = [UInt8](repeating: 0, count: 1024)
        let rc = out.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cidn_to_ascii(text, $0.baseAddress, $0.count) }
        }
        guard rc == 0 else { return .failed(rc) }
        return .ascii(String(decoding: out.prefix { $0 != 0 }, as: UTF8.self))
    }

    /// Errors that only IDNA2008 (not UTS #46 as the URL standard applies it) raises, for a label whose mapping is
    /// then done here. `DISALLOWED` is one of them only when every code point libidn2 refuses is a symbol.
    private static let urlStandardAccepts: Set<Int32> = [
        CIDN_BIDI, CIDN_2HYPHEN, CIDN_HYPHEN_STARTEND, CIDN_TOO_BIG_LABEL, CIDN_TOO_BIG_DOMAIN,
        // libidn2 punycodes into a 63-byte label buffer.
        CIDN_PUNYCODE_BIG_OUTPUT,
    ]

    /// The A-label of one non-ASCII label, or `nil`.
    static func toASCII(label: String) -> String? {
        switch libidn2(label) {
        case .ascii(let ascii):
            return ascii
        case .failed(let code) where urlStandardAccepts.contains(code):
            return mappedHere(label)
        case .failed(let code) where code == CIDN_DISALLOWED:
            for scalar in label.unicodeScalars where !scalar.isASCII {
                guard case .failed(let code) = libidn2(String(scalar)), code == CIDN_DISALLOWED else { continue }
                guard isSymbol(scalar) else { return nil }
            }
            return mappedHere(label)
        case .failed:
            return nil
        }
    }

    /// Whether an ASCII `xn--` label holds valid punycode of a label UTS #46 accepts.
    static func isDecodableALabel(_ label: String) -> Bool {
        switch libidn2(label) {
        case .ascii: return true
        case .failed(let code): return urlStandardAccepts.contains(code) || code == CIDN_DISALLOWED
        }
    }

    private static func isSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: true
        default: false
        }
    }

    private static func mappedHere(_ label: String) -> String? {
        let mapped = label.precomposedStringWithCompatibilityMapping.lowercased()
        if mapped.unicodeScalars.allSatisfy(\.isASCII) { return mapped }
        return Punycode.encode(mapped).map { "xn--" + $0 }
    }
}

/// RFC 3492 Punycode, the encoding half, for the labels libidn2 refuses under IDNA2008 but the URL standard accepts
/// (see `IDNA`); libidn2 has no public punycode function.
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
