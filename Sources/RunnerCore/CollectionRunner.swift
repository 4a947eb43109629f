import AuthSigning
import RunContracts
import CollectionModel
import JSONValue

/// Runs a planned collection: iterations, then items in order, scripts around each request in Newman's order,
/// `setNextRequest` and `skipRequest` flow, `--bail` and `--timeout`. Single-threaded; emits events in order and
/// builds the `RunRecord` as it goes.
package final class CollectionRunner {
    private let plan: RunPlan
    private let start: RunStartInfo
    private let data: IterationRows
    private let options: RunOptions
    private let transport: HTTPTransport
    private let sandbox: ScriptSandbox?
    private let observers: [RunObserver]
    private let clock: RunClock
    private let redactor: SecretRedactor?
    private let urlMemo = ParsedURLMemo()
    /// Variables as they stand; scripts change them and exports read them after the run.
    package private(set) var scopes: VariableScopes
    private var record: RunRecord
    /// Whether `RunRecord.executions` keeps every execution. Reports rendered from the record at the end need them;
    /// with streaming reports (see `executionSink`) the CLI turns this off, so memory stays flat however many
    /// iterations run: then only executions with a failure are kept, without their bodies.
    package var keepsExecutions = true
    /// Called with each finished execution and the record so far (failures included), before the record lets the
    /// execution go when `keepsExecutions` is off: streaming reports write it out here.
    package var executionSink: ((ItemExecution, RunRecord) -> Void)?

    package convenience init(plan: RunPlan, start: RunStartInfo, scopes: VariableScopes, dataRows: [JSONObject],
                             options: RunOptions, transport: HTTPTransport, sandbox: ScriptSandbox?, observers: [RunObserver],
                             clock: RunClock = SystemClock(), redactor: SecretRedactor? = nil) {
        self.init(plan: plan, start: start, scopes: scopes, data: IterationData(dataRows), options: options,
                  transport: transport, sandbox: sandbox, observers: observers, clock: clock, redactor: redactor)
    }

    /// A runner whose iteration data may be streamed from a file (`IterationData(path:)`).
    package init(plan: RunPlan, start: RunStartInfo, scopes: VariableScopes, data: IterationData, options: RunOptions,
                 transport: HTTPTransport, sandbox: ScriptSandbox?, observers: [RunObserver], clock: RunClock = SystemClock(),
                 redactor: SecretRedactor? = nil) {
        self.plan = plan
        self.data = data.makeRows()
        var options = options
        if options.buildSettings.authContext.tokenFetcher == nil {
            // OAuth 2.0 token requests go through the run's own transport (its proxy, TLS and cookie settings).
            let box = TransportBox(transport)
            options.buildSettings.authContext.tokenFetcher = { box.transport.send($0) }
        }
        self.options = options
        self.transport = transport
        self.sandbox = sandbox
        self.observers = observers
        self.clock = clock
        self.redactor = redactor
        self.scopes = scopes
        redactor?.learn(from: scopes)
        var start = start
        start.iterationCount = options.iterationCount ?? max(data.count, 1)
        self.start = start
        self.record = RunRecord(start: start)
    }

    /// Iterations planned.
    package var iterationCount: Int { start.iterationCount }

    private func emit(_ event: RunEvent) {
        for observer in observers { observer.observe(event) }
    }

    /// A warning goes to the listeners and into the record, so the JSON report keeps it too.
    private func warn(_ text: String) {
        record.warnings.append(text)
        emit(.warning(text))
    }

    /// Runs to the end (or to `--bail`/`--timeout`) and returns the record.
    package func run() -> RunRecord {
        emit(.runStarted(start))
        let count = iterationCount
        let range = (options.iterationRange ?? 0..<count).clamped(to: 0..<count)
        iterations: for iteration in range {
            var cursor = Cursor(iteration: iteration, iterationCount: count, position: 0, length: plan.items.count)
            if let row = data.row(for: iteration) {
                scopes.data = VariableScope(.data, variables: row.members.map { Variable(key: $0.key, value: $0.value) })
            }
            record.stats.iterations.total += 1
            emit(.iterationStarted(cursor))
            var index = 0
            while index < plan.items.count {
                if runTimedOut() { break iterations }
                cursor.position = index
                let planned = plan.items[index]
                let failuresBefore = record.failures.count
                let (execution, next) = runItem(planned, cursor: cursor)
                if keepsExecutions {
                    record.executions.append(execution)
                } else if record.failures.count > failuresBefore {
                    // The failure list at the end names the exchange behind each failure; failures are few, and
                    // without bodies what is kept for them stays small.
                    record.executions.append(execution.withoutBodies)
                }
                executionSink?(execution, record)
                emit(.itemFinished(cursor, execution))
                if options.bail && itemFailed(execution) { break iterations }
                switch next {
                case nil: index += 1
                case .stop?: index = plan.items.count
                case .named(let name)?: index = plan.index(ofRequestNamed: name) ?? plan.items.count
                }
            }
            emit(.iterationFinished(cursor))
        }
        record.completedAt = clock.now()
        emit(.runFinished(record))
        return record
    }

    private func runTimedOut() -> Bool {
        guard options.runTimeoutMilliseconds > 0,
              clock.now() - start.startedAt > Double(options.runTimeoutMilliseconds) else { return false }
        record.runError = "callback timed out: the run exceeded --timeout \(options.runTimeoutMilliseconds) ms"
        return true
    }

    private func itemFailed(_ execution: ItemExecution) -> Bool {
        execution.requestError != nil || !execution.scriptFailures.isEmpty
            || execution.assertions.contains { $0.status == .failed }
    }

    private func runItem(_ planned: PlannedItem, cursor: Cursor) -> (ItemExecution, NextRequest?) {
        clock.sleep(milliseconds: options.delayRequestMilliseconds)
        let reference = planned.reference
        var execution = ItemExecution(cursor: cursor, item: reference, startedAt: clock.now())
        record.stats.items.total += 1
        emit(.itemStarted(cursor, reference))

        var request = planned.request
        var next: NextRequest?
        let host = RunnerScriptHost(transport: transport, settings: options.buildSettings)

        record.stats.prerequests.total += 1
        for script in planned.prerequestScripts {
            let outcome = runScript(script, phase: .prerequest, planned: planned, request: request, response: nil,
                                    cursor: cursor, host: host, execution: &execution)
            if let changed = outcome.flatMap({ try? RequestDefinition.decode($0.request, file: "pm.request", path: "$") }) {
                request = changed
            }
            if let requested = outcome?.nextRequest { next = requested }
            if outcome?.skipRequest == true { execution.skipped = true }
        }
        if execution.skipped { return (execution, next) }

        let resolver = VariableResolver(scopes: scopes)
        if let auth = planned.effectiveAuth { redactor?.learn(AuthSigners.secrets(of: auth, resolve: resolver.resolve)) }
        record.stats.requests.total += 1
        do {
            let built = try RequestBuilder.build(request, auth: planned.effectiveAuth,
                                                 protocolProfileBehavior: planned.protocolProfileBehavior,
                                                 resolver: resolver, settings: options.buildSettings,
                                                 urlMemo: urlMemo)
            var (prepared, result) = send(built, reference: reference)
            // An auth may ask for the request again after reading the response (Digest's 401 challenge).
            var auth = planned.effectiveAuth
            for _ in 0..<AuthSigners.maximumRetries {
                guard case .success(let response) = result,
                      let next = AuthSigners.retry(after: response, auth: auth, context: options.buildSettings.authContext)
                else { break }
                auth = next
                let rebuilt = try RequestBuilder.build(request, auth: next, protocolProfileBehavior: planned.protocolProfileBehavior,
                                                       resolver: resolver, settings: options.buildSettings,
                                                       urlMemo: urlMemo)
                (prepared, result) = send(rebuilt, reference: reference)
            }
            execution.request = (try? result.get().sentRequest) ?? prepared
            // Test scripts see the request as Newman shows it after the send: resolved, with every header that
            // went on the wire (the transport adds Host).
            if var resolved = built.resolved {
                if let sent = execution.request { resolved.headers = sent.headers.map { KeyValue(key: $0.name, value: $0.value) } }
                request = resolved
            }
            emit(.requestCompleted(cursor, reference, prepared, result))
            switch result {
            case .success(let response): execution.response = response
            case .failure(let error): recordRequestError(error, url: prepared.url, cursor: cursor, execution: &execution)
            }
        } catch {
            let failure = TransportError(kind: .invalidURL, code: "EINVALIDREQUEST", message: error.message)
            let unsent = PreparedRequest(method: request.method, url: resolver.resolve(request.url.raw))
            emit(.requestCompleted(cursor, reference, unsent, .failure(failure)))
            recordRequestError(failure, url: unsent.url, cursor: cursor, execution: &execution)
        }

        record.stats.tests.total += 1
        for script in planned.testScripts {
            let outcome = runScript(script, phase: .test, planned: planned, request: request, response: execution.response,
                                    cursor: cursor, host: host, execution: &execution)
            if let requested = outcome?.nextRequest { next = requested }
        }
        return (execution, next)
    }

    /// Reports what building found, then sends within the run's time budget.
    private func send(_ built: BuiltRequest, reference: ItemReference) -> (PreparedRequest, Result<HTTPResponse, TransportError>) {
        for warning in built.warnings { warn("\(reference.qualifiedName): \(warning)") }
        for secret in built.generatedSecrets { redactor?.add(secret) }
        var prepared = built.request
        if options.runTimeoutMilliseconds > 0 {
            prepared.options.timeoutMilliseconds = remainingRequestBudget(prepared.options.timeoutMilliseconds)
        }
        return (prepared, transport.send(prepared))
    }

    /// The per-request timeout, shortened so a request cannot outlive the whole-run `--timeout`.
    private func remainingRequestBudget(_ requestTimeout: Int) -> Int {
        let remaining = max(1, Int(Double(options.runTimeoutMilliseconds) - (clock.now() - start.startedAt)))
        return requestTimeout > 0 ? min(requestTimeout, remaining) : remaining
    }

    private func recordRequestError(_ error: TransportError, url: String, cursor: Cursor, execution: inout ItemExecution) {
        execution.requestError = error
        record.stats.requests.failed += 1
        record.failures.append(RunFailure(kind: .requestError, cursor: cursor, item: execution.item, name: error.code,
                                          message: error.message, source: url, at: "request"))
    }

    private func runScript(_ script: OwnedScript, phase: ScriptPhase, planned: PlannedItem, request: RequestDefinition,
                           response: HTTPResponse?, cursor: Cursor, host: RunnerScriptHost,
                           execution: inout ItemExecution) -> ScriptOutcome? {
        guard let sandbox else { return nil }
        let reference = planned.reference
        let info = ScriptContextInfo(phase: phase, iteration: cursor.iteration, iterationCount: cursor.iterationCount,
                                     requestName: reference.name, requestId: reference.id,
                                     location: [start.collectionName] + reference.folders + [reference.name],
                                     owner: script.owner)
        // pm.cookies shows the jar's cookies for the URL the response came from (or, before the send, the URL to be
        // sent); resolving the URL text is enough here, a full build would read upload files for nothing.
        let url = response?.finalURL ?? VariableResolver(scopes: scopes).resolve(request.url.toString(forceProtocol: true))
        let invocation = ScriptInvocation(
            source: script.event.source,
            sourceName: "\(phase == .test ? "Tests" : "Pre-request script") of \(script.owner)",
            info: info, request: request.jsonValue, response: response,
            cookies: url.isEmpty ? [] : transport.cookies(for: url),
            timeoutMilliseconds: options.scriptTimeoutMilliseconds)

        record.stats.scripts.total += 1
        if phase == .test { record.stats.testScripts.total += 1 } else { record.stats.prerequestScripts.total += 1 }
        emit(.scriptStarted(cursor, reference, phase, owner: script.owner))
        let outcome = sandbox.run(invocation, scopes: &scopes, host: host)
        // Scripts may have stored new secrets (a token from a login response): learn them before anything is reported.
        redactor?.learn(from: scopes)
        for message in outcome.console {
            execution.console.append(message)
            emit(.console(cursor, reference, message))
        }
        for assertion in outcome.assertions {
            execution.assertions.append(assertion)
            record.stats.assertions.total += 1
            if assertion.status == .failed {
                record.stats.assertions.failed += 1
                record.failures.append(RunFailure(
                    kind: .assertion, cursor: cursor, item: reference, name: assertion.errorName ?? "AssertionError",
                    message: assertion.message ?? "", source: assertion.name,
                    at: "assertion:\(assertion.index) in \(phase == .test ? "test-script" : "prerequest-script")"))
            }
            emit(.assertion(cursor, reference, assertion))
        }
        // pm.sendRequest calls count as requests, and their failures as request errors, as Newman counts them.
        let sendRequests = host.takeRequests()
        record.stats.requests.total += sendRequests.sent
        record.stats.requests.failed += sendRequests.failures.count
        execution.sendRequestCount += sendRequests.sent
        for error in sendRequests.failures {
            record.failures.append(RunFailure(kind: .requestError, cursor: cursor, item: reference, name: error.code,
                                              message: error.message, source: "pm.sendRequest", at: "request"))
        }
        for ignored in outcome.warnings {
            warn("\(reference.qualifiedName): a pm.sendRequest callback in the \(phase == .test ? "test" : "pre-request") script of "
                 + "\(script.owner) threw \(ignored.name): \(ignored.message) (ignored, as Newman ignores it)")
        }
        if let error = outcome.error {
            execution.scriptFailures.append(ScriptFailure(phase: phase, owner: script.owner, error: error))
            record.stats.scripts.failed += 1
            if phase == .test { record.stats.testScripts.failed += 1 } else { record.stats.prerequestScripts.failed += 1 }
            record.failures.append(RunFailure(
                kind: .scriptError, cursor: cursor, item: reference, name: error.name,
                message: error.message, source: script.owner,
                at: phase == .test ? "test-script" : "prerequest-script"))
        }
        emit(.scriptFinished(cursor, reference, phase, owner: script.owner, outcome.error))
        return outcome
    }
}

private extension ItemExecution {
    /// The execution with request and response bodies dropped.
    var withoutBodies: ItemExecution {
        var kept = self
        kept.request?.body = nil
        kept.response?.body = []
        kept.response?.sentRequest?.body = nil
        return kept
    }
}

/// Lets the token fetcher, a `@Sendable` closure, reach the run's transport. The runner is single-threaded and
/// the fetcher runs only while a request is being built on that thread.
private final class TransportBox: @unchecked Sendable {
    let transport: HTTPTransport
    init(_ transport: HTTPTransport) { self.transport = transport }
}
