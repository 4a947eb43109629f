// require('util') (format, inspect, inherits, promisify, types, ...) and carrier.deepEqual, which assert uses.
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
})(globalThis.__carrier);
