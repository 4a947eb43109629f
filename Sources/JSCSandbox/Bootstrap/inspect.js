// util.inspect / util.format in the shape Node prints them, for console capture and require('util').
(function (carrier) {
    'use strict';
    const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
    const breakLength = 80;

    function quote(text) {
        const q = !text.includes("'") ? "'" : !text.includes('"') ? '"' : !text.includes('`') ? '`' : "'";
        const escaped = text.replace(/[\\\n\r\t\b\f\v\x00-\x1f]/g, (c) => ({
            '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v',
        })[c] || '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0'));
        return q + (q === "'" ? escaped.replace(/'/g, "\\'") : escaped) + q;
    }

    function formatKey(key) {
        if (typeof key === 'symbol') return '[' + key.toString() + ']';
        return identifier.test(key) ? key : quote(key);
    }

    function constructorName(value) {
        let proto = Object.getPrototypeOf(value);
        if (proto === null) return null;
        const ctor = proto.constructor;
        return ctor && typeof ctor.name === 'string' ? ctor.name : '';
    }

    function formatPrimitive(value, nested) {
        switch (typeof value) {
            case 'string': return nested ? quote(value) : value;
            case 'number': return Object.is(value, -0) ? '-0' : String(value);
            case 'bigint': return value + 'n';
            case 'symbol': return value.toString();
            case 'undefined': return 'undefined';
            case 'boolean': return String(value);
        }
        return value === null ? 'null' : undefined;
    }

    function formatFunction(fn) {
        const source = Function.prototype.toString.call(fn);
        if (/^class[\s{]/.test(source)) return '[class ' + (fn.name || '(anonymous)') + ']';
        const kind = /^async\s/.test(source) ? 'AsyncFunction' : 'Function';
        return '[' + kind + (fn.name ? ': ' + fn.name : ' (anonymous)') + ']';
    }

    /** Joins entries on one line when they fit and nest less than three levels, as Node's compact mode does. */
    function reduce(entries, braces, prefix, indent, nestedDepth) {
        const open = (prefix ? prefix + ' ' : '') + braces[0];
        if (!entries.length) return open + braces[1];
        if (nestedDepth < 3) {
            const start = entries.length + indent + braces[0].length + prefix.length + 10;
            const total = entries.reduce((sum, entry) => sum + entry.length, 0) + entries.length + start;
            if (total + entries.length <= breakLength && !entries.some((entry) => entry.includes('\n'))) {
                return open + ' ' + entries.join(', ') + ' ' + braces[1];
            }
        }
        const pad = '\n' + ' '.repeat(indent);
        return open + pad + '  ' + entries.join(',' + pad + '  ') + pad + braces[1];
    }

    function inspect(value, options) {
        const ctx = { depth: options && options.depth !== undefined ? options.depth : 2, seen: [], circular: new Map() };
        return formatValue(ctx, value, 0, 0, true).text;
    }

    function formatValue(ctx, value, level, indent, nested) {
        const primitive = formatPrimitive(value, nested);
        if (primitive !== undefined) return { text: primitive, depth: 0 };
        if (typeof value === 'function' && !Object.keys(value).length) return { text: formatFunction(value), depth: 0 };
        if (ctx.seen.includes(value)) {
            if (!ctx.circular.has(value)) ctx.circular.set(value, ctx.circular.size + 1);
            return { text: '[Circular *' + ctx.circular.get(value) + ']', depth: 0 };
        }
        return formatObject(ctx, value, level, indent);
    }

    function formatObject(ctx, value, level, indent) {
        let name = constructorName(value);
        let braces = ['{', '}'], prefix = '', keys = Object.keys(value), items = [];
        const tag = Object.prototype.toString.call(value);
        if (value instanceof Error) {
            const text = (value.name || 'Error') + ': ' + value.message;
            if (!keys.length) return { text, depth: 0 };
            prefix = text;
        } else if (value instanceof Date) {
            return { text: isNaN(value) ? 'Invalid Date' : value.toISOString(), depth: 0 };
        } else if (value instanceof RegExp) {
            return { text: String(value), depth: 0 };
        } else if (typeof value === 'function') {
            prefix = formatFunction(value);
        } else if (typeof value.then === 'function' && tag === '[object Promise]') {
            return { text: 'Promise { <unknown> }', depth: 0 };
        }
        const isEmpty = !keys.length && (Array.isArray(value) ? value.length === 0 : !(value instanceof Map || value instanceof Set || ArrayBuffer.isView(value)))
            && !prefix && Object.getOwnPropertySymbols(value).length === 0;
        if (isEmpty && (name === 'Object' || name === 'Array')) return { text: Array.isArray(value) ? '[]' : '{}', depth: 0 };
        if (level > ctx.depth) {
            return { text: Array.isArray(value) ? '[Array]' : '[' + (name || 'Object') + ']', depth: 0 };
        }
        ctx.seen.push(value);
        let maxDepth = 0;
        const child = (item) => {
            const result = formatValue(ctx, item, level + 1, indent + 2, true);
            maxDepth = Math.max(maxDepth, result.depth);
            return result.text;
        };
        if (Array.isArray(value) || ArrayBuffer.isView(value)) {
            braces = ['[', ']'];
            if (!Array.isArray(value)) prefix = name + '(' + value.length + ')';
            else if (name !== 'Array') prefix = name + '(' + value.length + ')';
            const shown = Math.min(value.length, 100);
            let holes = 0;
            for (let i = 0; i < shown; i++) {
                if (!Object.prototype.hasOwnProperty.call(value, i) && Array.isArray(value)) { holes++; continue; }
                if (holes) { items.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>'); holes = 0; }
                items.push(child(value[i]));
            }
            if (holes) items.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
            if (value.length > shown) items.push('... ' + (value.length - shown) + ' more item' + (value.length - shown > 1 ? 's' : ''));
            keys = keys.filter((key) => !/^\d+$/.test(key));
        } else if (value instanceof Map) {
            prefix = name + '(' + value.size + ')';
            for (const [k, v] of value) items.push(child(k) + ' => ' + child(v));
        } else if (value instanceof Set) {
            prefix = name + '(' + value.size + ')';
            for (const v of value) items.push(child(v));
        } else if (name === null) {
            prefix = '[Object: null prototype]';
        } else if (name !== 'Object' && !prefix) {
            prefix = name;
        }
        for (const key of keys) {
            const descriptor = Object.getOwnPropertyDescriptor(value, key);
            let text;
            if (descriptor && descriptor.get) text = descriptor.set ? '[Getter/Setter]' : '[Getter]';
            else text = child(value[key]);
            items.push(formatKey(key) + ': ' + text);
        }
        for (const symbol of Object.getOwnPropertySymbols(value)) {
            if (Object.getOwnPropertyDescriptor(value, symbol).enumerable) items.push(formatKey(symbol) + ': ' + child(value[symbol]));
        }
        ctx.seen.pop();
        let text = reduce(items, braces, prefix, indent, maxDepth);
        if (ctx.circular.has(value)) text = '<ref *' + ctx.circular.get(value) + '> ' + text;
        return { text, depth: maxDepth + 1 };
    }

    /** Node's util.format: %s %d %i %f %j %o %O %c %%, then the remaining arguments inspected. */
    function format(...args) {
        let first = args[0], rest = 1, out = '';
        if (typeof first === 'string') {
            if (args.length === 1) return first;
            out = first.replace(/%([sdifjoOc%])/g, (match, letter) => {
                if (letter === '%') return '%';
                if (rest >= args.length) return match;
                const arg = args[rest++];
                switch (letter) {
                    case 's':
                        if (typeof arg === 'bigint') return arg + 'n';
                        if (typeof arg === 'object' && arg !== null) return inspect(arg, { depth: 1 });
                        return typeof arg === 'symbol' ? arg.toString() : String(arg);
                    case 'd': return typeof arg === 'bigint' ? arg + 'n' : typeof arg === 'object' && arg !== null ? 'NaN' : formatPrimitive(Number(arg));
                    case 'i': return typeof arg === 'bigint' ? arg + 'n' : String(parseInt(arg, 10));
                    case 'f': return String(parseFloat(arg));
                    case 'j': try { return JSON.stringify(arg); } catch (e) { return '[Circular]'; }
                    case 'o': return inspect(arg, { depth: 4 });
                    case 'O': return inspect(arg);
                    case 'c': return '';
                }
                return match;
            });
        } else {
            rest = 0;
        }
        for (; rest < args.length; rest++) {
            const arg = args[rest];
            out += (out || rest > 0 ? ' ' : '') + (typeof arg === 'string' ? arg : inspect(arg));
        }
        return out;
    }

    carrier.inspect = inspect;
    carrier.format = format;

    /** The console scripts see: every call becomes a line in ScriptOutcome.console. */
    function makeConsole() {
        const record = (level) => function (...args) {
            const run = carrier.run;
            if (run) run.console.push({ level, text: format(...args) });
        };
        const console = {
            log: record('log'), info: record('info'), warn: record('warn'), error: record('error'), debug: record('debug'),
        };
        console.trace = console.debug;
        console.assert = function (condition, ...args) {
            if (!condition) console.error(...(args.length ? ['Assertion failed:', ...args] : ['Assertion failed']));
        };
        console.dir = (value) => console.log(inspect(value));
        console.table = console.log;
        const counts = new Map(), timers = new Map();
        console.count = (label = 'default') => { counts.set(label, (counts.get(label) || 0) + 1); console.log(label + ': ' + counts.get(label)); };
        console.time = (label = 'default') => { timers.set(label, Date.now()); };
        console.timeEnd = (label = 'default') => { if (timers.has(label)) { console.log(label + ': ' + (Date.now() - timers.get(label)) + 'ms'); timers.delete(label); } };
        console.timeLog = (label = 'default') => { if (timers.has(label)) console.log(label + ': ' + (Date.now() - timers.get(label)) + 'ms'); };
        return console;
    }
    carrier.console = makeConsole();
    globalThis.console = carrier.console;
})(globalThis.__carrier);
