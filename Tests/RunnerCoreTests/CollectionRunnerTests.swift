import CarrierTestSupport
import CollectionModel
import JSONValue
import RunContracts
import RunnerCore
import Testing

@Suite("The runner's order of work: iterations, scripts around requests, flow control")
struct CollectionRunnerTests {
    static func request(_ name: String, pre: String? = nil, test: String? = nil) -> Item {
        var events: [ScriptEvent] = []
        if let pre { events.append(ScriptEvent(listen: .prerequest, source: pre)) }
        if let test { events.append(ScriptEvent(listen: .test, source: test)) }
        return Item(id: "id-" + name, name: name,
                    kind: .request(RequestDefinition(url: RequestURL.parse("http://127.0.0.1:9/\(name)"))), events: events)
    }

    static func collection(_ items: [Item], events: [ScriptEvent] = []) -> Collection {
        Collection(info: CollectionInfo(name: "C", id: "cid"), items: items, events: events)
    }

    private func makeRunner(_ collection: Collection, sandbox: ScriptSandbox?, transport: HTTPTransport, observer: RecordingObserver? = nil,
                            data: [JSONObject] = [], configure: (inout RunOptions) -> Void = { _ in }) throws -> CollectionRunner {
        var options = RunOptions(buildSettings: RequestBuildSettings(workingDirectory: "/tmp"))
        configure(&options)
        let start = RunStartInfo(collectionName: "C", collectionId: "cid", collectionPath: "c.json", environmentName: "",
                                 iterationCount: 0, startedAt: 0)
        return CollectionRunner(plan: try RunPlan(collection: collection), start: start, scopes: VariableScopes(),
                                dataRows: data, options: options, transport: transport, sandbox: sandbox,
                                observers: observer.map { [$0] } ?? [], clock: FixedClock(0))
    }

    @Test("scripts run collection → folder → request before the send, and tests in the same order after it")
    func scriptOrder() throws {
        let folder = Item(id: "f", name: "F", kind: .folder([Self.request("r", pre: "reqPre", test: "reqTest")]),
                          events: [ScriptEvent(listen: .prerequest, source: "folderPre"), ScriptEvent(listen: .test, source: "folderTest")])
        let collection = Self.collection([folder], events: [ScriptEvent(listen: .prerequest, source: "collPre"),
                                                            ScriptEvent(listen: .test, source: "collTest")])
        let sandbox = ScriptedSandbox()
        let transport = RecordingTransport()
        _ = try makeRunner(collection, sandbox: sandbox, transport: transport).run()
        #expect(sandbox.trace == ["prerequest:collPre", "prerequest:folderPre", "prerequest:reqPre",
                                  "test:collTest", "test:folderTest", "test:reqTest"])
        #expect(transport.sent.count == 1)
        #expect(sandbox.invocations[3].response?.code == 200)
        #expect(sandbox.invocations[0].response == nil)
    }

    @Test("setNextRequest jumps (backwards too) and null ends the iteration")
    func nextRequest() throws {
        var visits = 0
        let sandbox = ScriptedSandbox { invocation, _ in
            var outcome = ScriptOutcome(request: invocation.request)
            switch invocation.source {
            case "jumpToC": outcome.nextRequest = .named("c")
            case "backOnce":
                visits += 1
                if visits == 1 { outcome.nextRequest = .named("id-a") } else { outcome.nextRequest = .stop }
            default: break
            }
            return outcome
        }
        let transport = RecordingTransport()
        let collection = Self.collection([Self.request("a", test: "jumpToC"), Self.request("b"), Self.request("c", test: "backOnce"),
                                          Self.request("d")])
        let record = try makeRunner(collection, sandbox: sandbox, transport: transport).run()
        #expect(record.executions.map(\.item.name) == ["a", "c", "a", "c"])
    }

    @Test("skipRequest in a pre-request script skips the send and the tests")
    func skip() throws {
        let sandbox = ScriptedSandbox { invocation, _ in
            var outcome = ScriptOutcome(request: invocation.request)
            outcome.skipRequest = invocation.source == "skip"
            return outcome
        }
        let transport = RecordingTransport()
        let record = try makeRunner(Self.collection([Self.request("a", pre: "skip", test: "t"), Self.request("b")]),
                                    sandbox: sandbox, transport: transport).run()
        #expect(record.executions.map(\.skipped) == [true, false])
        #expect(transport.sent.count == 1)
        #expect(!sandbox.trace.contains("test:t"))
    }

    @Test("failed assertions, script errors and request errors all land in failures; --bail stops after the first")
    func failuresAndBail() throws {
        let sandbox = ScriptedSandbox { invocation, _ in
            var outcome = ScriptOutcome(request: invocation.request)
            if invocation.source == "fail" {
                outcome.assertions = [AssertionResult(name: "ok", status: .passed),
                                      AssertionResult(name: "bad", status: .failed, errorName: "AssertionError",
                                                      message: "expected 1 to equal 2", index: 1)]
                outcome.error = ScriptError(name: "TypeError", message: "x is undefined", line: 3)
            }
            return outcome
        }
        let transport = RecordingTransport { request in
            request.url.hasSuffix("/b") ? .failure(TransportError(kind: .connectionRefused, code: "ECONNREFUSED", message: "connect ECONNREFUSED"))
                : .success(HTTPResponse(code: 200))
        }
        let collection = Self.collection([Self.request("a", test: "fail"), Self.request("b"), Self.request("c")])
        let record = try makeRunner(collection, sandbox: sandbox, transport: transport).run()
        #expect(record.failures.map(\.kind) == [.assertion, .scriptError, .requestError])
        #expect(record.failures[0].at == "assertion:1 in test-script")
        #expect(record.stats.assertions == StatCount(total: 2, failed: 1))
        #expect(record.failed)

        let bailing = try makeRunner(collection, sandbox: sandbox, transport: RecordingTransport()) { $0.bail = true }.run()
        #expect(bailing.executions.map(\.item.name) == ["a"])
    }

    @Test("one iteration per data row; -n beyond the rows reuses the last row")
    func iterationData() throws {
        let sandbox = ScriptedSandbox()
        let rows: [JSONObject] = [["user": "ann"], ["user": "bob"]]
        let record = try makeRunner(Self.collection([Self.request("a", test: "t")]), sandbox: sandbox,
                                    transport: RecordingTransport(), data: rows) { $0.iterationCount = 3 }.run()
        #expect(record.start.iterationCount == 3)
        #expect(record.executions.map(\.cursor.iteration) == [0, 1, 2])
        let runs = try makeRunner(Self.collection([Self.request("a")]), sandbox: nil, transport: RecordingTransport(), data: rows).run()
        #expect(runs.start.iterationCount == 2)
    }

    @Test("scripts see the current data row and variables they set persist into later scripts")
    func variablesFlow() throws {
        var seen: [String] = []
        let sandbox = ScriptedSandbox { invocation, scopes in
            seen.append(scopes.value("user")?.javaScriptString ?? "-")
            scopes.environment.set("count", .number(Double(seen.count)))
            return ScriptOutcome(request: invocation.request)
        }
        let runner = try makeRunner(Self.collection([Self.request("a", test: "t")]), sandbox: sandbox,
                                    transport: RecordingTransport(), data: [["user": "ann"], ["user": "bob"]])
        _ = runner.run()
        #expect(seen == ["ann", "bob"])
        #expect(runner.scopes.environment.value("count") == 2)
    }

    @Test("events arrive in Newman's order")
    func eventOrder() throws {
        let observer = RecordingObserver()
        _ = try makeRunner(Self.collection([Self.request("a", pre: "p", test: "t")]), sandbox: ScriptedSandbox(),
                           transport: RecordingTransport(), observer: observer).run()
        let names = observer.events.map { event -> String in
            switch event {
            case .runStarted: "start"
            case .iterationStarted: "iteration"
            case .itemStarted: "item"
            case .scriptStarted(_, _, let phase, _): "script:\(phase.rawValue)"
            case .scriptFinished: "scriptDone"
            case .requestCompleted: "request"
            case .assertion: "assertion"
            case .console: "console"
            case .itemFinished: "itemDone"
            case .iterationFinished: "iterationDone"
            case .warning: "warning"
            case .runFinished: "done"
            }
        }
        #expect(names == ["start", "iteration", "item", "script:prerequest", "scriptDone", "request", "script:test", "scriptDone",
                          "itemDone", "iterationDone", "done"])
    }

    @Test("--delay-request waits before every item, the first included")
    func delay() throws {
        let clock = FixedClock(0)
        var options = RunOptions(buildSettings: RequestBuildSettings(workingDirectory: "/tmp"))
        options.delayRequestMilliseconds = 25
        let runner = CollectionRunner(plan: try RunPlan(collection: Self.collection([Self.request("a"), Self.request("b")])),
                                      start: RunStartInfo(collectionName: "C", collectionId: "", collectionPath: "", environmentName: "",
                                                          iterationCount: 0, startedAt: 0),
                                      scopes: VariableScopes(), dataRows: [], options: options, transport: RecordingTransport(),
                                      sandbox: nil, observers: [], clock: clock)
        _ = runner.run()
        #expect(clock.slept == [25, 25])
    }

    @Test("pm.sendRequest counts as a request (and its failure as a failed one); the item records each request event")
    func sendRequestsCount() throws {
        let sandbox = SendingSandbox(urls: ["http://127.0.0.1:9/ok", "http://127.0.0.1:9/down"])
        let transport = RecordingTransport { request in
            request.url.hasSuffix("/down")
                ? .failure(TransportError(kind: .connectionRefused, code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:9"))
                : .success(HTTPResponse(code: 200, reason: "OK", finalURL: request.url, sentRequest: request))
        }
        let observer = RecordingObserver()
        let record = try makeRunner(Self.collection([Self.request("a", pre: "send")]), sandbox: sandbox, transport: transport,
                                    observer: observer).run()
        #expect(transport.sent.count == 3)
        #expect(record.stats.requests == StatCount(total: 3, failed: 1))
        #expect(record.executions.map(\.requestEvents) == [3])
        #expect(record.failures.map(\.name) == ["ECONNREFUSED"])
        // What the callback threw is reported, not counted.
        #expect(record.stats.scripts.failed == 0)
        #expect(record.warnings.count == 1)
        #expect(record.warnings.first?.contains("threw TypeError: boom (ignored, as Newman ignores it)") == true)
        let warnings = observer.events.compactMap { event -> String? in if case .warning(let text) = event { text } else { nil } }
        #expect(warnings == record.warnings)
    }

    @Test("a skipped request is no request event")
    func skippedRequestHasNoEvent() throws {
        let sandbox = ScriptedSandbox { invocation, _ in
            var outcome = ScriptOutcome(request: invocation.request)
            outcome.skipRequest = true
            return outcome
        }
        let record = try makeRunner(Self.collection([Self.request("a", pre: "skip")]), sandbox: sandbox,
                                    transport: RecordingTransport()).run()
        #expect(record.executions.map(\.requestEvents) == [0])
        #expect(record.stats.requests.total == 0)
    }
}

/// A sandbox whose pre-request scripts call pm.sendRequest through the runner's host, and report a callback error.
private final class SendingSandbox: ScriptSandbox {
    let urls: [String]
    init(urls: [String]) { self.urls = urls }
    func run(_ invocation: ScriptInvocation, scopes: inout VariableScopes, host: ScriptHost) -> ScriptOutcome {
        var outcome = ScriptOutcome(request: invocation.request)
        guard invocation.info.phase == .prerequest else { return outcome }
        for url in urls { _ = host.sendRequest(.string(url)) }
        outcome.warnings = [ScriptError(name: "TypeError", message: "boom")]
        return outcome
    }
}

