import CollectionModel
import JSONValue

/// Which script is running.
package enum ScriptPhase: String, Sendable {
    case prerequest, test
}

/// Where a script sits, for `pm.info`, `pm.execution.location` and error messages.
package struct ScriptContextInfo: Sendable {
    /// `prerequest` or `test`.
    package var phase: ScriptPhase
    /// 0-based iteration.
    package var iteration: Int
    /// Number of iterations in the run.
    package var iterationCount: Int
    /// Name of the request the script runs for.
    package var requestName: String
    /// Id of that request item.
    package var requestId: String
    /// Names from the collection down to the request (`pm.execution.location`).
    package var location: [String]
    /// Who owns the script: `collection`, `folder "Name"` or `request "Name"`, for messages.
    package var owner: String
    package init(phase: ScriptPhase, iteration: Int, iterationCount: Int, requestName: String, requestId: String,
                 location: [String], owner: String) {
        self.phase = phase
        self.iteration = iteration
        self.iterationCount = iterationCount
        self.requestName = requestName
        self.requestId = requestId
        self.location = location
        self.owner = owner
    }
}

/// One script to run, with everything it may read.
package struct ScriptInvocation: Sendable {
    /// JavaScript source of the script.
    package var source: String
    /// A name for stack traces, e.g. `Tests of "Create user"`.
    package var sourceName: String
    /// Where it runs.
    package var info: ScriptContextInfo
    /// The request as `pm.request` sees it, in collection v2.1 JSON (`{url, method, header, body, auth}`).
    /// In pre-request scripts it is unresolved; changes come back in `ScriptOutcome.request`.
    package var request: JSONValue
    /// The response (test scripts only).
    package var response: HTTPResponse?
    /// Cookies for the request's URL (`pm.cookies`).
    package var cookies: [Cookie]
    /// Milliseconds before the script is stopped; 0 = no limit (`--timeout-script`).
    package var timeoutMilliseconds: Int
    package init(source: String, sourceName: String, info: ScriptContextInfo, request: JSONValue,
                 response: HTTPResponse? = nil, cookies: [Cookie] = [], timeoutMilliseconds: Int = 0) {
        self.source = source
        self.sourceName = sourceName
        self.info = info
        self.request = request
        self.response = response
        self.cookies = cookies
        self.timeoutMilliseconds = timeoutMilliseconds
    }
}

/// One `pm.test` or `tests[...]` result.
package struct AssertionResult: Sendable, Equatable {
    /// Passed, failed or skipped (`pm.test.skip`).
    package enum Status: String, Sendable { case passed, failed, skipped }
    /// The test's name.
    package var name: String
    /// Outcome.
    package var status: Status
    /// For failures: error name (`AssertionError`, `TypeError`, …).
    package var errorName: String?
    /// For failures: the message, e.g. `expected 200 to equal 201`.
    package var message: String?
    /// For failures: the JavaScript stack, if any.
    package var stack: String?
    /// Position of the test in its script (0-based).
    package var index: Int
    package init(name: String, status: Status, errorName: String? = nil, message: String? = nil, stack: String? = nil, index: Int = 0) {
        self.name = name
        self.status = status
        self.errorName = errorName
        self.message = message
        self.stack = stack
        self.index = index
    }
}

/// A script that threw, failed to parse, or ran out of time.
package struct ScriptError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `SyntaxError`, `TypeError`, `ScriptTimeout`, …
    package var name: String
    /// The JavaScript message.
    package var message: String
    /// 1-based line within the script, when known.
    package var line: Int?
    /// 1-based column, when known.
    package var column: Int?
    /// JavaScript stack, when known.
    package var stack: String?
    package init(name: String, message: String, line: Int? = nil, column: Int? = nil, stack: String? = nil) {
        self.name = name
        self.message = message
        self.line = line
        self.column = column
        self.stack = stack
    }
    package var description: String {
        if let line { return "line \(line): \(name): \(message)" }
        return "\(name): \(message)"
    }
}

/// A `console.*` call from a script.
package struct ConsoleMessage: Sendable, Equatable {
    package enum Level: String, Sendable { case log, info, warn, error, debug }
    package var level: Level
    /// The arguments formatted as Node's `util.format` would print them.
    package var text: String
    package init(level: Level, text: String) { self.level = level; self.text = text }
}

/// Where `setNextRequest` points after an item.
package enum NextRequest: Sendable, Equatable {
    /// Jump to the item with this id or name.
    case named(String)
    /// `setNextRequest(null)`: end the iteration.
    case stop
}

/// What a script did.
package struct ScriptOutcome: Sendable {
    /// `pm.request` after the script, in collection v2.1 JSON (what gets sent, for pre-request scripts).
    package var request: JSONValue
    /// Tests, in the order they finished.
    package var assertions: [AssertionResult] = []
    /// Console lines, in order.
    package var console: [ConsoleMessage] = []
    /// The error that stopped the script, if any (also unhandled rejections and throws in timer callbacks).
    package var error: ScriptError?
    /// Errors that do not fail the script: what a `pm.sendRequest` callback threw, which Newman ignores.
    package var warnings: [ScriptError] = []
    /// `setNextRequest` (last call wins); `nil` when not called.
    package var nextRequest: NextRequest?
    /// `pm.execution.skipRequest()` was called (pre-request only).
    package var skipRequest = false
    package init(request: JSONValue) { self.request = request }
}

/// What a script can ask of the runner while it runs: `pm.sendRequest` and the cookie jar.
package protocol ScriptHost: AnyObject {
    /// Sends a request given as `pm.sendRequest` accepts it (a URL string or a collection request JSON),
    /// with the run's cookies and TLS settings; no variable resolution (as Newman).
    func sendRequest(_ request: JSONValue) -> Result<HTTPResponse, TransportError>
    /// Cookies for a URL, set and removal, for `pm.cookies.jar()`.
    func cookies(for url: String) -> [Cookie]
    func setCookie(_ cookie: Cookie)
    func removeCookies(domain: String, name: String?)
    /// `{{name}}` references in `text` resolved against `scopes` and the dynamic variables, for `replaceIn`:
    /// resolution is the engine's, so the sandbox and the request builder resolve alike.
    func resolveVariables(in text: String, scopes: VariableScopes) -> String
}

/// Runs collection scripts. One instance (one JavaScript context) serves a whole run; each script runs in its
/// own function scope. Variables are read and written through `scopes`, so changes show to the next script.
package protocol ScriptSandbox: AnyObject {
    func run(_ invocation: ScriptInvocation, scopes: inout VariableScopes, host: ScriptHost) -> ScriptOutcome
}
