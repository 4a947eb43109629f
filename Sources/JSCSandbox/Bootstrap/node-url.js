// URL and URLSearchParams (globals, as in Node) and require('url') with the legacy parse/format/resolve.
(function (carrier) {
    'use strict';
    const define = carrier.defineModule;
    const { utf8Encode, qsUnescape } = carrier.text;
    const specialPorts = { 'http:': '80', 'https:': '443', 'ftp:': '21', 'ws:': '80', 'wss:': '443' };
    function encodeSet(text, pattern) { return text.replace(pattern, (c) => utf8Encode(c).map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('')); }

    class URLSearchParams {
        constructor(init) {
            this._list = [];
            if (typeof init === 'string') this._parse(init);
            else if (init instanceof URLSearchParams) this._list = init._list.map((pair) => pair.slice());
            else if (init && typeof init[Symbol.iterator] === 'function') for (const [k, v] of init) this._list.push([String(k), String(v)]);
            else if (init && typeof init === 'object') for (const k of Object.keys(init)) this._list.push([k, String(init[k])]);
        }
        _parse(text) {
            this._list = [];
            for (const piece of text.replace(/^\?/, '').split('&')) {
                if (!piece) continue;
                const i = piece.indexOf('=');
                const decode = (s) => qsUnescape(s.replace(/\+/g, ' '));
                this._list.push(i >= 0 ? [decode(piece.slice(0, i)), decode(piece.slice(i + 1))] : [decode(piece), '']);
            }
        }
        _changed() { if (this._url) this._url._search = this._list.length ? '?' + this.toString() : ''; }
        append(k, v) { this._list.push([String(k), String(v)]); this._changed(); }
        delete(k) { this._list = this._list.filter(([key]) => key !== k); this._changed(); }
        get(k) { const pair = this._list.find(([key]) => key === k); return pair ? pair[1] : null; }
        getAll(k) { return this._list.filter(([key]) => key === k).map((pair) => pair[1]); }
        has(k) { return this._list.some(([key]) => key === k); }
        set(k, v) {
            const index = this._list.findIndex(([key]) => key === k);
            if (index < 0) this._list.push([String(k), String(v)]);
            else { this._list[index][1] = String(v); this._list = this._list.filter(([key], i) => key !== k || i === index); }
            this._changed();
        }
        sort() { this._list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); this._changed(); }
        forEach(fn, thisArg) { for (const [k, v] of this._list) fn.call(thisArg, v, k, this); }
        keys() { return this._list.map((pair) => pair[0])[Symbol.iterator](); }
        values() { return this._list.map((pair) => pair[1])[Symbol.iterator](); }
        entries() { return this._list.map((pair) => pair.slice())[Symbol.iterator](); }
        [Symbol.iterator]() { return this.entries(); }
        get size() { return this._list.length; }
        toString() {
            const enc = (s) => encodeSet(s, /[^*\-._A-Za-z0-9 ]/gu).replace(/ /g, '+');
            return this._list.map(([k, v]) => enc(k) + '=' + enc(v)).join('&');
        }
    }

    class URL {
        constructor(input, base) {
            input = String(input).trim();
            const match = /^([A-Za-z][A-Za-z0-9+.-]*:)(.*)$/.exec(input);
            if (!match) {
                if (base === undefined) throw new TypeError('Invalid URL: ' + input);
                const b = base instanceof URL ? base : new URL(base);
                return new URL(URL._resolve(b, input));
            }
            this._protocol = match[1].toLowerCase();
            let rest = match[2];
            this._username = ''; this._password = ''; this._hostname = ''; this._port = '';
            this._hash = ''; this._search = '';
            const hashIndex = rest.indexOf('#');
            if (hashIndex >= 0) { this._hash = rest.slice(hashIndex) === '#' ? '' : encodeSet(rest.slice(hashIndex), /[\s"<>`\u0080-\uffff]/gu); rest = rest.slice(0, hashIndex); }
            const queryIndex = rest.indexOf('?');
            if (queryIndex >= 0) { this._search = rest.slice(queryIndex) === '?' ? '' : encodeSet(rest.slice(queryIndex), /[\s"<>#\u0080-\uffff]/gu); rest = rest.slice(0, queryIndex); }
            const special = this._protocol in specialPorts || this._protocol === 'file:';
            if (special) rest = rest.replace(/\\/g, '/');
            if (rest.startsWith('//') || (special && this._protocol !== 'file:')) {
                rest = rest.replace(/^\/*/, '');
                const slash = rest.indexOf('/');
                let authority = slash >= 0 ? rest.slice(0, slash) : rest;
                rest = slash >= 0 ? rest.slice(slash) : '';
                const at = authority.lastIndexOf('@');
                if (at >= 0) {
                    const credentials = authority.slice(0, at);
                    authority = authority.slice(at + 1);
                    const colon = credentials.indexOf(':');
                    this._username = encodeSet(colon >= 0 ? credentials.slice(0, colon) : credentials, /[\s"<>`#?{}/:;=@[\\\]^|\u0080-\uffff]/gu);
                    this._password = colon >= 0 ? encodeSet(credentials.slice(colon + 1), /[\s"<>`#?{}/:;=@[\\\]^|\u0080-\uffff]/gu) : '';
                }
                const portMatch = /:(\d*)$/.exec(authority);
                if (portMatch && !authority.endsWith(']')) { this._port = portMatch[1]; authority = authority.slice(0, portMatch.index); }
                if (this._port !== '') this._port = String(Number(this._port));
                if (specialPorts[this._protocol] === this._port) this._port = '';
                this._hostname = special ? authority.toLowerCase() : authority;
                // Non-ASCII and percent-escaped hosts go through the request builder's host encoding (libidn2, as
                // Node's domainToASCII); a host it refuses makes the URL invalid, as in Node.
                if (special && this._protocol !== 'file:' && /[^\x00-\x7f%]|%/.test(this._hostname) && !this._hostname.startsWith('[')) {
                    this._hostname = carrier.native.domainToASCII(this._hostname);
                }
                if (special && this._protocol !== 'file:' && !this._hostname) throw new TypeError('Invalid URL: ' + input);
                this._slashes = true;
            }
            this._pathname = special ? URL._normalizePath(rest || '/') : rest;
            this._pathname = encodeSet(this._pathname, /[\s"<>`#?{}\u0080-\uffff]/gu);
            this.searchParams = new URLSearchParams(this._search);
            this.searchParams._url = this;
        }
        static _normalizePath(path) {
            const out = [];
            const parts = path.split('/');
            for (let i = 1; i < parts.length; i++) {
                const part = parts[i];
                if (part === '..' || part.toLowerCase() === '%2e%2e') { out.pop(); if (i === parts.length - 1) out.push(''); }
                else if (part === '.' || part.toLowerCase() === '%2e') { if (i === parts.length - 1) out.push(''); }
                else out.push(part);
            }
            return '/' + out.join('/');
        }
        static _resolve(base, relative) {
            if (relative.startsWith('//')) return base.protocol + relative;
            const origin = base.protocol + (base._slashes ? '//' : '') + (base.username ? base.username + (base.password ? ':' + base.password : '') + '@' : '') + base.host;
            if (relative.startsWith('/')) return origin + relative;
            if (relative.startsWith('?')) return origin + base.pathname + relative;
            if (relative.startsWith('#')) return origin + base.pathname + base.search + relative;
            if (relative === '') return origin + base.pathname + base.search;
            return origin + base.pathname.replace(/[^/]*$/, '') + relative;
        }
        get protocol() { return this._protocol; }
        set protocol(v) { v = String(v).replace(/:?$/, ':').toLowerCase(); if (/^[a-z][a-z0-9+.-]*:$/.test(v)) this._protocol = v; }
        get username() { return this._username; }
        set username(v) { this._username = encodeSet(String(v), /[\s"<>`#?{}/:;=@[\\\]^|\u0080-\uffff]/gu); }
        get password() { return this._password; }
        set password(v) { this._password = encodeSet(String(v), /[\s"<>`#?{}/:;=@[\\\]^|\u0080-\uffff]/gu); }
        get hostname() { return this._hostname; }
        set hostname(v) { this._hostname = String(v).toLowerCase(); }
        get port() { return this._port; }
        set port(v) { v = String(v); this._port = v === '' || specialPorts[this._protocol] === v ? '' : String(parseInt(v, 10)); }
        get host() { return this._hostname + (this._port ? ':' + this._port : ''); }
        set host(v) { const m = /^(.*?)(?::(\d+))?$/.exec(String(v)); this.hostname = m[1]; this.port = m[2] || ''; }
        get origin() { return this._protocol in specialPorts ? this._protocol + '//' + this.host : 'null'; }
        get pathname() { return this._pathname; }
        set pathname(v) { v = String(v); this._pathname = encodeSet(v.startsWith('/') ? v : '/' + v, /[\s"<>`#?{}\u0080-\uffff]/gu); }
        get search() { return this._search.length > 1 ? this._search : ''; }
        set search(v) { v = String(v); this._search = v && v !== '?' ? (v.startsWith('?') ? v : '?' + v) : ''; this.searchParams._parse(this._search); }
        get hash() { return this._hash.length > 1 ? this._hash : ''; }
        set hash(v) { v = String(v); this._hash = v && v !== '#' ? (v.startsWith('#') ? v : '#' + v) : ''; }
        get href() {
            const credentials = this._username || this._password ? this._username + (this._password ? ':' + this._password : '') + '@' : '';
            return this._protocol + (this._slashes ? '//' : '') + credentials + this.host + this._pathname + this.search + this.hash;
        }
        set href(v) { const parsed = new URL(v); Object.assign(this, parsed); this.searchParams._url = this; }
        toString() { return this.href; }
        toJSON() { return this.href; }
        static canParse(input, base) { try { new URL(input, base); return true; } catch (e) { return false; } }
    }
    globalThis.URL = URL;
    globalThis.URLSearchParams = URLSearchParams;

    define('url', () => {
        const querystring = carrier.require('querystring');
        function parse(text, parseQuery, slashesDenoteHost) {
            if (text && typeof text === 'object') return text;
            text = String(text).trim();
            const out = { protocol: null, slashes: null, auth: null, host: null, port: null, hostname: null, hash: null, search: null, query: null, pathname: null, path: null, href: text };
            let rest = text;
            const hashIndex = rest.indexOf('#');
            if (hashIndex >= 0) { out.hash = rest.slice(hashIndex); rest = rest.slice(0, hashIndex); }
            const queryIndex = rest.indexOf('?');
            if (queryIndex >= 0) { out.search = rest.slice(queryIndex); out.query = rest.slice(queryIndex + 1); rest = rest.slice(0, queryIndex); }
            else if (parseQuery) { out.search = ''; out.query = {}; }
            if (parseQuery && typeof out.query === 'string') out.query = querystring.parse(out.query);
            const protocol = /^([a-z0-9.+-]+:)/i.exec(rest);
            if (protocol) { out.protocol = protocol[1].toLowerCase(); rest = rest.slice(protocol[1].length); }
            if (rest.startsWith('//') && (out.protocol || slashesDenoteHost)) {
                out.slashes = true;
                rest = rest.slice(2);
                const slash = rest.indexOf('/');
                let authority = slash >= 0 ? rest.slice(0, slash) : rest;
                rest = slash >= 0 ? rest.slice(slash) : '';
                const at = authority.lastIndexOf('@');
                if (at >= 0) { out.auth = decodeURIComponent(authority.slice(0, at)); authority = authority.slice(at + 1); }
                const port = /:(\d*)$/.exec(authority);
                if (port) { out.port = port[1] || null; authority = authority.slice(0, port.index); }
                out.hostname = authority.toLowerCase();
                out.host = out.hostname + (out.port ? ':' + out.port : '');
                if (!rest && out.protocol in specialPorts) rest = '/';
            }
            out.pathname = rest || (out.slashes ? '/' : null);
            out.path = (out.pathname || '') + (out.search || '') || null;
            out.href = format(out);
            return out;
        }
        function format(object) {
            if (typeof object === 'string') object = parse(object);
            if (object instanceof URL) return object.href;
            let protocol = object.protocol || '';
            if (protocol && !protocol.endsWith(':')) protocol += ':';
            const auth = object.auth ? encodeURIComponent(object.auth).replace(/%3A/i, ':') + '@' : '';
            let host = object.host || (object.hostname ? object.hostname + (object.port ? ':' + object.port : '') : '');
            let pathname = object.pathname || '';
            let search = object.search || (object.query && typeof object.query === 'object' && Object.keys(object.query).length ? '?' + querystring.stringify(object.query) : '');
            if (search && !search.startsWith('?')) search = '?' + search;
            let hash = object.hash || '';
            if (hash && !hash.startsWith('#')) hash = '#' + hash;
            const slashes = object.slashes || (protocol in specialPorts) || protocol === 'file:';
            if (host || slashes) { host = '//' + auth + host; if (pathname && !pathname.startsWith('/')) pathname = '/' + pathname; }
            return protocol + host + pathname + search.replace('#', '%23') + hash;
        }
        function resolve(from, to) { return new URL(to, new URL(from, 'resolve://')).href.replace(/^resolve:\/\//, ''); }
        return { URL, URLSearchParams, parse, format, resolve, domainToASCII: (d) => d, domainToUnicode: (d) => d };
    });
})(globalThis.__carrier);
