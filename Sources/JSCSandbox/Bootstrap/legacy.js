// The pre-`pm` globals (tests[], responseBody, postman.setEnvironmentVariable, …), off under 'use sandbox2',
// and the library globals (_, CryptoJS, cheerio, Backbone) that load on first read.
(function (carrier) {
    'use strict';
    const scopes = carrier.scopes;

    /** The legacy setters store text (postman-sandbox calls toString) and keep the snapshot objects current. */
    function legacyValue(value) {
        return (value === false || value) && typeof (value && value.toString) === 'function' ? value.toString() : value;
    }
    function clearObject(object) { for (const key of Object.keys(object || {})) delete object[key]; }

    carrier.makePostman = function (run, context) {
        const response = run.response;
        const snapshot = (name) => (run.legacySnapshots && run.legacySnapshots[name]) || {};
        return {
            setNextRequest(name) { run.pm.execution.setNextRequest(name); },
            setEnvironmentVariable(key, value) { value = legacyValue(value); snapshot('environment')[key] = value; scopes.environment.set(key, value); },
            getEnvironmentVariable(key) { return scopes.environment.get(key); },
            clearEnvironmentVariable(key) { if (key) delete snapshot('environment')[key]; scopes.environment.unset(key); },
            clearEnvironmentVariables() { clearObject(snapshot('environment')); scopes.environment.clear(); },
            setGlobalVariable(key, value) { value = legacyValue(value); snapshot('globals')[key] = value; scopes.globals.set(key, value); },
            getGlobalVariable(key) { return scopes.globals.get(key); },
            clearGlobalVariable(key) { if (key) delete snapshot('globals')[key]; scopes.globals.unset(key); },
            clearGlobalVariables() { clearObject(snapshot('globals')); scopes.globals.clear(); },
            getResponseHeader(name) { return response ? response.headers.get(name) : undefined; },
            getResponseCookie(name) {
                const cookie = (context.cookies || []).filter((c) => c.name === name).pop();
                return cookie ? Object.assign({}, cookie) : undefined;
            },
        };
    };

    /** Parse errors are swallowed, as postman-sandbox's xml2Json does. */
    function xml2Json(text) {
        let result = {};
        carrier.require('xml2js').parseString(text, { explicitArray: false, async: false, trim: true, mergeAttrs: false }, (error, value) => {
            result = value;
        });
        return result;
    }

    /**
     * The legacy globals, passed as parameters of the script's function. `context.legacyNames` lists those the
     * script's text mentions (null: all of them); the others are never computed and stay undefined, since a script
     * can only reach a parameter by its name (scripts that call eval get them all).
     */
    carrier.legacyArguments = function (run, context) {
        const wanted = context.legacyNames ? new Set(context.legacyNames) : null;
        const wants = (name) => !wanted || wanted.has(name);
        const response = run.response;
        run.tests = {};
        run.legacySnapshots = {
            globals: wants('globals') ? scopes.globals.toObject() : undefined,
            environment: wants('environment') ? scopes.environment.toObject() : undefined,
        };
        const values = {
            tests: () => run.tests,
            globals: () => run.legacySnapshots.globals,
            environment: () => run.legacySnapshots.environment,
            data: () => scopes.iterationData.toObject(),
            iteration: () => context.info.iteration,
            request: () => legacyRequest(run.request, context),
            responseBody: () => response ? response.text() : undefined,
            responseCode: () => response ? response.details() : undefined,
            // By name as sent (postman-sandbox walks the headers; toObject would lower-case the names).
            responseHeaders: () => {
                if (!response) return undefined;
                const headers = {};
                response.headers.each((header) => { if (header && !header.disabled) headers[header.key] = header.value; });
                return headers;
            },
            responseTime: () => response ? response.responseTime : undefined,
            responseCookies: () => (context.cookies || []).map((c) => Object.assign({}, c)),
            xml2Json: () => xml2Json,
        };
        return carrier.legacyParameters.map((name) => wants(name) ? values[name]() : undefined);
    };

    /** The request's description as text (a string or `{content}` in the collection), as postman-sandbox gives it. */
    function legacyDescription(source) {
        const description = source && typeof source === 'object' ? source.description : undefined;
        if (description === undefined || description === null) return undefined;
        return typeof description === 'object' ? (description.content === undefined ? undefined : String(description.content)) : String(description);
    }

    function legacyRequest(request, context) {
        let data = {};
        if (request.body && !request.body.isEmpty()) {
            const mode = request.body.mode;
            if (mode === 'raw') data = request.body.raw;
            else if (mode === 'urlencoded' || mode === 'formdata') data = request.body[mode].toObject(true, false, true);
            else if (mode === 'file') data = request.body.file && request.body.file.content || {};
        }
        return {
            url: request.url.toString(), method: request.method, headers: request.headers.toObject(true, false, true), data,
            name: context.info.requestName, id: context.info.requestId, description: legacyDescription(context.request),
        };
    }

    /**
     * `tests["name"] = value` entries become assertions when the script body ends, in key order. postman-sandbox
     * sends failed ones without an error; Newman then reports them as `AssertionError: expected false to be truthy`.
     */
    carrier.collectLegacyTests = function (run) {
        const tests = run.tests;
        if (!tests || typeof tests !== 'object' || run.legacyCollected) return;
        run.legacyCollected = true;
        for (const name of Object.keys(tests)) {
            const entry = { name: String(name), index: run.testIndex++, status: tests[name] ? 'passed' : 'failed' };
            if (!tests[name]) { entry.errorName = 'AssertionError'; entry.message = 'expected false to be truthy'; }
            run.assertions.push(entry);
        }
    };

    /**
     * The legacy `_` is lodash 3 in postman-sandbox; Debian has lodash 4. A separate lodash 4 instance gets the
     * lodash 3 names that version 4 dropped, so old scripts keep working while require('lodash') stays plain 4.
     */
    function legacyLodash() {
        const lodash = carrier.require('lodash').runInContext();
        const aliases = {
            contains: 'includes', include: 'includes', pluck: 'map', collect: 'map', where: 'filter', select: 'filter',
            findWhere: 'find', detect: 'find', indexBy: 'keyBy', any: 'some', all: 'every', object: 'zipObject',
            pairs: 'toPairs', sortByOrder: 'orderBy', padLeft: 'padStart', padRight: 'padEnd', trunc: 'truncate',
            foldl: 'reduce', inject: 'reduce', foldr: 'reduceRight', methods: 'functions', compose: 'flowRight',
            backflow: 'flowRight', callback: 'iteratee',
        };
        const additions = {};
        for (const name of Object.keys(aliases)) {
            if (lodash[name] === undefined) additions[name] = lodash[aliases[name]];
        }
        // lodash 3's pluck/where took a property name or a match object, which map/filter accept too.
        lodash.mixin(additions);
        return lodash;
    }
    carrier.lazyGlobal('_', legacyLodash);
    carrier.lazyGlobal('CryptoJS', () => carrier.cryptoJS());
    carrier.lazyGlobal('cheerio', () => carrier.require('cheerio'));
    carrier.lazyGlobal('Backbone', () => carrier.require('backbone'));
    carrier.lazyGlobal('tv4', () => carrier.require('tv4'));
    carrier.lazyGlobal('xml2Json', () => xml2Json);
})(globalThis.__carrier);
