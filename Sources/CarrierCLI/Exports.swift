import CollectionModel
import Foundation
import JSONValue
import RunContracts
import RunnerCore

/// `--export-environment`, `--export-globals`, `--export-collection`, `--export-cookie-jar`: the state after the
/// run, written atomically. Secret values are written empty (and typed `secret`) unless `--export-secrets`; without
/// it, known secret values are also masked wherever else they ended up (a script copying a token into a plain
/// variable, a literal password in the collection's auth), and cookies whose value is a known secret are emptied.
/// Other cookies are kept: carrying the session to the next run is what the jar export is for.
enum Exports {
    /// `redactText` masks the run's secrets and the credentials the reports saw in headers (a literal
    /// `Authorization` in the collection); cookies are judged by the run's `redactor` alone.
    static func write(options: RunCommandOptions, inputs: RunInputs, scopes: VariableScopes, transport: HTTPTransport,
                      environment: EnvironmentSource? = nil, redactor: SecretRedactor = SecretRedactor(),
                      redactText: @escaping (String) -> String = { $0 }) throws(CLIError) {
        let mask: (JSONValue) -> JSONValue = { value in options.exportSecrets ? value : masked(value, redactText) }
        // `{environment}` keeps several environments' exports apart (the coordinator requires it then).
        func resolve(_ path: String, defaultName: String, suffix: String) -> String {
            Exports.resolve(EnvironmentPlaceholder.apply(path, environment: environment), defaultName: defaultName, suffix: suffix)
        }
        let policy = inputs.processEnvironmentNames
        if let path = options.exportEnvironment {
            let document = variableFile(scopes.environment, id: inputs.environment?.id ?? UUID().uuidString.lowercased(),
                                        name: inputs.environment?.name ?? "", scope: "environment",
                                        processEnvironmentNames: policy, keepSecrets: options.exportSecrets)
            try OutputFile.write(mask(document).serialized(indent: 2), to: resolve(path, defaultName: "environment", suffix: "postman_environment.json"))
        }
        if let path = options.exportGlobals {
            let document = variableFile(scopes.globals, id: inputs.globals?.id ?? UUID().uuidString.lowercased(),
                                        name: inputs.globals?.name ?? "globals", scope: "globals",
                                        processEnvironmentNames: policy, keepSecrets: options.exportSecrets)
            try OutputFile.write(mask(document).serialized(indent: 2), to: resolve(path, defaultName: "globals", suffix: "postman_globals.json"))
        }
        if let path = options.exportCollection {
            var source = inputs.collection.source.objectValue ?? JSONObject()
            source["variable"] = .array(scopes.collection.variables.map { variable in
                exportedVariable(variable, processEnvironmentNames: policy, keepSecrets: options.exportSecrets, includeEnabled: false)
            })
            try OutputFile.write(mask(JSONValue.object(source)).serialized(indent: 2),
                                 to: resolve(path, defaultName: "collection", suffix: "postman_collection.json"))
        }
        if let path = options.exportCookieJar {
            let cookies = transport.allCookies().map { cookie in
                var copy = cookie
                if !options.exportSecrets, redactor.redact(cookie.value) != cookie.value { copy.value = "" }
                return copy
            }
            try OutputFile.write(CookieJarFile.render(cookies).serialized(indent: 2),
                                 to: resolve(path, defaultName: "cookies", suffix: "json"))
        }
    }

    /// Every string of `value` with the known secrets masked.
    private static func masked(_ value: JSONValue, _ redactor: (String) -> String) -> JSONValue {
        switch value {
        case .string(let text): .string(redactor(text))
        case .array(let items): .array(items.map { masked($0, redactor) })
        case .object(let object): .object(JSONObject(object.members.map { JSONMember($0.key, masked($0.value, redactor)) }))
        default: value
        }
    }

    /// Newman writes a timestamped file when the export path is a directory.
    private static func resolve(_ path: String, defaultName: String, suffix: String) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return path }
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
        return (path as NSString).appendingPathComponent("\(defaultName)-\(stamp).\(suffix)")
    }

    private static func variableFile(_ scope: VariableScope, id: String, name: String, scope kind: String,
                                     processEnvironmentNames policy: [String], keepSecrets: Bool) -> JSONValue {
        let values = scope.variables.map { exportedVariable($0, processEnvironmentNames: policy, keepSecrets: keepSecrets, includeEnabled: true) }
        return .object([
            "id": .string(id),
            "name": .string(name),
            "values": .array(values),
            "_postman_variable_scope": .string(kind),
            "_postman_exported_at": .string(ISO8601DateFormatter().string(from: Date())),
            "_postman_exported_using": .string("Carrier/\(CarrierVersion.current)"),
        ])
    }

    private static func exportedVariable(_ variable: Variable, processEnvironmentNames policy: [String], keepSecrets: Bool, includeEnabled: Bool) -> JSONValue {
        var object = JSONObject()
        object["key"] = .string(variable.key)
        let secret = SecretRedactor.isSecret(variable, processEnvironmentNames: policy)
        object["value"] = secret && !keepSecrets ? .string("") : variable.value
        object["type"] = .string(secret ? "secret" : (variable.type ?? "default"))
        if includeEnabled { object["enabled"] = .bool(!variable.disabled) } else if variable.disabled { object["disabled"] = .bool(true) }
        if secret && !keepSecrets {
            object["description"] = .string("Secret value not exported by Carrier; pass --export-secrets to keep it.")
        }
        return .object(object)
    }
}
