// require('path'): the POSIX half of Node's path module.
(function (carrier) {
    'use strict';
    const define = carrier.defineModule;

    define('path', () => {
        function normalizeParts(parts, absolute) {
            const out = [];
            for (const part of parts) {
                if (!part || part === '.') continue;
                if (part === '..') { if (out.length && out[out.length - 1] !== '..') out.pop(); else if (!absolute) out.push('..'); } else out.push(part);
            }
            return out;
        }
        const path = {
            sep: '/', delimiter: ':',
            normalize(p) {
                if (p === '') return '.';
                const absolute = p.startsWith('/'), trailing = p.endsWith('/');
                let out = normalizeParts(p.split('/'), absolute).join('/');
                if (!out && !absolute) out = '.';
                if (out && trailing) out += '/';
                return (absolute ? '/' : '') + out;
            },
            join(...parts) { const joined = parts.filter((p) => p !== '').join('/'); return joined ? path.normalize(joined) : '.'; },
            resolve(...parts) {
                let resolved = '';
                for (let i = parts.length - 1; i >= 0 && !resolved.startsWith('/'); i--) if (parts[i]) resolved = parts[i] + (resolved ? '/' + resolved : '');
                if (!resolved.startsWith('/')) resolved = '/' + resolved;
                return '/' + normalizeParts(resolved.split('/'), true).join('/');
            },
            isAbsolute: (p) => p.startsWith('/'),
            dirname(p) { if (!p) return '.'; const trimmed = p.replace(/\/+$/, '') || '/'; const i = trimmed.lastIndexOf('/'); return i < 0 ? '.' : i === 0 ? '/' : trimmed.slice(0, i); },
            basename(p, ext) { const base = p.replace(/\/+$/, '').split('/').pop() || ''; return ext && base.endsWith(ext) && base !== ext ? base.slice(0, -ext.length) : base; },
            extname(p) { const base = path.basename(p); const i = base.lastIndexOf('.'); return i <= 0 ? '' : base.slice(i); },
            relative(from, to) {
                const a = path.resolve(from).split('/').filter(Boolean), b = path.resolve(to).split('/').filter(Boolean);
                let i = 0; while (i < a.length && i < b.length && a[i] === b[i]) i++;
                return a.slice(i).map(() => '..').concat(b.slice(i)).join('/');
            },
            parse(p) { const root = p.startsWith('/') ? '/' : ''; const base = path.basename(p); const ext = path.extname(p); return { root, dir: p.includes('/') ? path.dirname(p) : '', base, ext, name: ext ? base.slice(0, -ext.length) : base }; },
            format(o) { const dir = o.dir || o.root || ''; const base = o.base || (o.name || '') + (o.ext || ''); return dir ? (dir.endsWith('/') ? dir + base : dir + '/' + base) : base; },
        };
        path.posix = path;
        return path;
    });
})(globalThis.__carrier);
