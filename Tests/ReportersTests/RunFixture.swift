import RunContracts
import RunnerCore

/// A hand-built two-iteration run: a passing request with a skipped test and a console line, a request in a
/// folder with a failing assertion (first iteration only) and a script error, and a refused connection.
enum RunFixture {
    static let startedAt = 1_764_424_800_000.0 // 2025-11-29T14:00:00.000Z

    static func record(iterations: Int = 2) -> RunRecord {
        let start = RunStartInfo(collectionName: "Carrier Demo", collectionId: "col-1",
                                 collectionPath: "/tmp/demo.postman_collection.json", environmentName: "Staging",
                                 iterationCount: iterations, startedAt: startedAt)
        var record = RunRecord(start: start, completedAt: startedAt + 1_234)
        for iteration in 0..<iterations {
            let (executions, failures) = self.iteration(iteration, of: iterations)
            record.executions += executions
            record.failures += failures
        }
        let scriptErrors = iterations
        let failedAssertions = 1
        record.stats.iterations = StatCount(total: iterations)
        record.stats.items = StatCount(total: 3 * iterations)
        record.stats.requests = StatCount(total: 3 * iterations, failed: iterations)
        record.stats.testScripts = StatCount(total: 2 * iterations, failed: scriptErrors)
        record.stats.scripts = StatCount(total: 2 * iterations, failed: scriptErrors)
        record.stats.tests = StatCount(total: 2 * iterations, failed: scriptErrors)
        record.stats.assertions = StatCount(total: 4 * iterations, failed: failedAssertions)
        return record
    }

    /// One iteration with markup, quotes, control characters, `]]>` and dots in every place report text goes.
    static func hostileText() -> RunRecord {
        var record = self.record(iterations: 1)
        record.start.collectionName = "Demo v1.2 & <co>"
        record.executions[1].item = ItemReference(id: "x\"y", name: "Create \"user\" 'q'", folders: ["Users.v2"])
        record.executions[1].assertions[1].name = "bell\u{07} tab\t<b>&"
        record.executions[1].assertions[1].message = "a ]]> b\u{0}c\nline2"
        record.executions[1].assertions[1].stack = "trace ]]> end"
        record.executions[0].console = [ConsoleMessage(level: .warn, text: "escape \u{1B}[31m ]]> done")]
        return record
    }

    static let getStatus = ItemReference(id: "item-1", name: "Get status", folders: [])
    static let createUser = ItemReference(id: "item-2", name: "Create user", folders: ["Users"])
    static let broken = ItemReference(id: "item-3", name: "Broken", folders: ["Users"])

    static let typeError = ScriptError(name: "TypeError", message: "Cannot read properties of undefined (reading 'id')",
                                       line: 3, column: 12,
                                       stack: "TypeError: Cannot read properties of undefined (reading 'id')\n    at test-script:3:12")

    static func iteration(_ iteration: Int, of count: Int) -> ([ItemExecution], [RunFailure]) {
        func cursor(_ position: Int) -> Cursor {
            Cursor(iteration: iteration, iterationCount: count, position: position, length: 3)
        }
        let base = startedAt + Double(iteration) * 500

        var first = ItemExecution(cursor: cursor(0), item: getStatus, startedAt: base)
        first.request = PreparedRequest(method: "GET", url: "http://127.0.0.1:8080/status",
                                        headers: [HTTPHeader("Accept", "*/*")])
        var timings = ResponseTimings()
        timings.dns = 2
        timings.firstByte = 40
        timings.total = 45
        first.response = HTTPResponse(code: 200, reason: "OK", headers: [HTTPHeader("Content-Type", "text/plain")],
                                      body: Array("fine".utf8), responseTime: 45, timings: timings)
        first.assertions = [AssertionResult(name: "Status is 200", status: .passed, index: 0),
                            AssertionResult(name: "Later", status: .skipped, index: 1)]
        first.console = [ConsoleMessage(level: .log, text: "hello from iteration \(iteration + 1)")]

        var second = ItemExecution(cursor: cursor(1), item: createUser, startedAt: base + 100)
        second.request = PreparedRequest(method: "POST", url: "http://127.0.0.1:8080/users",
                                         headers: [HTTPHeader("Content-Type", "application/json")],
                                         body: Array("{\"name\":\"ann\"}".utf8))
        second.response = HTTPResponse(code: 201, reason: "Created", body: Array("{}".utf8), responseTime: 120)
        let hasIDFails = iteration == 0
        second.assertions = [
            AssertionResult(name: "Status is 201", status: .passed, index: 0),
            hasIDFails
                ? AssertionResult(name: "Has id", status: .failed, errorName: "AssertionError",
                                  message: "expected undefined to exist", stack: "AssertionError: expected undefined to exist",
                                  index: 1)
                : AssertionResult(name: "Has id", status: .passed, index: 1),
        ]
        second.scriptFailures = [ScriptFailure(phase: .test, owner: "request \"Create user\"", error: typeError)]

        var third = ItemExecution(cursor: cursor(2), item: broken, startedAt: base + 300)
        third.request = PreparedRequest(method: "GET", url: "http://127.0.0.1:9/")
        third.requestError = TransportError(kind: .connectionRefused, code: "ECONNREFUSED",
                                            message: "connect ECONNREFUSED 127.0.0.1:9")

        var failures: [RunFailure] = []
        if hasIDFails {
            failures.append(RunFailure(kind: .assertion, cursor: cursor(1), item: createUser, name: "AssertionError",
                                       message: "expected undefined to exist", source: "Has id",
                                       at: "assertion:1 in test-script"))
        }
        failures.append(RunFailure(kind: .scriptError, cursor: cursor(1), item: createUser, name: "TypeError",
                                   message: typeError.message, source: "request \"Create user\"", at: "test-script:3:12"))
        failures.append(RunFailure(kind: .requestError, cursor: cursor(2), item: broken, name: "ECONNREFUSED",
                                   message: "connect ECONNREFUSED 127.0.0.1:9", source: "http://127.0.0.1:9/", at: "request"))
        return ([first, second, third], failures)
    }

    /// The events a runner would have sent for the record, in order.
    static func events(for record: RunRecord) -> [RunEvent] {
        var events: [RunEvent] = [.runStarted(record.start)]
        let iterations = Dictionary(grouping: record.executions, by: \.cursor.iteration)
        for iteration in iterations.keys.sorted() {
            let executions = iterations[iteration] ?? []
            guard let firstCursor = executions.first?.cursor else { continue }
            events.append(.iterationStarted(firstCursor))
            for execution in executions {
                let c = execution.cursor, item = execution.item
                events.append(.itemStarted(c, item))
                for failure in execution.scriptFailures where failure.phase == .prerequest {
                    events.append(.scriptFinished(c, item, .prerequest, owner: failure.owner, failure.error))
                }
                if let request = execution.request {
                    if let response = execution.response {
                        events.append(.requestCompleted(c, item, request, .success(response)))
                    } else if let error = execution.requestError {
                        events.append(.requestCompleted(c, item, request, .failure(error)))
                    }
                }
                execution.console.forEach { events.append(.console(c, item, $0)) }
                execution.assertions.forEach { events.append(.assertion(c, item, $0)) }
                for failure in execution.scriptFailures where failure.phase == .test {
                    events.append(.scriptFinished(c, item, .test, owner: failure.owner, failure.error))
                }
                events.append(.itemFinished(c, execution))
            }
            events.append(.iterationFinished(firstCursor))
        }
        events.append(.runFinished(record))
        return events
    }
}
