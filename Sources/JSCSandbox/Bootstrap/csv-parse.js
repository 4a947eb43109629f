// require('csv-parse/lib/sync'): Postman ships csv-parse 1.2.4; Debian does not, so this is our own parser for the
// options scripts use (columns, delimiter, quote, escape, skip_empty_lines, trim/ltrim/rtrim, from_line, to_line,
// relax_column_count, cast, comment).
(function (carrier) {
    'use strict';

    function records(text, options) {
        const delimiter = options.delimiter || ',', quote = options.quote === undefined ? '"' : options.quote;
        const escape = options.escape === undefined ? '"' : options.escape, comment = options.comment;
        const rows = [];
        let row = [], field = '', quoted = false, inQuotes = false, i = 0;
        const endField = () => { row.push({ value: field, quoted }); field = ''; quoted = false; };
        const endRow = () => { endField(); rows.push(row); row = []; };
        text = String(text).replace(/^\uFEFF/, '');
        while (i < text.length) {
            const c = text[i];
            if (inQuotes) {
                if (c === escape && text[i + 1] === quote) { field += quote; i += 2; continue; }
                if (c === quote) { inQuotes = false; i++; continue; }
                field += c; i++; continue;
            }
            if (quote && c === quote && field.trim() === '') { inQuotes = true; quoted = true; field = ''; i++; continue; }
            if (comment && c === comment && field === '' && row.length === 0) { while (i < text.length && text[i] !== '\n') i++; i++; continue; }
            if (text.startsWith(delimiter, i)) { endField(); i += delimiter.length; continue; }
            if (c === '\r' || c === '\n') { endRow(); i += c === '\r' && text[i + 1] === '\n' ? 2 : 1; continue; }
            field += c; i++;
        }
        if (inQuotes) throw carrier.fail('Quoted field not terminated', 'CsvError');
        if (field !== '' || row.length) endRow();
        return rows;
    }

    function parse(input, options = {}) {
        let rows = records(input, options).map((fields, index) => ({ fields, line: index + 1 }));
        if (options.from_line) rows = rows.filter((row) => row.line >= options.from_line);
        if (options.to_line) rows = rows.filter((row) => row.line <= options.to_line);
        const trim = (value, quoted) => {
            if (quoted) return value;
            if (options.trim) return value.trim();
            if (options.ltrim) return value.replace(/^\s+/, '');
            if (options.rtrim) return value.replace(/\s+$/, '');
            return value;
        };
        let out = rows.map((row) => row.fields.map((f) => trim(f.value, f.quoted)));
        if (options.skip_empty_lines) out = out.filter((row) => !(row.length === 1 && row[0] === ''));
        if (options.cast) {
            out = out.map((row) => row.map((value, index) => {
                if (typeof options.cast === 'function') return options.cast(value, { index });
                return value !== '' && !isNaN(Number(value)) ? Number(value) : value;
            }));
        }
        if (!options.columns) return out;
        let columns = options.columns;
        if (columns === true) columns = out.shift() || [];
        else if (typeof columns === 'function') columns = columns(out.shift() || []);
        return out.map((row, index) => {
            if (row.length !== columns.length && !options.relax_column_count) {
                throw carrier.fail('Invalid Record Length: columns length is ' + columns.length + ', got ' + row.length + ' on line ' + (index + 2), 'CsvError');
            }
            const record = {};
            columns.forEach((column, i) => { if (column !== undefined && column !== null && column !== false) record[column] = row[i]; });
            return record;
        });
    }

    carrier.defineModule('csv-parse/lib/sync', () => parse);
    carrier.defineModule('csv-parse/sync', () => ({ parse }));
})(globalThis.__carrier);
