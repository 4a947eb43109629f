// Carrier sandbox runtime: the hidden `__carrier` object the Swift side drives (begin, execute, timers, finish).
// Our own code; behaviour follows postman-sandbox 4.7 as documented in NEWMAN-REFERENCE.md section 4.
(function () {
    'use strict';
    const native = globalThis.__carrierNatives;
    delete globalThis.__carrierNatives;

    const carrier = Object.create(null);
    Object.defineProperty(globalThis, '__carrier', { value: carrier, enumerable: false });
    carrier.native = native;
    // chai's and lodash's bundles look for `global` to find the global object.
    globalThis.global = globalThis;

    /** Per-script state; `null` between scripts. */
    carrier.run = null;

    /** Where a stack frame points, from JavaScriptCore's `fn@url:line:column` format. */
    function parseFrames(stack) {
        const frames = [];
        for (const line of String(stack || '').split('\n')) {
            const match = /^(.*?)@(.*):(\d+):(\d+)$/.exec(line);
            if (match) frames.push({ fn: match[1], url: match[2], line: +match[3], column: +match[4] });
        }
        return frames;
    }

    /**
     * A thrown value as the Swift side's ScriptError/AssertionResult wants it: the line and column are those of the
     * first frame inside the user's script (errors thrown by chai carry chai's own line otherwise).
     */
    carrier.errorInfo = function (error, sourceURL, prefixLength) {
        const run = carrier.run;
        sourceURL = sourceURL || (run && run.sourceURL);
        prefixLength = prefixLength === undefined ? (run ? run.prefixLength : 0) : prefixLength;
        let name = 'Error', message = '';
        if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
            name = String(error.name || (error.constructor && error.constructor.name) || 'Error');
            message = error.message !== undefined ? String(error.message) : carrier.safeString(error);
            message = carrier.nodeMessage(name, message);
        } else {
            message = carrier.safeString(error);
        }
        let line, column;
        const frames = error && typeof error === 'object' ? parseFrames(error.stack) : [];
        const own = frames.filter((frame) => frame.url === sourceURL);
        if (own.length) {
            line = own[0].line; column = own[0].column;
        } else if (error && typeof error === 'object' && error.sourceURL === sourceURL && typeof error.line === 'number') {
            line = error.line; column = error.column;
        }
        if (line === 1 && typeof column === 'number') column = Math.max(1, column - prefixLength);
        let stack = name + ': ' + message;
        for (const frame of own) {
            const col = frame.line === 1 ? Math.max(1, frame.column - prefixLength) : frame.column;
            stack += '\n   at ' + (frame.fn || 'Object.eval') + ' (' + frame.url + ':' + frame.line + ':' + col + ')';
        }
        if (!own.length && line !== undefined) stack += '\n   at ' + sourceURL + ':' + line + ':' + column;
        const info = { name, message, stack };
        if (line !== undefined) { info.line = line; info.column = column; }
        return info;
    };

    /**
     * JavaScriptCore words common TypeErrors and ReferenceErrors differently from Node; reports read like Newman's
     * when the frequent ones are said the Node way.
     */
    carrier.nodeMessage = function (name, message) {
        let match;
        if (name === 'TypeError' && (match = /^(undefined|null) is not an object \(evaluating '([\s\S]*)'\)$/.exec(message))) {
            const expression = match[2];
            const bracket = /\[\s*(['"`]?)([\s\S]*?)\1\s*\]$/.exec(expression);
            const property = bracket ? bracket[2] : expression.slice(expression.lastIndexOf('.') + 1);
            return 'Cannot read properties of ' + match[1] + " (reading '" + property + "')";
        }
        if (name === 'TypeError' && (match = /^[\s\S]* is not a function\. \(In '[\s\S]*', '([\s\S]*)' is [\s\S]*\)$/.exec(message))) {
            return collapseCallArguments(match[1]) + ' is not a function';
        }
        if (name === 'ReferenceError' && (match = /^Can't find variable: (.*)$/.exec(message))) return match[1] + ' is not defined';
        return message;
    };

    /** V8 names a callee with the arguments of the calls on its way elided: `JSON.parse(body).find` → `JSON.parse(...).find`. */
    function collapseCallArguments(expression) {
        let out = '', depth = 0, quote = null;
        for (let i = 0; i < expression.length; i++) {
            const c = expression[i];
            if (depth > 0) {
                if (quote) { if (c === '\\') i++; else if (c === quote) quote = null; continue; }
                if (c === '"' || c === "'" || c === '`') { quote = c; continue; }
                if (c === '(') depth++;
                else if (c === ')' && --depth === 0) out += '...)';
                continue;
            }
            if (c === '(' && /[\w$)\]]$/.test(out)) { depth = 1; out += '('; continue; }
            out += c;
        }
        return depth > 0 ? expression : out;
    }

    carrier.describeError = function (error, sourceURL, prefixLength) {
        return JSON.stringify(carrier.errorInfo(error, sourceURL, prefixLength));
    };

    carrier.safeString = function (value) {
        try { return String(value); } catch (e) { return Object.prototype.toString.call(value); }
    };

    /** Records an error that stops the script (the first one wins, as Newman reports one per script). */
    carrier.reportError = function (error) {
        const run = carrier.run;
        if (!run || run.error) return;
        run.error = carrier.errorInfo(error);
    };

    carrier.onUnhandledRejection = function (promise, reason) {
        carrier.reportError(reason);
    };

    /** A v4-shaped id for SDK objects that postman-collection gives one (responses); not for anything secret. */
    // Every pm.response gets one: four random 32-bit words through a byte-to-hex table, about a tenth of the cost
    // of a regular-expression replace per digit.
    const hexByte = Array.from({ length: 256 }, (_, i) => (i + 0x100).toString(16).slice(1));
    const word = () => (Math.random() * 0x100000000) >>> 0;
    carrier.uuid = function () {
        const a = word(), b = word(), c = word(), d = word();
        const h = (w, shift) => hexByte[(w >>> shift) & 0xff];
        return h(a, 24) + h(a, 16) + h(a, 8) + h(a, 0) + '-' + h(b, 24) + h(b, 16) + '-' +
            hexByte[0x40 | ((b >>> 8) & 0x0f)] + h(b, 0) + '-' + hexByte[0x80 | ((c >>> 24) & 0x3f)] + h(c, 16) + '-' +
            h(c, 8) + h(c, 0) + h(d, 24) + h(d, 16) + h(d, 8) + h(d, 0);
    };

    /** A script-level error whose message tells people what to do (missing Debian packages and the like). */
    carrier.fail = function (message, name) {
        const error = new Error(message);
        if (name) error.name = name;
        return error;
    };
})();
