import JSONValue
import RunContracts

/// Reads the JSON that the runtime's `finish` returns into a `ScriptOutcome`.
enum OutcomeDecoder {
    static func apply(_ text: String, to outcome: inout ScriptOutcome) {
        guard let json = try? JSONParser.parse(text) else {
            outcome.error = ScriptError(name: "SandboxError", message: "the sandbox returned no result")
            return
        }
        if let request = json["request"], !request.isNull { outcome.request = request }
        for (position, item) in (json["assertions"]?.arrayValue ?? []).enumerated() {
            let status = AssertionResult.Status(rawValue: item["status"]?.stringValue ?? "") ?? .failed
            outcome.assertions.append(AssertionResult(
                name: item["name"]?.stringValue ?? "", status: status, errorName: item["errorName"]?.stringValue,
                message: item["message"]?.stringValue, stack: item["stack"]?.stringValue,
                index: item["index"]?.intValue ?? position))
        }
        for item in json["console"]?.arrayValue ?? [] {
            let level = ConsoleMessage.Level(rawValue: item["level"]?.stringValue ?? "") ?? .log
            outcome.console.append(ConsoleMessage(level: level, text: item["text"]?.stringValue ?? ""))
        }
        outcome.error = json["error"].flatMap(scriptError)
        outcome.warnings = (json["warnings"]?.arrayValue ?? []).compactMap(scriptError)
        // `{name}` when setNextRequest was called: a string names the next item, anything else ends the iteration.
        if let next = json["nextRequest"], case .object = next {
            if let name = next["name"]?.stringValue { outcome.nextRequest = .named(name) } else { outcome.nextRequest = .stop }
        }
        outcome.skipRequest = json["skipRequest"]?.boolValue ?? false
    }

    static func scriptError(_ json: JSONValue) -> ScriptError? {
        guard case .object = json else { return nil }
        return ScriptError(name: json["name"]?.stringValue ?? "Error", message: json["message"]?.stringValue ?? "",
                           line: json["line"]?.intValue, column: json["column"]?.intValue,
                           stack: json["stack"]?.stringValue)
    }
}
