import JSONValue
import RunContracts
import Testing
@testable import JSCSandbox

/// Text crosses between Swift and JavaScriptCore on several paths (ASCII widened byte for byte, other text through
/// UTF-8, text with a NUL inside through UTF-16, ASCII narrowed on the way back); each must keep every character.
@Suite("text crossing into and out of the sandbox")
struct StringCrossingTests {
    private func body(_ bytes: [UInt8]) -> HTTPResponse {
        HTTPResponse(code: 200, reason: "OK", headers: [], body: bytes, responseTime: 1, finalURL: "http://api.test/")
    }

    private func codes(of bytes: [UInt8]) -> [String] {
        Harness().run("console.log(JSON.stringify(Array.from(pm.response.text(), (c) => c.codePointAt(0))));",
                      response: body(bytes)).console.map(\.text)
    }

    @Test("response bodies: ASCII, non-ASCII, NUL inside either, invalid UTF-8, empty")
    func bodies() {
        #expect(codes(of: Array("plain {\"a\":1}".utf8)) == ["[112,108,97,105,110,32,123,34,97,34,58,49,125]"])
        #expect(codes(of: Array("é😀中".utf8)) == ["[233,128512,20013]"])
        #expect(codes(of: [0x61, 0x00, 0x62]) == ["[97,0,98]"])
        #expect(codes(of: Array("é".utf8) + [0x00] + Array("x".utf8)) == ["[233,0,120]"])
        // Invalid UTF-8 becomes U+FFFD, as decoding the body always did.
        #expect(codes(of: [0x61, 0xFF, 0x62]) == ["[97,65533,98]"])
        #expect(codes(of: []) == ["[]"])
    }

    @Test("what scripts hand back: console text, variables, assertion names, in and beyond ASCII")
    func outcomes() {
        let harness = Harness()
        let outcome = harness.run("""
            console.log('plain', 'é😀', 'a\\u0000b'.length);
            pm.environment.set('greeting', 'grüß 😀');
            pm.environment.set('ascii', 'x'.repeat(3000));
            pm.test('naïve ✓', () => {});
            """)
        #expect(outcome.error == nil)
        #expect(outcome.console.map(\.text) == ["plain é😀 3"])
        #expect(outcome.assertions.map(\.name) == ["naïve ✓"])
        #expect(harness.scopes.environment.value("greeting") == "grüß 😀")
        #expect(harness.scopes.environment.value("ascii") == .string(String(repeating: "x", count: 3000)))
    }

    @Test("request fields and names that are not ASCII reach the script unchanged")
    func context() {
        let request: JSONValue = ["url": "https://api.example.com/ü?q=é", "method": "GET", "header": [["key": "X-Name", "value": "Zoë\u{01}"]]]
        let lines = Harness().run("console.log(pm.request.url.toString(), JSON.stringify(pm.request.headers.get('X-Name')), pm.info.requestName);",
                                  phase: .prerequest, request: request).console.map(\.text)
        #expect(lines == [#"https://api.example.com/ü?q=é "Zoë\u0001" Create user"#])
    }
}
