import Foundation
import RunContracts
import RunnerCore
import Testing
@testable import JSCSandbox

@Suite("require()")
struct RequireTests {
    @Test("the sandbox's libraries load by name")
    func libraries() {
        let lines = Harness().log("""
            const _ = require('lodash'), chai = require('chai'), CryptoJS = require('crypto-js'), moment = require('moment');
            const uuid = require('uuid'), Ajv = require('ajv'), xml2js = require('xml2js'), cheerio = require('cheerio');
            const Backbone = require('backbone'), atob = require('atob'), btoa = require('btoa');
            console.log(_.chunk([1, 2, 3], 2).length, typeof chai.expect, CryptoJS.SHA1('hello').toString());
            console.log(moment.utc('2024-01-02T03:04:05Z').format('YYYY/MM/DD HH:mm'), /^[0-9a-f-]{36}$/.test(uuid.v4()), uuid.v4() !== uuid.v4());
            const ajv = new Ajv(); console.log(ajv.validate({ type: 'integer' }, 3), ajv.validate({ type: 'integer' }, 'x'));
            xml2js.parseString('<a><b>1</b></a>', (err, result) => console.log(err, JSON.stringify(result)));
            console.log(cheerio.load('<p id="x">hi</p>')('#x').text(), typeof Backbone.Model, atob(btoa('ok')));
            """)
        #expect(lines == [
            "2 function aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d",
            "2024/01/02 03:04 true true",
            "true false",
            #"null {"a":{"b":["1"]}}"#,
            "hi function ok",
        ])
    }

    @Test("Node built-ins: url, querystring, util, events, path, buffer, assert, timers")
    func builtins() {
        let lines = Harness().log("""
            const url = require('url'), qs = require('querystring'), util = require('util'), EventEmitter = require('events');
            const path = require('path'), { Buffer } = require('buffer'), assert = require('assert'), timers = require('timers');
            const u = new URL('https://user@Example.com:8443/a/b?x=1&y=two#frag');
            console.log(u.hostname, u.port, u.pathname, u.searchParams.get('y'), url.parse('http://h.test/p?q=1', true).query.q);
            console.log(qs.stringify({ a: [1, 2], b: 'c d' }), JSON.stringify(qs.parse('a=1&b=2')));
            console.log(util.format('%s=%d', 'n', 5), util.inspect({ a: [1] }));
            const e = new EventEmitter(); e.once('ping', (v) => console.log('ping', v)); e.emit('ping', 1); console.log(e.emit('ping', 2));
            console.log(path.join('/a', 'b', '../c'), path.basename('/x/y.json', '.json'), path.extname('f.txt'));
            console.log(Buffer.from('héllo').toString('base64'), Buffer.from('6869', 'hex').toString(), Buffer.byteLength('é'));
            try { assert.strictEqual(1, 2); } catch (err) { console.log(err.name, err.code); }
            timers.setTimeout(() => console.log('timer'), 1);
            util.promisify((v, cb) => cb(null, v * 2))(21).then((v) => console.log('promisified', v));
            """)
        #expect(lines == [
            "example.com 8443 /a/b two 1",
            #"a=1&a=2&b=c%20d {"a":"1","b":"2"}"#,
            "n=5 { a: [ 1 ] }",
            "ping 1", "false",
            "/a/c y .txt",
            "aMOpbGxv hi 2",
            "AssertionError ERR_ASSERTION",
            "promisified 42",
            "timer",
        ])
    }

    @Test("postman-collection and punycode are available too")
    func sdkModule() {
        let lines = Harness().log("""
            const { Url, Request } = require('postman-collection');
            console.log(new Url('https://a.test:8080/x?y=1').getRemote(), new Request({ url: 'http://h.test', method: 'put' }).method);
            console.log(require('punycode').toASCII('mañana.com'));
            """)
        #expect(lines == ["a.test:8080 PUT", "xn--maana-pta.com"])
    }

    @Test("an unknown module is a script error naming it")
    func unknownModule() {
        let outcome = Harness().run("const x = require('left-pad');")
        #expect(outcome.error?.message == "Cannot find module 'left-pad'")
        #expect(outcome.error?.line == 1)
    }

    @Test("tv4 is Debian's libjs-tv4: draft-04, unknown formats ignored, JSON Pointer data paths")
    func tv4() {
        let lines = Harness().log(#"""
            const schema = { $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', required: ['id'],
                             properties: { id: { type: 'number' }, when: { type: 'string', format: 'made-up' } } };
            console.log(tv4.validate({ id: 1, when: 'x' }, schema), tv4.validate({ id: 'one' }, schema), tv4.error.dataPath);
            console.log(require('tv4').validateMultiple({}, schema).errors.length);
            """#)
        #expect(lines == ["true false /id", "1"])
    }

    @Test("chai from require and pm.expect are the same instance, and lazy globals load once")
    func sameChai() {
        let harness = Harness()
        #expect(harness.log("pm.expect(1).to.equal(1); console.log(require('chai').expect(2).to.equal(2) !== undefined)") == ["true"])
        #expect(harness.log("console.log(_ === _, require('lodash') === require('lodash'))") == ["true true"])
    }
}

@Suite("library loading")
struct LibraryLoadingTests {
    @Test("a library file that is missing names the Debian package to install")
    func missingFile() {
        // Points the table at a path that does not exist, through the runtime's (hidden) library table.
        let outcome = Harness().run("__carrier.libraries.moment.files = ['/nonexistent/moment.js'];\nrequire('moment');")
        #expect(outcome.error?.message.contains("install the Debian package libjs-moment") == true)
        #expect(outcome.error?.line == 2)
    }

    @Test("a module whose load throws is not cached half-built: requiring it again throws again")
    func evictsFailedModule() throws {
        let path = "/tmp/carrier-flaky-\(UInt32.random(in: 0...UInt32.max)).js"
        try "module.exports.partial = true; throw new Error('load failed');".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = Harness().log("""
            __carrier.libraries.flaky = { files: ['\(path)'], names: [], debian: 'none' };
            for (const attempt of [1, 2]) {
                try { console.log(attempt, JSON.stringify(require('flaky'))); } catch (e) { console.log(attempt, e.message); }
            }
            """)
        #expect(lines == ["1 load failed", "2 load failed"])
    }
}
