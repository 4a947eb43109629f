// require('string_decoder'): StringDecoder over our Buffer. Our own: Debian's node-string-decoder needs safe-buffer
// over Node's Buffer; loading it instead has not been tried.
(function (carrier) {
    'use strict';
    const define = carrier.defineModule;

    define('string_decoder', () => {
        const { Buffer } = carrier.require('buffer');
        const utf8 = (encoding) => ['utf8', 'utf-8'].includes(String(encoding).toLowerCase());
        /** How many bytes at the end of `bytes` start a UTF-8 sequence that is not complete yet. */
        function incompleteTail(bytes) {
            for (let back = 1; back <= Math.min(3, bytes.length); back++) {
                const byte = bytes[bytes.length - back];
                if ((byte & 0xC0) === 0x80) continue;
                const needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
                return needed > back ? back : 0;
            }
            return 0;
        }
        class StringDecoder {
            constructor(encoding) { this.encoding = encoding || 'utf8'; this.pending = []; }
            write(chunk) {
                if (typeof chunk === 'string') return chunk;
                const bytes = Buffer.from(chunk);
                if (!utf8(this.encoding)) return bytes.toString(this.encoding);
                const all = this.pending.concat(Array.from(bytes));
                const keep = incompleteTail(all);
                this.pending = all.slice(all.length - keep);
                return Buffer.from(all.slice(0, all.length - keep)).toString('utf8');
            }
            end(chunk) {
                let text = chunk ? this.write(chunk) : '';
                if (this.pending.length) { text += '\ufffd'; this.pending = []; }
                return text;
            }
        }
        return { StringDecoder };
    });
})(globalThis.__carrier);
