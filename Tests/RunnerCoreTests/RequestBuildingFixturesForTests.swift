import CollectionModel
import Foundation
import JSONValue
import RunContracts
@testable import RunnerCore

/// Builders shared by the request-building tests: fixed boundary and token so bytes can be compared whole.
enum BuildFixture {
    static let boundary = "--------------------------123456789012345678901234"
    static let token = "00000000-0000-4000-8000-000000000000"

    static func settings(workingDirectory: String = "/nonexistent", allowOutside: Bool = true) -> RequestBuildSettings {
        var settings = RequestBuildSettings(workingDirectory: workingDirectory)
        settings.allowFilesOutsideWorkingDirectory = allowOutside
        settings.makeBoundary = { boundary }
        settings.makeToken = { token }
        return settings
    }

    static func resolver(_ values: [String: JSONValue] = [:]) -> VariableResolver {
        let variables = values.sorted { $0.key < $1.key }.map { Variable(key: $0.key, value: $0.value) }
        return VariableResolver(scopes: VariableScopes(local: VariableScope(.local, variables: variables)))
    }

    static func build(_ definition: RequestDefinition, auth: Auth? = nil, behavior: JSONObject = [:],
                      variables: [String: JSONValue] = [:], settings: RequestBuildSettings = settings()) throws -> BuiltRequest {
        try RequestBuilder.build(definition, auth: auth, protocolProfileBehavior: behavior,
                                 resolver: resolver(variables), settings: settings)
    }

    static func url(_ definition: RequestDefinition, behavior: JSONObject = [:], variables: [String: JSONValue] = [:]) throws -> String {
        try build(definition, behavior: behavior, variables: variables).request.url
    }

    static func get(_ url: String) -> RequestDefinition {
        RequestDefinition(method: "GET", url: RequestURL.parse(url))
    }

    static func text(_ bytes: [UInt8]?) -> String? { bytes.map { String(decoding: $0, as: UTF8.self) } }

    /// A fresh directory with the given files, for upload tests.
    static func directory(files: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "carrier-build-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, content) in files {
            let file = path + "/" + name
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(content.utf8).write(to: URL(fileURLWithPath: file))
        }
        return path
    }
}
