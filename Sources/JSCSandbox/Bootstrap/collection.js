// The postman-collection shapes scripts touch: property lists (headers, query), Url, Request with body and auth.
// They read and write collection v2.1 JSON so pre-request changes travel back to the runner.
(function (carrier) {
    'use strict';

    /** A key/value item; unknown fields of the JSON item are kept so they survive the round trip. */
    class Property {
        constructor(source, value) {
            if (typeof source === 'string') source = { key: source, value };
            Object.assign(this, source && typeof source === 'object' ? source : {});
            if (this.key === undefined && source && source.id !== undefined && source.name === undefined) this.key = source.id;
        }
        valueOf() { return this.value; }
        toString() { return this.key === undefined ? String(this.value) : this.key + ': ' + this.value; }
        toJSON() {
            const out = {};
            for (const key of Object.keys(this)) if (this[key] !== undefined && typeof this[key] !== 'function') out[key] = this[key];
            return out;
        }
        update(options) { if (options && typeof options === 'object') Object.assign(this, options); }
    }

    /** postman-collection's PropertyList, keyed by `key` (case-insensitively for headers). */
    class PropertyList {
        constructor(items, options = {}) {
            this._caseInsensitive = !!options.caseInsensitive;
            this._kind = options.kind || 'property';
            this.members = [];
            this.populate(items);
        }
        _item(value) { return value instanceof Property ? value : new Property(value); }
        _same(a, b) { return this._caseInsensitive ? String(a).toLowerCase() === String(b).toLowerCase() : a === b; }
        populate(items) {
            if (typeof items === 'string') items = parseHeaderString(items);
            if (items && !Array.isArray(items) && typeof items === 'object' && !(items instanceof Property)) {
                items = Object.keys(items).map((key) => ({ key, value: items[key] }));
            }
            for (const item of [].concat(items || [])) if (item !== undefined && item !== null) this.members.push(this._item(item));
        }
        repopulate(items) { this.clear(); this.populate(items); }
        clear() { this.members.length = 0; }
        add(item) { if (item !== undefined && item !== null) this.members.push(this._item(item)); }
        append(item) { this.add(item); }
        prepend(item) { this.members.unshift(this._item(item)); }
        insert(item, before) {
            const index = before === undefined ? -1 : this.indexOf(before);
            if (index < 0) this.add(item); else this.members.splice(index, 0, this._item(item));
        }
        insertAfter(item, after) {
            const index = this.indexOf(after);
            if (index < 0) this.add(item); else this.members.splice(index + 1, 0, this._item(item));
        }
        /** Replaces the value of the last item with this key, or adds one. */
        upsert(item) {
            if (!item) return;
            const property = this._item(item);
            const existing = this.one(property.key);
            if (existing) { existing.update(property.toJSON()); return false; }
            this.add(property);
            return true;
        }
        assimilate(source, prune) {
            const items = source instanceof PropertyList ? source.members : source;
            if (prune) this.clear();
            for (const item of [].concat(items || [])) this.upsert(item);
        }
        remove(predicate, context) {
            let match;
            if (typeof predicate === 'function') match = (item) => predicate.call(context, item);
            else if (predicate instanceof Property) match = (item) => item === predicate;
            else if (predicate && typeof predicate === 'object') match = (item) => this._same(item.key, predicate.key);
            else match = (item) => this._same(item.key, predicate);
            for (let i = this.members.length - 1; i >= 0; i--) if (match(this.members[i])) this.members.splice(i, 1);
        }
        one(key) {
            for (let i = this.members.length - 1; i >= 0; i--) if (this._same(this.members[i].key, key)) return this.members[i];
            return undefined;
        }
        get(key) { const item = this.one(key); return item ? item.valueOf() : undefined; }
        has(key, value) {
            if (key && typeof key === 'object') { value = key.value; key = key.key; }
            return this.members.some((item) => this._same(item.key, key) && (value === undefined || item.value === value));
        }
        idx(index) { return this.members[index]; }
        indexOf(item) { return typeof item === 'string' ? this.members.findIndex((m) => this._same(m.key, item)) : this.members.indexOf(item); }
        all() { return this.members.slice(); }
        count() { return this.members.length; }
        get length() { return this.members.length; }
        each(fn, context) { this.members.forEach((item, index) => fn.call(context, item, index)); }
        forEach(fn, context) { this.each(fn, context); }
        filter(fn, context) { return this.members.filter(fn, context); }
        find(fn, context) { return this.members.find(fn, context); }
        map(fn, context) { return this.members.map(fn, context); }
        reduce(fn, accumulator, context) { return this.members.reduce((acc, item, index) => fn.call(context, acc, item, index), accumulator); }
        [Symbol.iterator]() { return this.members[Symbol.iterator](); }
        /** `{key: value}` of enabled items (last wins; `multiValue` collects arrays). */
        toObject(excludeDisabled, caseSensitive, multiValue) {
            const out = {};
            for (const item of this.members) {
                if (excludeDisabled && item.disabled) continue;
                if (item.key === undefined) continue;
                const key = this._caseInsensitive && caseSensitive === false ? String(item.key).toLowerCase() : item.key;
                if (multiValue && Object.prototype.hasOwnProperty.call(out, key)) out[key] = [].concat(out[key], item.value);
                else out[key] = item.value;
            }
            return out;
        }
        toJSON() {
            const items = this.members.map((item) => item.toJSON());
            // Header values go on the wire as text; scripts often add numbers.
            if (this._kind === 'header') for (const item of items) if (typeof item.value === 'number' || typeof item.value === 'boolean') item.value = String(item.value);
            return items;
        }
        toString() {
            if (this._kind === 'query') return this.members.filter((m) => !m.disabled).map(queryParamString).join('&');
            if (this._kind === 'header') return this.members.filter((m) => !m.disabled).map((m) => m.key + ': ' + m.value + '\n').join('');
            return this.members.map(String).join('\n');
        }
        eachParent() {}
    }

    function parseHeaderString(text) {
        return String(text).split(/\r?\n/).filter((line) => line.trim()).map((line) => {
            const index = line.indexOf(':');
            return index < 0 ? { key: line.trim(), value: '' } : { key: line.slice(0, index).trim(), value: line.slice(index + 1).trim() };
        });
    }
    function queryParamString(param) {
        if (param.key === null || param.key === undefined) return param.value === undefined || param.value === null ? '' : '=' + param.value;
        return param.value === null || param.value === undefined ? String(param.key) : param.key + '=' + param.value;
    }

    function headerList(items) { return new PropertyList(items, { caseInsensitive: true, kind: 'header' }); }
    function queryList(items) { return new PropertyList(items, { kind: 'query' }); }

    /** postman-collection's Url: host and path as arrays, query as a list; `toString()` rebuilds the text. */
    class Url {
        constructor(source) { this.update(source); }
        update(source) {
            if (source instanceof Url) source = source.toJSON();
            if (typeof source === 'string') source = Url.parse(source);
            source = source || {};
            if (source.raw !== undefined && source.host === undefined && source.path === undefined && source.protocol === undefined) {
                source = Object.assign(Url.parse(String(source.raw)), { variable: source.variable });
            }
            this.protocol = source.protocol || undefined;
            this.auth = source.auth || undefined;
            this.host = typeof source.host === 'string' ? source.host.split('.') : source.host ? source.host.slice() : undefined;
            this.port = source.port !== undefined && source.port !== null && source.port !== '' ? String(source.port) : undefined;
            // `path: []` means no path at all (http://h.test), as toJSON writes it; `['']` is the root path "/".
            this.path = typeof source.path === 'string' ? source.path.replace(/^\//, '').split('/') : source.path && source.path.length ? source.path.slice() : undefined;
            this.hash = source.hash !== undefined && source.hash !== null ? source.hash : undefined;
            this.query = queryList(typeof source.query === 'string' ? Url.parseQuery(source.query) : source.query || []);
            this.variables = new PropertyList(source.variable || []);
        }
        /** Splits a URL the way postman-collection does: forgiving, `{{variables}}` allowed anywhere. */
        static parse(text) {
            let rest = String(text).trim();
            const out = { raw: text };
            const hashIndex = rest.indexOf('#');
            if (hashIndex >= 0) { out.hash = rest.slice(hashIndex + 1); rest = rest.slice(0, hashIndex); }
            const queryIndex = rest.indexOf('?');
            if (queryIndex >= 0) { out.query = Url.parseQuery(rest.slice(queryIndex + 1)); rest = rest.slice(0, queryIndex); }
            const protocol = /^([^:/?#{}]+):\/\//.exec(rest);
            if (protocol) { out.protocol = protocol[1]; rest = rest.slice(protocol[0].length); }
            const slash = rest.search(/\/(?![^{]*}})/);
            let authority = slash >= 0 ? rest.slice(0, slash) : rest;
            rest = slash >= 0 ? rest.slice(slash + 1) : undefined;
            const at = authority.lastIndexOf('@');
            if (at >= 0) {
                const credentials = authority.slice(0, at);
                const colon = credentials.indexOf(':');
                out.auth = colon >= 0 ? { user: credentials.slice(0, colon), password: credentials.slice(colon + 1) } : { user: credentials };
                authority = authority.slice(at + 1);
            }
            const port = /:([^:}\]]*)$/.exec(authority);
            if (port && !authority.endsWith('}}')) { out.port = port[1]; authority = authority.slice(0, port.index); }
            out.host = authority ? authority.split('.') : [];
            if (rest !== undefined) out.path = rest.split('/');
            return out;
        }
        static parseQuery(text) {
            if (!text) return [];
            return String(text).split('&').map((piece) => {
                const index = piece.indexOf('=');
                return index < 0 ? { key: piece, value: null } : { key: piece.slice(0, index), value: piece.slice(index + 1) };
            });
        }
        getHost() { return (this.host || []).join('.'); }
        getRemote(forcePort) {
            const port = this.port !== undefined ? this.port : forcePort ? (this.protocol === 'https' ? '443' : '80') : undefined;
            return this.getHost() + (port !== undefined ? ':' + port : '');
        }
        getPath(unresolved) {
            let path = '/' + (this.path || []).join('/');
            if (!unresolved) {
                path = path.replace(/(^|\/):([^/]+)/g, (match, slash, name) => {
                    const variable = this.variables.one(name);
                    return variable && variable.value !== undefined && variable.value !== null && variable.value !== '' ? slash + variable.value : match;
                });
            }
            return path;
        }
        getQueryString() { return this.query.toString(); }
        getPathWithQuery(unresolved) { const query = this.getQueryString(); return this.getPath(unresolved) + (query ? '?' + query : ''); }
        getOAuth1BaseUrl() { return (this.protocol || 'http') + '://' + this.getRemote() + this.getPath(); }
        addQueryParams(params) { for (const param of typeof params === 'string' ? Url.parseQuery(params) : [].concat(params)) this.query.add(param); }
        removeQueryParams(params) { for (const param of [].concat(params)) this.query.remove(typeof param === 'object' && param ? param.key : param); }
        toString(forceProtocol) {
            let text = '';
            if (this.protocol) text += this.protocol + '://';
            else if (forceProtocol) text += 'http://';
            if (this.auth && (this.auth.user !== undefined || this.auth.password !== undefined)) {
                text += (this.auth.user || '') + (this.auth.password !== undefined ? ':' + this.auth.password : '') + '@';
            }
            text += this.getHost();
            if (this.port !== undefined) text += ':' + this.port;
            if (this.path) text += '/' + this.path.join('/');
            const query = this.query.members.filter((m) => !m.disabled);
            if (query.length) text += '?' + query.map(queryParamString).join('&');
            if (this.hash !== undefined) text += '#' + this.hash;
            return text;
        }
        toJSON() {
            const out = { raw: this.toString() };
            if (this.protocol !== undefined) out.protocol = this.protocol;
            if (this.auth !== undefined) out.auth = this.auth;
            out.host = (this.host || []).slice();
            if (this.port !== undefined) out.port = this.port;
            // Always an array in the JSON the runner reads; `raw` still tells "h.test" from "h.test/".
            out.path = (this.path || []).slice();
            out.query = this.query.toJSON();
            if (this.hash !== undefined) out.hash = this.hash;
            out.variable = this.variables.toJSON();
            return out;
        }
        clone() { return new Url(this.toJSON()); }
        static isUrl(value) { return value instanceof Url; }
    }

    /** A body in any mode; urlencoded and formdata are lists, the rest plain fields. */
    class RequestBody {
        constructor(source) { this.update(source); }
        update(source) {
            if (typeof source === 'string') source = { mode: 'raw', raw: source };
            source = source || {};
            for (const key of Object.keys(this)) delete this[key];
            Object.assign(this, source);
            if (source.urlencoded !== undefined) this.urlencoded = new PropertyList(typeof source.urlencoded === 'string' ? Url.parseQuery(source.urlencoded) : source.urlencoded, { kind: 'query' });
            if (source.formdata !== undefined) this.formdata = new PropertyList(source.formdata);
        }
        isEmpty() {
            const mode = this.mode;
            if (!mode || this.disabled) return true;
            const data = this[mode];
            if (data instanceof PropertyList) return data.count() === 0;
            if (mode === 'file') return !(data && (data.src || data.content));
            if (mode === 'graphql') return !(data && data.query);
            return !data;
        }
        toString() {
            if (this.mode === 'raw') return this.raw === undefined ? '' : String(this.raw);
            if (this.mode === 'urlencoded' && this.urlencoded) return this.urlencoded.toString();
            if (this.mode === 'graphql' && this.graphql) return JSON.stringify(this.graphql);
            return '';
        }
        toJSON() {
            const out = {};
            for (const key of Object.keys(this)) {
                const value = this[key];
                if (value === undefined || typeof value === 'function') continue;
                out[key] = value instanceof PropertyList ? value.toJSON() : value;
            }
            return out;
        }
    }

    /** Auth as `{type, <type>: [{key, value, type}]}`. */
    class RequestAuth {
        constructor(source) { this.update(source); }
        update(source, type) {
            if (type !== undefined) { this.use(type, source); return; }
            source = source || {};
            for (const key of Object.keys(this)) delete this[key];
            this.type = source.type;
            for (const key of Object.keys(source)) {
                if (key === 'type') continue;
                this[key] = Array.isArray(source[key]) ? new PropertyList(source[key]) : source[key];
            }
        }
        use(type, options) {
            this.type = type;
            if (options !== undefined) this[type] = new PropertyList(Array.isArray(options) ? options : options instanceof PropertyList ? options.toJSON() : Object.keys(options || {}).map((key) => ({ key, value: options[key], type: 'string' })));
            else if (!this[type]) this[type] = new PropertyList([]);
        }
        current() { return this.type; }
        parameters() { return this[this.type] instanceof PropertyList ? this[this.type] : new PropertyList([]); }
        clear(type) { delete this[type]; }
        toJSON() {
            const out = { type: this.type };
            for (const key of Object.keys(this)) {
                if (key === 'type' || this[key] === undefined) continue;
                out[key] = this[key] instanceof PropertyList ? this[key].toJSON() : this[key];
            }
            return out;
        }
    }

    /** pm.request: url, method, headers, body, auth, with the SDK's helper methods. */
    class Request {
        constructor(source) {
            if (typeof source === 'string') source = { url: source };
            source = source || {};
            this._extra = {};
            for (const key of Object.keys(source)) {
                if (!['url', 'method', 'header', 'headers', 'body', 'auth'].includes(key)) this._extra[key] = source[key];
            }
            // Scripts assign strings and plain objects (`pm.request.url = '…'`); accessors keep the SDK types.
            const fields = {};
            const accessor = (name, convert) => Object.defineProperty(this, name, {
                enumerable: true, configurable: true, get: () => fields[name], set: (value) => { fields[name] = convert(value); },
            });
            accessor('url', (value) => value instanceof Url ? value : new Url(value || ''));
            accessor('headers', (value) => value instanceof PropertyList ? value : headerList(value || []));
            accessor('body', (value) => value === undefined || value === null || value instanceof RequestBody ? value || undefined : new RequestBody(value));
            accessor('auth', (value) => value === undefined || value === null || value instanceof RequestAuth ? value || undefined : new RequestAuth(value));
            this.url = source.url || '';
            this.method = source.method ? String(source.method).toUpperCase() : 'GET';
            this.headers = source.header || source.headers || [];
            this.body = source.body;
            this.auth = source.auth;
            if (source.id !== undefined) this.id = source.id;
            if (source.name !== undefined) this.name = source.name;
            Object.defineProperty(this, '_extra', { enumerable: false });
        }
        getHeaders(options = {}) {
            const out = {};
            for (const header of this.headers.members) {
                if (options.enabled && header.disabled) continue;
                const key = options.ignoreCase ? String(header.key).toLowerCase() : header.key;
                if (Object.prototype.hasOwnProperty.call(out, key)) out[key] = [].concat(out[key], header.value);
                else out[key] = header.value;
            }
            return out;
        }
        forEachHeader(fn, context) { this.headers.each(fn, context); }
        addHeader(header) { this.headers.add(header); }
        upsertHeader(header) { this.headers.upsert(header); }
        removeHeader(toRemove, options = {}) {
            if (typeof toRemove === 'string') {
                this.headers.remove((h) => options.ignoreCase === false ? h.key === toRemove : String(h.key).toLowerCase() === toRemove.toLowerCase());
            } else this.headers.remove(toRemove);
        }
        addQueryParams(params) { this.url.addQueryParams(params); }
        removeQueryParams(params) { this.url.removeQueryParams(params); }
        authorizeUsing(type, options) {
            if (type && typeof type === 'object') { this.auth = new RequestAuth(type); return; }
            if (type === null) { this.auth = undefined; return; }
            if (!this.auth) this.auth = new RequestAuth({});
            this.auth.use(type, options);
        }
        update(options) {
            const fresh = new Request(Object.assign(this.toJSON(), options && options.toJSON ? options.toJSON() : options));
            for (const key of ['url', 'method', 'headers', 'body', 'auth']) this[key] = fresh[key];
        }
        size() {
            const body = this.body ? this.body.toString() : '';
            const header = this.headers.toString();
            return { body: carrier.text.utf8Encode(body).length, header: header.length, total: body.length + header.length };
        }
        clone() { return new Request(this.toJSON()); }
        toJSON() {
            const out = Object.assign({}, this._extra);
            if (this.id !== undefined) out.id = this.id;
            if (this.name !== undefined) out.name = this.name;
            out.url = this.url.toJSON();
            out.method = this.method;
            out.header = this.headers.toJSON();
            if (this.body !== undefined) out.body = this.body.toJSON();
            if (this.auth !== undefined) out.auth = this.auth.toJSON();
            return out;
        }
        get to() { return carrier.chai().expect(this).to; }
        get not() { return carrier.chai().expect(this).not; }
        static isRequest(value) { return value instanceof Request; }
    }

    carrier.sdk = { Property, PropertyList, Url, RequestBody, RequestAuth, Request, headerList, queryList, parseHeaderString };
})(globalThis.__carrier);
