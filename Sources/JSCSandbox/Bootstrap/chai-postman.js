// Postman's response/request assertions for chai (the chai-postman 2.0.1 vocabulary and failure messages, our
// own implementation), and the lazy chai loader: chai loads when a script first uses pm.expect or `.to`.
(function (carrier) {
    'use strict';
    const sdk = carrier.sdk;
    const isResponse = (value) => value instanceof sdk.Response;
    const isRequest = (value) => value instanceof sdk.Request;
    const kind = (value) => isRequest(value) ? 'request' : isResponse(value) ? 'response' : undefined;
    const lodash = () => carrier.require('lodash');

    const statusClasses = { info: 1, success: 2, redirection: 3, clientError: 4, serverError: 5 };
    const namedStatuses = {
        accepted: [202, 'Accepted'], withoutContent: [204, 'No Content'], badRequest: [400, 'Bad Request'],
        unauthorised: [401, 'Unauthorised'], unauthorized: [401, 'Unauthorized'], forbidden: [403, 'Forbidden'],
        notFound: [404, 'Not Found'], notAcceptable: [406, 'Acceptable'], rateLimited: [429, 'Too Many Requests'],
    };

    /** The first line of a JSONError message, or `Name: message` for anything else. */
    function parseFailure(response) {
        try { response.json(); return undefined; } catch (error) {
            if (error && error.name === 'JSONError' && error.message) return error.message.split('\n')[0];
            return error.name + ': ' + error.message;
        }
    }

    function plugin(chai, utils) {
        const Assertion = chai.Assertion;
        // These checks only decide pass or fail. A chai sub-assertion is built only when the plain test fails, to
        // throw chai's own error: when the plain test passes, the sub-assertion would pass too, and building it cost
        // more than the assertion that needed it.
        const ensureResponse = (value) => { if (!isResponse(value)) new Assertion(value).to.be.postmanResponse; };
        const ensureRequestOrResponse = (value) => {
            if (!isResponse(value) && !isRequest(value)) new Assertion(value).to.be.postmanRequestOrResponse;
        };
        // chai's `have.property(name)` without flags passes exactly when `name in Object(value)`.
        const ensureProperty = (value, name) => {
            if (value === null || value === undefined || !(name in Object(value))) new Assertion(value).to.have.property(name);
        };
        const ensureNumber = (value) => { if (typeof value !== 'number') new Assertion(value).to.be.a('number'); };
        const requireResponse = (assertion, ...properties) => {
            ensureResponse(assertion._obj);
            for (const property of properties) ensureProperty(assertion._obj, property);
        };

        Assertion.addProperty('postmanRequest', function () {
            this.assert(isRequest(this._obj), 'expecting a postman request object but got #{this}', 'not expecting a postman request object');
        });
        Assertion.addProperty('postmanResponse', function () {
            this.assert(isResponse(this._obj), 'expecting a postman response object but got #{this}', 'not expecting a postman response object');
        });
        Assertion.addProperty('postmanRequestOrResponse', function () {
            this.assert(isResponse(this._obj) || isRequest(this._obj), 'expecting a postman request or response object but got #{this}',
                'not expecting a postman request or response object');
        });

        function assertClass(assertion, classCode) {
            requireResponse(assertion, 'code');
            ensureNumber(assertion._obj.code);
            assertion.assert(Math.floor(assertion._obj.code / 100) === classCode, 'expected response code to be #{exp}XX but found #{act}',
                'expected response code to not be #{exp}XX', classCode, assertion._obj.code);
        }
        Assertion.addMethod('statusCodeClass', function (classCode) { assertClass(this, classCode); });
        for (const name of Object.keys(statusClasses)) Assertion.addProperty(name, function () { assertClass(this, statusClasses[name]); });

        Assertion.addProperty('error', function () {
            requireResponse(this, 'code');
            ensureNumber(this._obj.code);
            const statusClass = Math.floor(this._obj.code / 100);
            this.assert(statusClass === 4 || statusClass === 5, 'expected response code to be 4XX or 5XX but found #{act}',
                'expected response code to not be 4XX or 5XX', null, this._obj.code);
        });

        function assertCode(assertion, expected, actual) {
            assertion.assert(actual === expected, 'expected response to have status code #{exp} but got #{act}',
                'expected response to not have status code #{act}', expected, actual);
        }
        function assertReason(assertion, expected, actual) {
            assertion.assert(actual === expected, 'expected response to have status reason #{exp} but got #{act}',
                'expected response to not have status reason #{act}', expected, actual);
        }
        Assertion.addMethod('statusCode', function (code) {
            requireResponse(this, 'code');
            ensureNumber(this._obj.code);
            assertCode(this, Number(code), this._obj.code);
        });
        Assertion.addMethod('statusReason', function (reason) {
            requireResponse(this, 'reason');
            assertReason(this, String(reason), this._obj.reason());
        });
        function assertNamed(assertion, code, reason) {
            requireResponse(assertion, 'reason', 'details');
            assertReason(assertion, reason.toUpperCase(), String(assertion._obj.reason()).toUpperCase());
            assertCode(assertion, code, Number(assertion._obj.details().code));
        }
        for (const name of Object.keys(namedStatuses)) {
            Assertion.addProperty(name, function () { assertNamed(this, namedStatuses[name][0], namedStatuses[name][1]); });
        }
        Assertion.addProperty('ok', function () {
            if (!isResponse(this._obj)) {
                this.assert(utils.flag(this, 'object'), 'expected #{this} to be truthy', 'expected #{this} to be falsy');
                return;
            }
            assertNamed(this, 200, 'OK');
        });
        Assertion.addMethod('status', function (codeOrReason) {
            ensureResponse(this._obj);
            if (typeof codeOrReason === 'number') {
                ensureProperty(this._obj, 'code');
                assertCode(this, Number(codeOrReason), this._obj.code);
            } else {
                ensureProperty(this._obj, 'reason');
                assertReason(this, codeOrReason, this._obj.reason());
            }
        });

        Assertion.addMethod('header', function (key, value) {
            ensureRequestOrResponse(this._obj);
            ensureProperty(this._obj, 'headers');
            const what = kind(this._obj), headers = this._obj.headers;
            this.assert(headers.has(key), 'expected ' + what + " to have header with key '" + String(key) + "'",
                'expected ' + what + " to not have header with key '" + String(key) + "'", true, headers.has(key));
            if (arguments.length < 2) return;
            const actual = headers.one(key).value;
            this.assert(actual === value, "expected '" + String(key) + "' " + what + ' header to be #{exp} but got #{act}',
                "expected '" + String(key) + "' " + what + ' header to not be #{act}', value, actual);
        });

        Assertion.addProperty('withBody', function () {
            requireResponse(this, 'text');
            const text = this._obj.text();
            this.assert(typeof text === 'string' && text.length, 'expected response to have content in body', 'expected response to not have content in body');
        });
        Assertion.addProperty('json', function () {
            requireResponse(this, 'json');
            const failure = parseFailure(this._obj);
            this.assert(!failure, 'expected response body to be a valid json but got error ' + failure, 'expected response body not to be a valid json');
        });
        Assertion.addMethod('body', function (content) {
            ensureResponse(this._obj);
            const _ = lodash();
            if (_.isPlainObject(content)) {
                let data;
                try { data = this._obj.json(); } catch (e) { /* compared as undefined */ }
                this.assert(_.isEqual(data, content), 'expected response body json to equal #{exp} but got #{act}',
                    'expected response body json to not equal #{exp} but got #{act}', content, data);
                return;
            }
            const text = this._obj.text();
            if (arguments.length === 0) {
                this.assert(typeof text === 'string' && text.length, 'expected response to have content in body', 'expected response to not have content in body');
                return;
            }
            if (content instanceof RegExp) {
                this.assert(content.exec(text) !== null, 'expected response body text to match #{exp} but got #{act}',
                    'expected response body text #{act} to not match #{exp}', content, text);
                return;
            }
            this.assert(_.isEqual(text, content), 'expected response body to equal #{exp} but got #{act}',
                'expected response body to not equal #{exp}', content, text);
        });
        Assertion.addMethod('jsonBody', function (path, value) {
            requireResponse(this, 'json');
            let body, failure;
            try { body = this._obj.json(); } catch (error) {
                failure = error && error.name === 'JSONError' && error.message ? error.message.split('\n')[0] : error.name + ': ' + error.message;
            }
            if (arguments.length === 0) {
                this.assert(!failure, 'expected response body to be a valid json but got error ' + failure, 'expected response body not to be a valid json');
                return;
            }
            const _ = lodash();
            if (typeof path === 'string') {
                this.assert(_.has(body, path), 'expected #{act} in response to contain property #{exp}',
                    'expected #{act} in response to not contain property #{exp}', path, body);
                if (arguments.length > 1) {
                    const actual = _.get(body, path);
                    this.assert(_.isEqual(actual, value), 'expected response body json at "' + path + '" to contain #{exp} but got #{act}',
                        'expected response body json at "' + path + '" to not contain #{exp} but got #{act}', value, actual);
                }
            }
        });
        Assertion.addChainableMethod('responseTime', function (value) {
            const time = utils.flag(this, 'number');
            this.assert(typeof time === 'number', 'expected response to have a valid response time but got #{act}',
                'expected response to not have a valid response time but got #{act}', null, time);
            if (arguments.length) {
                this.assert(lodash().isEqual(time, value), 'expected response to have a valid response time but got #{act}',
                    'expected response to not have a valid response time but got #{act}', null, time);
            }
        }, function () {
            requireResponse(this, 'responseTime');
            utils.flag(this, 'number', this._obj.responseTime);
            this._obj = this._obj.responseTime;
        });
        Assertion.addChainableMethod('responseSize', function (value) {
            const size = utils.flag(this, 'number');
            this.assert(typeof size === 'number', 'expected response to have a valid response size but got #{act}',
                'expected response to not have a valid response size but got #{act}', null, size);
            if (arguments.length) {
                this.assert(lodash().isEqual(size, value), 'expected response size to equal #{act} but got #{exp}',
                    'expected response size to not equal #{act} but got #{exp}', value, size);
            }
        }, function () {
            requireResponse(this, 'size');
            const size = this._obj.size();
            const total = (size.header || 0) + (size.body || 0);
            utils.flag(this, 'number', total);
            this._obj = total;
        });
        Assertion.addMethod('jsonSchema', function (schema, options) {
            new Assertion(schema).to.be.an('object');
            const Ajv = carrier.require('ajv');
            const data = isResponse(this._obj) || (isRequest(this._obj) && typeof this._obj.json === 'function') ? this._obj.json() : this._obj;
            const ajv = new Ajv(Object.assign({ allErrors: true, logger: false }, options));
            const valid = ajv.validate(schema, data);
            this.assert(valid && !ajv.errors, 'expected data to satisfy schema but found following errors: \n' + ajv.errorsText(),
                'expected data to not satisfy schema', true, valid);
        });
    }

    /** chai 4's language chains: each only hands on a new Assertion carrying the same flags. */
    const languageChains = ['to', 'be', 'been', 'is', 'and', 'has', 'have', 'with', 'that', 'which', 'at', 'of', 'same', 'but',
        'does', 'still', 'also'];

    /**
     * The same new Assertion as chai's chain getter makes (its prototype, a copy of the flags, chai's proxy around
     * it), built directly. chai builds it with the constructor and then copies each flag through the new proxy, a
     * trap call per flag; the chains are most of the words of an expectation. The originals stay in
     * `carrier.chaiLanguageChains` so tests can compare the two.
     */
    function installLanguageChains(chai) {
        const Assertion = chai.Assertion, utils = chai.util;
        const proxyEnabled = () => chai.config.useProxy && typeof Proxy !== 'undefined' && typeof Reflect !== 'undefined';
        const originals = {};
        for (const chain of languageChains) {
            const original = Object.getOwnPropertyDescriptor(Assertion.prototype, chain);
            if (!original || typeof original.get !== 'function' || !original.configurable) continue;
            originals[chain] = original;
            Object.defineProperty(Assertion.prototype, chain, {
                configurable: true,
                get: function chainGetter() {
                    // chai's proxy calls getters on the assertion itself, so no flag access here goes through a trap.
                    const source = this.__flags || (this.__flags = Object.create(null));
                    if (!proxyEnabled() && !source.lockSsfi) source.ssfi = chainGetter;
                    const next = Object.create(Assertion.prototype), flags = Object.create(null);
                    for (const key in source) flags[key] = source[key];
                    next.__flags = flags;
                    return utils.proxify(next);
                },
            });
        }
        carrier.chaiLanguageChains = originals;
    }

    let chai;
    /** chai 4 with the Postman assertions, loaded on first use. */
    carrier.chai = function () {
        if (chai) return chai;
        const loaded = carrier.require('chai');
        loaded.use(plugin);
        installLanguageChains(loaded);
        chai = loaded;
        return chai;
    };
})(globalThis.__carrier);
