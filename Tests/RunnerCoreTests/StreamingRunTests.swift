import CarrierTestSupport
import CollectionModel
import Foundation
import JSONValue
import RunContracts
import RunnerCore
import Testing

/// Long runs: the record lets executions go once a streaming report has them, and `-d` files are read as the
/// run goes rather than loaded whole.
@Suite("Streaming runs: executions handed over, data read row by row")
struct StreamingRunTests {
    private func runner(_ items: [Item], data: IterationData = .none, iterations: Int? = nil,
                        sandbox: ScriptSandbox? = nil) throws -> CollectionRunner {
        var options = RunOptions(buildSettings: RequestBuildSettings(workingDirectory: "/tmp"))
        options.iterationCount = iterations
        let start = RunStartInfo(collectionName: "C", collectionId: "cid", collectionPath: "c.json", environmentName: "",
                                 iterationCount: 0, startedAt: 0)
        let collection = Collection(info: CollectionInfo(name: "C", id: "cid"), items: items)
        return CollectionRunner(plan: try RunPlan(collection: collection), start: start, scopes: VariableScopes(),
                                data: data, options: options, transport: RecordingTransport(answer: { request in
                                    .success(HTTPResponse(code: 200, reason: "OK", body: Array("body".utf8),
                                                          finalURL: request.url, sentRequest: request))
                                }), sandbox: sandbox, observers: [], clock: FixedClock(0))
    }

    private func csv(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "carrier-rows-\(UUID().uuidString).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("without keepsExecutions the sink sees every execution with the failures so far; the record keeps only failing ones, bodies dropped")
    func sinkAndFailingOnly() throws {
        let sandbox = ScriptedSandbox { invocation, _ in
            var outcome = ScriptOutcome(request: invocation.request)
            let failing = invocation.info.iteration == 1
            outcome.assertions = [AssertionResult(name: "t", status: failing ? .failed : .passed, index: 0)]
            return outcome
        }
        let item = CollectionRunnerTests.request("a", test: "check")
        let runner = try runner([item], iterations: 3, sandbox: sandbox)
        var handed: [(iteration: Int, failures: Int)] = []
        runner.keepsExecutions = false
        runner.executionSink = { execution, record in handed.append((execution.cursor.iteration, record.failures.count)) }
        let record = runner.run()
        #expect(handed.map(\.iteration) == [0, 1, 2])
        #expect(handed.map(\.failures) == [0, 1, 1])
        #expect(record.executions.map(\.cursor.iteration) == [1])
        #expect(record.executions.first?.response?.body == [])
        #expect(record.executions.first?.response?.code == 200)
        #expect(record.stats.iterations.total == 3)
    }

    @Test("by default the record keeps every execution, whole")
    func keepsByDefault() throws {
        let runner = try runner([CollectionRunnerTests.request("a")], iterations: 2)
        let record = runner.run()
        #expect(record.executions.count == 2)
        #expect(record.executions.first?.response?.body == Array("body".utf8))
    }

    @Test("a CSV file is counted and checked up front, then read row by row; later iterations reuse the last row")
    func csvRows() throws {
        let path = try csv("user,n\nann,1\nbob,2\n")
        let data = try IterationData(path: path)
        #expect(data.count == 2)
        #expect(data.columnNames == ["user", "n"])
        var seen: [String] = []
        let sandbox = ScriptedSandbox { invocation, scopes in
            seen.append(scopes.data.value("user")?.stringValue ?? "-")
            return ScriptOutcome(request: invocation.request)
        }
        _ = try runner([CollectionRunnerTests.request("a", pre: "p")], data: data, iterations: 4, sandbox: sandbox).run()
        #expect(seen == ["ann", "bob", "bob", "bob"])
        // Without -n, one iteration per row.
        #expect(try runner([CollectionRunnerTests.request("a")], data: data).run().stats.iterations.total == 2)
    }

    @Test("a broken CSV is a load error before the run, with the row")
    func brokenCSV() throws {
        let path = try csv("user,n\nann,1\n\"bob,2\n")
        #expect(throws: LoadError.self) { try IterationData(path: path) }
    }

    @Test("two runs over the same data each read it from the start")
    func sharedData() throws {
        let data = try IterationData(path: try csv("user\nann\nbob\n"))
        for _ in 0..<2 {
            var seen: [String] = []
            let sandbox = ScriptedSandbox { invocation, scopes in
                seen.append(scopes.data.value("user")?.stringValue ?? "-")
                return ScriptOutcome(request: invocation.request)
            }
            _ = try runner([CollectionRunnerTests.request("a", pre: "p")], data: data, sandbox: sandbox).run()
            #expect(seen == ["ann", "bob"])
        }
    }
}
