// The Node built-ins Postman scripts use (the sandbox ships browserify's): small, our own, enough for scripts.
(function (carrier) {
    'use strict';
    const define = carrier.defineModule;

    // ---- text and bytes -------------------------------------------------------------------------------------
    function utf8Encode(text) {
        const bytes = [];
        for (let i = 0; i < text.length; i++) {
            let code = text.charCodeAt(i);
            if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
                const low = text.charCodeAt(i + 1);
                if (low >= 0xdc00 && low <= 0xdfff) { code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00); i++; }
                else code = 0xfffd;
            } else if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
            if (code < 0x80) bytes.push(code);
            else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
            else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
            else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
        }
        return bytes;
    }
    function utf8Decode(bytes, start = 0, end = bytes.length) {
        let out = '';
        for (let i = start; i < end;) {
            const b = bytes[i];
            let code = 0xfffd, size = 1;
            if (b < 0x80) { code = b; }
            else if (b >= 0xc2 && b < 0xe0 && i + 1 < end && (bytes[i + 1] & 0xc0) === 0x80) { code = ((b & 31) << 6) | (bytes[i + 1] & 63); size = 2; }
            else if (b >= 0xe0 && b < 0xf0 && i + 2 < end && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80) {
                code = ((b & 15) << 12) | ((bytes[i + 1] & 63) << 6) | (bytes[i + 2] & 63); size = 3;
                if (code < 0x800 || (code >= 0xd800 && code <= 0xdfff)) { code = 0xfffd; size = 1; }
            } else if (b >= 0xf0 && b < 0xf5 && i + 3 < end && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80 && (bytes[i + 3] & 0xc0) === 0x80) {
                code = ((b & 7) << 18) | ((bytes[i + 1] & 63) << 12) | ((bytes[i + 2] & 63) << 6) | (bytes[i + 3] & 63); size = 4;
                if (code < 0x10000 || code > 0x10ffff) { code = 0xfffd; size = 1; }
            }
            out += String.fromCodePoint(code);
            i += size;
        }
        return out;
    }
    const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    function base64Encode(bytes, url) {
        let out = '';
        for (let i = 0; i < bytes.length; i += 3) {
            const n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
            out += base64Alphabet[(n >> 18) & 63] + base64Alphabet[(n >> 12) & 63] +
                (i + 1 < bytes.length ? base64Alphabet[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? base64Alphabet[n & 63] : '=');
        }
        return url ? out.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : out;
    }
    function base64Decode(text) {
        const clean = String(text).replace(/-/g, '+').replace(/_/g, '/').replace(/[^A-Za-z0-9+/]/g, '');
        const bytes = [];
        let buffer = 0, bits = 0;
        for (const c of clean) {
            buffer = (buffer << 6) | base64Alphabet.indexOf(c); bits += 6;
            if (bits >= 8) { bits -= 8; bytes.push((buffer >> bits) & 255); }
        }
        return bytes;
    }
    carrier.text = { utf8Encode, utf8Decode, base64Encode, base64Decode };

    // atob/btoa work on Latin-1 "binary strings", as in browsers.
    function invalidCharacter(message) { const e = new Error(message); e.name = 'InvalidCharacterError'; return e; }
    globalThis.btoa = function btoa(input) {
        input = String(input);
        const bytes = [];
        for (let i = 0; i < input.length; i++) {
            const code = input.charCodeAt(i);
            if (code > 255) throw invalidCharacter('Invalid character');
            bytes.push(code);
        }
        return base64Encode(bytes);
    };
    globalThis.atob = function atob(input) {
        const text = String(input).replace(/[\t\n\f\r ]/g, '');
        if (text.length % 4 === 1 || /[^A-Za-z0-9+/=]/.test(text) || /=[^=]/.test(text)) throw invalidCharacter('The string to be decoded is not correctly encoded.');
        return String.fromCharCode(...base64Decode(text));
    };
    define('atob', () => globalThis.atob);
    define('btoa', () => globalThis.btoa);

    class TextEncoder { get encoding() { return 'utf-8'; } encode(text = '') { return new Uint8Array(utf8Encode(String(text))); } }
    class TextDecoder {
        get encoding() { return 'utf-8'; }
        decode(input) { if (!input) return ''; const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength); return utf8Decode(bytes); }
    }
    if (!globalThis.TextEncoder) globalThis.TextEncoder = TextEncoder;
    if (!globalThis.TextDecoder) globalThis.TextDecoder = TextDecoder;

    // uuid and friends need crypto.getRandomValues; randomness comes from the system generator.
    function getRandomValues(array) {
        if (!ArrayBuffer.isView(array)) throw new TypeError('crypto.getRandomValues expects a typed array');
        const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
        const hex = carrier.native.randomHex(bytes.length);
        for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
        return array;
    }
    Object.defineProperty(globalThis, "crypto", { configurable: true, writable: true, value: {
        getRandomValues,
        randomUUID() {
            const b = getRandomValues(new Uint8Array(16));
            b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
            const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
            return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
        },
    } });

    // ---- buffer -----------------------------------------------------------------------------------------------
    define('buffer', () => {
        class Buffer extends Uint8Array {
            static from(value, encodingOrOffset, length) {
                if (typeof value === 'string') return Buffer._fromBytes(Buffer._encode(value, encodingOrOffset));
                if (value instanceof ArrayBuffer) return new Buffer(value, encodingOrOffset || 0, length === undefined ? value.byteLength - (encodingOrOffset || 0) : length);
                if (value && value.type === 'Buffer' && Array.isArray(value.data)) return Buffer._fromBytes(value.data);
                return Buffer._fromBytes(Array.from(value || [], (x) => x & 255));
            }
            static _fromBytes(bytes) { const buffer = new Buffer(bytes.length); buffer.set(bytes); return buffer; }
            static _encode(text, encoding) {
                switch (String(encoding || 'utf8').toLowerCase()) {
                    case 'hex': { const out = []; for (let i = 0; i + 1 < text.length; i += 2) { const n = parseInt(text.substr(i, 2), 16); if (isNaN(n)) break; out.push(n); } return out; }
                    case 'base64': case 'base64url': return base64Decode(text);
                    case 'latin1': case 'binary': case 'ascii': return Array.from(text, (c) => c.charCodeAt(0) & 255);
                    case 'utf16le': case 'ucs2': case 'ucs-2': case 'utf-16le': { const out = []; for (let i = 0; i < text.length; i++) { const c = text.charCodeAt(i); out.push(c & 255, c >> 8); } return out; }
                    default: return utf8Encode(text);
                }
            }
            static alloc(size, fill) { const buffer = new Buffer(size); if (fill !== undefined) buffer.fill(typeof fill === 'string' ? fill.charCodeAt(0) : fill); return buffer; }
            static allocUnsafe(size) { return new Buffer(size); }
            static isBuffer(value) { return value instanceof Buffer; }
            static isEncoding(encoding) { return ['utf8', 'utf-8', 'hex', 'base64', 'base64url', 'ascii', 'latin1', 'binary', 'ucs2', 'utf16le'].includes(String(encoding).toLowerCase()); }
            static byteLength(value, encoding) { return typeof value === 'string' ? Buffer._encode(value, encoding).length : value.byteLength; }
            static concat(list, total) {
                const length = total === undefined ? list.reduce((sum, item) => sum + item.length, 0) : total;
                const out = Buffer.alloc(length);
                let offset = 0;
                for (const item of list) { out.set(item.subarray(0, Math.max(0, length - offset)), offset); offset += item.length; if (offset >= length) break; }
                return out;
            }
            static compare(a, b) { return a.compare(b); }
            toString(encoding, start = 0, end = this.length) {
                const bytes = this.subarray(start, end);
                switch (String(encoding || 'utf8').toLowerCase()) {
                    case 'hex': return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
                    case 'base64': return base64Encode(bytes);
                    case 'base64url': return base64Encode(bytes, true);
                    case 'latin1': case 'binary': return String.fromCharCode(...bytes);
                    case 'ascii': return String.fromCharCode(...Array.from(bytes, (b) => b & 127));
                    case 'utf16le': case 'ucs2': case 'ucs-2': case 'utf-16le': { let s = ''; for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8)); return s; }
                    default: return utf8Decode(bytes);
                }
            }
            toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
            equals(other) { return this.compare(other) === 0; }
            compare(other) {
                for (let i = 0; i < Math.min(this.length, other.length); i++) if (this[i] !== other[i]) return this[i] < other[i] ? -1 : 1;
                return this.length === other.length ? 0 : this.length < other.length ? -1 : 1;
            }
            slice(start, end) { return this.subarray(start, end); }
            subarray(start, end) { const view = Uint8Array.prototype.subarray.call(this, start, end); return new Buffer(view.buffer, view.byteOffset, view.length); }
            write(text, offset = 0, length, encoding) { const bytes = Buffer._encode(text, typeof length === 'string' ? length : encoding).slice(0, typeof length === 'number' ? length : undefined); this.set(bytes.slice(0, this.length - offset), offset); return Math.min(bytes.length, this.length - offset); }
            readUInt8(offset = 0) { return this[offset]; }
            readUInt16BE(offset = 0) { return (this[offset] << 8) | this[offset + 1]; }
            readUInt32BE(offset = 0) { return ((this[offset] << 24) >>> 0) + ((this[offset + 1] << 16) | (this[offset + 2] << 8) | this[offset + 3]); }
            [Symbol.for('nodejs.util.inspect.custom')]() { return '<Buffer ' + Array.from(this.subarray(0, 50), (b) => b.toString(16).padStart(2, '0')).join(' ') + (this.length > 50 ? ' ...' : '') + '>'; }
        }
        return { Buffer, kMaxLength: 2147483647, constants: { MAX_LENGTH: 2147483647 } };
    });
    carrier.lazyBuffer = () => carrier.require('buffer').Buffer;
    carrier.lazyGlobal('Buffer', () => carrier.require('buffer').Buffer);

    // ---- events -----------------------------------------------------------------------------------------------
    define('events', () => {
        function EventEmitter() { EventEmitter.init.call(this); }
        EventEmitter.init = function () { if (!this._events || this._events === Object.getPrototypeOf(this)._events) { this._events = Object.create(null); } this._maxListeners = this._maxListeners || undefined; };
        EventEmitter.defaultMaxListeners = 10;
        const proto = EventEmitter.prototype;
        proto._events = undefined;
        function listeners(self, type) { if (!self._events) self._events = Object.create(null); return self._events[type] || (self._events[type] = []); }
        proto.setMaxListeners = function (n) { this._maxListeners = n; return this; };
        proto.getMaxListeners = function () { return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners; };
        proto.on = proto.addListener = function (type, listener) { if (this._events && this._events.newListener) this.emit('newListener', type, listener.listener || listener); listeners(this, type).push(listener); return this; };
        proto.prependListener = function (type, listener) { listeners(this, type).unshift(listener); return this; };
        proto.once = function (type, listener) {
            const self = this;
            function wrapper(...args) { self.removeListener(type, wrapper); return listener.apply(self, args); }
            wrapper.listener = listener;
            return this.on(type, wrapper);
        };
        proto.prependOnceListener = function (type, listener) { const self = this; function wrapper(...args) { self.removeListener(type, wrapper); return listener.apply(self, args); } wrapper.listener = listener; return this.prependListener(type, wrapper); };
        proto.off = proto.removeListener = function (type, listener) {
            const list = listeners(this, type);
            const index = list.findIndex((item) => item === listener || item.listener === listener);
            if (index >= 0) { list.splice(index, 1); if (this._events.removeListener) this.emit('removeListener', type, listener); }
            return this;
        };
        proto.removeAllListeners = function (type) { if (type === undefined) this._events = Object.create(null); else if (this._events) delete this._events[type]; return this; };
        proto.emit = function (type, ...args) {
            const list = this._events && this._events[type];
            if (!list || !list.length) {
                if (type === 'error') { const error = args[0] instanceof Error ? args[0] : new Error('Unhandled error. (' + carrier.inspect(args[0]) + ')'); throw error; }
                return false;
            }
            for (const listener of list.slice()) listener.apply(this, args);
            return true;
        };
        proto.listeners = function (type) { return listeners(this, type).map((l) => l.listener || l); };
        proto.rawListeners = function (type) { return listeners(this, type).slice(); };
        proto.listenerCount = function (type) { return listeners(this, type).length; };
        proto.eventNames = function () { return this._events ? Object.keys(this._events).filter((k) => this._events[k].length) : []; };
        EventEmitter.listenerCount = (emitter, type) => emitter.listenerCount(type);
        EventEmitter.EventEmitter = EventEmitter;
        EventEmitter.once = (emitter, type) => new Promise((resolve) => emitter.once(type, (...args) => resolve(args)));
        return EventEmitter;
    });

    define('stream', () => {
        const EventEmitter = carrier.require('events');
        class Stream extends EventEmitter {
            pipe(destination) { this.on('data', (chunk) => destination.write(chunk)); this.on('end', () => destination.end && destination.end()); return destination; }
        }
        class Readable extends Stream { push(chunk) { if (chunk === null) this.emit('end'); else this.emit('data', chunk); return true; } }
        class Writable extends Stream { write(chunk) { if (this._write) this._write(chunk, 'utf8', () => {}); return true; } end(chunk) { if (chunk !== undefined) this.write(chunk); this.emit('finish'); } }
        class Transform extends Writable {}
        Stream.Stream = Stream; Stream.Readable = Readable; Stream.Writable = Writable; Stream.Transform = Transform; Stream.PassThrough = Transform; Stream.Duplex = Transform;
        return Stream;
    });
    define('string_decoder', () => {
        class StringDecoder {
            constructor(encoding) { this.encoding = encoding || 'utf8'; }
            write(chunk) { return typeof chunk === 'string' ? chunk : carrier.require('buffer').Buffer.from(chunk).toString(this.encoding); }
            end(chunk) { return chunk ? this.write(chunk) : ''; }
        }
        return { StringDecoder };
    });

    define('timers', () => {
        const t = carrier.timers;
        return { setTimeout: t.setTimeout, setInterval: t.setInterval, setImmediate: t.setImmediate, clearTimeout: t.clearTimeout, clearInterval: t.clearInterval, clearImmediate: t.clearImmediate };
    });

    // ---- util ------------------------------------------------------------------------------------------------
    define('util', () => {
        const inspect = (value, options) => carrier.inspect(value, typeof options === 'object' ? options : {});
        inspect.custom = Symbol.for('nodejs.util.inspect.custom');
        const util = {
            format: carrier.format, inspect,
            inherits(constructor, superConstructor) {
                Object.defineProperty(constructor, 'super_', { value: superConstructor, writable: true, configurable: true });
                Object.setPrototypeOf(constructor.prototype, superConstructor.prototype);
            },
            promisify(fn) {
                if (typeof fn !== 'function') throw new TypeError('The "original" argument must be of type function');
                return function (...args) {
                    return new Promise((resolve, reject) => fn.call(this, ...args, (error, ...values) => error ? reject(error) : resolve(values.length > 1 ? values : values[0])));
                };
            },
            callbackify(fn) { return function (...args) { const cb = args.pop(); fn.apply(this, args).then((v) => cb(null, v), (e) => cb(e)); }; },
            deprecate(fn) { return fn; },
            isDeepStrictEqual(a, b) { return deepEqual(a, b, true); },
            isArray: Array.isArray, isBoolean: (v) => typeof v === 'boolean', isNull: (v) => v === null, isNullOrUndefined: (v) => v == null,
            isNumber: (v) => typeof v === 'number', isString: (v) => typeof v === 'string', isSymbol: (v) => typeof v === 'symbol', isUndefined: (v) => v === undefined,
            isRegExp: (v) => v instanceof RegExp, isObject: (v) => v !== null && typeof v === 'object', isDate: (v) => v instanceof Date,
            isError: (v) => v instanceof Error, isFunction: (v) => typeof v === 'function', isPrimitive: (v) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
            types: { isDate: (v) => v instanceof Date, isRegExp: (v) => v instanceof RegExp, isPromise: (v) => v instanceof Promise, isMap: (v) => v instanceof Map, isSet: (v) => v instanceof Set, isTypedArray: (v) => ArrayBuffer.isView(v) && !(v instanceof DataView) },
            TextEncoder, TextDecoder,
        };
        return util;
    });

    // ---- path ------------------------------------------------------------------------------------------------
    define('path', () => {
        function normalizeParts(parts, absolute) {
            const out = [];
            for (const part of parts) {
                if (!part || part === '.') continue;
                if (part === '..') { if (out.length && out[out.length - 1] !== '..') out.pop(); else if (!absolute) out.push('..'); } else out.push(part);
            }
            return out;
        }
        const path = {
            sep: '/', delimiter: ':',
            normalize(p) {
                if (p === '') return '.';
                const absolute = p.startsWith('/'), trailing = p.endsWith('/');
                let out = normalizeParts(p.split('/'), absolute).join('/');
                if (!out && !absolute) out = '.';
                if (out && trailing) out += '/';
                return (absolute ? '/' : '') + out;
            },
            join(...parts) { const joined = parts.filter((p) => p !== '').join('/'); return joined ? path.normalize(joined) : '.'; },
            resolve(...parts) {
                let resolved = '';
                for (let i = parts.length - 1; i >= 0 && !resolved.startsWith('/'); i--) if (parts[i]) resolved = parts[i] + (resolved ? '/' + resolved : '');
                if (!resolved.startsWith('/')) resolved = '/' + resolved;
                return '/' + normalizeParts(resolved.split('/'), true).join('/');
            },
            isAbsolute: (p) => p.startsWith('/'),
            dirname(p) { if (!p) return '.'; const trimmed = p.replace(/\/+$/, '') || '/'; const i = trimmed.lastIndexOf('/'); return i < 0 ? '.' : i === 0 ? '/' : trimmed.slice(0, i); },
            basename(p, ext) { const base = p.replace(/\/+$/, '').split('/').pop() || ''; return ext && base.endsWith(ext) && base !== ext ? base.slice(0, -ext.length) : base; },
            extname(p) { const base = path.basename(p); const i = base.lastIndexOf('.'); return i <= 0 ? '' : base.slice(i); },
            relative(from, to) {
                const a = path.resolve(from).split('/').filter(Boolean), b = path.resolve(to).split('/').filter(Boolean);
                let i = 0; while (i < a.length && i < b.length && a[i] === b[i]) i++;
                return a.slice(i).map(() => '..').concat(b.slice(i)).join('/');
            },
            parse(p) { const root = p.startsWith('/') ? '/' : ''; const base = path.basename(p); const ext = path.extname(p); return { root, dir: p.includes('/') ? path.dirname(p) : '', base, ext, name: ext ? base.slice(0, -ext.length) : base }; },
            format(o) { const dir = o.dir || o.root || ''; const base = o.base || (o.name || '') + (o.ext || ''); return dir ? (dir.endsWith('/') ? dir + base : dir + '/' + base) : base; },
        };
        path.posix = path;
        return path;
    });

    // ---- querystring -------------------------------------------------------------------------------------------
    function qsEscape(text) { return encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()); }
    function qsUnescape(text) { try { return decodeURIComponent(text); } catch (e) { return text.replace(/%([0-9a-fA-F]{2})/g, (m, h) => String.fromCharCode(parseInt(h, 16))); } }
    define('querystring', () => {
        const qs = {
            escape: qsEscape, unescape: qsUnescape,
            parse(text, sep = '&', eq = '=', options) {
                const out = Object.create(null);
                if (typeof text !== 'string' || !text) return out;
                const max = options && options.maxKeys !== undefined ? options.maxKeys : 1000;
                let pieces = text.split(sep);
                if (max > 0) pieces = pieces.slice(0, max);
                for (const piece of pieces) {
                    if (!piece) continue;
                    const index = piece.indexOf(eq);
                    const key = qsUnescape((index >= 0 ? piece.slice(0, index) : piece).replace(/\+/g, ' '));
                    const value = index >= 0 ? qsUnescape(piece.slice(index + eq.length).replace(/\+/g, ' ')) : '';
                    if (!(key in out)) out[key] = value; else if (Array.isArray(out[key])) out[key].push(value); else out[key] = [out[key], value];
                }
                return out;
            },
            stringify(object, sep = '&', eq = '=') {
                if (!object || typeof object !== 'object') return '';
                const plain = (v) => typeof v === 'string' ? v : typeof v === 'number' && isFinite(v) ? String(v) : typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : '';
                return Object.keys(object).map((key) => {
                    const value = object[key];
                    if (Array.isArray(value)) return value.map((v) => qsEscape(key) + eq + qsEscape(plain(v))).join(sep);
                    return qsEscape(key) + eq + qsEscape(plain(value));
                }).filter(Boolean).join(sep);
            },
        };
        qs.decode = qs.parse; qs.encode = qs.stringify;
        return qs;
    });

    // ---- url ---------------------------------------------------------------------------------------------------
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

    // ---- assert ------------------------------------------------------------------------------------------------
    function deepEqual(a, b, strict) {
        if (strict ? Object.is(a, b) : a == b) return true; // eslint-disable-line eqeqeq
        if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
        if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
        if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
        if (a instanceof RegExp && b instanceof RegExp) return String(a) === String(b);
        const keysA = Object.keys(a), keysB = Object.keys(b);
        if (keysA.length !== keysB.length) return false;
        return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && deepEqual(a[key], b[key], strict));
    }
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
