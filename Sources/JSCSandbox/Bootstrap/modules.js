// Libraries and require(): Debian's packaged JavaScript loaded on first use, through our own small CommonJS loader.
// CARRIER_JS_LIBRARY_PATH (colon-separated directories) is searched before the Debian locations.
(function (carrier) {
    'use strict';
    const native = carrier.native;
    const extraDirectories = String(native.getenv('CARRIER_JS_LIBRARY_PATH') || '').split(':').filter(Boolean);
    const nodeRoots = extraDirectories.concat(['/usr/share/nodejs', '/usr/lib/nodejs', '/usr/share/javascript']);

    const fileCache = new Map();
    function read(path) {
        if (!fileCache.has(path)) fileCache.set(path, native.readFile(path));
        return fileCache.get(path);
    }

    function dirname(path) {
        const index = path.lastIndexOf('/');
        return index <= 0 ? '/' : path.slice(0, index);
    }
    function normalize(path) {
        const out = [];
        for (const part of path.split('/')) {
            if (part === '..') out.pop();
            else if (part && part !== '.') out.push(part);
        }
        return '/' + out.join('/');
    }

    /** Node's file-then-directory resolution, over the few forms Debian's packages use. */
    function resolveFile(path) {
        for (const candidate of [path, path + '.js', path + '.json']) {
            if (read(candidate) !== null && read(candidate) !== undefined) return candidate;
        }
        const manifestText = read(path + '/package.json');
        if (manifestText) {
            let manifest = {};
            try { manifest = JSON.parse(manifestText); } catch (e) { /* a broken manifest falls back to index.js */ }
            let main = manifest.main;
            if (!main && manifest.exports) {
                const root = typeof manifest.exports === 'string' ? manifest.exports : manifest.exports['.'];
                main = typeof root === 'string' ? root : root && (root.require || root.default || root.node);
                if (main && typeof main === 'object') main = main.default || main.require;
            }
            if (main) {
                const resolved = resolveFile(normalize(path + '/' + main)) || resolveFile(normalize(path + '/' + main + '/index'));
                if (resolved) return resolved;
            }
        }
        for (const candidate of [path + '/index.js', path + '/index.json']) {
            if (read(candidate)) return candidate;
        }
        return null;
    }

    function resolveBare(name, fromDirectory) {
        const directories = [];
        for (let dir = fromDirectory; dir && dir !== '/'; dir = dirname(dir)) {
            if (!dir.endsWith('/node_modules')) directories.push(dir + '/node_modules');
        }
        for (const dir of directories.concat(nodeRoots)) {
            const resolved = resolveFile(dir + '/' + name);
            if (resolved) return resolved;
        }
        return null;
    }

    const moduleCache = new Map();

    /** Loads a CommonJS file; the cache entry goes away again when the module's body throws. */
    function loadFile(path) {
        if (moduleCache.has(path)) return moduleCache.get(path).exports;
        const source = read(path);
        const module = { exports: {}, id: path, filename: path, loaded: false, children: [], paths: [] };
        moduleCache.set(path, module);
        carrier.loadingDepth++;
        try {
            if (path.endsWith('.json')) {
                module.exports = JSON.parse(source);
            } else {
                const body = source.replace(/^#!.*/, '');
                const wrapper = native.evaluate(
                    '(function (exports, require, module, __filename, __dirname, process, Buffer, define) {' + body + '\n})', path);
                const localRequire = makeRequire(dirname(path));
                wrapper.call(module.exports, module.exports, localRequire, module, path, dirname(path),
                    carrier.process, carrier.lazyBuffer(), undefined);
            }
        } catch (error) {
            moduleCache.delete(path);
            throw error;
        } finally {
            carrier.loadingDepth--;
        }
        module.loaded = true;
        return module.exports;
    }

    // Minified builds come first where Debian ships them: JavaScriptCore parses them several times faster, and a
    // library's own line numbers never reach reports (errors point at the user's script).
    /**
     * Modules a script may require by name: Node built-ins we implement, and Postman's library list mapped to
     * Debian's files, with the Debian package to name when the file is missing.
     */
    const libraries = {
        lodash: { files: ['/usr/share/nodejs/lodash/lodash.min.js', '/usr/share/nodejs/lodash/lodash.js'], names: ['lodash.min.js', 'lodash.js', 'lodash/lodash.js'], debian: 'node-lodash' },
        chai: { files: ['/usr/share/javascript/chai/chai.min.js', '/usr/share/javascript/chai/chai.js'], names: ['chai.min.js', 'chai.js', 'chai/chai.js'], debian: 'libjs-chai' },
        moment: { files: ['/usr/share/javascript/moment/moment.js', '/usr/share/nodejs/moment/moment.js'], names: ['moment.js', 'moment/moment.js'], debian: 'libjs-moment' },
        uuid: { files: ['/usr/share/nodejs/uuid/dist/umd/uuid.min.js'], names: ['uuid.min.js', 'uuid/dist/umd/uuid.min.js'], debian: 'node-uuid' },
        backbone: { files: ['/usr/share/javascript/backbone/backbone.js'], names: ['backbone.js', 'backbone/backbone.js'], debian: 'libjs-backbone' },
        underscore: { files: ['/usr/share/javascript/underscore/underscore.js', '/usr/share/nodejs/underscore/underscore.js'], names: ['underscore.js', 'underscore/underscore.js'], debian: 'libjs-underscore' },
        ajv: { node: 'ajv', debian: 'node-ajv' },
        xml2js: { node: 'xml2js', debian: 'node-xml2js' },
        cheerio: { node: 'cheerio', debian: 'node-cheerio', adapt: adaptCheerio },
        punycode: { node: 'punycode', debian: 'node-punycode' },
        events: { node: 'events', debian: 'node-events' },
        tv4: { files: ['/usr/share/javascript/tv4/tv4.js'], names: ['tv4.js', 'tv4/tv4.js'], debian: 'libjs-tv4' },
        'crypto-js': { special: () => carrier.cryptoJS(), debian: 'libjs-cryptojs' },
    };
    carrier.libraries = libraries;

    function missing(name, library, tried) {
        return carrier.fail("Cannot load library '" + name + "': none of " + tried.join(', ') +
            ' exists; install the Debian package ' + library.debian + ' (or point CARRIER_JS_LIBRARY_PATH at a directory holding it)');
    }

    /** The file for a listed library, CARRIER_JS_LIBRARY_PATH first. */
    carrier.libraryFile = function (name) {
        const library = libraries[name];
        const tried = [];
        for (const dir of extraDirectories) {
            for (const file of library.names || []) {
                tried.push(dir + '/' + file);
                if (read(dir + '/' + file)) return dir + '/' + file;
            }
        }
        for (const file of library.files || []) {
            tried.push(file);
            if (read(file)) return file;
        }
        throw missing(name, library, tried);
    };

    const builtins = new Map();
    /** Registers a built-in module; `factory` runs once, on first require. */
    carrier.defineModule = function (name, factory) { builtins.set(name, { factory, loaded: false, exports: undefined }); };

    function requireLibrary(name) {
        const library = libraries[name];
        if (library.special) return library.special();
        if (library.adapted) return library.adapted;
        let exports;
        if (library.node) {
            const resolved = resolveBare(library.node, '/');
            if (!resolved) throw missing(name, library, nodeRoots.map((root) => root + '/' + library.node));
            exports = loadFile(resolved);
        } else {
            exports = loadFile(carrier.libraryFile(name));
        }
        if (!library.adapt) return exports;
        library.adapted = library.adapt(exports);
        return library.adapted;
    }

    /**
     * Debian's cheerio is 1.0, postman-sandbox's 0.22. Where scripts meet the difference: `load()` of no text
     * (a response that never came) throws in 1.0 at once ("expects a string"); 0.22 fails when the document is first
     * used, with Node's "Cannot read properties of undefined (reading 'parent')", the message Newman reports.
     */
    function adaptCheerio(cheerio) {
        const load = cheerio.load;
        const adapted = Object.create(cheerio);
        adapted.load = function (content, ...rest) {
            if (content !== undefined && content !== null) return load.call(this === adapted ? cheerio : this, content, ...rest);
            const broken = function () { throw new TypeError("Cannot read properties of undefined (reading 'parent')"); };
            return new Proxy(broken, { get: () => broken });
        };
        return adapted;
    }

    function requireFrom(directory, request, fromScript) {
        if (typeof request !== 'string') throw new TypeError('The "id" argument must be of type string. Received ' + carrier.inspect(request));
        const name = request.startsWith('node:') ? request.slice(5) : request;
        const builtin = builtins.get(name);
        if (builtin) {
            if (!builtin.loaded) {
                builtin.exports = builtin.factory();
                builtin.loaded = true;
            }
            return builtin.exports;
        }
        if (Object.prototype.hasOwnProperty.call(libraries, name)) return requireLibrary(name);
        if (!fromScript) {
            let resolved = null;
            if (name.startsWith('./') || name.startsWith('../') || name.startsWith('/')) {
                resolved = resolveFile(normalize(name.startsWith('/') ? name : directory + '/' + name));
            } else {
                resolved = resolveBare(name, directory);
            }
            if (resolved) return loadFile(resolved);
        }
        const error = carrier.fail("Cannot find module '" + request + "'");
        error.code = 'MODULE_NOT_FOUND';
        throw error;
    }

    function makeRequire(directory) {
        const require = (request) => requireFrom(directory, request, false);
        require.resolve = (request) => request;
        require.cache = {};
        return require;
    }

    /** require() for our own bootstrap code: Node resolution over the library roots, beyond the script list. */
    carrier.requireInternal = function (request) { return requireFrom('/', request, false); };

    /** require() as scripts see it: only the sandbox's module list, as postman-sandbox allows. */
    carrier.require = function require(request) { return requireFrom('/', request, true); };

    /** Evaluates a browser script in its own function scope and returns what `expression` names afterwards. */
    carrier.loadScripts = function (paths, expression) {
        const body = paths.map((path) => read(path)).join('\n;\n');
        carrier.loadingDepth++;
        try {
            return native.evaluate('(function () {' + body + '\n;return ' + expression + ';})', paths[paths.length - 1])();
        } finally {
            carrier.loadingDepth--;
        }
    };

    /** How many library loads are under way; lazy globals stay undefined meanwhile (libraries probe `root._`). */
    carrier.loadingDepth = 0;

    const cryptoParts = ['core', 'x64-core', 'lib-typedarrays', 'enc-utf16', 'enc-base64', 'md5', 'sha1', 'sha256', 'sha224',
        'sha512', 'sha384', 'sha3', 'ripemd160', 'hmac', 'pbkdf2', 'evpkdf', 'cipher-core', 'mode-cfb', 'mode-ctr',
        'mode-ctr-gladman', 'mode-ofb', 'mode-ecb', 'pad-ansix923', 'pad-iso10126', 'pad-iso97971', 'pad-zeropadding',
        'pad-nopadding', 'format-hex', 'aes', 'tripledes', 'rc4', 'rabbit', 'rabbit-legacy'];
    let cryptoJS;
    /** CryptoJS 3.1.2 from Debian's components, all of them in one scope (the rollups each lack some parts). */
    carrier.cryptoJS = function () {
        if (cryptoJS) return cryptoJS;
        const directories = extraDirectories.map((dir) => dir + '/cryptojs/components')
            .concat(extraDirectories, ['/usr/share/javascript/cryptojs/components']);
        const directory = directories.find((dir) => read(dir + '/core.js'));
        if (!directory) throw missing('crypto-js', libraries['crypto-js'], directories.map((dir) => dir + '/core.js'));
        const parts = cryptoParts.map((part) => [directory + '/' + part + '-min.js', directory + '/' + part + '.js'].find((path) => read(path)));
        cryptoJS = carrier.loadScripts(parts.filter(Boolean), 'CryptoJS');
        return cryptoJS;
    };

    /** Defines a lazy global: the library loads when a script first reads the name. */
    carrier.lazyGlobal = function (name, load) {
        let loading = false;
        Object.defineProperty(globalThis, name, {
            configurable: true, enumerable: false,
            get() {
                // Libraries probe globals such as `root._` while they load; they must not start a load themselves.
                if (loading || carrier.loadingDepth > 0) return undefined;
                let value;
                loading = true;
                try { value = load(); } finally { loading = false; }
                Object.defineProperty(globalThis, name, { value, configurable: true, writable: true, enumerable: false });
                return value;
            },
            set(value) {
                Object.defineProperty(globalThis, name, { value, configurable: true, writable: true, enumerable: false });
            },
        });
    };

    carrier.process = {
        env: {}, argv: [], version: 'v16.20.2', versions: { node: '16.20.2' }, platform: 'linux', browser: false, title: 'carrier',
        cwd: () => '/', nextTick: (fn, ...args) => { Promise.resolve().then(() => fn(...args)); }, emitWarning() {},
        hrtime: Object.assign(() => [0, 0], { bigint: () => BigInt(Date.now()) * 1000000n }),
        on() { return this; }, once() { return this; }, off() { return this; }, removeListener() { return this; }, emit() { return false; },
    };
})(globalThis.__carrier);
