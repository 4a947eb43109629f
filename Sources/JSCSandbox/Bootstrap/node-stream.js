// require('stream'): the EventEmitter-based Stream, Readable, Writable and Transform that libraries such as xml2js
// construct. Our own, a few lines: Debian's node-readable-stream brings its own tree (inherits, util-deprecate,
// string_decoder, safe-buffer) and Node's process internals; loading it instead has not been tried.
(function (carrier) {
    'use strict';
    const define = carrier.defineModule;

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
})(globalThis.__carrier);
