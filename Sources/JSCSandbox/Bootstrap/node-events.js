// require('events'), 'stream', 'string_decoder' and 'timers': the small pieces libraries such as xml2js lean on.
(function (carrier) {
    'use strict';
    const define = carrier.defineModule;

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
})(globalThis.__carrier);
