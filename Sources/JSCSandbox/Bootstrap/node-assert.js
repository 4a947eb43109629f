// require('assert'): Node's assert with its AssertionError and messages close to Node's.
(function (carrier) {
    'use strict';
    const define = carrier.defineModule;
    const deepEqual = carrier.deepEqual;
    define('assert', () => {
        class AssertionError extends Error {
            constructor(options) {
                super(options.message);
                this.name = 'AssertionError'; this.code = 'ERR_ASSERTION';
                this.actual = options.actual; this.expected = options.expected; this.operator = options.operator; this.generatedMessage = !options.userMessage;
            }
        }
        const show = (v) => carrier.inspect(v);
        function check(ok, message, actual, expected, operator, generated) {
            if (ok) return;
            if (message instanceof Error) throw message;
            throw new AssertionError({ message: message !== undefined ? String(message) : generated(), actual, expected, operator, userMessage: message !== undefined });
        }
        function assert(value, message) { check(value, message, value, true, '==', () => 'The expression evaluated to a falsy value:\n\n  assert(' + show(value) + ')\n'); }
        assert.ok = (value, message) => check(value, message, value, true, '==', () => 'The expression evaluated to a falsy value:\n\n  assert.ok(' + show(value) + ')\n');
        assert.equal = (a, b, m) => check(a == b, m, a, b, '==', () => show(a) + ' == ' + show(b)); // eslint-disable-line eqeqeq
        assert.notEqual = (a, b, m) => check(a != b, m, a, b, '!=', () => show(a) + ' != ' + show(b)); // eslint-disable-line eqeqeq
        assert.strictEqual = (a, b, m) => check(Object.is(a, b), m, a, b, 'strictEqual', () => 'Expected values to be strictly equal:\n\n' + show(a) + ' !== ' + show(b) + '\n');
        assert.notStrictEqual = (a, b, m) => check(!Object.is(a, b), m, a, b, 'notStrictEqual', () => 'Expected "actual" to be strictly unequal to: ' + show(b));
        assert.deepEqual = (a, b, m) => check(deepEqual(a, b, false), m, a, b, 'deepEqual', () => 'Expected values to be loosely deep-equal:\n\n' + show(a) + '\n\nshould loosely deep-equal\n\n' + show(b));
        assert.deepStrictEqual = (a, b, m) => check(deepEqual(a, b, true), m, a, b, 'deepStrictEqual', () => 'Expected values to be strictly deep-equal:\n' + show(a) + ' !== ' + show(b));
        assert.notDeepEqual = (a, b, m) => check(!deepEqual(a, b, false), m, a, b, 'notDeepEqual', () => 'Expected "actual" not to be loosely deep-equal to: ' + show(b));
        assert.notDeepStrictEqual = (a, b, m) => check(!deepEqual(a, b, true), m, a, b, 'notDeepStrictEqual', () => 'Expected "actual" not to be strictly deep-equal to: ' + show(b));
        assert.fail = (message = 'Failed') => { if (message instanceof Error) throw message; throw new AssertionError({ message: String(message), operator: 'fail', userMessage: true }); };
        assert.throws = (fn, expected, message) => {
            try { fn(); } catch (error) {
                if (typeof expected === 'function' && expected.prototype !== undefined && !(error instanceof expected)) throw error;
                if (expected instanceof RegExp && !expected.test(String(error && error.message !== undefined ? error.message : error))) throw error;
                return;
            }
            check(false, typeof expected === 'string' ? expected : message, undefined, expected, 'throws', () => 'Missing expected exception.');
        };
        assert.doesNotThrow = (fn, message) => { try { fn(); } catch (error) { check(false, message, error, undefined, 'doesNotThrow', () => 'Got unwanted exception.\nActual message: "' + (error && error.message) + '"'); } };
        assert.rejects = async (promise, expected) => { try { await (typeof promise === 'function' ? promise() : promise); } catch (e) { return; } check(false, undefined, undefined, expected, 'rejects', () => 'Missing expected rejection.'); };
        assert.match = (text, re, m) => check(re.test(text), m, text, re, 'match', () => 'The input did not match the regular expression ' + String(re) + '. Input:\n\n' + show(text) + '\n');
        assert.ifError = (v) => { if (v !== null && v !== undefined) throw v; };
        assert.AssertionError = AssertionError;
        assert.strict = assert;
        return assert;
    });
})(globalThis.__carrier);
