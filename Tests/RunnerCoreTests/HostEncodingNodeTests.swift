import Foundation
import Testing
@testable import RunContracts
@testable import RunnerCore

/// Host encoding against Node itself (`url.domainToASCII`, what postman-url-encoder calls, and `new URL().hostname`):
/// libidn2's UTS #46 mapping plus the URL standard's profile (HostEncoding's `IDNA`). Node is Debian's `nodejs`
/// (`make test-deps` installs it).
@Suite("Host encoding agrees with Node's domainToASCII and new URL")
struct HostEncodingNodeTests {
    static let hosts = [
        // full-width, ideographic full stops, compatibility forms
        "ＡＢＣ.com", "Ｅｘａｍｐｌｅ．ｃｏｍ", "example。com", "a｡b.com", "ä.ａ", "𝟏.com", "ﬀ.com", "ⓐ.com", "ǅ.com",
        // deviation characters (non-transitional keeps them), Roman numerals, case
        "ß.de", "straße.de", "faß.de", "Ⅸ.com", "ⅸ.example", "BÜCHER.example", "Example.COM", "K.com", "ΣΊΣΥΦΟΣ.gr",
        // scripts
        "bücher.example", "αβγ.ελ", "mixedкириллица.com", "中文.com", "郵便屋さん.com", "עברית.com", "a.עברית1",
        "١٢٣.com", "ไทย.th",
        // emoji and symbols (valid under UTS #46, refused by IDNA2008)
        "😎.cool", "ab😎cd.com", "I♥NY.com", "☃.net", "xn--ls8h.la",
        // already punycode
        "xn--bcher-kva.example", "XN--BCHER-KVA.example", "xn--strae-oqa.de",
        // hyphens and lengths the URL standard does not check
        "ab--c.com", "-abc.com", "abc-.com", "a_b.com", "a..b", "-bücher.de", "bü--cher.de",
        String(repeating: "a", count: 70) + ".com", String(repeating: "ü", count: 70) + ".com",
        // numbers
        "127.1", "0x7f.0.0.1", "1.2.3.999", "foo.123",
        // refused by Node
        "xn--iñvalid.com", "xn--a.com", "x.xn--zz", "a\u{200C}b.com", "a b.com", "a⒈com", "︒.com", "a<b.com",
        "a\u{0300}.com", "\u{0300}a.com",
    ]

    static func node(_ script: String, _ arguments: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/node")
        process.arguments = ["-e", script, "--"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode([String].self, from: data)
    }

    @Test("domainToASCII gives what Node's url.domainToASCII gives ('' where Node refuses)")
    func domainToASCII() throws {
        let expected = try Self.node(
            "console.log(JSON.stringify(process.argv.slice(1).map(h => require('url').domainToASCII(h))))", Self.hosts)
        for (host, node) in zip(Self.hosts, expected) {
            #expect((HostEncoding.domainToASCII(host) ?? "") == node, "\(host)")
        }
    }

    @Test("the host sent is new URL(...).hostname for every host Node accepts, the host as written otherwise")
    func sentHost() throws {
        let expected = try Self.node(
            "console.log(JSON.stringify(process.argv.slice(1).map(h => { try { return new URL('http://' + h + '/').hostname } catch (e) { return '' } })))",
            Self.hosts)
        for (host, node) in zip(Self.hosts, expected) {
            // postman-url-encoder falls back to the host as written when domainToASCII refuses it.
            #expect(HostEncoding.encode(host.lowercased()) == (node.isEmpty ? host.lowercased() : node), "\(host)")
        }
    }
}
