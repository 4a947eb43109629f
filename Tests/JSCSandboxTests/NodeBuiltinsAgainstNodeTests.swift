import Foundation
import Testing
@testable import JSCSandbox

/// Our Node built-in shims against Node itself: each expression is evaluated in Carrier's sandbox and by `node -e`
/// (Debian's nodejs, `make test-deps`), and the two results (strings, or JSON of anything else) must be equal.
@Suite("Node built-ins: the sandbox's shims give what Node gives")
struct NodeBuiltinsAgainstNodeTests {
    static let expressions: [String] = [
        // util.format / util.inspect
        "require('util').format('%s=%d %j %%', 'a', 42, { b: [1, 'x'] })",
        "require('util').format('%s', null, undefined, 3)",
        "require('util').format('%i %f', '42.9px', '1.5e2')",
        "require('util').format('no args')",
        "require('util').format(1, 2, 'three')",
        "require('util').inspect({ a: 1, b: 'two', c: [1, 2, 3], d: { e: null } })",
        "require('util').inspect('text')",
        "require('util').inspect([1, [2, [3, [4, [5]]]]])",
        "require('util').inspect({ nested: { deeper: { deepest: { gone: 1 } } } })",
        "require('util').inspect(new Map([['k', 1]]))",
        "require('util').inspect(new Set([1, 'a']))",
        "require('util').inspect(undefined) + require('util').inspect(null) + require('util').inspect(-0)",
        "require('util').inspect([ , 1])",
        "require('util').isDeepStrictEqual ? require('util').isDeepStrictEqual({ a: [1] }, { a: [1] }) : 'absent'",
        // URL / URLSearchParams
        "new URL('HTTP://User:Pa ss@Example.COM:80/a/../b/./c?x=1 2&y=%41#frag').href",
        "new URL('https://example.com:8443/p?q=1').origin",
        "new URL('/rel?x', 'https://h.test/base/doc').href",
        "new URL('https://h.test/?a=1&b=2&a=3').searchParams.getAll('a')",
        "new URLSearchParams('a=1&b=x%20y&c=+plus').toString()",
        "new URLSearchParams({ q: 'a b&c', n: 'é' }).toString()",
        "(() => { const p = new URLSearchParams('b=2&a=1&c=3'); p.sort(); p.append('d', '4'); p.delete('c'); return p.toString(); })()",
        "new URL('https://ÉXAMPLE.com/ä?ö#ü').href",
        // Buffer
        "Buffer.from('héllo wörld').toString('base64')",
        "Buffer.from('aGVsbG8=', 'base64').toString()",
        "Buffer.from('68656c6c6f', 'hex').toString('utf8')",
        "Buffer.from('hello').toString('hex')",
        "Buffer.from('héllo', 'latin1').toString('hex')",
        "Buffer.from([0xe2, 0x82, 0xac, 0xff]).toString()",
        "Buffer.concat([Buffer.from('ab'), Buffer.from('cd')]).toString()",
        "Buffer.from('abcdef').slice(1, 4).toString()",
        "Buffer.from('abcdef').subarray(-2).toString()",
        "Buffer.byteLength('héllo')",
        "Buffer.from('hi').toJSON()",
        "Buffer.from('a+/b', 'base64').toString('base64')",
        "Buffer.from('hello').toString('base64url')",
        "Buffer.from('hello').equals(Buffer.from('hello'))",
        // querystring
        "require('querystring').stringify({ a: 'x y', b: ['1', '2'], c: '' })",
        "require('querystring').parse('a=1&b=2&a=3&c')",
        "require('querystring').escape(\"a b!'()*\")",
        "require('querystring').unescape('%E2%82%AC%zz')",
        // path
        "require('path').join('/a/b', '../c', './d.txt')",
        "require('path').resolve('/a', 'b', '../c')",
        "require('path').basename('/x/y/file.tar.gz', '.gz') + ' ' + require('path').extname('/x/y/file.tar.gz')",
        "require('path').dirname('/x/y/z')",
        "require('path').normalize('a//b/../c/.')",
        "require('path').parse('/home/u/file.txt')",
        "require('path').relative('/a/b/c', '/a/d')",
        "require('path').isAbsolute('a/b') + ' ' + require('path').sep",
        // events
        "(() => { const E = require('events'); const e = new E(); const seen = []; e.on('a', (x) => seen.push(x)); e.prependListener('a', (x) => seen.push('first' + x)); e.emit('a', 1); return seen.concat(e.eventNames()); })()",
        // string_decoder
        "(() => { const { StringDecoder } = require('string_decoder'); const d = new StringDecoder('utf8'); return d.write(Buffer.from([0xe2, 0x82])) + '|' + d.write(Buffer.from([0xac])) + '|' + d.end(); })()",
        "(() => { const { StringDecoder } = require('string_decoder'); return new StringDecoder('hex').write(Buffer.from('hi')); })()",
        // TextEncoder / TextDecoder
        "Array.from(new TextEncoder().encode('€a'))",
        "new TextDecoder().decode(new Uint8Array([0xe2, 0x82, 0xac, 0x61]))",
        "new TextDecoder().decode(new Uint8Array([0xff, 0x61]))",
        "new TextDecoder('utf-8').encoding",
    ]

    static let printer = "const show = (v) => typeof v === 'string' ? v : JSON.stringify(v);"

    @Test("every expression gives Node's result")
    func againstNode() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/node")
        let program = Self.printer + "const out = [];" + Self.expressions.map { "try { out.push(show(\($0))); } catch (e) { out.push('threw ' + e.message); }" }.joined()
            + "console.log(JSON.stringify(out));"
        process.arguments = ["-e", program]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let node = try JSONDecoder().decode([String].self, from: data)
        let harness = Harness()
        let script = Self.printer + "const out = [];" + Self.expressions.map { "try { out.push(show(\($0))); } catch (e) { out.push('threw ' + e.message); }" }.joined()
            + "console.log(JSON.stringify(out));"
        let line = harness.log(script).first ?? "[]"
        let carrier = try JSONDecoder().decode([String].self, from: Data(line.utf8))
        #expect(carrier.count == node.count)
        for (index, expression) in Self.expressions.enumerated() where index < carrier.count && index < node.count {
            #expect(carrier[index] == node[index], "\(expression)")
        }
    }
}
