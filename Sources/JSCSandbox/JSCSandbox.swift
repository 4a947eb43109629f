import Foundation
import InstallLayout
import JSONValue
import RunContracts
#if canImport(CJavaScriptCore)
import CJavaScriptCore
#else
import JavaScriptCore
#endif

/// The JavaScriptCore-backed `ScriptSandbox`: one context per instance (one per run), each script compiled into
/// its own async function so top-level `const`/`let` never collide and top-level `return` works. The `pm` API,
/// chai-postman and the legacy globals are our own JavaScript (Bootstrap/); libraries load on first use.
package final class JSCSandbox: ScriptSandbox {
    let js = JavaScriptContext()
    /// Non-nil while `run` executes; the native functions read and write it.
    var state: RunState?
    private var runtime: [String: JSObjectRef] = [:]
    private var bootstrapError: ScriptError?
    private var compiledScripts: [String: CompiledScript] = [:]
    private var wrapperPrefixes: [Bool: String] = [:]

    /// Bootstrap scripts in load order (BootstrapManifest); each adds to the hidden `__carrier` runtime object.
    private static let bootstrapFiles = BootstrapManifest.files.map(\.name)
    private static let runtimeFunctions = [
        "wrapperPrefix", "begin", "execute", "nextTimerDelay", "fireTimer", "finish", "describeError",
        "onUnhandledRejection",
    ]
    /// Compiled scripts kept for reuse across iterations; past this many the cache starts over.
    private static let compiledScriptLimit = 512

    /// Creates the context and loads the bootstrap (libraries such as chai wait until a script touches them).
    package init() {
        do {
            try bootstrap()
        } catch {
            bootstrapError = error
        }
    }

    deinit {
        for script in compiledScripts.values { JSValueUnprotect(js.context, script.function) }
        for function in runtime.values { JSValueUnprotect(js.context, function) }
    }

    private func bootstrap() throws(ScriptError) {
        // An installed carrier (.deb, tarball) reads <prefix>/share/carrier/Bootstrap; a build tree, its resource bundle.
        guard let directory = InstallLayout.installed("Bootstrap") ?? Bundle.module.url(forResource: "Bootstrap", withExtension: nil) else {
            throw ScriptError(name: "SandboxError", message: "the sandbox bootstrap scripts are missing from the bundle")
        }
        js.setProperty(js.globalObject, "__carrierNatives", makeNatives())
        for file in JSCSandbox.bootstrapFiles {
            let url = directory.appendingPathComponent(file)
            guard let source = try? String(contentsOf: url, encoding: .utf8) else {
                throw ScriptError(name: "SandboxError", message: "cannot read sandbox bootstrap \(file)")
            }
            do {
                _ = try js.evaluate(source, sourceURL: "carrier:\(file)")
            } catch {
                throw ScriptError(name: "SandboxError", message: "bootstrap \(file): \(js.string(error.value))")
            }
        }
        guard let carrier = js.object(js.property(js.globalObject, "__carrier")) else {
            throw ScriptError(name: "SandboxError", message: "the sandbox bootstrap did not define its runtime")
        }
        for name in JSCSandbox.runtimeFunctions {
            guard let function = js.object(js.property(carrier, name)) else {
                throw ScriptError(name: "SandboxError", message: "the sandbox runtime lacks \(name)")
            }
            JSValueProtect(js.context, function)
            runtime[name] = function
        }
        if let onRejection = runtime["onUnhandledRejection"] {
            var exception: JSValueRef?
            JSGlobalContextSetUnhandledRejectionCallback(js.context, onRejection, &exception)
        }
    }

    /// Runs one script: compiles it (cached per source), runs the body, then its timers until none remain or the
    /// time limit passes, and reports assertions, console lines, the request as changed and any error.
    package func run(_ invocation: ScriptInvocation, scopes: inout VariableScopes, host: ScriptHost) -> ScriptOutcome {
        var outcome = ScriptOutcome(request: invocation.request)
        if let bootstrapError {
            outcome.error = bootstrapError
            return outcome
        }
        let state = RunState(scopes: scopes, host: host, timeoutMilliseconds: invocation.timeoutMilliseconds)
        self.state = state
        defer {
            state.settleUndefinedWrites()
            scopes = state.scopes
            self.state = nil
        }
        let legacy = !JSCSandbox.optsIntoSandbox2(invocation.source)
        let compiled: CompiledScript
        do {
            compiled = try compile(invocation, legacy: legacy)
        } catch {
            outcome.error = error
            return outcome
        }
        let document = ContextJSON.document(for: invocation, legacy: legacy, legacyNames: compiled.legacyNames,
                                            scopes: state.scopes)
        let body = invocation.response.map { js.makeString(bytesOrDecoded: $0.body) } ?? js.undefined
        if let failure = callRuntimeCatching("begin", [js.makeString(bytesOrDecoded: document.serializedUTF8()), body]) {
            // Only a request the SDK shapes cannot take gets here; say so rather than run half set up.
            outcome.error = ScriptError(name: "SandboxError", message: "cannot prepare the script: \(failure)")
            return outcome
        }
        callRuntime("execute", [compiled.function], limited: true)
        let timedOutInBody = state.timedOut
        runTimers(state)
        let finished = callRuntime("finish", [JSValueMakeBoolean(js.context, state.timedOut)])
        OutcomeDecoder.apply(js.string(finished), to: &outcome)
        js.collectGarbageNowAndThen()
        if state.timedOut {
            // postman-sandbox's wording, which says whether the body or a callback was running.
            let kind = timedOutInBody ? "synchronous" : "asynchronous"
            outcome.error = ScriptError(name: "ScriptTimeout", message: "sandbox: \(kind) script execution timeout")
        }
        return outcome
    }

    /// Fires timers in time order, sleeping until each is due, until none remain or the time limit is reached.
    private func runTimers(_ state: RunState) {
        while !state.timedOut {
            let delay = JSValueToNumber(js.context, callRuntime("nextTimerDelay", []), nil)
            guard delay.isFinite, delay >= 0 else { return }
            if let remaining = state.remainingSeconds, remaining * 1000 < delay {
                Thread.sleep(forTimeInterval: remaining)
                state.timedOut = true
                return
            }
            if delay > 0 { Thread.sleep(forTimeInterval: delay / 1000) }
            callRuntime("fireTimer", [], limited: true)
        }
    }

    /// Calls a runtime function. Script errors are recorded by the runtime itself, so an exception here is either
    /// the watchdog stopping a script or a bug in the bootstrap; both surface through `finish`.
    @discardableResult
    private func callRuntime(_ name: String, _ arguments: [JSValueRef], limited: Bool = false) -> JSValueRef {
        guard let function = runtime[name] else { return js.undefined }
        let statePointer = state.map { Unmanaged.passUnretained($0).toOpaque() }
        if limited, let remaining = state?.remainingSeconds {
            if remaining <= 0 {
                state?.timedOut = true
                return js.undefined
            }
            JSContextGroupSetExecutionTimeLimit(js.group, remaining, { _, context in
                if let context { Unmanaged<RunState>.fromOpaque(context).takeUnretainedValue().timedOut = true }
                return true
            }, statePointer)
        }
        defer { if limited, state?.deadline != nil { JSContextGroupClearExecutionTimeLimit(js.group) } }
        do {
            return try js.call(function, arguments)
        } catch {
            return js.undefined
        }
    }

    /// Calls a runtime function outside any time limit; returns the exception text if it threw.
    private func callRuntimeCatching(_ name: String, _ arguments: [JSValueRef]) -> String? {
        guard let function = runtime[name] else { return "the sandbox runtime lacks \(name)" }
        do {
            _ = try js.call(function, arguments)
            return nil
        } catch {
            return js.string(error.value)
        }
    }

    /// Wraps the script in an async function whose parameters are the sandbox globals. The wrapper's prefix shares
    /// the script's first line so line numbers need no adjustment (only line 1's column does).
    private func compile(_ invocation: ScriptInvocation, legacy: Bool) throws(ScriptError) -> CompiledScript {
        let key = "\(legacy)\u{0}\(invocation.sourceName)\u{0}\(invocation.source)"
        if let cached = compiledScripts[key] { return cached }
        let prefix = wrapperPrefix(legacy: legacy)
        let wrapped = prefix + invocation.source + "\n})(); })"
        let value: JSValueRef
        do {
            value = try js.evaluate(wrapped, sourceURL: invocation.sourceName)
        } catch {
            let described = callRuntime("describeError", [
                error.value, js.makeString(invocation.sourceName), JSValueMakeNumber(js.context, Double(prefix.utf16.count)),
            ])
            let json = (try? JSONParser.parse(js.string(described))) ?? .null
            throw OutcomeDecoder.scriptError(json) ?? ScriptError(name: "SyntaxError", message: js.string(error.value))
        }
        guard let function = js.object(value) else {
            throw ScriptError(name: "SandboxError", message: "the script did not compile to a function")
        }
        if compiledScripts.count >= JSCSandbox.compiledScriptLimit {
            for old in compiledScripts.values { JSValueUnprotect(js.context, old.function) }
            compiledScripts.removeAll()
        }
        JSValueProtect(js.context, function)
        let compiled = CompiledScript(function: function, legacyNames: legacy ? LegacyNames.used(in: invocation.source) : .null)
        compiledScripts[key] = compiled
        return compiled
    }

    private func wrapperPrefix(legacy: Bool) -> String {
        if let prefix = wrapperPrefixes[legacy] { return prefix }
        let prefix = js.string(callRuntime("wrapperPrefix", [JSValueMakeBoolean(js.context, legacy)]))
        wrapperPrefixes[legacy] = prefix
        return prefix
    }

    /// A script compiled once and the legacy globals its text mentions, kept for the next runs of the same script.
    struct CompiledScript {
        let function: JSObjectRef
        let legacyNames: JSONValue
    }

    /// `'use sandbox2';` as the script's very first characters (semicolon included, nothing before it) turns the
    /// legacy globals off; postman-sandbox compares the first 15 characters exactly.
    static func optsIntoSandbox2(_ source: String) -> Bool {
        source.hasPrefix("'use sandbox2';") || source.hasPrefix("\"use sandbox2\";")
    }
}
