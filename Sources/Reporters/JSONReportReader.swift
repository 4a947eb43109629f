import JSONValue
import RunContracts

/// A JSON report that cannot be read back: which file, where in it, and what is wrong.
package struct JSONReportReadError: Error, Sendable, CustomStringConvertible {
    package var file: String
    /// `$.run.stats`, `$.runs[2].run.executions[5].cursor`.
    package var path: String
    package var problem: String
    package var description: String { "\(file): not a Carrier JSON report: \(path) \(problem)" }
}

/// One run as read back from a JSON report: the record the renderers take, and the documents beside it.
package struct ReadRun: Sendable {
    /// The name the reports give the environment (`runs[i].environmentName`, else the shard's, else the file's).
    package var environmentName: String
    package var record: RunRecord
    package var environment: JSONValue?
    package var globals: JSONValue?
}

/// A JSON report as read back: the collection document and the runs it holds (one, or one per environment).
package struct ReadReport: Sendable {
    package var file: String
    package var collection: JSONValue?
    package var runs: [ReadRun]
    /// `{collection, runs: [...]}`, the combined document of a many-environment run.
    package var isMultiRun: Bool
}

/// Reads what `JSONReport` (and `JSONReportStream`) wrote back into `RunRecord`s, so `carrier merge-reports`
/// renders through the same JUnit, HTML, JSON and CLI renderers as `carrier run`. It reads Newman's members and
/// the `carrier` members Carrier adds beside them (an execution's folders, console lines, script owners, phase
/// timings; a failure's kind and source); the report was redacted when written, and nothing here un-redacts.
package enum JSONReportReader {
    package static func read(_ document: JSONValue, file: String) throws(JSONReportReadError) -> ReadReport {
        var reader = Reader(file: file)
        guard case .object = document else { throw reader.error("$", "is not a JSON object") }
        if let runs = document["runs"] {
            guard let entries = runs.arrayValue else { throw reader.error("$.runs", "is not an array") }
            var read: [ReadRun] = []
            for (index, entry) in entries.enumerated() {
                let at = "$.runs[\(index)]"
                let record = try reader.record(entry["run"], at: at + ".run")
                let name = try reader.string(entry["environmentName"], at: at + ".environmentName")
                read.append(ReadRun(environmentName: name, record: record, environment: entry["environment"], globals: entry["globals"]))
            }
            return ReadReport(file: file, collection: document["collection"], runs: read, isMultiRun: true)
        }
        let record = try reader.record(document["run"], at: "$.run")
        let name = record.start.shard?.environment ?? document["environment"]?["name"]?.stringValue ?? record.start.environmentName
        return ReadReport(file: file, collection: document["collection"],
                          runs: [ReadRun(environmentName: name, record: record, environment: document["environment"],
                                         globals: document["globals"])],
                          isMultiRun: false)
    }

    /// Field access that names the JSON path of whatever is missing or mistyped.
    private struct Reader {
        let file: String

        func error(_ path: String, _ problem: String) -> JSONReportReadError {
            JSONReportReadError(file: file, path: path, problem: problem)
        }

        func object(_ value: JSONValue?, at path: String) throws(JSONReportReadError) -> JSONValue {
            guard let value else { throw error(path, "is missing") }
            guard case .object = value else { throw error(path, "is not an object") }
            return value
        }

        func string(_ value: JSONValue?, at path: String) throws(JSONReportReadError) -> String {
            guard let value else { throw error(path, "is missing") }
            guard let text = value.stringValue else { throw error(path, "is not a string") }
            return text
        }

        func int(_ value: JSONValue?, at path: String) throws(JSONReportReadError) -> Int {
            guard let value else { throw error(path, "is missing") }
            guard let number = value.doubleValue, number.rounded() == number else { throw error(path, "is not a whole number") }
            return Int(number)
        }

        func double(_ value: JSONValue?, at path: String) throws(JSONReportReadError) -> Double {
            guard let value else { throw error(path, "is missing") }
            guard let number = value.doubleValue else { throw error(path, "is not a number") }
            return number
        }

        func array(_ value: JSONValue?, at path: String) throws(JSONReportReadError) -> [JSONValue] {
            guard let value else { throw error(path, "is missing") }
            guard let items = value.arrayValue else { throw error(path, "is not an array") }
            return items
        }

        func strings(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }

        mutating func record(_ value: JSONValue?, at path: String) throws(JSONReportReadError) -> RunRecord {
            let run = try object(value, at: path)
            let collection = try object(run["collection"], at: path + ".collection")
            let timings = try object(run["timings"], at: path + ".timings")
            var start = RunStartInfo(
                collectionName: try string(collection["name"], at: path + ".collection.name"),
                collectionId: try string(collection["id"], at: path + ".collection.id"),
                collectionPath: collection["path"]?.stringValue ?? "",
                environmentName: run["environmentName"]?.stringValue ?? "",
                iterationCount: 0,
                startedAt: try double(timings["started"], at: path + ".timings.started"),
                sources: try sources(run["sources"], at: path + ".sources"))
            start.shard = try shard(run["shard"], at: path + ".shard")
            var record = RunRecord(start: start, completedAt: try double(timings["completed"], at: path + ".timings.completed"))
            record.stats = try stats(run["stats"], at: path + ".stats")
            record.warnings = strings(run["warnings"])
            if let error = run["error"], !error.isNull {
                record.runError = try string(error["message"], at: path + ".error.message")
            }
            // An execution appears once per request it sent: `carrier.order` says which entries are one execution;
            // the skipped ones, which sent nothing, are listed apart.
            var byOrder: [(order: Int, execution: ItemExecution)] = []
            var seen: Set<Int> = []
            for (index, entry) in try array(run["executions"], at: path + ".executions").enumerated() {
                let at = "\(path).executions[\(index)]"
                let order = try int(entry["carrier"]?["order"], at: at + ".carrier.order")
                guard seen.insert(order).inserted else { continue }
                byOrder.append((order, try execution(entry, at: at)))
            }
            for (index, entry) in (run["skippedExecutions"]?.arrayValue ?? []).enumerated() {
                let at = "\(path).skippedExecutions[\(index)]"
                let order = try int(entry["carrier"]?["order"], at: at + ".carrier.order")
                guard seen.insert(order).inserted else { continue }
                byOrder.append((order, try execution(entry, at: at)))
            }
            record.executions = byOrder.sorted { $0.order < $1.order }.map(\.execution)
            record.failures = try array(run["failures"], at: path + ".failures").enumerated().map { index, entry throws(JSONReportReadError) in
                try failure(entry, at: "\(path).failures[\(index)]")
            }
            let cycles = record.executions.map(\.cursor.iterationCount).max() ?? 0
            record.start.iterationCount = run["iterationCount"]?.intValue ?? max(cycles, record.stats.iterations.total)
            return record
        }

        func sources(_ value: JSONValue?, at path: String) throws(JSONReportReadError) -> [InputOrigin] {
            guard let value else { return [] }
            return try array(value, at: path).enumerated().map { index, entry throws(JSONReportReadError) in
                let at = "\(path)[\(index)]"
                return InputOrigin(role: try string(entry["role"], at: at + ".role"), kind: try string(entry["kind"], at: at + ".kind"),
                                   location: try string(entry["location"], at: at + ".location"),
                                   uid: entry["uid"]?.stringValue, updatedAt: entry["updatedAt"]?.stringValue,
                                   sha256: entry["sha256"]?.stringValue, size: entry["size"]?.intValue)
            }
        }

        func shard(_ value: JSONValue?, at path: String) throws(JSONReportReadError) -> RunShard? {
            guard let value, !value.isNull else { return nil }
            let sliceText = try string(value["slice"], at: path + ".slice")
            guard let slice = RunShard.Slice(rawValue: sliceText) else {
                throw error(path + ".slice", "is '\(sliceText)', not environments, iterations or whole")
            }
            let index = try int(value["index"], at: path + ".index"), total = try int(value["total"], at: path + ".total")
            guard total >= 1, index >= 1, index <= total else { throw error(path, "is \(index)/\(total), outside 1 ≤ I ≤ N") }
            return RunShard(index: index, total: total, slice: slice,
                            environment: try string(value["environment"], at: path + ".environment"),
                            position: try int(value["position"], at: path + ".position"),
                            environmentCount: try int(value["environments"], at: path + ".environments"))
        }

        func stats(_ value: JSONValue?, at path: String) throws(JSONReportReadError) -> RunStats {
            let stats = try object(value, at: path)
            func count(_ name: String) throws(JSONReportReadError) -> StatCount {
                let at = "\(path).\(name)"
                let triple = try object(stats[name], at: at)
                return StatCount(total: try int(triple["total"], at: at + ".total"),
                                 pending: try int(triple["pending"], at: at + ".pending"),
                                 failed: try int(triple["failed"], at: at + ".failed"))
            }
            var result = RunStats()
            result.iterations = try count("iterations")
            result.items = try count("items")
            result.scripts = try count("scripts")
            result.prerequests = try count("prerequests")
            result.requests = try count("requests")
            result.tests = try count("tests")
            result.assertions = try count("assertions")
            result.testScripts = try count("testScripts")
            result.prerequestScripts = try count("prerequestScripts")
            return result
        }

        func cursor(_ value: JSONValue?, at path: String) throws(JSONReportReadError) -> Cursor {
            let cursor = try object(value, at: path)
            return Cursor(iteration: try int(cursor["iteration"], at: path + ".iteration"),
                          iterationCount: try int(cursor["cycles"], at: path + ".cycles"),
                          position: try int(cursor["position"], at: path + ".position"),
                          length: try int(cursor["length"], at: path + ".length"))
        }

        func headers(_ value: JSONValue?, at path: String) throws(JSONReportReadError) -> [HTTPHeader] {
            try array(value, at: path).enumerated().map { index, header throws(JSONReportReadError) in
                HTTPHeader(try string(header["key"], at: "\(path)[\(index)].key"),
                           try string(header["value"], at: "\(path)[\(index)].value"))
            }
        }

        func request(_ value: JSONValue, at path: String) throws(JSONReportReadError) -> PreparedRequest {
            let body = value["body"]?["raw"]?.stringValue.map { Array($0.utf8) }
            return PreparedRequest(method: try string(value["method"], at: path + ".method"),
                                   url: try string(value["url"], at: path + ".url"),
                                   headers: try headers(value["header"], at: path + ".header"), body: body)
        }

        func execution(_ entry: JSONValue, at path: String) throws(JSONReportReadError) -> ItemExecution {
            let details = try object(entry["carrier"], at: path + ".carrier")
            let item = try object(entry["item"], at: path + ".item")
            let reference = ItemReference(id: try string(item["id"], at: path + ".item.id"),
                                          name: try string(item["name"], at: path + ".item.name"),
                                          folders: strings(details["folders"]))
            var execution = ItemExecution(cursor: try cursor(entry["cursor"], at: path + ".cursor"), item: reference,
                                          startedAt: try double(details["startedAt"], at: path + ".carrier.startedAt"))
            execution.skipped = details["skipped"]?.boolValue ?? false
            execution.sendRequestCount = details["sendRequests"]?.intValue ?? 0
            let sent = try entry["request"].map { value throws(JSONReportReadError) in try request(value, at: path + ".request") }
            execution.request = sent
            if let response = entry["response"] {
                let at = path + ".response"
                let extra = details["response"]
                var timings = ResponseTimings()
                if let t = extra?["timings"] {
                    timings.dns = t["dns"]?.doubleValue ?? 0
                    timings.tcp = t["tcp"]?.doubleValue ?? 0
                    timings.secureHandshake = t["secureHandshake"]?.doubleValue ?? 0
                    timings.firstByte = t["firstByte"]?.doubleValue ?? 0
                    timings.download = t["download"]?.doubleValue ?? 0
                    timings.total = t["total"]?.doubleValue ?? 0
                }
                let bytes = try array(response["stream"]?["data"], at: at + ".stream.data").map { UInt8(clamping: $0.intValue ?? 0) }
                execution.response = HTTPResponse(
                    code: try int(response["code"], at: at + ".code"), reason: try string(response["status"], at: at + ".status"),
                    httpVersion: extra?["httpVersion"]?.stringValue ?? "HTTP/1.1",
                    headers: try headers(response["header"], at: at + ".header"), body: bytes,
                    responseTime: try double(response["responseTime"], at: at + ".responseTime"), timings: timings,
                    finalURL: extra?["finalURL"]?.stringValue ?? "", sentRequest: sent)
            }
            if let error = entry["requestError"] {
                let kind = details["requestErrorKind"]?.stringValue.flatMap(TransportError.Kind.init(rawValue:)) ?? .other
                execution.requestError = TransportError(kind: kind, code: try string(error["code"], at: path + ".requestError.code"),
                                                        message: try string(error["message"], at: path + ".requestError.message"))
            }
            execution.assertions = try array(entry["assertions"], at: path + ".assertions").enumerated().map { index, value throws(JSONReportReadError) in
                let at = "\(path).assertions[\(index)]"
                let name = try string(value["assertion"], at: at + ".assertion")
                if let error = value["error"] {
                    return AssertionResult(name: name, status: .failed, errorName: error["name"]?.stringValue,
                                           message: error["message"]?.stringValue, stack: error["stack"]?.stringValue,
                                           index: error["index"]?.intValue ?? 0)
                }
                return AssertionResult(name: name, status: value["skipped"]?.boolValue == true ? .skipped : .passed)
            }
            // Script errors: Newman lists them by phase; `carrier.scriptOwners` gives their order and owners.
            var errors: [ScriptPhase: [JSONValue]] = [.prerequest: entry["prerequestScript"]?.arrayValue ?? [],
                                                      .test: entry["testScript"]?.arrayValue ?? []]
            for (index, owner) in (details["scriptOwners"]?.arrayValue ?? []).enumerated() {
                let at = "\(path).carrier.scriptOwners[\(index)]"
                guard let phase = ScriptPhase(rawValue: try string(owner["phase"], at: at + ".phase")) else {
                    throw error(at + ".phase", "is neither prerequest nor test")
                }
                guard let first = errors[phase]?.first?["error"] else {
                    throw error(path + (phase == .test ? ".testScript" : ".prerequestScript"), "has fewer errors than carrier.scriptOwners")
                }
                errors[phase]?.removeFirst()
                execution.scriptFailures.append(ScriptFailure(
                    phase: phase, owner: try string(owner["owner"], at: at + ".owner"),
                    error: ScriptError(name: first["name"]?.stringValue ?? "Error", message: first["message"]?.stringValue ?? "",
                                       line: first["lineNumber"]?.intValue, column: first["columnNumber"]?.intValue,
                                       stack: first["stack"]?.stringValue)))
            }
            execution.console = (details["console"]?.arrayValue ?? []).map { line in
                ConsoleMessage(level: line["level"]?.stringValue.flatMap(ConsoleMessage.Level.init(rawValue:)) ?? .log,
                               text: line["text"]?.stringValue ?? "")
            }
            return execution
        }

        func failure(_ entry: JSONValue, at path: String) throws(JSONReportReadError) -> RunFailure {
            let details = try object(entry["carrier"], at: path + ".carrier")
            let kindText = try string(details["kind"], at: path + ".carrier.kind")
            guard let kind = RunFailure.Kind(rawValue: kindText) else {
                throw error(path + ".carrier.kind", "is '\(kindText)', not assertion, scriptError or requestError")
            }
            let source = try object(entry["source"], at: path + ".source")
            return RunFailure(kind: kind, cursor: try cursor(entry["cursor"], at: path + ".cursor"),
                              item: ItemReference(id: try string(source["id"], at: path + ".source.id"),
                                                  name: try string(source["name"], at: path + ".source.name"),
                                                  folders: strings(details["folders"])),
                              name: try string(details["name"], at: path + ".carrier.name"),
                              message: try string(entry["error"]?["message"], at: path + ".error.message"),
                              source: try string(details["source"], at: path + ".carrier.source"),
                              at: try string(entry["at"], at: path + ".at"))
        }
    }
}
