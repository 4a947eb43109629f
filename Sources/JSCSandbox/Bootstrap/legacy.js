// The pre-`pm` globals (tests[], responseBody, postman.setEnvironmentVariable, …), off under 'use sandbox2',
// and the library globals (_, CryptoJS, cheerio, Backbone) that load on first read.
(function (carrier) {
    'use strict';
    const scopes = carrier.scopes;

    carrier.makePostman = function (run, context) {
        const response = run.response;
        return {
            setNextRequest(name) { run.pm.execution.setNextRequest(name); },
            setEnvironmentVariable(key, value) { scopes.environment.set(key, value); },
            getEnvironmentVariable(key) { return scopes.environment.get(key); },
            clearEnvironmentVariable(key) { scopes.environment.unset(key); },
            clearEnvironmentVariables() { scopes.environment.clear(); },
            setGlobalVariable(key, value) { scopes.globals.set(key, value); },
            getGlobalVariable(key) { return scopes.globals.get(key); },
            clearGlobalVariable(key) { scopes.globals.unset(key); },
            clearGlobalVariables() { scopes.globals.clear(); },
            getResponseHeader(name) { return response ? response.headers.get(name) : undefined; },
            getResponseCookie(name) {
                const cookie = (context.cookies || []).filter((c) => c.name === name).pop();
                return cookie ? Object.assign({}, cookie) : undefined;
            },
        };
    };

    function xml2Json(text) {
        let result;
        carrier.require('xml2js').parseString(text, { explicitArray: false, async: false, trim: true, mergeAttrs: false }, (error, value) => {
            if (error) throw error;
            result = value;
        });
        return result;
    }

    carrier.legacyArguments = function (run, context) {
        const request = run.request, response = run.response;
        let data;
        if (request.body) {
            const mode = request.body.mode;
            if (mode === 'raw') data = request.body.raw === undefined ? '' : request.body.raw;
            else if (mode === 'urlencoded' || mode === 'formdata') data = request.body[mode] ? request.body[mode].toObject(true) : {};
            else data = {};
        } else data = {};
        const legacyRequest = {
            url: request.url.toString(), method: request.method, headers: request.headers.toObject(true), data,
            name: context.info.requestName, id: context.info.requestId, description: undefined,
        };
        run.tests = {};
        const values = {
            tests: run.tests,
            globals: scopes.globals.toObject(),
            environment: scopes.environment.toObject(),
            data: scopes.iterationData.toObject(),
            iteration: context.info.iteration,
            request: legacyRequest,
            responseBody: response ? response.text() : undefined,
            responseCode: response ? { code: response.code, name: response.status, detail: response.status } : undefined,
            responseHeaders: response ? response.headers.toObject() : undefined,
            responseTime: response ? response.responseTime : undefined,
            responseCookies: (context.cookies || []).map((c) => Object.assign({}, c)),
            xml2Json,
        };
        return carrier.legacyParameters.map((name) => values[name]);
    };

    /** `tests["name"] = value` entries become assertions after the script, in key order. */
    carrier.collectLegacyTests = function (run, record) {
        const tests = run.tests;
        if (!tests || typeof tests !== 'object') return;
        for (const name of Object.keys(tests)) {
            const value = tests[name];
            let error;
            if (!value) {
                error = new Error('expected ' + carrier.inspect(value) + ' to be truthy');
                error.name = 'AssertionError';
                error.stack = '';
            }
            record(run, name, run.testIndex++, error, false);
        }
    };

    carrier.lazyGlobal('_', () => carrier.require('lodash'));
    carrier.lazyGlobal('CryptoJS', () => carrier.cryptoJS());
    carrier.lazyGlobal('cheerio', () => carrier.require('cheerio'));
    carrier.lazyGlobal('Backbone', () => carrier.require('backbone'));
    carrier.lazyGlobal('tv4', () => { throw carrier.fail("tv4 is not available: Debian does not package it; use pm.response.to.have.jsonSchema (Ajv) instead"); });
    carrier.lazyGlobal('xml2Json', () => xml2Json);
})(globalThis.__carrier);
