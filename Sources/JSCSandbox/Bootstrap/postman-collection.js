// require('postman-collection'): the SDK as postman-collection 4 defines it. PropertyBase, Property, PropertyList,
// Url, RequestBody, RequestAuth and Request come from collection.js, Response from response.js; this file adds the
// typed items of their lists (Header, QueryParam, FormParam, Variable), the variable scopes, cookies, scripts and
// the collection tree, then defines the module.
(function (carrier) {
    'use strict';
    const sdk = carrier.sdk;
    const { PropertyBase, Property, PropertyList, Url, Request, cloneElement, isPlainObject } = sdk;
    const randomUUID = globalThis.crypto.randomUUID.bind(globalThis.crypto);
    const has = (object, key) => object !== null && object !== undefined && typeof object === 'object' && Object.prototype.hasOwnProperty.call(object, key);
    const isString = (value) => typeof value === 'string';

    /**
     * What postman-collection's Property constructor takes from a definition (or its `info`): `id` (a new UUID for
     * types that require one), `name`, `disabled`, `description` and the `_`-prefixed meta.
     */
    function describeProperty(target, definition) {
        const source = definition && typeof definition === 'object' ? definition.info || definition : undefined;
        const meta = {};
        if (source) for (const key of Object.keys(source)) if (PropertyBase.propertyIsMeta(source[key], key)) meta[PropertyBase.propertyUnprefixMeta(source[key], key)] = source[key];
        if (Object.keys(meta).length) sdk.hide(target, '_', Object.assign(target._ || {}, meta));
        const id = (source && source.id) || target.id || (target._ && target._.postman_id) || (target._postman_propertyRequiresId ? randomUUID() : undefined);
        if (id) target.id = id;
        if (source && source.name) target.name = source.name;
        if (has(definition, 'disabled')) target.disabled = Boolean(definition.disabled);
        if (has(source, 'description') && source.description !== undefined) target.description = new Description(source.description);
    }
    const isA = (Type) => (value) => Boolean(value) && value instanceof Type;
    /** How a PropertyList of `Type` finds items: by `key`, maybe case-insensitively, maybe with repeated keys. */
    function indexed(Type, key, { caseInsensitive = false, multiple = false } = {}) {
        Type._postman_propertyIndexKey = key;
        if (caseInsensitive) Type._postman_propertyIndexCaseInsensitive = true;
        if (multiple) Type._postman_propertyAllowsMultipleValues = true;
    }

    /** A Property built as postman-collection builds one: the definition's id, name, … then `update(definition)`. */
    class DefinedProperty extends Property {
        constructor(definition) {
            super();
            describeProperty(this, definition);
            if (definition) this.update(definition);
        }
        toJSON() { return PropertyBase.toJSON(this); }
    }

    /** A description; `toString()` escapes HTML in text/plain (markdown and HTML are given back as written). */
    class Description {
        constructor(definition) {
            if (isString(definition)) definition = { content: definition, type: 'text/plain' };
            if (definition) this.update(definition);
        }
        update(content, type) {
            if (content && typeof content === 'object') { type = content.type; content = content.content; }
            this.content = content;
            this.type = type || 'text/plain';
        }
        toString() {
            const type = isString(this.type) ? this.type.toLowerCase() : '';
            const content = this.content || '';
            if (type === 'text/markdown' || type === 'text/html') return String(content);
            return String(content).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
        }
        toJSON() { return { content: this.content, type: this.type }; }
    }
    Description.isDescription = isA(Description);

    // QueryParam: `&`, `#` (and `=` in keys) are percent-encoded outside {{variables}} so the text parses back alike.
    const RESERVED_IN_VARIABLE = /{{[^{}]*[&#=][^{}]*}}/g;
    function encodeReserved(text, encodeEquals) {
        if (!text) return text;
        text = text.replace(/&/g, '%26').replace(/#/g, '%23');
        return encodeEquals ? text.replace(/=/g, '%3D') : text;
    }
    function normalizeParam(text, encodeEquals) {
        if (!(text && isString(text))) return text;
        if (!text.includes('&') && !text.includes('#') && !(encodeEquals && text.includes('='))) return text;
        let out = '', pointer = 0, match;
        RESERVED_IN_VARIABLE.lastIndex = 0;
        while ((match = RESERVED_IN_VARIABLE.exec(text)) !== null) {
            out += encodeReserved(text.slice(pointer, match.index), encodeEquals) + match[0];
            pointer = match.index + match[0].length;
        }
        return out + encodeReserved(text.slice(pointer), encodeEquals);
    }

    /** A query (or urlencoded body) parameter: `key` and `value`, either of which may be null. */
    class QueryParam extends Property {
        constructor(options) {
            super();
            this.update(options);
            describeProperty(this, options);
        }
        update(param) {
            if (isString(param)) Object.assign(this, QueryParam.parseSingle(param));
            else { this.key = param === null || param === undefined ? undefined : param.key; this.value = param === null || param === undefined ? undefined : param.value; }
            if (has(param, 'system')) this.system = param.system;
        }
        valueOf() { return isString(this.value) ? this.value : ''; }
        toString() { return QueryParam.unparseSingle(this); }
        toJSON() { return PropertyBase.toJSON(this); }
        /** `a=1&b&c=` → `[{a, '1'}, {b, null}, {c, ''}]`; an empty piece inside (`a&&b`) is `{key: null, value: null}`. */
        static parse(query) { return isString(query) ? query.split('&').map(QueryParam.parseSingle) : []; }
        static parseSingle(param, index, all) {
            if (param === '' && typeof index === 'number' && Array.isArray(all) && index !== all.length - 1) return { key: null, value: null };
            const at = isString(param) ? param.indexOf('=') : -1;
            if (at < 0) return { key: isString(param) ? param : String(param), value: null };
            return { key: param.slice(0, at), value: param.slice(at + 1) };
        }
        /** A query string from an array or list of parameters (disabled ones left out) or from `{key: value}`. */
        static unparse(params) {
            if (!params) return '';
            if (!Array.isArray(params) && !PropertyList.isPropertyList(params)) {
                return Object.keys(params).map((key) => QueryParam.unparseSingle({ key, value: params[key] })).join('&');
            }
            const pieces = [];
            params.reduce((unused, param) => { if (param && param.disabled !== true) pieces.push(QueryParam.unparseSingle(param)); return unused; }, null);
            return pieces.join('&');
        }
        /** `key=value`; a value that is not a string (null) leaves just the key. */
        static unparseSingle(param) {
            if (!param) return '';
            let text = isString(param.key) ? normalizeParam(param.key, true) : '';
            if (isString(param.value)) text += '=' + normalizeParam(param.value);
            return text;
        }
    }
    indexed(QueryParam, 'key', { multiple: true });

    /** An HTTP header; lists of them are found by name case-insensitively and keep repeated names. */
    class Header extends Property {
        constructor(options, name) {
            if (isString(options)) options = isString(name) ? { key: name, value: options } : Header.parseSingle(options);
            super();
            this.update(options);
            describeProperty(this, options);
        }
        update(options) {
            this.key = (options && options.key) || '';
            this.value = options && options.value !== undefined ? options.value : '';
            if (has(options, 'system')) this.system = options.system;
            if (has(options, 'disabled')) this.disabled = options.disabled;
        }
        valueOf() { return this.value; }
        toString() { return this.key + ': ' + this.value; }
        toJSON() { return PropertyBase.toJSON(this); }
        /** Each `Name: value` line of a header block (folded lines joined, values trimmed). */
        static parse(headerString) {
            const headers = [], pattern = /^(\S+):(.*)$/gm;
            const text = String(headerString).replace(/\r\n([ \t])/g, '$1');
            let match;
            while ((match = pattern.exec(text)) !== null) headers.push({ key: match[1], value: match[2].replace(/^\s*(.*\S)?\s*$/, '$1') });
            return headers;
        }
        static parseSingle(header) {
            if (!isString(header)) return { key: '', value: '' };
            let index = header.indexOf(':');
            if (index < 0) index = header.length;
            return { key: header.slice(0, index).trim(), value: header.slice(index + 1).trim() };
        }
        /** `Name: value` lines, each ended by `separator` (CRLF); disabled headers are left out. */
        static unparse(headers, separator = '\r\n') {
            if (!Array.isArray(headers) && !PropertyList.isPropertyList(headers)) return '';
            return headers.reduce((text, header) => header && !header.disabled ? text + Header.unparseSingle(header) + separator : text, '');
        }
        static unparseSingle(header) { return header && typeof header === 'object' ? header.key + ': ' + header.value : ''; }
        static create(value, name) { return new Header(value, name); }
    }
    indexed(Header, 'key', { caseInsensitive: true, multiple: true });
    Header.isHeader = isA(Header);

    class HeaderList extends PropertyList {
        constructor(parent, headers) { super(Header, parent, headers); }
        /** The length of the headers as text (`Name: value\r\n` each). */
        contentSize() { return this.count() ? Header.unparse(this).length : 0; }
        toJSON() {
            const items = super.toJSON();
            // Header values go on the wire as text; scripts often add numbers.
            for (const item of items) if (typeof item.value === 'number' || typeof item.value === 'boolean') item.value = String(item.value);
            return items;
        }
    }
    HeaderList.isHeaderList = isA(HeaderList);

    /** A formdata field: text (`value`) or file (`src`). */
    class FormParam extends Property {
        constructor(options) {
            super();
            options = options || {};
            this.key = options.key || '';
            this.value = options.value || '';
            this.type = options.type;
            this.src = options.src;
            this.contentType = options.contentType;
            this.fileName = options.fileName;
            describeProperty(this, options);
        }
        valueOf() { return this.value; }
        toString() { return this.key + '=' + this.value; }
        update(options) {
            if (!options || typeof options !== 'object') return;
            for (const key of ['key', 'value', 'type', 'src', 'contentType', 'fileName', 'disabled', 'description']) if (has(options, key)) this[key] = options[key];
        }
        toJSON() {
            const out = PropertyBase.toJSON(this);
            if (out.type === 'file' && (!isString(out.value) || !out.value)) delete out.value;
            return out;
        }
    }
    indexed(FormParam, 'key', { multiple: true });
    FormParam.parse = () => undefined;

    const NULL_TEXT = 'null';
    function jsonType(check) {
        return {
            in(value) { try { return isString(value) ? value : JSON.stringify(value); } catch (e) { return NULL_TEXT; } },
            out(value) { let parsed; try { parsed = JSON.parse(value); } catch (e) { parsed = undefined; } return check(parsed) ? parsed : undefined; },
        };
    }

    /** A variable: a value cast to its type on the way in and out (string, boolean, number, array, object, any). */
    class Variable extends Property {
        constructor(definition) {
            super();
            if (definition !== null && definition !== undefined && has(definition, 'key')) this.key = definition.key;
            this.value = undefined;
            this.type = 'any';
            if (definition !== null && definition !== undefined) this.update(definition);
            describeProperty(this, definition);
        }
        get() { return typeof this.value === 'function' ? this.castOut(this.value()) : this.castOut(this.value); }
        set(value) { this.value = typeof value === 'function' ? value : this.castIn(value); }
        valueOf(value) { if (arguments.length) this.set(value); return this.get(); }
        toString() {
            const value = this.valueOf();
            if (value === null) return NULL_TEXT;
            return value !== undefined && typeof value.toString === 'function' ? value.toString() : '';
        }
        cast(value) { return this.castOut(value); }
        castIn(value) { const handler = Variable.types[this.type] || Variable.types.any; return typeof handler === 'function' ? handler(value) : handler.in(value); }
        castOut(value) { const handler = Variable.types[this.type] || Variable.types.any; return typeof handler === 'function' ? handler(value) : handler.out(value); }
        /** Sets the type (an unknown one is ignored) and recasts the value; returns the type. */
        valueType(typeName, noCast) {
            if (typeName !== null && typeName !== undefined) typeName = String(typeName).toLowerCase();
            if (!Object.prototype.hasOwnProperty.call(Variable.types, typeName)) return this.type || 'any';
            this.type = typeName;
            if (!(noCast || typeof this.value === 'function')) this.set(this.get());
            return this.type;
        }
        /** Type and value (never the key), and `system`, `disabled`, `description` when given. */
        update(options) {
            if (!options || typeof options !== 'object') return;
            if (has(options, 'type')) this.valueType(options.type, has(options, 'value'));
            if (has(options, 'value')) this.set(options.value);
            if (has(options, 'system')) this.system = options.system;
            if (has(options, 'disabled')) this.disabled = options.disabled;
            if (has(options, 'description')) this.describe(options.description);
        }
        toJSON() { return PropertyBase.toJSON(this); }
    }
    indexed(Variable, 'key');
    Variable.types = {
        string: String, boolean: Boolean, number: Number,
        array: jsonType(Array.isArray),
        object: jsonType((value) => value instanceof Object && !Array.isArray(value)),
        any: { in: (value) => value, out: (value) => value },
    };
    Variable.isVariable = isA(Variable);

    /** A list of Variables, found by `key`; substitutes `{{name}}` from itself and the lists of its parents. */
    class VariableList extends PropertyList {
        constructor(parent, populate) { super(Variable, parent, populate); }
        replace(text, overrides) { return Property.replaceSubstitutions(text, this, overrides); }
        substitute(object, overrides) {
            const sources = [];
            for (let node = { variables: this, __parent: this.__parent }; node; node = node.__parent) {
                if (node.variables && !sources.includes(node.variables)) sources.push(node.variables);
            }
            for (const override of [].concat(overrides || [])) if (!sources.includes(override)) sources.push(override);
            return Property.replaceSubstitutionsIn(object, sources);
        }
        /** Makes the list hold `object`'s keys and values (removing the others unless `prune` is false). */
        syncFromObject(object, track, prune) {
            const ops = track ? { created: [], updated: [], deleted: [] } : undefined;
            if (!object || typeof object !== 'object') return ops;
            for (const key of Object.keys(object)) {
                if (this.has(key)) { this.one(key).set(object[key]); if (ops) ops.updated.push(key); }
                else { this.add({ key, value: object[key] }); if (ops) ops.created.push(key); }
            }
            if (prune !== false) {
                for (const item of this.all()) {
                    if (item.key === undefined || Object.prototype.hasOwnProperty.call(object, item.key)) continue;
                    this.remove(item);
                    if (ops && !ops.deleted.includes(item.key)) ops.deleted.push(item.key);
                }
            }
            return ops;
        }
        syncToObject(object) {
            if (!object || typeof object !== 'object') object = {};
            for (const key of Object.keys(object)) if (!this.one(key)) delete object[key];
            this.each((variable) => { object[variable.key] = variable.valueOf(); });
            return object;
        }
        /** The last enabled variable with this key, else the last one. */
        oneNormalizedVariable(name) {
            let last;
            for (let i = this.members.length - 1; i >= 0; i--) {
                const variable = this.members[i];
                if (!variable || variable.key !== name) continue;
                if (!variable.disabled) return variable;
                if (!last) last = variable;
            }
            return last;
        }
    }
    VariableList.isVariableList = isA(VariableList);

    /** A scope of variables (an environment, globals): `values`, and parent layers searched after them. */
    class VariableScope extends Property {
        constructor(definition, layers) {
            super();
            if (Array.isArray(definition) || VariableList.isVariableList(definition)) definition = { values: definition };
            describeProperty(this, definition);
            const values = definition && definition.values;
            this.values = new VariableList(this, VariableList.isVariableList(values) ? values.toJSON() : values);
            if (layers) {
                sdk.hide(this, '_layers', [].concat(layers).filter((layer) => VariableList.isVariableList(layer)));
            }
        }
        variables() { throw new Error('`VariableScope#variables` has been discontinued, use `VariableScope#syncVariablesTo` instead.'); }
        _find(key) {
            let variable = this.values.oneNormalizedVariable(key);
            if ((!variable || variable.disabled === true) && this._layers) {
                for (const layer of this._layers) {
                    variable = layer.oneNormalizedVariable(key);
                    if (variable && variable.disabled !== true) break;
                }
            }
            return variable && variable.disabled !== true ? variable : undefined;
        }
        toObject(excludeDisabled, caseSensitive) {
            const out = {};
            for (const layer of (this._layers || []).slice().reverse()) Object.assign(out, layer.toObject(excludeDisabled, caseSensitive));
            return Object.assign(out, this.values.toObject(excludeDisabled, caseSensitive));
        }
        has(key) { return Boolean(this._find(key)); }
        get(key) { const variable = this._find(key); return variable ? variable.valueOf() : undefined; }
        set(key, value, type) {
            const variable = this.values.oneNormalizedVariable(key);
            const update = { key, value };
            if (isString(type)) update.type = type;
            if (variable && !variable.disabled) variable.update(update); else this.values.add(update);
        }
        /** Removes the enabled variables with this key (disabled ones stay). */
        unset(key) { this.values.remove((variable) => variable.key === key && !variable.disabled); }
        clear() { this.values.clear(); }
        replaceIn(template) {
            const sources = [this.values].concat(this._layers || []);
            if (isString(template) || Array.isArray(template)) return Property.replaceSubstitutionsIn({ template }, sources).template;
            if (template && typeof template === 'object') return Property.replaceSubstitutionsIn(template, sources);
            return template;
        }
        syncVariablesFrom(object, track) { return this.values.syncFromObject(object, track); }
        syncVariablesTo(object) { return this.values.syncToObject(object); }
        addLayer(list) {
            if (!VariableList.isVariableList(list)) return;
            if (!this._layers) sdk.hide(this, '_layers', []);
            this._layers.push(list);
        }
        toJSON() {
            const out = PropertyBase.toJSON(this);
            if (out.value) { out.values = out.value; delete out.value; }
            return out;
        }
    }
    VariableScope.prototype._postman_propertyRequiresId = true;
    VariableScope.isVariableScope = isA(VariableScope);

    /** A cookie; `new Cookie('a=b; Path=/; HttpOnly')` parses a Set-Cookie value. */
    const COOKIE_ATTRIBUTES = { httponly: 'httpOnly', secure: 'secure', domain: 'domain', path: 'path', 'max-age': 'maxAge', session: 'session', expires: 'expires' };
    function ensureEncoded(text) {
        try { text = decodeURIComponent(text); } catch (e) { /* already raw */ }
        try { return encodeURIComponent(text); } catch (e) { return text; }
    }
    const nonEmpty = (value) => value !== undefined && value !== null && !(typeof value === 'object' && Object.keys(value).length === 0) &&
        !(isString(value) && !value.length) && typeof value !== 'number' && typeof value !== 'boolean';
    class Cookie extends PropertyBase {
        constructor(options) {
            super();
            if (isString(options)) options = Cookie.parse(options);
            if (options) this.update(options);
        }
        update(options) {
            const fields = {
                name: nonEmpty(options.name) ? options.name : nonEmpty(options.key) ? options.key : undefined,
                expires: isString(options.expires) ? new Date(options.expires) : options.expires,
                maxAge: has(options, 'maxAge') ? Number(options.maxAge) : undefined,
                domain: options.domain,
                path: options.path,
                secure: has(options, 'secure') ? Boolean(options.secure) : undefined,
                httpOnly: has(options, 'httpOnly') ? Boolean(options.httpOnly) : undefined,
                hostOnly: has(options, 'hostOnly') ? Boolean(options.hostOnly) : undefined,
                session: has(options, 'session') ? Boolean(options.session) : undefined,
                value: options.value ? ensureEncoded(options.value) : undefined,
                extensions: options.extensions || undefined,
            };
            for (const key of Object.keys(fields)) if (fields[key] !== undefined) this[key] = fields[key];
        }
        valueOf() { try { return decodeURIComponent(this.value); } catch (e) { return this.value; } }
        /** The cookie as a Set-Cookie value. */
        toString() {
            let text = Cookie.unparseSingle(this);
            if (this.expires instanceof Date) { if (!Number.isNaN(this.expires.getTime())) text += '; Expires=' + this.expires.toUTCString(); }
            else if (this.expires) text += '; Expires=' + this.expires;
            if (this.maxAge && this.maxAge !== Infinity) text += '; Max-Age=' + this.maxAge;
            if (this.domain && !this.hostOnly) text += '; Domain=' + this.domain;
            if (this.path) text += '; Path=' + this.path;
            if (this.secure) text += '; Secure';
            if (this.httpOnly) text += '; HttpOnly';
            for (const { key, value } of this.extensions || []) text += '; ' + key + (value === true ? '' : '=' + value);
            return text;
        }
        static parse(text) {
            if (!isString(text)) return text;
            const pairs = text.split(/; */), first = Cookie.splitParam(pairs.shift());
            const out = { key: first.key, value: first.value };
            for (const pair of pairs) {
                const param = Cookie.splitParam(pair), attribute = COOKIE_ATTRIBUTES[param.key.toLowerCase()];
                if (attribute) out[attribute] = param.value;
                else (out.extensions = out.extensions || []).push(param);
            }
            if (!out.domain) out.hostOnly = true;
            return out;
        }
        /** `key=value` of an attribute; the value is `true` without `=`, unquoted, and ends at a second `=`. */
        static splitParam(param) {
            const split = param.split('=');
            let value = isString(split[1]) ? split[1].trim() : true;
            if (isString(value) && value[0] === '"') value = value.slice(1, -1);
            return { key: split[0].trim(), value };
        }
        static unparse(cookies) {
            if (!Array.isArray(cookies) && !PropertyList.isPropertyList(cookies)) return '';
            return cookies.map(Cookie.unparseSingle).join('; ');
        }
        static unparseSingle(cookie) {
            if (!cookie || typeof cookie !== 'object') return '';
            const value = cookie.value === undefined || cookie.value === null ? '' : cookie.value;
            return cookie.name ? cookie.name + '=' + value : value;
        }
        static stringify(cookie) { return Cookie.prototype.toString.call(cookie); }
    }
    indexed(Cookie, 'name', { caseInsensitive: true, multiple: true });
    Cookie.isCookie = isA(Cookie);

    class CookieList extends PropertyList {
        constructor(parent, cookies) { super(Cookie, parent, cookies); }
    }
    CookieList.isCookieList = isA(CookieList);

    /** A script: `exec` lines (or a `src` URL) of `type` text/javascript. */
    class Script extends DefinedProperty {
        update(options) {
            if (isString(options) || Array.isArray(options)) options = { exec: options };
            if (!options) return;
            this.type = options.type || 'text/javascript';
            this.packages = options.packages;
            if (has(options, 'src')) this.src = new Url(options.src);
            if (!this.src && has(options, 'exec')) this.exec = isString(options.exec) ? options.exec.split(/\r?\n/) : Array.isArray(options.exec) ? options.exec : undefined;
        }
        toSource() { return this.exec ? this.exec.join('\n') : undefined; }
        isEmpty() { return !String(this.toSource() || '').trim(); }
    }
    Script.prototype._postman_propertyRequiresId = true;
    Script.isScript = isA(Script);

    /** An event: `listen` (prerequest, test) and its Script. */
    class Event extends DefinedProperty {
        update(definition) {
            if (!definition) return;
            const script = definition.script;
            let result;
            if (Script.isScript(script)) result = script;
            else if (Array.isArray(script) || isString(script)) result = new Script({ exec: script });
            else if (script && typeof script === 'object') result = new Script(script);
            if (isString(definition.listen)) this.listen = definition.listen;
            if (result) this.script = result;
        }
    }
    Event.isEvent = isA(Event);

    class EventList extends PropertyList {
        constructor(parent, populate) { super(Event, parent, populate); }
        /** The enabled events for `name` of this list and of the lists further up the tree (outermost first). */
        listeners(name) {
            const all = this.listenersOwn(name);
            this.eachParent((parent) => {
                if (parent !== this.__parent && EventList.isEventList(parent.events)) all.unshift(...parent.events.listenersOwn(name));
            });
            return all;
        }
        listenersOwn(name) { return this.filter((event) => !event.disabled && event.listen === name); }
    }
    EventList.isEventList = isA(EventList);

    /** A semantic version: major, minor, patch, prerelease and build of a `1.2.3-beta.1+build` string. */
    class Version extends PropertyBase {
        constructor(definition) { super(); if (definition) this.set(definition); }
        set(value) {
            const match = isString(value) && /^\s*[v=]*(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?\s*$/.exec(value);
            const version = match ? {
                raw: value, major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]),
                // As semver's arrays joined with ',' (an empty one stays an array, as postman-collection leaves it).
                prerelease: match[4] ? match[4].split('.').join(',') : [], build: match[5] ? match[5].split('.').join(',') : [],
                version: match[1] + '.' + match[2] + '.' + match[3] + (match[4] ? '-' + match[4] : ''),
            } : value && typeof value === 'object' ? value : {};
            this.raw = version.raw;
            this.major = version.major;
            this.minor = version.minor;
            this.patch = version.patch;
            this.prerelease = version.prerelease;
            this.build = version.build;
            this.string = version.version;
        }
        toString() { return this.string || this.raw; }
    }

    // A Chrome-style match pattern: https://*.example.com/*, http+https://*:*/* or <all_urls>.
    const MATCH_ALL_URLS = '<all_urls>';
    const PATTERN = /^((?:\*|[a-z][a-z0-9+.-]*)):\/\/(\*|\*\.[^*/:]+|[^*/:]+)(?::(\*|\d+))?(\/.*)?$/i;
    class UrlMatchPattern extends PropertyBase {
        constructor(options) { super(); if (isString(options)) options = { pattern: options }; this.update(options); }
        update(options) { this.pattern = options && isString(options.pattern) ? options.pattern : undefined; }
        /** `{protocols, host, port, path}` of the pattern, or undefined when it is not a valid one. */
        createMatchPattern() {
            if (this.pattern === MATCH_ALL_URLS) return { protocols: ['http', 'https', 'file', 'ftp'], host: '*', port: '*', path: '/*' };
            const match = isString(this.pattern) && PATTERN.exec(this.pattern);
            if (!match) return undefined;
            return { protocols: match[1].toLowerCase().split('+'), host: match[2].toLowerCase(), port: match[3], path: match[4] || '/' };
        }
        getProtocols() { const parts = this.createMatchPattern(); return parts ? parts.protocols : []; }
        test(url) {
            const parts = this.createMatchPattern();
            if (!parts) return false;
            if (!Url.isUrl(url)) url = new Url(String(url || ''));
            const protocol = String(url.protocol || '').toLowerCase();
            if (!(parts.protocols.includes('*') ? ['http', 'https'].includes(protocol) : parts.protocols.includes(protocol))) return false;
            const host = url.getHost().toLowerCase();
            if (parts.host !== '*') {
                if (parts.host.startsWith('*.')) { const base = parts.host.slice(2); if (host !== base && !host.endsWith('.' + base)) return false; }
                else if (host !== parts.host) return false;
            }
            if (parts.port !== '*') {
                const port = url.port !== undefined ? String(url.port) : undefined;
                const defaultPort = protocol === 'https' ? '443' : protocol === 'http' ? '80' : undefined;
                if ((parts.port || defaultPort) !== (port || defaultPort)) return false;
            }
            const path = new RegExp('^' + parts.path.split('*').map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
            return path.test(url.getPath());
        }
        toString() { return String(this.pattern); }
    }
    UrlMatchPattern.MATCH_ALL_URLS = MATCH_ALL_URLS;
    UrlMatchPattern.PROTOCOL_DELIMITER = '+';

    class UrlMatchPatternList extends PropertyList {
        constructor(parent, list) { super(UrlMatchPattern, parent, list); }
        test(url) { return this.members.some((pattern) => pattern.test(url)); }
    }
    // Written as `matches`, `bypass`: not made singular like other lists.
    UrlMatchPatternList.prototype._postman_proprtyIsSerialisedAsPlural = true;

    /** A client certificate for the URLs its `matches` patterns cover (https only). */
    class Certificate extends DefinedProperty {
        update(options) {
            if (!options || typeof options !== 'object') return;
            const fields = {
                id: options.id, name: options.name,
                matches: options.matches && new UrlMatchPatternList({}, options.matches),
                key: options.key && typeof options.key === 'object' ? options.key : { src: options.key },
                cert: options.cert && typeof options.cert === 'object' ? options.cert : { src: options.cert },
                passphrase: options.passphrase,
            };
            for (const key of Object.keys(fields)) if (fields[key] !== undefined) this[key] = fields[key];
        }
        canApplyTo(url) {
            if (!url) return false;
            if (isString(url)) url = new Url(url);
            if (url.protocol !== 'https') return false;
            return Boolean(this.matches && this.matches.test(url));
        }
        /** The JSON without the key's and certificate's contents. */
        toJSON() {
            const out = PropertyBase.toJSON(this);
            if (out.key) delete out.key.value;
            if (out.cert) delete out.cert.value;
            return out;
        }
    }
    Certificate.prototype._postman_propertyRequiresId = true;
    indexed(Certificate, 'id');
    Certificate.isCertificate = isA(Certificate);

    class CertificateList extends PropertyList {
        constructor(parent, list) { super(Certificate, parent, list); }
        resolveOne(url) { return this.find((certificate) => certificate.canApplyTo(url)); }
    }
    CertificateList.isCertificateList = isA(CertificateList);

    /** A proxy for the URLs `match` covers: host, port (8080), tunnel, bypass patterns and credentials. */
    const PROXY_PROTOCOLS = ['http', 'https'];
    class ProxyConfig extends Property {
        constructor(options) {
            super();
            describeProperty(this, options);
            this.host = '';
            this.match = new UrlMatchPattern('http+https://*:*/*');
            this.port = 8080;
            this.tunnel = false;
            this.bypass = undefined;
            this.authenticate = false;
            this.username = undefined;
            this.password = undefined;
            this.update(options);
        }
        update(options) {
            if (!options || typeof options !== 'object') return;
            const port = options.port >> 0;
            if (isString(options.host)) this.host = new Url(options.host).getHost();
            if (isString(options.match)) this.match = new UrlMatchPattern(options.match);
            if (options.match && isString(options.match.pattern)) this.match = new UrlMatchPattern(options.match.pattern);
            if (port) this.port = port;
            for (const key of ['tunnel', 'disabled', 'authenticate']) if (typeof options[key] === 'boolean') this[key] = options[key];
            for (const key of ['username', 'password']) if (isString(options[key])) this[key] = options[key];
            if (Array.isArray(options.bypass)) this.bypass = new UrlMatchPatternList(null, options.bypass);
            else if (PropertyList.isPropertyList(options.bypass)) this.bypass = new UrlMatchPatternList(null, options.bypass.all());
        }
        updateProtocols(protocols) {
            if (!protocols) return;
            const hostAndPath = String(this.match.pattern).split('://')[1];
            if (!hostAndPath) return;
            let chosen = PROXY_PROTOCOLS.filter((protocol) => [].concat(protocols).includes(protocol));
            if (!chosen.length) chosen = PROXY_PROTOCOLS;
            this.match.update({ pattern: chosen.join('+') + '://' + hostAndPath });
        }
        test(url) {
            let protocol = Url.isUrl(url) ? url.protocol : Url.parse(url || '').protocol || '';
            if (!protocol) { protocol = 'http'; url = protocol + '://' + url; }
            if (!PROXY_PROTOCOLS.includes(protocol)) return false;
            if (this.bypass && this.bypass.test(url)) return false;
            return this.match.test(url);
        }
        getProxyUrl() {
            let auth = '';
            if (this.authenticate) {
                auth = encodeURIComponent(this.username || '');
                if (this.password) auth += ':' + encodeURIComponent(this.password);
                if (auth) auth += '@';
            }
            return 'http://' + auth + this.host + ':' + this.port;
        }
        getProtocols() { return this.match.getProtocols(); }
        toJSON() { return PropertyBase.toJSON(this); }
    }
    ProxyConfig.prototype._postman_propertyRequiresId = true;
    ProxyConfig.isProxyConfig = isA(ProxyConfig);

    class ProxyConfigList extends PropertyList {
        constructor(parent, populate) { super(ProxyConfig, parent, populate); }
        /** The first enabled proxy that applies to `url`. */
        resolve(url) { return this.find((proxy) => !proxy.disabled && proxy.test(url)); }
    }
    ProxyConfigList.isProxyConfigList = isA(ProxyConfigList);

    const validAuth = (entity) => {
        const auth = entity && entity.auth;
        return auth && sdk.RequestAuth.isValidType(auth.type) ? auth : undefined;
    };
    const ownBehavior = (entity) => entity && entity.protocolProfileBehavior && typeof entity.protocolProfileBehavior === 'object' ? entity.protocolProfileBehavior : {};
    function assignDefined(target, fields) { for (const key of Object.keys(fields)) if (fields[key] !== undefined) target[key] = fields[key]; }

    /** A request of a collection, with its sample responses and events. */
    class Item extends Property {
        constructor(definition) {
            super();
            describeProperty(this, definition);
            assignDefined(this, {
                request: definition ? new Request(definition.request) : undefined,
                responses: new PropertyList(sdk.Response, this, definition && definition.response),
                events: new EventList(this, definition && definition.event),
                protocolProfileBehavior: definition && typeof definition.protocolProfileBehavior === 'object' ? definition.protocolProfileBehavior : undefined,
            });
        }
        /** The request's auth, else the nearest folder's or the collection's. */
        getAuth() { return validAuth(this.request) || this.findInParents('auth', validAuth); }
        getEvents(name) { return name ? this.events.filter((event) => event.listen === name) : this.events.all(); }
        authorizeRequestUsing(type, options) {
            if (!this.request) this.request = new Request();
            return this.request.authorizeUsing(type, options);
        }
        getProtocolProfileBehavior() { return ownBehavior(this); }
        getProtocolProfileBehaviorResolved() {
            let behavior = ownBehavior(this);
            this.forEachParent({ withRoot: true }, (entity) => { behavior = Object.assign({}, ownBehavior(entity), behavior); });
            return behavior;
        }
        setProtocolProfileBehavior(key, value) {
            if (!isString(key)) return this;
            if (!this.protocolProfileBehavior) this.protocolProfileBehavior = {};
            this.protocolProfileBehavior[key] = value;
            return this;
        }
        unsetProtocolProfileBehavior(key) {
            if (this.protocolProfileBehavior && typeof this.protocolProfileBehavior === 'object' && isString(key)) delete this.protocolProfileBehavior[key];
            return this;
        }
        toJSON() { return PropertyBase.toJSON(this); }
        /** Names from the collection down to this item. */
        getPath() {
            const path = [this.name];
            this.forEachParent({ withRoot: true }, (item) => path.push(item.name));
            return path.reverse();
        }
    }
    Item.prototype._postman_propertyRequiresId = true;
    Item.isItem = isA(Item);

    /** A folder: items (requests and folders), auth and events its items inherit. */
    class ItemGroup extends Property {
        constructor(definition) {
            super();
            describeProperty(this, definition);
            assignDefined(this, {
                items: new PropertyList(ItemGroup._createNewGroupOrItem, this, definition && definition.item),
                auth: definition && definition.auth ? new sdk.RequestAuth(definition.auth) : undefined,
                events: new EventList(this, definition && definition.event),
                protocolProfileBehavior: definition && typeof definition.protocolProfileBehavior === 'object' ? definition.protocolProfileBehavior : undefined,
            });
        }
        forEachItem(callback) { this.items.each((item) => { if (ItemGroup.isItemGroup(item)) item.forEachItem(callback); else callback(item, this); }); }
        forEachItemGroup(callback) {
            this.items.each((item) => { if (ItemGroup.isItemGroup(item)) { item.forEachItemGroup(callback); callback(item, this); } });
        }
        /** The first item or folder, at any depth, with this id or name. */
        oneDeep(idOrName) {
            if (!isString(idOrName)) return undefined;
            let found;
            this.items.each((item) => {
                if (item.id === idOrName || item.name === idOrName) { found = item; return false; }
                if (ItemGroup.isItemGroup(item)) { found = item.oneDeep(idOrName); return !found; }
                return undefined;
            });
            return found;
        }
        authorizeRequestsUsing(type, options) { return Request.prototype.authorizeUsing.call(this, type, options); }
        toJSON() { return PropertyBase.toJSON(this); }
    }
    /** The Type of a folder's items: a folder for a definition with `item`, else a request item (kept when it is one). */
    ItemGroup._createNewGroupOrItem = function createNewGroupOrItem(item) {
        if (Item.isItem(item) || ItemGroup.isItemGroup(item)) return item;
        return item && item.item ? new ItemGroup(item) : new Item(item);
    };
    for (const name of ['getProtocolProfileBehavior', 'getProtocolProfileBehaviorResolved', 'setProtocolProfileBehavior', 'unsetProtocolProfileBehavior']) {
        ItemGroup.prototype[name] = Item.prototype[name];
    }
    ItemGroup.prototype._postman_propertyRequiresId = true;
    ItemGroup.isItemGroup = isA(ItemGroup);

    /** A collection: the root folder, with `info` (id, name, version) and collection variables. */
    class Collection extends ItemGroup {
        constructor(definition) {
            super(definition);
            this.variables = new VariableList(this, definition && definition.variable);
            this.version = definition && definition.info && definition.info.version ? new Version(definition.info.version) : undefined;
        }
        syncVariablesFrom(object, track) { return this.variables.syncFromObject(object, track); }
        syncVariablesTo(object) { return this.variables.syncToObject(object); }
        toJSON() {
            const json = PropertyBase.toJSON(this);
            json.info = { _postman_id: this.id, name: this.name, version: this.version, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' };
            delete json.id;
            delete json.name;
            delete json.version;
            if (Object.prototype.hasOwnProperty.call(json, 'description')) { json.info.description = json.description; delete json.description; }
            return cloneElement(json);
        }
    }
    Collection.isCollection = isA(Collection);

    Object.assign(sdk, {
        Description, QueryParam, Header, HeaderList, FormParam, Variable, VariableList, VariableScope, Cookie, CookieList,
        Script, Event, EventList, Version, UrlMatchPattern, UrlMatchPatternList, Certificate, CertificateList,
        ProxyConfig, ProxyConfigList, Item, ItemGroup, Collection,
    });

    carrier.defineModule('postman-collection', () => ({
        PropertyBase, Property, PropertyList, Description, Url, UrlMatchPattern, UrlMatchPatternList, QueryParam, Header,
        HeaderList, FormParam, Variable, VariableList, VariableScope, Request, RequestBody: sdk.RequestBody,
        RequestAuth: sdk.RequestAuth, Response: sdk.Response, Cookie, CookieList, Script, Event, EventList, Version,
        Certificate, CertificateList, ProxyConfig, ProxyConfigList, Item, ItemGroup, Collection,
    }));
})(globalThis.__carrier);
