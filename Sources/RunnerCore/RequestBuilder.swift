import CollectionModel
import JSONValue

/// Settings that shape every request of a run.
package struct RequestBuildSettings: Sendable {
    /// Where relative file paths (formdata and file bodies) are read from (`--working-dir`; default: the cwd).
    package var workingDirectory: String
    /// Whether files outside `workingDirectory` may be read (`--no-insecure-file-read` turns it off).
    package var allowFilesOutsideWorkingDirectory = true
    /// Transport options from the CLI, before `protocolProfileBehavior` is merged in.
    package var baseOptions = RequestOptions()
    /// The User-Agent system header.
    package var userAgent = "PostmanRuntime/7.39.1"
    package init(workingDirectory: String) { self.workingDirectory = workingDirectory }
}

/// A request that cannot be built (the run records it as a request error and goes on).
package struct RequestBuildError: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}

/// A built request and what a user should know about it.
package struct BuiltRequest: Sendable {
    package var request: PreparedRequest
    /// e.g. `auth type "hawk" is not supported yet; the request is sent unsigned`.
    package var warnings: [String]
    package init(request: PreparedRequest, warnings: [String] = []) {
        self.request = request
        self.warnings = warnings
    }
}

/// Turns a request definition into bytes for the wire as postman-runtime does: variables resolved in URL,
/// headers, body and auth; URL encoded; body by mode; auth applied; system headers added.
/// (Implementation lands with the request-building work.)
package enum RequestBuilder {
    package static func build(_ definition: RequestDefinition, auth: Auth?, protocolProfileBehavior: JSONObject,
                              resolver: VariableResolver, settings: RequestBuildSettings) throws(RequestBuildError) -> BuiltRequest {
        throw RequestBuildError("request building is not implemented yet")
    }
}

extension RequestBuilder {
    /// Builds what `pm.sendRequest` was given (a URL string or a request JSON), without variable resolution.
    /// (Implementation lands with the request-building work.)
    package static func buildForSendRequest(_ json: JSONValue, settings: RequestBuildSettings) throws(RequestBuildError) -> PreparedRequest {
        throw RequestBuildError("pm.sendRequest is not implemented yet")
    }
}
