// pm.variables, pm.environment, pm.globals, pm.collectionVariables, pm.iterationData: thin fronts over the
// scopes held in Swift (native.variables), so every write is visible at once to reads, replaceIn and the runner.
(function (carrier) {
    'use strict';
    const native = carrier.native;

    function encode(value) {
        if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
        try { return JSON.stringify(value); } catch (e) { return JSON.stringify(String(value)); }
    }

    /** `scope` is a Swift scope name, or `all` for pm.variables (reads by precedence, writes to local). */
    class VariableScope {
        constructor(scope) { Object.defineProperty(this, '_scope', { value: scope }); }
        get(key) { return native.variables('get', this._scope, String(key)); }
        set(key, value, type) {
            if (key && typeof key === 'object' && key.key !== undefined) { value = key.value; key = key.key; }
            native.variables('set', this._scope, String(key), encode(value));
        }
        unset(key) { native.variables('unset', this._scope, String(key)); }
        has(key) { return native.variables('has', this._scope, String(key)); }
        clear() { native.variables('clear', this._scope, ''); }
        toObject() { return native.variables('toObject', this._scope, ''); }
        toJSON() {
            const object = this.toObject();
            return { values: Object.keys(object).map((key) => ({ key, value: object[key], type: typeof object[key] === 'number' ? 'number' : typeof object[key] === 'boolean' ? 'boolean' : 'any' })) };
        }
        replaceIn(template) {
            if (template === undefined || template === null) return template;
            if (typeof template === 'object') return JSON.parse(native.variables('replaceIn', this._scope, JSON.stringify(template)));
            return native.variables('replaceIn', this._scope, String(template));
        }
        get name() { return native.variables('name', this._scope, ''); }
        /** Legacy postman-collection helpers some scripts still call. */
        syncVariablesTo(target) { const object = this.toObject(); if (target) Object.assign(target, object); return object; }
    }

    carrier.scopes = {
        variables: new VariableScope('all'),
        environment: new VariableScope('environment'),
        globals: new VariableScope('globals'),
        collectionVariables: new VariableScope('collection'),
        iterationData: new VariableScope('data'),
    };
})(globalThis.__carrier);
