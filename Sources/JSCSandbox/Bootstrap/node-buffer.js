// require('buffer') and the Buffer global: a Uint8Array with the encodings scripts use.
(function (carrier) {
    'use strict';
    const define = carrier.defineModule;
    const { utf8Encode, utf8Decode, base64Encode, base64Decode } = carrier.text;
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
})(globalThis.__carrier);
