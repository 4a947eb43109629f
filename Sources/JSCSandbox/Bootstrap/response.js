// pm.response (and the responses pm.sendRequest hands to callbacks): postman-collection's Response shape.
(function (carrier) {
    'use strict';
    const sdk = carrier.sdk;

    const reasons = {
        100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints', 200: 'OK', 201: 'Created', 202: 'Accepted',
        203: 'Non-Authoritative Information', 204: 'No Content', 205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status',
        208: 'Already Reported', 226: 'IM Used', 300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
        304: 'Not Modified', 305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request',
        401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
        406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
        411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large', 414: 'URI Too Long',
        415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed', 418: "I'm a teapot",
        421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early',
        426: 'Upgrade Required', 428: 'Precondition Required', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large',
        451: 'Unavailable For Legal Reasons', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
        503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
        507: 'Insufficient Storage', 508: 'Loop Detected', 510: 'Not Extended', 511: 'Network Authentication Required',
    };
    carrier.reasons = reasons;

    /** Where JSON text first goes wrong: `{at, what}` (`what` is 'end' at the end of input), or null when it is valid. */
    function jsonError(text) {
        let i = 0;
        const fail = (what) => { throw { at: i, what }; };
        const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
        const literal = (word) => { for (const c of word) { if (text[i] !== c) fail(); i++; } };
        function value() {
            ws();
            if (i >= text.length) fail('end');
            const c = text[i];
            if (c === '{') {
                i++; ws();
                if (text[i] === '}') { i++; return; }
                for (;;) { ws(); if (text[i] !== '"') fail(i >= text.length ? 'end' : undefined); string(); ws(); if (text[i] !== ':') fail(i >= text.length ? 'end' : undefined); i++; value(); ws(); if (text[i] === ',') { i++; continue; } if (text[i] === '}') { i++; return; } fail(i >= text.length ? 'end' : undefined); }
            }
            if (c === '[') {
                i++; ws();
                if (text[i] === ']') { i++; return; }
                for (;;) { value(); ws(); if (text[i] === ',') { i++; continue; } if (text[i] === ']') { i++; return; } fail(i >= text.length ? 'end' : undefined); }
            }
            if (c === '"') return string();
            if (c === 't') return literal('true');
            if (c === 'f') return literal('false');
            if (c === 'n') return literal('null');
            const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
            if (!m) fail();
            i += m[0].length;
        }
        function string() {
            i++;
            while (i < text.length && text[i] !== '"') {
                if (text[i] === '\\') { i++; if (text[i] === 'u') { if (!/^[0-9a-fA-F]{4}$/.test(text.substr(i + 1, 4))) fail(); i += 4; } else if (!'"\\/bfnrt'.includes(text[i])) fail(); }
                else if (text.charCodeAt(i) < 0x20) fail();
                i++;
            }
            if (i >= text.length) fail('end');
            i++;
        }
        try {
            value(); ws();
            if (i < text.length) fail();
            return null;
        } catch (error) {
            if (!error || error.at === undefined) throw error;
            return error;
        }
    }
    function jsonErrorOffset(text) { const error = jsonError(text); return error ? error.at : undefined; }

    /** Where JSON text first goes wrong, as `Unexpected token 'x' at line:column` with the line and a caret. */
    function jsonErrorMessage(text) {
        if (!text.trim()) return 'No data, empty input at 1:1\n' + text + '\n^';
        const error = jsonError(text);
        if (!error) return null;
        const before = text.slice(0, error.at).split('\n');
        const line = before.length, column = before[before.length - 1].length + 1;
        const lineText = text.split('\n')[line - 1] || '';
        const what = error.what === 'end' ? 'Unexpected end of input' : "Unexpected token '" + text[error.at] + "'";
        return what + ' at ' + line + ':' + column + '\n' + lineText + '\n' + ' '.repeat(column - 1) + '^';
    }
    /** V8's wording for input that is not text (postman-sandbox runs on Node): only seen for non-strings. */
    function nativeJSONMessage(text) {
        if (text === 'undefined') return '"undefined" is not valid JSON';
        const at = jsonErrorOffset(text);
        if (at === undefined || at >= text.length) return 'Unexpected end of JSON input';
        const shown = text.length > 40 ? text.slice(0, 10) + '...' + text.slice(-10) : text;
        return "Unexpected token '" + text[at] + "', \"" + shown + '" is not valid JSON';
    }
    const nativeParse = JSON.parse;
    /**
     * liquid-json's parse, which postman-sandbox installs as the scripts' `JSON` and postman-collection's
     * Response#json uses: BOM stripped, native parse first, then the verbose parser's message, named JSONError.
     * Input that is not a string keeps the native (V8) message, as the verbose parser ignores it.
     */
    carrier.parseJSON = function (text, reviver) {
        const clean = typeof text === 'string' ? text.replace(/^\uFEFF/, '') : text;
        try {
            return nativeParse(clean, reviver);
        } catch (parseError) {
            const message = typeof clean === 'string' ? jsonErrorMessage(clean) || parseError.message : nativeJSONMessage(String(clean));
            const error = new SyntaxError(message);
            error.name = 'JSONError';
            throw error;
        }
    };
    Object.defineProperty(JSON, 'parse', {
        value: function parse(text, reviver) { return carrier.parseJSON(text, reviver); }, writable: true, configurable: true,
    });

    /** Body text and header size of each response, beside the object so they are not own properties of it. */
    const internals = new WeakMap();

    /**
     * postman-collection's Response. Its own enumerable members are Newman's (id, _details, status, code, headers,
     * stream, cookies, responseTime, responseSize), so chai prints `PostmanResponse{ …(N) }` with Newman's N. A
     * request that got no response still gives test scripts one of these, built from nothing: no code, no body.
     */
    class PostmanResponse {
        constructor(source) {
            const received = source !== undefined && source !== null;
            source = source || {};
            this.id = source.id || carrier.uuid();
            const code = received && source.code !== undefined ? Number(source.code) || 0 : undefined;
            const standard = code === undefined ? undefined : reasons[code];
            const reason = source.status || source.reason || standard;
            this._details = code === undefined ? {} : { name: reason, detail: reason, code, standardName: standard };
            if (reason !== undefined) this.status = reason;
            if (code !== undefined) this.code = code;
            this.headers = sdk.headerList(source.header || []);
            if (received) {
                Object.defineProperty(this, 'stream', { enumerable: true, configurable: true, get() { return carrier.require('buffer').Buffer.from(this._body || ''); } });
            }
            this.cookies = new sdk.PropertyList((source.cookies || []).map((c) => Object.assign({ key: c.name }, c)));
            if (received) {
                this.responseTime = source.responseTime || 0;
                this.responseSize = source.bodySize !== undefined ? source.bodySize : carrier.text.utf8Encode(source.body || '').length;
            }
            internals.set(this, {
                body: !received ? undefined : source.body === undefined || source.body === null ? '' : String(source.body),
                headerSize: source.headerSize,
            });
        }
        // Kept off the object itself: chai counts every own property name when it prints a response.
        get _body() { return internals.get(this).body; }
        set _body(value) { internals.get(this).body = value; }
        get _headerSize() { return internals.get(this).headerSize; }
        reason() { return this.status; }
        details() {
            if (this.code === undefined) return {};
            const name = this.status || reasons[this.code] || '';
            return { name, detail: name, code: this.code, standardName: reasons[this.code] };
        }
        text() { return this._body; }
        /** A fresh parse each call (as postman-collection): a script may change what it got without side effects. */
        json(reviver) { return carrier.parseJSON(this._body, reviver); }
        jsonp(reviver) { const text = this._body || ''; const m = /^[^(]*\(([\s\S]*)\)[^)]*$/.exec(text.trim()); return carrier.parseJSON(m ? m[1] : text, reviver); }
        size() {
            const header = this._headerSize !== undefined ? this._headerSize : this.headers.members.reduce((sum, h) => sum + String(h.key).length + String(h.value).length + 4, 0);
            const body = this.responseSize || 0;
            return { body, header, total: body + header };
        }
        contentInfo() {
            const contentType = this.headers.get('Content-Type') || '';
            const mime = contentType.split(';')[0].trim().toLowerCase();
            const charset = (/charset=([^;]+)/i.exec(contentType) || [])[1];
            const format = /json/.test(mime) ? 'json' : /xml/.test(mime) ? 'xml' : /html/.test(mime) ? 'html' : /^text\//.test(mime) ? 'text' : /javascript/.test(mime) ? 'script' : mime.startsWith('image/') ? 'image' : 'raw';
            return { contentType, mimeType: mime.split('/')[0], mimeFormat: format, charset: charset || 'utf8', fileExtension: mime.split('/')[1] };
        }
        dataURI() { return 'data:' + (this.headers.get('Content-Type') || 'text/plain') + ';base64,' + carrier.text.base64Encode(carrier.text.utf8Encode(this._body || '')); }
        encoding() { return { format: 'utf8', source: undefined }; }
        toJSON() {
            return { id: this.id, status: this.status, code: this.code, header: this.headers.toJSON(), body: this._body, responseTime: this.responseTime, responseSize: this.responseSize };
        }
        get to() { return carrier.chai().expect(this).to; }
        get not() { return carrier.chai().expect(this).not; }
        static isResponse(value) { return value instanceof PostmanResponse; }
    }
    sdk.Response = PostmanResponse;
})(globalThis.__carrier);
