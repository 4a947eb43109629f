// The postman-collection shapes pm.request is made of: PropertyBase, Property, PropertyList, Url, RequestBody,
// RequestAuth and Request. They read and write collection v2.1 JSON so pre-request changes travel back to the runner.
// The item types of their lists (Header, QueryParam, FormParam, Variable) are in postman-collection.js, which loads
// later and fills in the rest of `carrier.sdk`; the lists look them up when they are built, at run time.
(function (carrier) {
    'use strict';
    const sdk = carrier.sdk = carrier.sdk || {};

    function hide(target, name, value) {
        Object.defineProperty(target, name, { value, configurable: true, writable: true, enumerable: false });
    }
    function isPlainObject(value) {
        if (!value || typeof value !== 'object') return false;
        const proto = Object.getPrototypeOf(value);
        return proto === Object.prototype || proto === null;
    }
    function own(object, name) { return Object.prototype.hasOwnProperty.call(object, name) ? object[name] : undefined; }

    /** A deep copy of plain data; SDK objects inside become their JSON. */
    function cloneElement(value) {
        if (Array.isArray(value)) return value.map(cloneElement);
        if (value && typeof value === 'object') {
            if (typeof value.toJSON === 'function') return value.toJSON();
            if (!isPlainObject(value)) return value;
            const out = {};
            for (const key of Object.keys(value)) out[key] = cloneElement(value[key]);
            return out;
        }
        return value;
    }

    /** postman-collection's PropertyBase: the parent chain (`__parent`, hidden), `_` meta and the generic JSON form. */
    class PropertyBase {
        parent() { const parent = this.__parent; return parent ? parent.__parent || parent : undefined; }
        setParent(parent) { hide(this, '__parent', parent); }
        forEachParent(options, iterator) {
            if (typeof options === 'function') { iterator = options; options = {}; }
            if (typeof iterator !== 'function' || !options || typeof options !== 'object') return;
            const up = (node) => node && typeof node.parent === 'function' ? node.parent() : undefined;
            let parent = this.parent(), grandparent = up(parent);
            while (parent && (grandparent || options.withRoot)) {
                iterator(parent);
                parent = grandparent;
                grandparent = up(grandparent);
            }
        }
        findInParents(property, customizer) {
            const owner = this.findParentContaining(property, customizer);
            return owner ? owner[property] : undefined;
        }
        findParentContaining(property, customizer) {
            for (let node = this; node; node = node.__parent) {
                if (customizer ? customizer.call(this, node) : node[property]) return node;
            }
            return undefined;
        }
        meta(...keys) {
            const meta = this._ && typeof this._ === 'object' ? this._ : {};
            if (!keys.length) return cloneElement(meta);
            const out = {};
            for (const key of keys) if (Object.prototype.hasOwnProperty.call(meta, key)) out[key] = meta[key];
            return out;
        }
        toJSON() { return PropertyBase.toJSON(this); }
        /** Own fields without undefined ones; a list under a plural name is written singular (`headers` → `header`). */
        static toJSON(object) {
            const out = {};
            for (const key of Object.keys(object)) {
                const value = object[key];
                if (value === undefined || typeof value === 'function') continue;
                const name = value instanceof PropertyList && !value._postman_proprtyIsSerialisedAsPlural && key.endsWith('s') ? key.slice(0, -1) : key;
                out[name] = value && typeof value.toJSON === 'function' ? value.toJSON() : cloneElement(value);
            }
            return out;
        }
        static propertyIsMeta(value, key) { return typeof key === 'string' && key.startsWith('_') && key !== '_'; }
        static propertyUnprefixMeta(value, key) { return String(key).replace(/^_+/, ''); }
    }

    // {{name}} substitution as postman-collection's Substitutor: sources in order, 19 passes at most.
    const VARIABLE_TOKEN = /{{([^{}]*?)}}/g;
    const SUBSTITUTION_PASSES = 19;
    function findSubstitution(sources, name) {
        for (const source of sources) {
            if (!source || (typeof source !== 'object' && typeof source !== 'function')) continue;
            if (typeof source.oneNormalizedVariable === 'function') {
                const variable = source.oneNormalizedVariable(name);
                if (variable && !variable.disabled) return variable;
            } else if (Object.prototype.hasOwnProperty.call(source, name)) {
                return source[name];
            }
        }
        // Dynamic variables ({{$guid}}, {{$timestamp}}, …) come from the runner's generator.
        if (name.startsWith('$') && carrier.run) {
            const token = '{{' + name + '}}';
            const value = carrier.native.variables('replaceIn', 'data', token);
            if (value !== token) return value;
        }
        return undefined;
    }
    function substitute(text, sources) {
        let passes = 0, replaced;
        do {
            replaced = 0;
            text = text.replace(VARIABLE_TOKEN, (match, name) => {
                let value = findSubstitution(sources, name);
                if (value && typeof value === 'function') value = value();
                if (value && typeof value.toString === 'function') value = value.toString();
                const native = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
                if (native) replaced++;
                return native ? value : match;
            });
            if (replaced) passes++;
        } while (replaced && passes < SUBSTITUTION_PASSES);
        return text;
    }
    function substituteIn(value, sources) {
        if (typeof value === 'string') return substitute(value, sources);
        if (Array.isArray(value)) return value.map((item) => substituteIn(item, sources));
        if (value && typeof value === 'object') {
            const source = typeof value.toJSON === 'function' && !isPlainObject(value) ? value.toJSON() : value;
            const out = {};
            for (const key of Object.keys(source)) out[key] = substituteIn(source[key], sources);
            return out;
        }
        return value;
    }
    function findVariableNames(value, seen, names) {
        if (!value || seen.has(value)) return names;
        if (typeof value === 'string') {
            for (const match of value.matchAll(VARIABLE_TOKEN)) names.add(match[1]);
        } else if (typeof value === 'object') {
            seen.add(value);
            for (const key of Object.keys(value)) findVariableNames(value[key], seen, names);
        }
        return names;
    }

    /**
     * A key/value item. The runtime's own lists (auth parameters, cookies) hold these: every field of the JSON item
     * is kept so that it survives the round trip. The SDK's typed items (Header, QueryParam, …) extend it.
     */
    class Property extends PropertyBase {
        constructor(source, value) {
            super();
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
        /** Sets or updates `description` (a Description; `type` defaults to text/plain). */
        describe(content, type) {
            if (!sdk.Description.isDescription(this.description)) this.description = new sdk.Description();
            this.description.update(content, type);
        }
        findSubstitutions() { return Property.findSubstitutions(this.toJSON()); }
        static findSubstitutions(value) { return Array.from(findVariableNames(value, new Set(), new Set())); }
        /** `{{name}}` in `text` from the sources (VariableLists or plain objects), left to right. */
        static replaceSubstitutions(text, variables) {
            if (!(text && typeof text === 'string')) return text;
            const sources = Array.isArray(variables) ? variables.slice() : Array.prototype.slice.call(arguments, 1);
            return substitute(text, sources);
        }
        /** A copy of `object` with every string substituted. */
        static replaceSubstitutionsIn(object, variables) {
            if (!(object && typeof object === 'object')) return object;
            return substituteIn(object, Array.isArray(variables) ? variables.slice() : [variables]);
        }
    }

    /** A callback or one of lodash's shorthands: `'key'` (truthy field), `['key', value]`, `{key: value}`. */
    function iteratee(rule, context) {
        if (typeof rule === 'function') return context !== undefined && context !== null ? rule.bind(context) : rule;
        if (Array.isArray(rule)) return (item) => item !== null && item !== undefined && item[rule[0]] === rule[1];
        if (rule && typeof rule === 'object') {
            const keys = Object.keys(rule);
            return (item) => item !== null && item !== undefined && keys.every((key) => item[key] === rule[key]);
        }
        if (typeof rule === 'string') return (item) => item !== null && item !== undefined ? item[rule] : undefined;
        return (item) => item;
    }

    /**
     * postman-collection's PropertyList: `new PropertyList(Type, parent, items)`. Items are found by the Type's index
     * key (`key` for headers, query parameters and variables; `id` by default), case-insensitively and with several
     * values per key when the Type says so (Header). The runtime's own lists are `new PropertyList(items)`: plain
     * Properties found by `key`.
     */
    class PropertyList extends PropertyBase {
        constructor(type, parent, populate) {
            super();
            let options = {};
            if (typeof type !== 'function') { options = parent || {}; populate = type; parent = options.parent; type = options.Type; }
            const Type = type || Property;
            hide(this, 'Type', Type);
            hide(this, '_postman_listIndexKey', options.indexKey || own(Type, '_postman_propertyIndexKey') || (Type === Property ? 'key' : 'id'));
            hide(this, '_postman_listIndexCaseInsensitive', Boolean(own(Type, '_postman_propertyIndexCaseInsensitive')));
            hide(this, '_postman_listAllowsMultipleValues', Boolean(own(Type, '_postman_propertyAllowsMultipleValues')));
            this.setParent(parent);
            this.members = [];
            if (populate) this.populate(populate);
        }
        /** The index of an item as the list compares it (`undefined` for a falsy key, which is never found). */
        _index(item) {
            const value = item !== null && item !== undefined ? item[this._postman_listIndexKey] : undefined;
            if (!value) return undefined;
            return this._postman_listIndexCaseInsensitive ? String(value).toLowerCase() : String(value);
        }
        _lookup(id) { return this._postman_listIndexCaseInsensitive ? String(id).toLowerCase() : String(id); }
        /** An item of the list's Type for `value` (kept when it already is one). */
        _item(value, ...rest) {
            if (value instanceof this.Type) return value;
            if (Object.prototype.hasOwnProperty.call(this.Type, 'create')) return this.Type.create(value, ...rest);
            return new this.Type(value);
        }
        /** Adds `item` before `before` (an item or a key), or at the end; an item already in a list is moved. */
        insert(item, before) {
            if (!item || (typeof item !== 'object' && typeof item !== 'function')) return;
            item = this._item(item);
            const previous = item.__parent;
            if (previous instanceof PropertyList && previous !== this) previous.remove(item);
            hide(item, '__parent', this);
            const duplicate = this.members.indexOf(item);
            if (duplicate > -1) this.members.splice(duplicate, 1);
            const index = before ? this.indexOf(before) : -1;
            if (index > -1) this.members.splice(index, 0, item); else this.members.push(item);
        }
        /** Adds after `after`; when `after` is not in the list, at the start (as postman-collection). */
        insertAfter(item, after) { return this.insert(item, this.idx(this.indexOf(after) + 1)); }
        append(item) { return this.insert(item); }
        prepend(item) { return this.insert(item, this.idx(0)); }
        add(item, ...rest) {
            if (item === null || item === undefined || Number.isNaN(item)) return;
            this.insert(this._item(item, ...rest));
        }
        /** Updates the item with the same key (`true` when it added one instead, `null` for nothing). */
        upsert(item) {
            if (item === null || item === undefined || Number.isNaN(item)) return null;
            const existing = this.one(item[this._postman_listIndexKey]);
            if (existing) {
                if (typeof existing.update !== 'function') throw new Error('collection: unable to upsert into a list of Type that does not support .update()');
                existing.update(item);
                return false;
            }
            this.add(item);
            return true;
        }
        /** Removes the items with a key, the item itself, or the items a predicate picks. */
        remove(predicate, context) {
            let match;
            if (typeof predicate === 'string') {
                const key = this._lookup(predicate);
                match = (item) => this._index(item) === key;
            } else if (typeof predicate === 'function') {
                const scope = context || this;
                match = (item, index) => predicate.call(scope, item, index, this.members);
            } else if (predicate && typeof predicate === 'object') {
                match = (item) => item === predicate;
            } else {
                return;
            }
            const kept = [];
            this.members.forEach((item, index) => {
                if (match(item, index)) { if (item && item.__parent === this) delete item.__parent; } else kept.push(item);
            });
            this.members.splice(0, this.members.length, ...kept);
        }
        clear() {
            for (const item of this.members) if (item && item.__parent === this) delete item.__parent;
            this.members.length = 0;
        }
        /** Adds items: an array, one item, a string the Type parses, or `{key: value}` for Types with `create`. */
        populate(items) {
            if (typeof items === 'string' && typeof this.Type.parse === 'function') items = this.Type.parse(items);
            if (Array.isArray(items)) { for (const item of items) this.add(item); return; }
            if (isPlainObject(items) && Object.prototype.hasOwnProperty.call(this.Type, 'create')) {
                for (const key of Object.keys(items)) this.add(items[key], key);
                return;
            }
            this.add(items);
        }
        repopulate(items) { this.clear(); this.populate(items); }
        /** Upserts the items of `source` (a list or an array); `prune` removes the keys `source` lacks. */
        assimilate(source, prune) {
            const members = source instanceof PropertyList ? source.members : source;
            if (!Array.isArray(members)) return;
            const indexKey = this._postman_listIndexKey, seen = new Set();
            for (const item of members) {
                if (!(item && Object.prototype.hasOwnProperty.call(item, indexKey))) continue;
                this.upsert(item);
                seen.add(this._lookup(item[indexKey]));
            }
            if (prune) this.remove((item) => this._index(item) !== undefined && !seen.has(this._index(item)));
        }
        all() { return this.members.slice(); }
        /** The item with this key (the last one, when there are several). */
        one(id) {
            const key = this._lookup(id);
            for (let i = this.members.length - 1; i >= 0; i--) if (this._index(this.members[i]) === key) return this.members[i];
            return undefined;
        }
        get(key) { const item = this.one(key); return item ? item.valueOf() : undefined; }
        each(iterator, context) {
            if (typeof iterator !== 'function') return;
            const scope = context || this.__parent;
            const members = this.members.slice();
            for (let i = 0; i < members.length; i++) if (iterator.call(scope, members[i], i, members) === false) break;
        }
        forEach(iterator, context) { this.each(iterator, context); }
        filter(rule, context) { return this.members.filter(iteratee(rule, context)); }
        find(rule, context) { return this.members.find(iteratee(rule, context)); }
        map(iterator, context) { return this.members.map(iteratee(iterator, context || this)); }
        reduce(iterator, accumulator, context) {
            const fn = iteratee(iterator, context || this);
            return this.members.reduce((acc, item, index, members) => fn(acc, item, index, members), accumulator);
        }
        count() { return this.members.length; }
        get length() { return this.members.length; }
        idx(index) { return this.members[index]; }
        indexOf(item) { return this.members.indexOf(typeof item === 'string' ? this.one(item) : item); }
        /** Whether an item with this key (and, given one, this value) or this very item is in the list. */
        has(item, value) {
            const matches = typeof item === 'string' ? this.members.filter((m) => this._index(m) === this._lookup(item))
                : this.members.filter((m) => m === item);
            if (!matches.length) return false;
            if (arguments.length === 1) return true;
            const candidates = this._postman_listAllowsMultipleValues ? matches : [matches[matches.length - 1]];
            return candidates.some((m) => (m && typeof m.valueOf === 'function' ? m.valueOf() : m) === value);
        }
        /** Calls `iterator(parent, previous)` for the owner of this list, its owner, and so on. */
        eachParent(iterator, context) {
            if (typeof iterator !== 'function') return;
            let parent = this.__parent, previous;
            while (parent) {
                iterator.call(context || this, parent, previous);
                previous = parent;
                parent = parent.__parent;
            }
        }
        [Symbol.iterator]() { return this.members[Symbol.iterator](); }
        /**
         * `{key: value}` of the items. Keys are lower-cased in case-insensitive lists unless `caseSensitive`; in
         * multi-value lists (headers, query) or with `multiValue`, repeated keys collect their values in an array.
         */
        toObject(excludeDisabled, caseSensitive, multiValue, sanitizeKeys) {
            const out = {}, key = this._postman_listIndexKey;
            const sensitive = !this._postman_listIndexCaseInsensitive || caseSensitive;
            const multiple = this._postman_listAllowsMultipleValues || multiValue;
            for (const member of this.members) {
                if (!member || !Object.prototype.hasOwnProperty.call(member, key) || (excludeDisabled && member.disabled) ||
                    ((this._postman_sanitizeKeys || sanitizeKeys) && !member[key])) continue;
                const name = sensitive ? member[key] : String(member[key]).toLowerCase();
                if (multiple && Object.prototype.hasOwnProperty.call(out, name)) out[name] = [].concat(out[name], member.valueOf());
                else out[name] = member.valueOf();
            }
            return out;
        }
        /** The Type's text form of the list (Header.unparse, QueryParam.unparse) where it has one. */
        toString() {
            if (typeof this.Type.unparse === 'function') return this.Type.unparse(this.members);
            return this.members.map(String).join('\n');
        }
        toJSON() { return this.members.map((item) => item && typeof item.toJSON === 'function' ? item.toJSON() : cloneElement(item)); }
        static isPropertyList(value) { return Boolean(value) && value instanceof PropertyList; }
    }
    PropertyList.prototype._postman_propertyIsList = true;

    function headerList(items, parent) { return new sdk.HeaderList(parent, items); }
    function queryList(items, parent) { return new PropertyList(sdk.QueryParam, parent, items); }

    /** `:name` (up to a `.`) of a path segment, or null. */
    function pathVariableName(segment) {
        if (!String(segment).startsWith(':')) return null;
        const dot = segment.indexOf('.');
        return segment.slice(1, dot === -1 ? undefined : dot) || null;
    }
    const DOMAIN_SEPARATOR = /\.(?![^{]*\}{2})/g;
    // A variable whose name holds a URL delimiter ({{host.name}}, {{p@ss}}) stays whole while the URL is split.
    const DELIMITER_VARIABLE = /{{[^{}]*[.:/?#@&\]][^{}]*}}/g;
    const MASK = '\u0000';

    /** postman-collection's Url: host and path as arrays, query a list of QueryParams, path variables a VariableList. */
    class Url extends PropertyBase {
        constructor(source) { super(); this.update(source); }
        update(source) {
            if (source instanceof Url) source = source.toJSON();
            if (!source) source = '';
            if (typeof source === 'string') source = Url.parse(source);
            if (source.raw !== undefined && source.host === undefined && source.path === undefined && source.protocol === undefined) {
                source = Object.assign(Url.parse(String(source.raw)), source.variable ? { variable: source.variable } : {});
            }
            this.protocol = source.protocol || undefined;
            this.auth = source.auth || undefined;
            this.host = typeof source.host === 'string' ? source.host.split(DOMAIN_SEPARATOR) : source.host ? source.host.slice() : undefined;
            this.port = source.port !== undefined && source.port !== null && source.port !== '' ? String(source.port) : undefined;
            // `path: []` means no path at all (http://h.test), as toJSON writes it; `['']` is the root path "/".
            let path = source.path;
            if (typeof path === 'string') path = path ? (path === '/' ? [''] : path.replace(/^\/(.+)$/, '$1').split('/')) : undefined;
            this.path = path && path.length ? path.slice() : undefined;
            this.hash = source.hash !== undefined && source.hash !== null ? source.hash : undefined;
            let query = source.query;
            if (typeof query === 'string') query = sdk.QueryParam.parse(query);
            else if (query instanceof PropertyList) query = query.all();
            else if (isPlainObject(query)) query = Object.keys(query).map((key) => ({ key, value: query[key] }));
            this.query = queryList(query || [], this);
            const variables = Array.isArray(source.variable)
                ? source.variable.map((v) => v && typeof v === 'object' && !v.key && v.id !== undefined ? Object.assign({}, v, { key: v.id }) : v)
                : source.variable instanceof PropertyList ? source.variable.all() : [];
            this.variables = new sdk.VariableList(this, variables);
        }
        /**
         * Splits a URL as postman-collection 4 does (postman-url-encoder's parser): hash, query, protocol, path,
         * auth, port and host, in that order, with `{{variables}}` allowed anywhere; `:name` segments become path
         * variables.
         */
        static parse(text) {
            const out = { raw: text, protocol: undefined, auth: undefined, host: undefined, port: undefined, path: undefined, query: undefined, hash: undefined };
            if (!(text && typeof text === 'string')) return Url._withPathVariables(out);
            let rest = out.raw = text.replace(/^\s+/, '');
            const masked = [];
            if (!rest.includes(MASK)) rest = rest.replace(DELIMITER_VARIABLE, (variable) => { masked.push(variable); return MASK; });
            let index;
            if ((index = rest.indexOf('#')) !== -1) { out.hash = rest.slice(index + 1); rest = rest.slice(0, index); }
            if ((index = rest.indexOf('?')) !== -1) { out.query = rest.slice(index + 1).split('&'); rest = rest.slice(0, index); }
            rest = rest.replace(/\\/g, '/');
            if ((index = rest.indexOf('://')) !== -1) {
                out.protocol = rest.slice(0, index);
                rest = rest.slice(index + 3).replace(/^\/+/, out.protocol.toLowerCase() === 'file' ? '/' : '');
            }
            if ((index = rest.indexOf('/')) !== -1) { out.path = rest.slice(index + 1).split('/'); rest = rest.slice(0, index); }
            if ((index = rest.lastIndexOf('@')) !== -1) {
                const credentials = rest.slice(0, index), colon = credentials.indexOf(':');
                out.auth = colon === -1 ? [credentials] : [credentials.slice(0, colon), credentials.slice(colon + 1)];
                rest = rest.slice(index + 1);
            }
            if ((index = rest.lastIndexOf(':')) !== -1 && !rest.slice(index + 1).includes(']')) {
                out.port = rest.slice(index + 1);
                rest = rest.slice(0, index);
            }
            if (rest) out.host = rest.split('.');
            if (masked.length) {
                // The parts follow each other in the text in this order, so the variables go back in turn.
                let next = 0;
                const unmask = (part) => part.replace(/\u0000/g, () => masked[next++]);
                for (const name of ['protocol', 'auth', 'host', 'port', 'path', 'query', 'hash']) {
                    if (typeof out[name] === 'string') out[name] = unmask(out[name]);
                    else if (Array.isArray(out[name])) out[name] = out[name].map(unmask);
                }
            }
            if (out.auth) out.auth = { user: out.auth[0], password: out.auth[1] };
            if (out.query) out.query = out.query.map((param, i, all) => sdk.QueryParam.parseSingle(param, i, all));
            return Url._withPathVariables(out);
        }
        static _withPathVariables(parsed) {
            const keys = [];
            for (const segment of parsed.path || []) {
                const name = pathVariableName(segment);
                if (name && !keys.includes(name)) keys.push(name);
            }
            parsed.variable = keys.length ? keys.map((key) => ({ key })) : undefined;
            return parsed;
        }
        /** The runtime's query parsing, kept under its old name: QueryParam.parse. */
        static parseQuery(text) { return sdk.QueryParam.parse(text); }
        getHost() {
            if (!this.host) return '';
            return Array.isArray(this.host) ? this.host.join('.') : String(this.host);
        }
        getRemote(forcePort) {
            const port = this.port !== undefined ? this.port : forcePort ? (this.protocol === 'https' ? '443' : '80') : undefined;
            return this.getHost() + (port !== undefined ? ':' + port : '');
        }
        /** `/` and the path; `:name` segments take the path variable's value (a non-empty string) unless `unresolved`. */
        getPath(unresolved) {
            const path = this.path || [];
            if (unresolved) return '/' + path.join('/');
            return '/' + path.map((segment) => {
                const name = pathVariableName(segment);
                const value = name ? this.variables.get(name) : undefined;
                return value && typeof value === 'string' ? value + segment.slice(name.length + 1) : segment;
            }).join('/');
        }
        getQueryString() { return this.query.count() ? sdk.QueryParam.unparse(this.query.all()) : ''; }
        getPathWithQuery() { const query = this.getQueryString(); return this.getPath() + (query ? '?' + query : ''); }
        /** OAuth 1.0a's base URL: lower-cased protocol and host, the port unless 80 or 443, the resolved path. */
        getOAuth1BaseUrl() {
            let protocol = this.protocol || 'http';
            if (!protocol.endsWith('://')) protocol += '://';
            const port = this.port !== undefined ? String(this.port) : undefined;
            const host = this.getHost() + (port === undefined || port === '80' || port === '443' ? '' : ':' + port);
            return protocol.toLowerCase() + host.toLowerCase() + this.getPath();
        }
        /** postman-collection 4 discontinued getRaw. */
        getRaw() { throw new Error('`Url#getRaw` has been discontinued, use `Url#toString` instead.'); }
        addQueryParams(params) { this.query.populate(typeof params === 'string' ? sdk.QueryParam.parse(params) : params); }
        /** Removes parameters by key: a key, or an array of keys or of parameters. */
        removeQueryParams(params) {
            const keys = Array.isArray(params) ? params.map((param) => param && param.key ? param.key : param) : [params];
            this.query.remove((param) => keys.includes(param.key));
        }
        toString(forceProtocol) {
            let text = '', protocol = this.protocol;
            if (forceProtocol && !protocol) protocol = 'http://';
            if (protocol) text += protocol.endsWith('://') ? protocol : protocol + '://';
            if (this.auth) {
                let credentials;
                if (typeof this.auth.user === 'string') credentials = this.auth.user;
                if (typeof this.auth.password === 'string') credentials = (credentials || '') + ':' + this.auth.password;
                if (typeof credentials === 'string') text += credentials + '@';
            }
            if (this.host) text += this.getHost();
            if (this.port !== undefined && this.port !== null) text += ':' + this.port;
            if (this.path) text += this.getPath();
            if (this.query && this.query.count()) {
                let query = this.getQueryString();
                // `?` stays for an empty parameter (`h.test?`), not when every parameter is disabled.
                if (query === '' && !this.query.find((param) => !(param && param.disabled))) query = undefined;
                if (typeof query === 'string') text += '?' + query;
            }
            if (typeof this.hash === 'string') text += '#' + this.hash;
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
        static isUrl(value) { return Boolean(value) && value instanceof Url; }
    }

    /** A body in any mode: urlencoded a list of QueryParams, formdata of FormParams, the rest plain fields. */
    class RequestBody extends PropertyBase {
        constructor(source) { super(); this.update(source); }
        update(source) {
            if (typeof source === 'string') source = { mode: 'raw', raw: source };
            source = source || {};
            for (const key of Object.keys(this)) delete this[key];
            Object.assign(this, source);
            if (source.urlencoded !== undefined) {
                this.urlencoded = new PropertyList(sdk.QueryParam, this, typeof source.urlencoded === 'string'
                    ? sdk.QueryParam.parse(source.urlencoded) : source.urlencoded instanceof PropertyList ? source.urlencoded.all() : source.urlencoded);
            }
            if (source.formdata !== undefined) {
                this.formdata = new PropertyList(sdk.FormParam, this, source.formdata instanceof PropertyList ? source.formdata.all() : source.formdata);
            }
            if (typeof source.file === 'string') this.file = { src: source.file };
            // A mode without its data gets an empty one, as postman-collection does.
            if (this.mode === 'raw' && !this.raw) this.raw = '';
            if (this.mode === 'urlencoded' && !this.urlencoded) this.urlencoded = new PropertyList(sdk.QueryParam, this, []);
            if (this.mode === 'formdata' && !this.formdata) this.formdata = new PropertyList(sdk.FormParam, this, []);
            if (this.mode === 'graphql' && !this.graphql) this.graphql = {};
        }
        isEmpty() {
            const mode = this.mode;
            if (!mode || this.disabled) return true;
            const data = this[mode];
            if (!data) return true;
            if (mode === 'file') return !(data.src || data.content);
            if (typeof data === 'string') return data.length === 0;
            if (data instanceof PropertyList) return data.count() === 0;
            if (mode === 'graphql') return !data.query;
            return typeof data === 'object' && Object.keys(data).length === 0;
        }
        /** The body as text: raw as it is, urlencoded as a query string; '' for formdata, file and graphql. */
        toString() {
            if (this.mode === 'raw') return this.raw !== undefined && this.raw !== null && typeof this.raw.toString === 'function' ? this.raw.toString() : '';
            if (this.mode === 'urlencoded') {
                if (this.urlencoded instanceof PropertyList) return sdk.QueryParam.unparse(this.urlencoded.all());
                return this.urlencoded && typeof this.urlencoded.toString === 'function' ? this.urlencoded.toString() : '';
            }
            return '';
        }
        toJSON() {
            const out = {};
            for (const key of Object.keys(this)) {
                const value = this[key];
                if (value === undefined || typeof value === 'function') continue;
                out[key] = value instanceof PropertyList ? value.toJSON() : value;
            }
            if (out.file && out.file.content !== undefined && typeof out.file.content !== 'string') {
                out.file = Object.assign({}, out.file);
                delete out.file.content;
            }
            return out;
        }
    }
    RequestBody.MODES = { file: 'file', formdata: 'formdata', graphql: 'graphql', raw: 'raw', urlencoded: 'urlencoded' };

    /** Auth as `{type, <type>: [{key, value, type}]}`. */
    class RequestAuth extends PropertyBase {
        constructor(source) { super(); this.update(source); }
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
        static isValidType(type) { return typeof type === 'string' && RequestAuth.types.includes(type); }
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
    RequestAuth.types = ['apikey', 'asap', 'awsv4', 'basic', 'bearer', 'digest', 'edgegrid', 'hawk', 'jwt', 'noauth', 'ntlm', 'oauth1', 'oauth2'];

    /** pm.request: url, method, headers, body, auth, with the SDK's helper methods. */
    class Request extends PropertyBase {
        constructor(source) {
            super();
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
            accessor('headers', (value) => value instanceof PropertyList ? value : headerList(value || [], this));
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
        /** `{name: value}`; repeated names collect arrays, `ignoreCase` lower-cases names, `enabled` skips disabled ones. */
        getHeaders(options) {
            options = options || {};
            return this.headers.toObject(options.enabled, !options.ignoreCase, options.multiValue, options.sanitizeKeys);
        }
        forEachHeader(callback) { this.headers.all().forEach((header) => callback(header, this)); }
        addHeader(header) { this.headers.add(header); }
        /** Sets the value of the header with exactly this name, or adds the header. */
        upsertHeader(header) {
            if (!(header && header.key)) return;
            const existing = this.headers.find({ key: header.key });
            if (!existing) { this.headers.add(header); return; }
            existing.value = header.value;
        }
        /** Removes headers by name (or a header's name): exact case unless `options.ignoreCase`. */
        removeHeader(toRemove, options) {
            let name = typeof toRemove === 'string' ? toRemove : toRemove && toRemove.key;
            options = options || {};
            if (!name) return;
            if (options.ignoreCase) name = name.toLowerCase();
            this.headers.remove((header) => (options.ignoreCase ? String(header.key).toLowerCase() : header.key) === name);
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
        static isRequest(value) { return Boolean(value) && value instanceof Request; }
    }

    Object.assign(sdk, { PropertyBase, Property, PropertyList, Url, RequestBody, RequestAuth, Request, headerList, queryList, cloneElement, hide, isPlainObject });
})(globalThis.__carrier);
