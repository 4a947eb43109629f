import AuthSigning
import RunContracts
import CollectionModel
import Foundation
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
    /// Makes the boundary of each multipart body (random, as form-data's; tests fix it).
    package var makeBoundary: @Sendable () -> String = { MultipartEncoder.randomBoundary() }
    /// Makes the `Postman-Token` header of each request (a UUID v4; tests fix it).
    package var makeToken: @Sendable () -> String = { PostmanToken.random() }
    /// Clock, nonces and token fetching for auth signers (tests fix them; the runner adds the token fetcher).
    package var authContext = AuthSigningContext()
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
    /// The request as Newman shows it after sending (`pm.request` in test scripts, reports): variables resolved,
    /// URL parsed again from its resolved text, auth applied, every header sent listed.
    package var resolved: RequestDefinition?
    /// Secrets the auth signer made (a fetched OAuth 2.0 token, a JWT), for the run's redactor.
    package var generatedSecrets: [String] = []
    package init(request: PreparedRequest, warnings: [String] = [], resolved: RequestDefinition? = nil) {
        self.request = request
        self.warnings = warnings
        self.resolved = resolved
    }
}

/// Turns a request definition into bytes for the wire as postman-runtime does: variables resolved in URL,
/// headers, body and auth; URL encoded; body by mode; auth applied; system headers added.
package enum RequestBuilder {
    /// Builds the request the runner sends. `auth` is the effective (inherited) auth, `protocolProfileBehavior` the
    /// merged behaviour (see `mergeProtocolProfileBehavior`). The URL is resolved as text and parsed again, so a
    /// variable may hold several URL parts (`{{baseUrl}}` = `http://host:8080/api`).
    /// `urlMemo`: the runner's, so a URL that resolves to the same text as the last one is not parsed again.
    package static func build(_ definition: RequestDefinition, auth: Auth?, protocolProfileBehavior: JSONObject,
                              resolver: VariableResolver, settings: RequestBuildSettings,
                              urlMemo: ParsedURLMemo? = nil) throws(RequestBuildError) -> BuiltRequest {
        let resolved = VariableResolution(resolver: resolver)
        let text = resolver.resolve(sendableURL(definition.url).toString())
        let url = urlMemo?.parse(text) ?? RequestURL.parse(text)
        return try assemble(method: resolver.resolve(definition.method), url: url,
                            headers: definition.headers.map(resolved.keyValue), body: definition.body.map(resolved.body),
                            auth: auth.map(resolved.auth), protocolProfileBehavior: protocolProfileBehavior,
                            settings: settings)
    }

    /// The steps after variable resolution, shared with `pm.sendRequest`.
    static func assemble(method: String, url: RequestURL, headers: [KeyValue], body: RequestBody?, auth: Auth?,
                         protocolProfileBehavior behavior: JSONObject,
                         settings: RequestBuildSettings) throws(RequestBuildError) -> BuiltRequest {
        let method = method.isEmpty ? "GET" : method.uppercased()
        var warnings: [String] = []
        let userHeaders = headers.compactMap { header -> HTTPHeader? in
            guard !header.disabled, let key = header.key, !key.isEmpty else { return nil }
            return HTTPHeader(key, header.value ?? "")
        }

        var body = body
        if var raw = body, raw.mode == .raw, let text = raw.raw,
           JSONComments.applies(language: raw.rawLanguage, contentType: userHeaders.value(for: "Content-Type")) {
            raw.raw = JSONComments.strip(text)
            body = raw
        }
        var encoder = BodyEncoder(files: UploadFiles(workingDirectory: settings.workingDirectory,
                                                     allowOutside: settings.allowFilesOutsideWorkingDirectory),
                                  makeBoundary: settings.makeBoundary)
        let encodedBody = encoder.encode(body, method: method,
                                         pruneBody: !ProtocolProfile.isTruthy(behavior["disableBodyPruning"]))
        warnings += encoder.warnings

        var signable = SignableRequest(method: method, url: url, headers: userHeaders,
                                       body: encodedBody?.isPruned == true ? nil : encodedBody?.bytes,
                                       protocolProfileBehavior: behavior)
        signable.bodyDefinition = body
        signable.context = settings.authContext
        warnings += AuthSigners.sign(&signable, auth: auth)

        let encodedURL = URLEncoding.encode(signable.url,
                                            disableEncoding: ProtocolProfile.isTruthy(behavior["disableUrlEncoding"]))
        guard !encodedURL.hostname.isEmpty else { throw RequestBuildError("Invalid URI \"\(encodedURL.href)\"") }

        let system = SystemHeaders(userAgent: settings.userAgent, token: settings.makeToken(),
                                   disabled: ProtocolProfile.disabledSystemHeaders(behavior))
        let finalHeaders = system.assemble(signable.headers, body: encodedBody, url: encodedURL)
        try SystemHeaders.validate(finalHeaders)
        // Node sends `Content-Length: 0` for a bodiless request unless the method normally has no body.
        let sendsEmptyBody = !["GET", "HEAD", "DELETE", "OPTIONS", "TRACE", "CONNECT"].contains(method)
        let bytes = signable.body ?? (sendsEmptyBody ? [] : nil)
        var options = ProtocolProfile.options(behavior, base: settings.baseOptions)
        options.ntlmCredentials = signable.ntlmCredentials
        let request = PreparedRequest(method: method, url: encodedURL.href, headers: finalHeaders, body: bytes,
                                      options: options)
        let shown = RequestDefinition(method: method, url: signable.url,
                                      headers: finalHeaders.map { KeyValue(key: $0.name, value: $0.value) },
                                      body: signable.bodyDefinition ?? body, auth: auth)
        var built = BuiltRequest(request: request, warnings: warnings, resolved: shown)
        built.generatedSecrets = signable.generatedSecrets
        return built
    }

    /// A URL given only as `raw` (no parts) is parsed from it; otherwise the parts are what is sent.
    static func sendableURL(_ url: RequestURL) -> RequestURL {
        guard url.scheme == nil, url.host.isEmpty, url.path.isEmpty, url.port == nil, url.query.isEmpty,
              !url.raw.isEmpty else { return url }
        var parsed = RequestURL.parse(url.raw)
        if !url.pathVariables.isEmpty { parsed.pathVariables = url.pathVariables }
        return parsed
    }
}

/// The URL text parsed last and what it gave. A run sends the same URL again and again, and parsing depends on
/// nothing but the text's bytes. Not thread-safe: one per runner.
package final class ParsedURLMemo {
    private var last: (text: String, url: RequestURL)?
    package init() {}

    func parse(_ text: String) -> RequestURL {
        // Compared as bytes: String's == holds canonically equivalent texts equal, which encode differently.
        if let last, Self.sameBytes(last.text, text) { return last.url }
        let url = RequestURL.parse(text)
        last = (text, url)
        return url
    }

    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let compared = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in x.elementsEqual(y) }
        } ?? nil
        return compared ?? a.utf8.elementsEqual(b.utf8)
    }
}

/// Resolves `{{variables}}` in every string of a request part, as postman-runtime's `toObjectResolved` does.
private struct VariableResolution {
    let resolver: VariableResolver

    func keyValue(_ pair: KeyValue) -> KeyValue {
        var pair = pair
        pair.key = pair.key.map(resolver.resolve)
        pair.value = pair.value.map(resolver.resolve)
        return pair
    }

    func body(_ body: RequestBody) -> RequestBody {
        var body = body
        body.raw = body.raw.map(resolver.resolve)
        body.urlencoded = body.urlencoded.map(keyValue)
        body.formdata = body.formdata.map { parameter in
            var parameter = parameter
            parameter.key = resolver.resolve(parameter.key)
            parameter.value = parameter.value.map(resolver.resolve)
            parameter.sources = parameter.sources.map(resolver.resolve)
            parameter.contentType = parameter.contentType.map(resolver.resolve)
            return parameter
        }
        body.fileSource = body.fileSource.map(resolver.resolve)
        body.graphqlQuery = body.graphqlQuery.map(resolver.resolve)
        body.graphqlVariables = body.graphqlVariables.map(resolver.resolve)
        return body
    }

    func auth(_ auth: Auth) -> Auth {
        var auth = auth
        auth.parameters = JSONObject(auth.parameters.members.map { JSONMember($0.key, json($0.value)) })
        return auth
    }

    private func json(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(resolver.resolve(text))
        case .array(let items): .array(items.map(json))
        case .object(let object): .object(JSONObject(object.members.map { JSONMember($0.key, json($0.value)) }))
        case .null, .bool, .number: value
        }
    }
}

extension RequestBuilder {
    /// Merges the behaviour of the levels above a request, outermost (collection) first: a key set at a deeper
    /// level replaces the outer one whole (objects such as `disabledSystemHeaders` are not merged key by key).
    package static func mergeProtocolProfileBehavior(_ levels: [JSONObject]) -> JSONObject {
        var merged = JSONObject()
        for level in levels {
            for member in level.members { merged[member.key] = member.value }
        }
        return merged
    }
}
