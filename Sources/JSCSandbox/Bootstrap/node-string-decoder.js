// require('string_decoder'): StringDecoder over our Buffer. Our own: Debian's node-string-decoder needs safe-buffer
// over Node's Buffer; loading it instead has not been tried.
(function (carrier) {
    'use strict';
    const define = carrier.defineModule;

    define('string_decoder', () => {
        class StringDecoder {
            constructor(encoding) { this.encoding = encoding || 'utf8'; }
            write(chunk) { return typeof chunk === 'string' ? chunk : carrier.require('buffer').Buffer.from(chunk).toString(this.encoding); }
            end(chunk) { return chunk ? this.write(chunk) : ''; }
        }
        return { StringDecoder };
    });
})(globalThis.__carrier);
