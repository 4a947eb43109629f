/// A script error attributed to the script that raised it.
package struct ScriptFailure: Sendable, Equatable {
    /// `prerequest` or `test`.
    package var phase: ScriptPhase
    /// `collection`, `folder "Users"` or `request "Create user"`.
    package var owner: String
    /// The error.
    package var error: ScriptError
    package init(phase: ScriptPhase, owner: String, error: ScriptError) {
        self.phase = phase
        self.owner = owner
        self.error = error
    }
}

/// Everything that happened to one request item in one iteration.
package struct ItemExecution: Sendable {
    package var cursor: Cursor
    package var item: ItemReference
    /// The request as sent (resolved, signed); `nil` when it was skipped or could not be built.
    package var request: PreparedRequest?
    /// The response, when one came.
    package var response: HTTPResponse?
    /// Why no response came.
    package var requestError: TransportError?
    /// Tests from every test script of this item, in order.
    package var assertions: [AssertionResult] = []
    /// Script errors, in order.
    package var scriptFailures: [ScriptFailure] = []
    /// Console lines from this item's scripts.
    package var console: [ConsoleMessage] = []
    /// `pm.execution.skipRequest()` was called.
    package var skipped = false
    /// `pm.sendRequest` calls made by this item's scripts.
    package var sendRequestCount = 0
    /// Requests this item sent or tried to send: its own (unless skipped), and each `pm.sendRequest` of its
    /// scripts. Newman's JSON report lists the item once per request (see `JSONReport`).
    package var requestEvents: Int { (skipped ? 0 : 1) + sendRequestCount }
    /// Wall-clock start, milliseconds since 1970.
    package var startedAt: Double
    package init(cursor: Cursor, item: ItemReference, startedAt: Double) {
        self.cursor = cursor
        self.item = item
        self.startedAt = startedAt
    }
}

/// Newman's `{total, pending, failed}` triple.
package struct StatCount: Sendable, Equatable {
    package var total = 0
    package var pending = 0
    package var failed = 0
    package init(total: Int = 0, pending: Int = 0, failed: Int = 0) {
        self.total = total
        self.pending = pending
        self.failed = failed
    }
}

/// Newman's `run.stats`.
package struct RunStats: Sendable, Equatable {
    package var iterations = StatCount()
    package var items = StatCount()
    package var scripts = StatCount()
    package var prerequests = StatCount()
    package var requests = StatCount()
    package var tests = StatCount()
    package var assertions = StatCount()
    package var testScripts = StatCount()
    package var prerequestScripts = StatCount()
    package init() {}
}

/// One entry of Newman's `run.failures`: a failed assertion, a script error or a request error.
package struct RunFailure: Sendable, Equatable {
    package enum Kind: String, Sendable { case assertion, scriptError, requestError }
    package var kind: Kind
    package var cursor: Cursor
    package var item: ItemReference
    /// Error name (`AssertionError`, `TypeError`, `ECONNREFUSED`…).
    package var name: String
    package var message: String
    /// For assertions: the test name; for script errors: the script's owner; for request errors: the URL.
    package var source: String
    /// Newman's `at`: `assertion:N in test-script`, `test-script`, `prerequest-script`, `request`.
    package var at: String
    package init(kind: Kind, cursor: Cursor, item: ItemReference, name: String, message: String, source: String, at: String) {
        self.kind = kind
        self.cursor = cursor
        self.item = item
        self.name = name
        self.message = message
        self.source = source
        self.at = at
    }
}

/// The whole run as data, built by the runner as it goes; reports are pure functions of it.
package struct RunRecord: Sendable {
    package var start: RunStartInfo
    /// Wall-clock end, milliseconds since 1970.
    package var completedAt: Double
    package var stats = RunStats()
    package var executions: [ItemExecution] = []
    package var failures: [RunFailure] = []
    /// A run-level error that stopped the run (whole-run timeout, `--bail folder`), if any.
    package var runError: String?
    /// What a user should know that is not a failure, as the CLI printed it (JSON `run.warnings`).
    package var warnings: [String] = []
    package init(start: RunStartInfo, completedAt: Double = 0) {
        self.start = start
        self.completedAt = completedAt
    }
    /// Whether anything failed (the exit code is 1 then).
    package var failed: Bool { !failures.isEmpty || runError != nil }
}

extension RunStats {
    /// Adds another run's counts (the shards of one run, `carrier merge-reports`).
    package mutating func add(_ other: RunStats) {
        func sum(_ a: inout StatCount, _ b: StatCount) {
            a.total += b.total
            a.pending += b.pending
            a.failed += b.failed
        }
        sum(&iterations, other.iterations)
        sum(&items, other.items)
        sum(&scripts, other.scripts)
        sum(&prerequests, other.prerequests)
        sum(&requests, other.requests)
        sum(&tests, other.tests)
        sum(&assertions, other.assertions)
        sum(&testScripts, other.testScripts)
        sum(&prerequestScripts, other.prerequestScripts)
    }
}
