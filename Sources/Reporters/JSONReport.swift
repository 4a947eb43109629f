import JSONValue
import RunContracts

/// The run as Newman's JSON reporter writes it (`{collection, environment, globals, run}` after
/// `lib/run/summary.js`), so tools reading Newman summaries read Carrier's.
package enum JSONReport {
    /// The summary document. `collection`, `environment` and `globals` are the loaded files' JSON, copied as is;
    /// when absent a minimal stand-in (`info`/`item`, `values: []`) keeps the shape. Every string of the result
    /// passes `redactor`. `timings` replaces the statistics computed from `record.executions` (for a record that
    /// did not keep them; see `JSONReportStream`).
    /// `skippedExecutions` replaces those computed from `record.executions` likewise.
    package static func render(_ record: RunRecord, collection: JSONValue?, environment: JSONValue?, globals: JSONValue?,
                               redactor: (String) -> String = { $0 }, timings: RunTimings? = nil,
                               skippedExecutions: [JSONValue]? = nil) -> JSONValue {
        let start = record.start
        let collectionValue = collection ?? [
            "info": ["_postman_id": .string(start.collectionId), "name": .string(start.collectionName)],
            "item": [],
        ]
        let environmentValue = environment
            ?? (start.environmentName.isEmpty ? ["values": []] : ["name": .string(start.environmentName), "values": []])
        let summary: JSONValue = [
            "collection": collectionValue,
            "environment": environmentValue,
            "globals": globals ?? ["values": []],
            "run": run(record, timings: timings ?? RunTimings(record),
                       skippedExecutions: skippedExecutions ?? skipped(record.executions)),
        ]
        return redact(summary, redactor)
    }

    private static func run(_ record: RunRecord, timings: RunTimings, skippedExecutions: [JSONValue]) -> JSONValue {
        var run = runMembers(record, timings: timings)
        // Beyond Newman: what the CLI printed as warnings (ignored sendRequest callback errors, unsigned auth, ...).
        if !record.warnings.isEmpty { run["warnings"] = .array(record.warnings.map(JSONValue.string)) }
        // Beyond Newman: where each input came from (a fetched collection's URL or Postman uid, and its hash).
        if !record.start.sources.isEmpty { run["sources"] = .array(record.start.sources.map(source)) }
        // Beyond Newman: what `carrier merge-reports` needs to put the shards of one run back together
        // (`JSONReportReader` reads it): which collection, which slice, and the run's own bounds.
        let start = record.start
        run["collection"] = [
            "id": .string(start.collectionId), "name": .string(start.collectionName), "path": .string(start.collectionPath),
            "sha256": start.sources.first { $0.role == "collection" }?.sha256.map(JSONValue.string) ?? .null,
        ]
        run["environmentName"] = .string(start.environmentName)
        run["iterationCount"] = number(start.iterationCount)
        run["started"] = .string(ReportText.isoTimestamp(start.startedAt))
        run["ended"] = .string(ReportText.isoTimestamp(record.completedAt))
        if let shard = start.shard {
            run["shard"] = [
                "index": number(shard.index), "total": number(shard.total), "slice": .string(shard.slice.rawValue),
                "environment": .string(shard.environment), "position": number(shard.position),
                "environments": number(shard.environmentCount),
            ]
        }
        // Items whose request was skipped send nothing, so Newman's `executions` never lists them.
        if !skippedExecutions.isEmpty { run["skippedExecutions"] = .array(skippedExecutions) }
        return .object(run)
    }

    /// The executions that gave no entry in `run.executions` (their request skipped, no `pm.sendRequest`).
    private static func skipped(_ executions: [ItemExecution]) -> [JSONValue] {
        executions.enumerated().filter { $0.element.requestEvents == 0 }.map { execution($0.element, index: $0.offset) }
    }

    private static func source(_ origin: InputOrigin) -> JSONValue {
        var object: JSONObject = ["role": .string(origin.role), "kind": .string(origin.kind),
                                  "location": .string(origin.location)]
        if let uid = origin.uid { object["uid"] = .string(uid) }
        if let updatedAt = origin.updatedAt { object["updatedAt"] = .string(updatedAt) }
        if let sha256 = origin.sha256 { object["sha256"] = .string(sha256) }
        if let size = origin.size { object["size"] = number(size) }
        return .object(object)
    }

    private static func runMembers(_ record: RunRecord, timings: RunTimings) -> JSONObject {
        return [
            "stats": stats(record.stats),
            "timings": [
                "responseAverage": .number(timings.response.average),
                "responseMin": .number(timings.response.min),
                "responseMax": .number(timings.response.max),
                "responseSd": .number(timings.response.standardDeviation),
                "dnsAverage": .number(timings.dns.average),
                "dnsMin": .number(timings.dns.min),
                "dnsMax": .number(timings.dns.max),
                "dnsSd": .number(timings.dns.standardDeviation),
                "firstByteAverage": .number(timings.firstByte.average),
                "firstByteMin": .number(timings.firstByte.min),
                "firstByteMax": .number(timings.firstByte.max),
                "firstByteSd": .number(timings.firstByte.standardDeviation),
                "started": .number(record.start.startedAt),
                "completed": .number(record.completedAt),
            ],
            "executions": .array(record.executions.enumerated().flatMap { entries($0.element, index: $0.offset) }),
            "transfers": ["responseTotal": number(timings.responseTotal)],
            "failures": .array(record.failures.map { failure($0, in: record) }),
            "error": record.runError.map { ["name": "Error", "message": .string($0)] } ?? .null,
        ]
    }

    private static func stats(_ stats: RunStats) -> JSONValue {
        func count(_ c: StatCount) -> JSONValue {
            ["total": number(c.total), "pending": number(c.pending), "failed": number(c.failed)]
        }
        return [
            "iterations": count(stats.iterations),
            "items": count(stats.items),
            "scripts": count(stats.scripts),
            "prerequests": count(stats.prerequests),
            "requests": count(stats.requests),
            "tests": count(stats.tests),
            "assertions": count(stats.assertions),
            "testScripts": count(stats.testScripts),
            "prerequestScripts": count(stats.prerequestScripts),
        ]
    }

    /// Newman's cursor. `ref` is a random UUID there; here it is derived from the position so output is stable.
    static func cursor(_ c: Cursor) -> JSONValue {
        [
            "position": number(c.position),
            "iteration": number(c.iteration),
            "length": number(c.length),
            "cycles": number(c.iterationCount),
            "empty": .bool(c.length == 0),
            "eof": .bool(c.position + 1 >= c.length && c.iteration + 1 >= c.iterationCount),
            "bof": .bool(c.position == 0 && c.iteration == 0),
            "cr": .bool(c.position == 0),
            "ref": .string("iteration-\(c.iteration)-position-\(c.position)"),
        ]
    }

    /// The item's entries of `run.executions`: Newman pushes the item's (one, shared) execution object on every
    /// request event, its own request's and each `pm.sendRequest`'s, so an item appears once per request it sent
    /// and not at all when its request was skipped.
    static func entries(_ execution: ItemExecution, index: Int) -> [JSONValue] {
        let rendered = self.execution(execution, index: index)
        return Array(repeating: rendered, count: execution.requestEvents)
    }

    static func execution(_ execution: ItemExecution, index: Int) -> JSONValue {
        var object: JSONObject = [
            "cursor": cursor(execution.cursor),
            "item": ["id": .string(execution.item.id), "name": .string(execution.item.name)],
            "id": .string(execution.item.id),
        ]
        if let request = execution.response?.sentRequest ?? execution.request { object["request"] = self.request(request) }
        if let response = execution.response { object["response"] = self.response(response, index: index) }
        object["assertions"] = .array(execution.assertions.map(assertion))
        for (phase, key) in [(ScriptPhase.prerequest, "prerequestScript"), (.test, "testScript")] {
            let errors = execution.scriptFailures.filter { $0.phase == phase }
            if !errors.isEmpty {
                object[key] = .array(errors.map { ["error": scriptError($0.error)] })
            }
        }
        if let error = execution.requestError {
            object["requestError"] = [
                "name": "Error", "code": .string(error.code), "errno": .string(error.code),
                "message": .string(error.message),
            ]
        }
        object["carrier"] = carrierDetails(execution, index: index)
        return .object(object)
    }

    /// Beyond Newman: what an execution holds that Newman's entry does not say, so `JSONReportReader` gets the
    /// execution back whole (JUnit names suites by folder path, shows console lines and script owners).
    /// `order` is the execution's place in the run: an entry repeated per request event is one execution.
    private static func carrierDetails(_ execution: ItemExecution, index: Int) -> JSONValue {
        var details: JSONObject = [
            "order": number(index),
            "folders": .array(execution.item.folders.map(JSONValue.string)),
            "startedAt": .number(execution.startedAt),
        ]
        if execution.skipped { details["skipped"] = true }
        if execution.sendRequestCount > 0 { details["sendRequests"] = number(execution.sendRequestCount) }
        if !execution.console.isEmpty {
            details["console"] = .array(execution.console.map { ["level": .string($0.level.rawValue), "text": .string($0.text)] })
        }
        if !execution.scriptFailures.isEmpty {
            details["scriptOwners"] = .array(execution.scriptFailures.map { ["phase": .string($0.phase.rawValue), "owner": .string($0.owner)] })
        }
        if let response = execution.response {
            let t = response.timings
            details["response"] = [
                "httpVersion": .string(response.httpVersion), "finalURL": .string(response.finalURL),
                "timings": ["dns": .number(t.dns), "tcp": .number(t.tcp), "secureHandshake": .number(t.secureHandshake),
                            "firstByte": .number(t.firstByte), "download": .number(t.download), "total": .number(t.total)],
            ]
        }
        if let error = execution.requestError { details["requestErrorKind"] = .string(error.kind.rawValue) }
        return .object(details)
    }

    private static func headers(_ headers: [HTTPHeader]) -> JSONValue {
        .array(headers.map { ["key": .string($0.name), "value": .string($0.value)] })
    }

    private static func request(_ request: PreparedRequest) -> JSONValue {
        var object: JSONObject = [
            "url": .string(request.url),
            "method": .string(request.method),
            "header": headers(request.headers),
        ]
        if let body = request.body {
            object["body"] = ["mode": "raw", "raw": .string(String(decoding: body, as: UTF8.self))]
        }
        return .object(object)
    }

    /// Newman writes the body as a serialised Node Buffer (`{type: "Buffer", data: [bytes]}`); so do we, for tools
    /// that decode it.
    private static func response(_ response: HTTPResponse, index: Int) -> JSONValue {
        [
            "id": .string("response-\(index)"),
            "status": .string(response.reason),
            "code": number(response.code),
            "header": headers(response.headers),
            "stream": ["type": "Buffer", "data": .array(response.body.map { .number(Double($0)) })],
            "cookie": [],
            "responseTime": .number(response.responseTime),
            "responseSize": number(response.body.count),
        ]
    }

    private static func assertion(_ assertion: AssertionResult) -> JSONValue {
        var object: JSONObject = [
            "assertion": .string(assertion.name),
            "skipped": .bool(assertion.status == .skipped),
        ]
        if assertion.status == .failed {
            let name = assertion.errorName ?? "AssertionError"
            let message = assertion.message ?? ""
            object["error"] = [
                "name": .string(name),
                "index": number(assertion.index),
                "test": .string(assertion.name),
                "message": .string(message),
                "stack": .string(assertion.stack ?? "\(name): \(message)"),
            ]
        }
        return .object(object)
    }

    private static func scriptError(_ error: ScriptError) -> JSONValue {
        var object: JSONObject = [
            "type": "Error",
            "name": .string(error.name),
            "message": .string(error.message),
        ]
        if let line = error.line { object["lineNumber"] = number(line) }
        if let column = error.column { object["columnNumber"] = number(column) }
        object["stack"] = .string(error.stack ?? "\(error.name): \(error.message)")
        return .object(object)
    }

    private static func failure(_ failure: RunFailure, in record: RunRecord) -> JSONValue {
        var error: JSONObject = ["name": .string(failure.name), "message": .string(failure.message)]
        switch failure.kind {
        case .assertion:
            error["test"] = .string(failure.source)
            if let index = assertionIndex(failure, in: record) { error["index"] = number(index) }
        case .scriptError:
            error["type"] = "Error"
        case .requestError:
            // Node reports socket failures as a plain `Error` carrying the code; so does Newman's summary.
            error["name"] = "Error"
            error["code"] = .string(failure.name)
        }
        error["stack"] = .string("\(error["name"]?.stringValue ?? failure.name): \(failure.message)")
        var object: JSONObject = [
            "error": .object(error),
            "at": .string(failure.at),
            "source": ["id": .string(failure.item.id), "name": .string(failure.item.name)],
        ]
        if let parent = failure.item.folders.last { object["parent"] = ["name": .string(parent)] }
        object["cursor"] = cursor(failure.cursor)
        // Beyond Newman: the failure as Carrier recorded it, for `JSONReportReader`.
        object["carrier"] = ["kind": .string(failure.kind.rawValue), "name": .string(failure.name),
                             "source": .string(failure.source),
                             "folders": .array(failure.item.folders.map(JSONValue.string))]
        return .object(object)
    }

    /// The failed test's position in its script: from the execution's own result, else the N of `assertion:N`.
    private static func assertionIndex(_ failure: RunFailure, in record: RunRecord) -> Int? {
        if let assertion = record.execution(of: failure)?.assertions.first(where: { $0.status == .failed && $0.name == failure.source }) {
            return assertion.index
        }
        guard failure.at.hasPrefix("assertion:") else { return nil }
        return Int(failure.at.dropFirst("assertion:".count).prefix(while: \.isNumber))
    }

    private static func number(_ value: Int) -> JSONValue { .number(Double(value)) }

    static func redact(_ value: JSONValue, _ redactor: (String) -> String) -> JSONValue {
        switch value {
        case .string(let s): .string(redactor(s))
        case .array(let items): .array(items.map { redact($0, redactor) })
        case .object(let object):
            .object(JSONObject(object.members.map { JSONMember($0.key, redact($0.value, redactor)) }))
        case .null, .bool, .number: value
        }
    }
}

extension JSONReport {
    /// A variable scope as Newman's summary shows it (`environment`, `globals`): `id` and `name` of the file it was
    /// read from, and its values, secret ones masked like everything else in reports.
    package static func variableDocument(_ scope: VariableScope, id: String, name: String,
                                         processEnvironmentNames: [String]) -> JSONValue {
        .object([
            "id": .string(id),
            "name": .string(name),
            "values": .array(scope.variables.map { variable in
                let secret = SecretRedactor.isSecret(variable, processEnvironmentNames: processEnvironmentNames)
                return .object(["key": .string(variable.key), "value": secret ? .string(SecretRedactor.mask) : variable.value,
                                "type": .string(variable.type ?? "any"), "enabled": .bool(!variable.disabled)])
            }),
        ])
    }
}
