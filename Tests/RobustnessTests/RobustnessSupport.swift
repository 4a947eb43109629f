import CarrierTestSupport
import Foundation
import JSONValue

/// The `carrier` binary run with a deadline: a robustness test must end even when the binary hangs.
struct BoundedRun: Sendable {
    var exitCode: Int32
    /// Killed at the deadline.
    var timedOut: Bool
    /// Ended by a signal (a crash) rather than `exit`.
    var signalled: Bool
    var standardOutput: String
    var standardError: String

    /// Runs `carrier arguments…` in `directory`; kills it after `seconds`.
    static func carrier(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                        seconds: Double = 60) throws -> BoundedRun {
        let process = Process()
        // CARRIER_UNDER_TEST points the suite at another build (e.g. to see what an older binary leaked).
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CARRIER_UNDER_TEST"] ?? CarrierProcess.executablePath)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var merged = ProcessInfo.processInfo.environment
        merged["NO_COLOR"] = "1"
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let scratch = try TemporaryDirectory()
        let outPath = scratch.path + "/stdout", errPath = scratch.path + "/stderr"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        var timedOut = false
        if ended.wait(timeout: .now() + seconds) == .timedOut {
            timedOut = true
            process.interrupt()
            kill(process.processIdentifier, SIGKILL)
            ended.wait()
        }
        try out.close()
        try err.close()
        return BoundedRun(exitCode: process.terminationStatus, timedOut: timedOut,
                          signalled: process.terminationReason == .uncaughtSignal,
                          standardOutput: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data(), as: UTF8.self),
                          standardError: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(), as: UTF8.self))
    }

    /// Signs of a crash or an internal error leaking to the user.
    var crashMarkers: [String] {
        let markers = ["Fatal error", "Stack dump", "Current stack trace", "Segmentation fault", "Illegal instruction",
                       "Backtrace", "swift_", "0x0000", "precondition", "Thread 0"]
        let all = standardOutput + standardError
        return markers.filter { all.contains($0) }
    }
}

/// Small v2.1 collections for robustness tests.
enum Fixture {
    static let schema = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

    static func collection(items: [JSONValue], auth: JSONValue? = nil, variables: [(String, String)] = [],
                           events: [JSONValue] = []) -> String {
        var object: JSONObject = [
            "info": ["_postman_id": "robustness", "name": "Robustness", "schema": .string(schema)],
            "item": .array(items),
        ]
        if let auth { object["auth"] = auth }
        if !variables.isEmpty {
            object["variable"] = .array(variables.map { .object(["key": .string($0.0), "value": .string($0.1)]) })
        }
        if !events.isEmpty { object["event"] = .array(events) }
        return JSONValue.object(object).serialized(indent: 2)
    }

    static func request(_ name: String, method: String = "GET", url: String, headers: [(String, String)] = [],
                        body: JSONValue? = nil, auth: JSONValue? = nil, tests: String? = nil, prerequest: String? = nil) -> JSONValue {
        var request: JSONObject = [
            "method": .string(method), "url": .string(url),
            "header": .array(headers.map { .object(["key": .string($0.0), "value": .string($0.1)]) }),
        ]
        if let body { request["body"] = body }
        if let auth { request["auth"] = auth }
        var item: JSONObject = ["name": .string(name), "request": .object(request)]
        var events: [JSONValue] = []
        if let prerequest { events.append(event("prerequest", prerequest)) }
        if let tests { events.append(event("test", tests)) }
        if !events.isEmpty { item["event"] = .array(events) }
        return .object(item)
    }

    static func folder(_ name: String, _ items: [JSONValue], auth: JSONValue? = nil) -> JSONValue {
        var folder: JSONObject = ["name": .string(name), "item": .array(items)]
        if let auth { folder["auth"] = auth }
        return .object(folder)
    }

    static func event(_ listen: String, _ source: String) -> JSONValue {
        .object(["listen": .string(listen),
                 "script": .object(["type": "text/javascript",
                                    "exec": .array(source.split(separator: "\n", omittingEmptySubsequences: false).map { .string(String($0)) })])])
    }

    static func auth(_ type: String, _ parameters: [(String, String)]) -> JSONValue {
        .object(["type": .string(type),
                 type: .array(parameters.map { .object(["key": .string($0.0), "value": .string($0.1), "type": "string"]) })])
    }

    static func variableFile(name: String, _ values: [(key: String, value: String, type: String)]) -> String {
        JSONValue.object([
            "id": .string("\(name)-id"), "name": .string(name),
            "values": .array(values.map {
                .object(["key": .string($0.key), "value": .string($0.value), "enabled": true, "type": .string($0.type)])
            }),
        ]).serialized(indent: 2)
    }
}

/// Reads a JSON file written by a run.
func readJSON(_ path: String) throws -> JSONValue {
    try JSONParser.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
}
