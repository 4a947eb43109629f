// The per-script lifecycle (begin, execute, finish) and the `pm` object.
(function (carrier) {
    'use strict';
    const sdk = carrier.sdk, native = carrier.native, timers = carrier.timers;

    const modernParameters = ['pm', 'postman', 'require'];
    carrier.legacyParameters = ['tests', 'globals', 'environment', 'data', 'iteration', 'request', 'responseBody', 'responseCode',
        'responseHeaders', 'responseTime', 'responseCookies', 'xml2Json'];

    /**
     * The text that opens every script's function; the script follows on the same line. The sandbox names are
     * parameters of an outer function so that a script may still declare `const data` or `let request` itself.
     */
    carrier.wrapperPrefix = function (legacy) {
        return '(function (' + modernParameters.concat(legacy ? carrier.legacyParameters : []).join(', ') +
            ') { return (async function () {';
    };

    function recordAssertion(run, name, index, error, skipped) {
        const entry = { name: String(name), index, status: skipped ? 'skipped' : error === undefined ? 'passed' : 'failed' };
        if (error !== undefined) {
            const info = carrier.errorInfo(error);
            entry.errorName = info.name;
            entry.message = info.message;
            entry.stack = info.stack;
        }
        run.assertions.push(entry);
    }

    function makeTest(run) {
        function test(name, fn) {
            const index = run.testIndex++;
            // Without a function the test simply passes, as in postman-sandbox.
            if (typeof fn !== 'function') { recordAssertion(run, name, index, undefined, false); return run.pm; }
            let settled = false;
            const settle = (error) => {
                if (settled || carrier.run !== run) return;
                settled = true;
                recordAssertion(run, name, index, error, false);
            };
            try {
                if (fn.length > 0) {
                    // The `done` form: the test ends when done is called, with an error to fail it.
                    fn(function done(error) { settle(error === undefined || error === null ? undefined : error); });
                    return run.pm;
                }
                const result = fn();
                if (result && typeof result.then === 'function') {
                    result.then(() => settle(undefined), (error) => settle(error === undefined ? new Error('Promise rejected') : error));
                    return run.pm;
                }
                settle(undefined);
            } catch (error) {
                settle(error === undefined ? new Error('undefined') : error);
            }
            return run.pm;
        }
        test.skip = function (name) { recordAssertion(run, name, run.testIndex++, undefined, true); return run.pm; };
        test.index = function () { return run.testIndex; };
        return test;
    }

    function hostOf(url) {
        const parsed = new sdk.Url(String(url));
        return parsed.getHost().toLowerCase();
    }

    function makeCookies(run, list) {
        const cookies = new sdk.PropertyList(list.map((cookie) => Object.assign({ key: cookie.name }, cookie)));
        const toCookie = (c) => { const out = Object.assign({}, c); delete out.key; return out; };
        const callback = (cb, error, value) => { if (typeof cb === 'function') timers.defer(() => cb(error, value)); };
        cookies.jar = function () {
            return {
                get(url, name, cb) {
                    const all = JSON.parse(native.cookies(String(url)));
                    const match = all.filter((c) => c.name === name).pop();
                    callback(cb, null, match ? match.value : undefined);
                },
                getAll(url, options, cb) {
                    if (typeof options === 'function') cb = options;
                    callback(cb, null, JSON.parse(native.cookies(String(url))));
                },
                set(url, name, value, cb) {
                    let cookie;
                    if (name && typeof name === 'object') { cookie = Object.assign({}, name); cb = value; } else cookie = { name, value };
                    if (typeof value === 'function' && !(name && typeof name === 'object')) { cb = value; cookie.value = ''; }
                    cookie.name = String(cookie.name !== undefined ? cookie.name : cookie.key);
                    cookie.value = cookie.value === undefined || cookie.value === null ? '' : String(cookie.value);
                    cookie.domain = cookie.domain || hostOf(url);
                    cookie.path = cookie.path || '/';
                    if (cookie.expires instanceof Date) cookie.expires = cookie.expires.getTime() / 1000;
                    else if (typeof cookie.expires === 'string') cookie.expires = Date.parse(cookie.expires) / 1000;
                    try { native.setCookie(JSON.stringify(cookie)); callback(cb, null, cookie); } catch (error) { callback(cb, error); }
                },
                unset(url, name, cb) { native.removeCookies(hostOf(url), String(name)); callback(cb, null); },
                clear(url, cb) { native.removeCookies(hostOf(url), null); callback(cb, null); },
            };
        };
        return cookies;
    }

    function transportError(error) {
        const out = new Error(error.message);
        out.code = error.code;
        return out;
    }

    /** pm.sendRequest: the host sends after the script body, then the callback (or the promise) gets the result. */
    function makeSendRequest(run) {
        return function sendRequest(request, callback) {
            const pm = this;
            const hasCallback = typeof callback === 'function';
            let resolve, reject;
            const promise = hasCallback ? undefined : new Promise((res, rej) => { resolve = res; reject = rej; });
            const deliver = (error, response) => {
                if (!hasCallback) { if (error) reject(error); else resolve(response); return; }
                // Newman drops what a sendRequest callback throws: the run's verdict stays, we keep it as a warning.
                try {
                    if (error) callback.call(pm, error); else callback.call(pm, null, response, { cookies: new sdk.PropertyList([]) });
                } catch (thrown) {
                    if (carrier.run === run) run.warnings.push(carrier.errorInfo(thrown));
                }
            };
            timers.defer(() => {
                if (carrier.run !== run) return;
                if (!request) { deliver(new Error('sendrequest: nothing to request')); return; }
                const normalized = request instanceof sdk.Request ? request.toJSON() : new sdk.Request(request).toJSON();
                const result = JSON.parse(native.sendRequest(JSON.stringify(normalized)));
                deliver(result.error ? transportError(result.error) : null, result.response ? new sdk.Response(result.response) : undefined);
            });
            // With a callback postman-sandbox returns pm; without one, a promise.
            return hasCallback ? pm : promise;
        };
    }

    function makeExecution(run, info) {
        const location = info.location.slice();
        const owner = /^(?:folder|request) "(.*)"$/.exec(info.owner);
        location.current = owner ? owner[1] : info.owner === 'collection' ? location[0] : location[location.length - 1];
        return {
            setNextRequest(name) { run.nextRequest = { name: typeof name === 'string' ? name : name === undefined || name === null ? null : String(name) }; },
            skipRequest() {
                // postman-sandbox only defines it for pre-request scripts, and skipping also drops pending timers.
                if (info.eventName !== 'prerequest') throw new TypeError('pm.execution.skipRequest is not a function');
                run.skipRequest = true;
                timers.reset();
                timers.seal();
            },
            location,
        };
    }

    function makePm(run, context) {
        const info = context.info;
        const pm = {
            info: { eventName: info.eventName, iteration: info.iteration, iterationCount: info.iterationCount, requestName: info.requestName, requestId: info.requestId },
            test: makeTest(run),
            expect: function expect(value, message) { return carrier.chai().expect(value, message); },
            // An accessor so that a test script that never reads pm.request never builds it (see begin).
            get request() { return run.request; },
            set request(value) { Object.defineProperty(pm, 'request', { value, writable: true, enumerable: true, configurable: true }); },
            response: run.response,
            cookies: makeCookies(run, context.cookies || []),
            sendRequest: makeSendRequest(run),
            execution: makeExecution(run, info),
            visualizer: { set() {}, clear() {} },
            require(name) { throw carrier.fail("pm.require('" + name + "') needs a package library, which command-line runs do not have"); },
        };
        Object.assign(pm, carrier.scopes);
        pm.expect.fail = (...args) => carrier.chai().expect.fail(...args);
        return pm;
    }

    const requestFields = ['url', 'method', 'header', 'body', 'auth'];
    function snapshotRequest(request) {
        const json = request.toJSON(), out = {};
        for (const field of requestFields) out[field] = JSON.stringify(json[field]);
        return out;
    }
    /**
     * The request as the script left it. Fields the script did not change go back exactly as they came, so that
     * our URL model never rewrites a URL nobody touched (`get?`, `a&&b`, odd encodings).
     */
    function requestAfterScript(run) {
        const json = run.request.toJSON();
        for (const field of requestFields) {
            if (JSON.stringify(json[field]) === run.requestSnapshot[field] && run.originalRequest[field] !== undefined) {
                json[field] = run.originalRequest[field];
            }
        }
        return json;
    }

    carrier.begin = function (json, responseBody) {
        const context = JSON.parse(json);
        if (context.response) context.response.body = responseBody;
        timers.reset();
        const run = {
            sourceURL: context.sourceName, prefixLength: carrier.wrapperPrefix(context.legacy).length,
            console: [], assertions: [], error: null, warnings: [], nextRequest: undefined, skipRequest: false, testIndex: 0,
            info: context.info, legacy: context.legacy,
        };
        carrier.run = run;
        // pm.request is built on first use: most test scripts never read it, and building plus snapshotting it
        // was a large part of each run's fixed cost. The snapshot is taken as it is built, before any change.
        let request;
        Object.defineProperty(run, 'request', {
            enumerable: true, configurable: true,
            get() {
                if (request === undefined) {
                    request = new sdk.Request(context.request);
                    run.requestSnapshot = snapshotRequest(request);
                }
                return request;
            },
        });
        run.originalRequest = typeof context.request === 'string' ? { url: context.request } : context.request || {};
        // Pre-request scripts build it at once: what they send back, and a request the SDK cannot take, stay as before.
        if (context.info.eventName === 'prerequest') void run.request;
        // Test scripts always get a response, as postman-sandbox builds one from nothing when the request failed.
        if (context.response) run.response = new sdk.Response(Object.assign({ cookies: context.cookies }, context.response));
        else if (context.info.eventName === 'test') run.response = new sdk.Response();
        if (run.response) {
            // postman-sandbox gives pm.response an own `to` (chai's chain), part of what chai prints of it.
            Object.defineProperty(run.response, 'to', { enumerable: true, configurable: true, get() { return carrier.chai().expect(this).to; } });
        }
        run.pm = makePm(run, context);
        run.postman = carrier.makePostman(run, context);
        run.args = [run.pm, run.postman, carrier.require];
        if (context.legacy) run.args = run.args.concat(carrier.legacyArguments(run, context));
    };

    carrier.execute = function (fn) {
        const run = carrier.run;
        let result;
        try {
            result = fn.apply(undefined, run.args);
        } catch (error) {
            carrier.reportError(error);
            return;
        }
        // Legacy tests are read when the script body (its synchronous part) ends, as postman-sandbox does.
        const collect = () => { if (run.legacy) carrier.collectLegacyTests(run); };
        if (result && typeof result.then === 'function') result.then(collect, (error) => { collect(); carrier.reportError(error); });
        else collect();
    };

    carrier.finish = function (timedOut) {
        const run = carrier.run;
        if (!run) return '{}';
        timers.reset();

        // Never built means never read nor changed: the host keeps the request it gave.
        let request = null;
        if (run.requestSnapshot !== undefined) {
            try { request = requestAfterScript(run); } catch (error) { carrier.reportError(error); }
        }
        carrier.run = null;
        return JSON.stringify({
            assertions: run.assertions, console: run.console, error: run.error, warnings: run.warnings, request,
            nextRequest: run.nextRequest, skipRequest: run.skipRequest,
        });
    };
})(globalThis.__carrier);
