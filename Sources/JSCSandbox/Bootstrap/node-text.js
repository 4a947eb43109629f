// Text and bytes for the other built-ins: UTF-8, Base64, atob/btoa, TextEncoder/TextDecoder, crypto.getRandomValues.
(function (carrier) {
    'use strict';
    const define = carrier.defineModule;

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
})(globalThis.__carrier);
