// require('util'), 'path' and 'querystring'.
(function (carrier) {
    'use strict';
    const define = carrier.defineModule;

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
    carrier.deepEqual = deepEqual;

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
            TextEncoder: globalThis.TextEncoder, TextDecoder: globalThis.TextDecoder,
        };
        return util;
    });


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
    carrier.text.qsEscape = qsEscape;
    carrier.text.qsUnescape = qsUnescape;
})(globalThis.__carrier);
