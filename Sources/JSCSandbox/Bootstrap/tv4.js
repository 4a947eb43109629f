// The legacy `tv4` global (and require('tv4')): Debian does not package tv4, so this answers tv4's common calls
// with Ajv 6 in draft-04 mode. validate() and validateResult() agree with tv4 on valid/invalid; error texts are
// Ajv's, not tv4's.
(function (carrier) {
    'use strict';
    let ajv;
    function validator() {
        if (ajv) return ajv;
        const Ajv = carrier.require('ajv');
        // tv4 ignores unknown formats and keywords and understands draft-04 `id`.
        ajv = new Ajv({ allErrors: true, schemaId: 'auto', unknownFormats: 'ignore', logger: false, missingRefs: 'ignore' });
        try { ajv.addMetaSchema(carrier.requireInternal('ajv/lib/refs/json-schema-draft-04.json')); } catch (e) { /* draft-07 only then */ }
        return ajv;
    }
    function toError(error) {
        if (!error) return null;
        return { message: error.message, dataPath: error.dataPath, schemaPath: error.schemaPath, params: error.params, code: 0 };
    }
    function check(data, schema) {
        const instance = validator();
        let valid;
        try { valid = instance.validate(schema, data); } catch (e) { return { valid: false, errors: [{ message: e.message }] }; }
        return { valid: !!valid, errors: (instance.errors || []).map(toError) };
    }
    const tv4 = {
        error: null, missing: [],
        validate(data, schema) { const result = check(data, schema); tv4.error = result.valid ? null : result.errors[0] || null; return result.valid; },
        validateResult(data, schema) { const result = check(data, schema); return { valid: result.valid, error: result.valid ? null : result.errors[0], missing: [] }; },
        validateMultiple(data, schema) { const result = check(data, schema); return { valid: result.valid, errors: result.errors, missing: [] }; },
        addSchema(uri, schema) { if (typeof uri === 'object') { schema = uri; uri = schema.id || schema.$id; } validator().addSchema(schema, uri); },
        getSchema(uri) { const found = validator().getSchema(uri); return found && found.schema; },
        addFormat() {}, defineKeyword() {}, language() {}, addLanguage() {}, freshApi() { return tv4; }, reset() { ajv = undefined; },
    };
    carrier.defineModule('tv4', () => tv4);
    carrier.tv4 = tv4;
})(globalThis.__carrier);
