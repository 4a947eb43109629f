import RunContracts
import RunnerCore
import Testing
@testable import JSCSandbox

@Suite("console capture")
struct ConsoleTests {
    @Test("console methods are captured with their level, formatted like util.format")
    func levels() {
        let outcome = Harness().run("""
            console.log('plain', 1, true, null, undefined);
            console.info('%s is %d years', 'Ada', 36.5);
            console.warn({ a: 1, b: 'two', c: [1, 2, { d: null }] });
            console.error('%j', { x: [1] });
            console.debug(new Error('boom'));
            """)
        #expect(outcome.console == [
            ConsoleMessage(level: .log, text: "plain 1 true null undefined"),
            ConsoleMessage(level: .info, text: "Ada is 36.5 years"),
            ConsoleMessage(level: .warn, text: "{ a: 1, b: 'two', c: [ 1, 2, { d: null } ] }"),
            ConsoleMessage(level: .error, text: #"{"x":[1]}"#),
            ConsoleMessage(level: .debug, text: "Error: boom"),
        ])
    }

    @Test("nested objects break across lines and stop at depth 2 as Node prints them")
    func nested() {
        let lines = Harness().log("console.log({ level1: { level2: { level3: { level4: 1 } } }, list: [[1, [2, [3]]]], m: new Map([['k', 1]]) });")
        #expect(lines == ["{\n  level1: { level2: { level3: [Object] } },\n  list: [ [ 1, [Array] ] ],\n  m: Map(1) { 'k' => 1 }\n}"])
    }

    @Test("atob and btoa work on binary strings")
    func base64() {
        #expect(Harness().log("console.log(btoa('hello'), atob('aGVsbG8='))") == ["aGVsbG8= hello"])
    }
}
