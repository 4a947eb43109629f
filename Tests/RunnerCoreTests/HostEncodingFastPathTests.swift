import Testing
@testable import RunContracts
import RunContracts
@testable import RunnerCore

@Suite("Host encoding's fast path")
struct HostEncodingFastPathTests {
    @Test("hosts taken as they are give exactly what the full WHATWG mapping gives", arguments: [
        "localhost", "example.com", "api.example.com.", "a-b.c-d", "xn--bcher-kva.example", "127.0.0.1", "0.0.0.0",
        "255.255.255.255", "my-host-1.internal", "a.b.c.d.e", "s3.eu-west-1.amazonaws.com",
    ])
    func fastPathAgrees(host: String) {
        #expect(HostEncoding.isAlreadyASCIIForm(host))
        #expect(HostEncoding.domainToASCII(host) == host)
    }

    @Test("hosts that need the mapping are left to it", arguments: [
        "Example.COM", "127.1", "0x7f.0.0.1", "010.0.0.1", "256.0.0.1", "foo.123", "a.0x10", "bücher.example",
        "a%2eb", "1.2.3", "host_name", "",
    ])
    func slowPathKept(host: String) {
        #expect(!HostEncoding.isAlreadyASCIIForm(host))
    }
}

@Suite("Byte-level URL encoding against the String rules it replaced")
struct ByteLevelEncodingTests {
    /// The dotted-quad rule as it was written on Strings and `Int`, kept here as the reference.
    private static func stringRuleIsCanonicalQuad(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            guard let value = Int(part), value <= 255, part.count <= 3 else { return false }
            return part == "0" || !part.hasPrefix("0")
        }
    }

    @Test("random hosts of digits, dots and minus signs are judged as the String rule judged them")
    func dottedQuads() {
        var generator = SystemRandomNumberGenerator()
        // No letters: a label starting with one is decided before the quad rule is reached.
        let alphabet = Array("0123456789..-")
        var quads = 0
        for _ in 0..<20_000 {
            let host = String((0..<Int.random(in: 0...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let expected = Self.stringRuleIsCanonicalQuad(host)
            if expected { quads += 1 }
            #expect(HostEncoding.isAlreadyASCIIForm(host) == expected, "\(host)")
        }
        #expect(quads > 0)
    }

    @Test("percent-encoding with the bit-mask sets gives what the character sets give", arguments: [
        (URLEncoding.fragment, " \"<>`"), (URLEncoding.path, " \"<>`#?{}"), (URLEncoding.userInfo, " \"<>`#?{}/:;=@[\\]^|"),
        (URLEncoding.query, " \"#'<>"), (URLEncoding.queryValue, " \"#'<>&"), (URLEncoding.queryKey, " \"#'<>&="),
    ])
    func encodeSets(set: URLEncoding.EncodeSet, characters: String) {
        let listed = Set(characters.utf8)
        for byte in UInt8.min...UInt8.max {
            #expect(set.contains(byte) == (byte < 0x20 || byte >= 0x7F || listed.contains(byte)), "\(byte)")
        }
        let text = "a b/c?d#e&f=g%20h{i}j|k\u{7F}l\u{1}m é 😀"
        var expected = ""
        for byte in text.utf8 {
            expected += set.contains(byte) ? "%" + String(byte, radix: 16, uppercase: true).leftPadded : String(UnicodeScalar(byte))
        }
        #expect(URLEncoding.percentEncode(text, set) == expected)
        #expect(URLEncoding.percentEncode("plain-text_0.9~", set) == "plain-text_0.9~")
    }
}

private extension String {
    var leftPadded: String { count == 1 ? "0" + self : self }
}
