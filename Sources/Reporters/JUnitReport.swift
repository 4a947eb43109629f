import RunContracts

/// What the JUnit report needs beyond the record.
package struct JUnitOptions: Sendable {
    /// Environment name for the suites' properties; `nil` takes the record's (none when that is empty).
    package var environmentName: String?
    /// Host name for the suites' `hostname` attribute, fixed by the caller so output is reproducible; `nil` omits it.
    package var hostname: String?
    /// Write script console lines into `<system-out>`.
    package var includeConsole: Bool
    /// Applied to every attribute value and text before escaping (identity by default).
    package var redactor: @Sendable (String) -> String

    /// Defaults: the record's environment, no host name, console included, nothing redacted.
    package init(environmentName: String? = nil, hostname: String? = nil, includeConsole: Bool = true,
                 redactor: @escaping @Sendable (String) -> String = { $0 }) {
        self.environmentName = environmentName
        self.hostname = hostname
        self.includeConsole = includeConsole
        self.redactor = redactor
    }
}

/// The run as JUnit XML, laid out for CI dashboards rather than copied from Newman: one suite per request
/// execution, one test case per assertion, request and script errors as `<error>` cases, skipped tests as
/// `<skipped/>`, and counts that always add up (`tests = passed + failures + errors + skipped` in every suite).
///
/// Every document is valid against the Jenkins xUnit plugin's `junit-10.xsd` (checked in the tests), which allows no
/// `skipped` on `<testsuites>`: the root carries `tests`, `failures` and `errors`, and the skipped total is the sum
/// of the suites' `skipped` attributes.
package enum JUnitReport {
    /// The complete document, UTF-8 text with a trailing newline; the caller writes it atomically.
    package static func render(_ record: RunRecord, options: JUnitOptions) -> String {
        let suites = JUnitModel.suites(record, options: options)
        let totals = suites.reduce(into: JUnitModel.Counts()) { $0.add($1.counts) }
        var out = documentHead(record, totals: totals, options: options)
        for suite in suites { appendSuite(suite, file: record.start.collectionPath, options: options, to: &out) }
        out += "</testsuites>\n"
        return out
    }

    /// The XML declaration and the opening `<testsuites>` with the run's totals.
    static func documentHead(_ record: RunRecord, totals: JUnitModel.Counts, options: JUnitOptions) -> String {
        documentHead(name: record.start.collectionName, totals: totals,
                     milliseconds: record.completedAt - record.start.startedAt, options: options)
    }

    /// The XML declaration and the opening `<testsuites>`. junit-10.xsd allows only `name`, `time`, `tests`,
    /// `failures` and `errors` here, so the skipped count stays in the suites.
    static func documentHead(name: String, totals: JUnitModel.Counts, milliseconds: Double,
                             options: JUnitOptions) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"\(XMLText.attribute(options.redactor(name)))\" tests=\"\(totals.tests)\""
            + " failures=\"\(totals.failures)\" errors=\"\(totals.errors)\""
            + " time=\"\(ReportText.seconds(milliseconds))\">\n"
    }

    /// One `<testsuite>` element; shared by the single-run and the many-environment documents.
    static func appendSuite(_ suite: JUnitModel.Suite, file: String, options: JUnitOptions, to out: inout String) {
        let redact = options.redactor
        func attr(_ text: String) -> String { XMLText.attribute(redact(text)) }
        let c = suite.counts
        out += "  <testsuite name=\"\(attr(suite.name))\" tests=\"\(c.tests)\" failures=\"\(c.failures)\""
            + " errors=\"\(c.errors)\" skipped=\"\(c.skipped)\" time=\"\(ReportText.seconds(suite.time))\""
            + " timestamp=\"\(ReportText.isoTimestamp(suite.timestamp))\" file=\"\(attr(file))\""
            + " id=\"\(attr(suite.id))\""
            + (options.hostname.map { " hostname=\"\(attr($0))\"" } ?? "") + ">\n"
        if !suite.properties.isEmpty {
            out += "    <properties>\n"
            for (name, value) in suite.properties {
                out += "      <property name=\"\(attr(name))\" value=\"\(attr(value))\"/>\n"
            }
            out += "    </properties>\n"
        }
        for testCase in suite.cases {
            out += "    <testcase name=\"\(attr(testCase.name))\" classname=\"\(attr(suite.classname))\""
                + " time=\"\(ReportText.seconds(suite.time))\""
            switch testCase.outcome {
            case .passed:
                out += "/>\n"
            case .skipped(let message):
                out += ">\n      <skipped" + (message.map { " message=\"\(attr($0))\"" } ?? "") + "/>\n    </testcase>\n"
            case .failed(let type, let message, let body), .errored(let type, let message, let body):
                let tag = if case .failed = testCase.outcome { "failure" } else { "error" }
                out += ">\n      <\(tag) message=\"\(attr(message))\" type=\"\(attr(type))\">"
                    + XMLText.cdata(redact(body)) + "</\(tag)>\n    </testcase>\n"
            }
        }
        if let systemOut = suite.systemOut {
            out += "    <system-out>\(XMLText.cdata(redact(systemOut)))</system-out>\n"
        }
        out += "  </testsuite>\n"
    }
}

/// The report as data before it becomes XML: keeps counting apart from escaping.
enum JUnitModel {
    struct Counts {
        var tests = 0, failures = 0, errors = 0, skipped = 0
        mutating func add(_ other: Counts) {
            tests += other.tests; failures += other.failures; errors += other.errors; skipped += other.skipped
        }
    }

    enum Outcome {
        case passed
        case skipped(message: String?)
        case failed(type: String, message: String, body: String)
        case errored(type: String, message: String, body: String)
    }

    struct Case {
        var name: String
        var outcome: Outcome
    }

    struct Suite {
        var name: String
        var id: String
        var classname: String
        var timestamp: Double
        var time: Double
        var properties: [(String, String)]
        var cases: [Case]
        var systemOut: String?

        /// Derived from the cases, so the attributes cannot disagree with the elements.
        var counts: Counts {
            var c = Counts()
            for testCase in cases {
                c.tests += 1
                switch testCase.outcome {
                case .passed: break
                case .skipped: c.skipped += 1
                case .failed: c.failures += 1
                case .errored: c.errors += 1
                }
            }
            return c
        }
    }

    static func suites(_ record: RunRecord, options: JUnitOptions) -> [Suite] {
        let environment = options.environmentName ?? record.start.environmentName
        var suites = record.executions.map { suite(for: $0, record: record, environment: environment, options: options) }
        if let run = runSuite(record, environment: environment) { suites.append(run) }
        return suites
    }

    static func suite(for execution: ItemExecution, record: RunRecord, environment: String,
                      options: JUnitOptions) -> Suite {
        let cursor = execution.cursor
        let iterations = max(record.start.iterationCount, cursor.iterationCount)
        let iterationSuffix = iterations > 1 ? " (iteration \(cursor.iteration + 1)/\(iterations))" : ""
        let request = execution.response?.sentRequest ?? execution.request
        let requestLine = request.map { "\($0.method) \($0.url)" } ?? "(not sent)"
        let exchange = execution.response.map { "\(requestLine) [\($0.code) \($0.reason)]" }
            ?? execution.requestError.map { "\(requestLine) [errored: \($0.code)]" } ?? requestLine
        let iterationLine = "Iteration: \(cursor.iteration + 1)/\(iterations)"

        var cases: [Case] = []
        func addScriptErrors(_ phase: ScriptPhase) {
            for failure in execution.scriptFailures where failure.phase == phase {
                let name = "\(failure.phase == .test ? "Tests" : "Pre-request script") of \(failure.owner)"
                let error = failure.error
                var body = ["Script: \(name)", "Error: \(error)", "Request: \(exchange)", iterationLine]
                if let stack = error.stack, !stack.isEmpty { body.append("Stack:\n\(stack)") }
                cases.append(Case(name: name, outcome: .errored(type: error.name, message: "\(name), \(error)",
                                                                 body: body.joined(separator: "\n"))))
            }
        }
        // In the order things happened: pre-request scripts, the request, tests.
        addScriptErrors(.prerequest)
        if let error = execution.requestError {
            cases.append(Case(name: "Request \"\(execution.item.name)\"", outcome: .errored(
                type: error.code, message: error.message,
                body: ["Request: \(requestLine)", "Error: \(error.code): \(error.message)", iterationLine]
                    .joined(separator: "\n"))))
        } else if execution.skipped, execution.response == nil {
            cases.append(Case(name: "Request \"\(execution.item.name)\"",
                              outcome: .skipped(message: "skipped by pm.execution.skipRequest()")))
        }
        // Request errors raised inside scripts (`pm.sendRequest`) belong to this execution but are not its request.
        for failure in record.failures
        where failure.kind == .requestError && execution.owns(failure) && !execution.isOwnRequestError(failure) {
            cases.append(Case(name: "Request error in \(failure.source)", outcome: .errored(
                type: failure.name, message: failure.message,
                body: ["Request: \(failure.source)", "Error: \(failure.name): \(failure.message)", iterationLine]
                    .joined(separator: "\n"))))
        }
        for assertion in execution.assertions {
            switch assertion.status {
            case .passed:
                cases.append(Case(name: assertion.name, outcome: .passed))
            case .skipped:
                cases.append(Case(name: assertion.name, outcome: .skipped(message: nil)))
            case .failed:
                let type = assertion.errorName ?? "AssertionError"
                let message = assertion.message ?? ""
                var body = ["Test: \(assertion.name)", "Message: \(message)", "Request: \(exchange)", iterationLine]
                if let stack = assertion.stack, !stack.isEmpty { body.append("Stack:\n\(stack)") }
                cases.append(Case(name: assertion.name, outcome: .failed(type: type, message: message,
                                                                         body: body.joined(separator: "\n"))))
            }
        }

        addScriptErrors(.test)

        var properties = [("iteration", String(cursor.iteration + 1))]
        if !environment.isEmpty { properties.append(("environment", environment)) }
        let console = execution.console.map { $0.level == .log ? $0.text : "[\($0.level.rawValue)] \($0.text)" }
        return Suite(name: execution.item.qualifiedName + iterationSuffix, id: execution.item.id,
                     classname: classname(collection: record.start.collectionName, item: execution.item),
                     timestamp: execution.startedAt, time: execution.response?.responseTime ?? 0,
                     properties: properties, cases: cases,
                     systemOut: options.includeConsole && !console.isEmpty ? console.joined(separator: "\n") : nil)
    }

    /// A suite for what no request suite shows: a run error, or failures that belong to no recorded execution,
    /// so the report fails exactly when the run did.
    static func runSuite(_ record: RunRecord, environment: String) -> Suite? {
        var cases: [Case] = []
        if let runError = record.runError {
            cases.append(Case(name: "Run", outcome: .errored(type: "RunError", message: runError, body: runError)))
        }
        for failure in record.failures where record.execution(of: failure) == nil {
            let text = "\(failure.name): \(failure.message)\nat \(failure.at)\ninside \"\(failure.item.qualifiedName)\""
            cases.append(Case(name: failure.source, outcome: .errored(type: failure.name, message: failure.message,
                                                                      body: text)))
        }
        guard !cases.isEmpty else { return nil }
        var properties: [(String, String)] = []
        if !environment.isEmpty { properties.append(("environment", environment)) }
        return Suite(name: "Run", id: record.start.collectionId, classname: safeSegment(record.start.collectionName),
                     timestamp: record.start.startedAt, time: record.completedAt - record.start.startedAt,
                     properties: properties, cases: cases, systemOut: nil)
    }

    /// `Collection.Folder / Sub / Request`. Jenkins splits a classname at its last dot into package and class,
    /// so the only dot we emit is the one after the collection: dots inside names become `_`, and the folder path
    /// and request are joined with " / ". Jenkins then shows package = collection, class = "Folder / Request".
    static func classname(collection: String, item: ItemReference) -> String {
        safeSegment(collection) + "." + (item.folders + [item.name]).map(safeSegment).joined(separator: " / ")
    }

    private static func safeSegment(_ name: String) -> String {
        let replaced = String(name.map { $0 == "." ? "_" : $0 })
        return replaced.isEmpty ? "_" : replaced
    }
}
