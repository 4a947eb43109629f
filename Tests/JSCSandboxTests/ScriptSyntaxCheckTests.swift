import JSCSandbox
import Testing

/// `ScriptSyntaxCheck`: parse without running, as the sandbox wraps scripts.
@Suite("Script syntax check")
struct ScriptSyntaxCheckTests {
    @Test("a valid script, top-level return and await included, parses")
    func valid() {
        #expect(ScriptSyntaxCheck.check("pm.test('a', () => {});\nif (!pm.response) return;\nawait Promise.resolve(1);") == nil)
        #expect(ScriptSyntaxCheck.check("") == nil)
    }

    @Test("a syntax error is reported with the script's own line number")
    func invalid() throws {
        let error = try #require(ScriptSyntaxCheck.check("const a = 1;\n\nif (a {\n}"))
        #expect(error.name == "SyntaxError")
        #expect(error.line == 3)
        #expect(!error.message.isEmpty)
    }

    @Test("a script that closes the wrapper early does not pass as valid")
    func wrapperEscape() {
        #expect(ScriptSyntaxCheck.check("}); (function () {") != nil || ScriptSyntaxCheck.check("})") != nil)
        #expect(ScriptSyntaxCheck.check("})") != nil)
    }
}
