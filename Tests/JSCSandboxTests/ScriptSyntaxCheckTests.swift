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

    @Test("checks share one context: nothing a check parses leaks into the next, and checks go on after a series ends")
    func sharedContext() throws {
        // Only parsed, never run: a declaration in one script cannot clash with the same one in the next.
        for _ in 0..<50 { #expect(ScriptSyntaxCheck.check("const shared = 1; let again = 2;") == nil) }
        #expect(ScriptSyntaxCheck.check("const shared = 1;\nshared +;")?.line == 2)
        ScriptSyntaxCheck.finishChecks()
        #expect(ScriptSyntaxCheck.check("const shared = 1;") == nil)
        #expect(try #require(ScriptSyntaxCheck.check("let x = ;")).name == "SyntaxError")
        ScriptSyntaxCheck.finishChecks()
        ScriptSyntaxCheck.finishChecks()
    }
}
