// require('querystring') and the escaping the URL shims share (carrier.text.qsEscape/qsUnescape).
(function (carrier) {
    'use strict';
    const define = carrier.defineModule;

    // Node's querystring.escape keeps encodeURIComponent's unreserved set (`!'()*` included).
    function qsEscape(text) { return encodeURIComponent(text); }
    // Node's unescape: where decodeURIComponent refuses (`%zz`, a broken sequence), every valid %XX becomes a byte and
    // the bytes are read as UTF-8 (U+FFFD for what is not), the rest kept as written.
    function qsUnescape(text) {
        try { return decodeURIComponent(text); } catch (e) { /* byte-wise below */ }
        const bytes = [];
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === 0x25 && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) { bytes.push(parseInt(text.slice(i + 1, i + 3), 16)); i += 2; }
            else if (c < 0x80) bytes.push(c);
            else for (const b of new TextEncoder().encode(text[i])) bytes.push(b);
        }
        return new TextDecoder().decode(new Uint8Array(bytes));
    }
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
