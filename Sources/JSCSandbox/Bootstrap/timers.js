// Timers driven by the Swift side: it asks for the next delay, sleeps, and asks us to fire, one timer per call
// so promise jobs queued by a callback run before the next timer, as in Node.
(function (carrier) {
    'use strict';
    let queue = [], nextId = 1, sequence = 0, sealed = false;

    function schedule(fn, delay, args, repeat) {
        if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function. Received ' + carrier.inspect(fn));
        delay = Number(delay);
        if (!(delay >= 1 && delay <= 2147483647)) delay = repeat === undefined ? 0 : 1;
        const timer = { id: nextId++, due: Date.now() + delay, seq: sequence++, fn, args, delay, repeat };
        if (!sealed) queue.push(timer);
        return timer.id;
    }
    function clear(id) {
        if (id && typeof id === 'object' && 'id' in id) id = id.id;
        queue = queue.filter((timer) => timer.id !== id);
    }
    function earliest() {
        let best;
        for (const timer of queue) {
            if (!best || timer.due < best.due || (timer.due === best.due && timer.seq < best.seq)) best = timer;
        }
        return best;
    }

    carrier.timers = {
        setTimeout: (fn, delay, ...args) => schedule(fn, delay, args, false),
        setInterval: (fn, delay, ...args) => schedule(fn, Math.max(1, Number(delay) || 1), args, true),
        setImmediate: (fn, ...args) => schedule(fn, 0, args, false),
        clearTimeout: clear, clearInterval: clear, clearImmediate: clear,
        reset() { queue = []; sealed = false; },
        /** No new timers until the next reset (after pm.execution.skipRequest). */
        seal() { sealed = true; },
        get pending() { return queue.length; },
        /** Runs `fn` after the script body, as a callback of the host (pm.sendRequest, cookie jar). */
        defer(fn) { schedule(fn, 0, [], false); },
    };
    for (const name of ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate']) {
        globalThis[name] = carrier.timers[name];
    }

    carrier.nextTimerDelay = function () {
        const timer = earliest();
        return timer ? Math.max(0, timer.due - Date.now()) : -1;
    };

    carrier.fireTimer = function () {
        const timer = earliest();
        if (!timer) return;
        if (timer.repeat) {
            timer.due = Math.max(Date.now(), timer.due) + timer.delay;
            timer.seq = sequence++;
        } else {
            queue = queue.filter((other) => other !== timer);
        }
        try {
            timer.fn.apply(undefined, timer.args);
        } catch (error) {
            carrier.reportError(error);
        }
    };
})(globalThis.__carrier);
