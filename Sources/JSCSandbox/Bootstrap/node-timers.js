// require('timers'): the same functions as a module.
(function (carrier) {
    'use strict';
    const define = carrier.defineModule;

    define('timers', () => {
        const t = carrier.timers;
        return { setTimeout: t.setTimeout, setInterval: t.setInterval, setImmediate: t.setImmediate, clearTimeout: t.clearTimeout, clearInterval: t.clearInterval, clearImmediate: t.clearImmediate };
    });
})(globalThis.__carrier);
