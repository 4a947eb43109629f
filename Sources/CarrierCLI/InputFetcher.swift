import CarrierCrypto
import CollectionModel
import CurlTransport
import Foundation
import RunContracts
import RunnerCore

/// The bytes of one input, read from disk or received, with where they came from.
struct InputBytes: Sendable {
    var bytes: [UInt8]
    /// How errors name the input (a path, a URL without its query, `postman:collection/<uid>`).
    var name: String
    var origin: InputOrigin
    /// The envelope member to unwrap (`collection`, `environment`) when the Postman API served it.
    var envelope: String?
}

/// Reads inputs: local files directly, `http(s)://` URLs and Postman API resources over libcurl with the run's TLS
/// settings (`-k`, `--ssl-extra-ca-certs`, client certificates), the environment's proxies (`HTTPS_PROXY`, …),
/// `--fetch-timeout` and `--max-response-size`. Every failure is one `CLIError` line naming the source and the fix;
/// the API key never appears in one. One fetcher serves one invocation, on one thread; its transport (and cookie
/// jar) is its own, made on the first fetch, so a run from local files never starts libcurl here.
final class InputFetcher {
    /// How fetches are made.
    struct Settings: Sendable {
        var verifyTLS = true
        var extraCACertificatesPath: String?
        var clientCertificatePath: String?
        var clientKeyPath: String?
        var clientKeyPassphrase: String?
        /// Milliseconds for one whole fetch; 0 = no limit.
        var timeoutMilliseconds = 30_000
        /// Largest body accepted; 0 = no limit.
        var maxBytes = 256 * 1024 * 1024
        var api = PostmanAPI(key: nil)
        /// Whether origins carry the SHA-256 of the bytes (`run.sources` of the JSON report, `carrier fetch`).
        var hashesInputs = true

        /// From the command line and `$POSTMAN_API_KEY`.
        init(options: RunCommandOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
            verifyTLS = !options.insecure
            extraCACertificatesPath = options.sslExtraCACerts
            clientCertificatePath = options.sslClientCert
            clientKeyPath = options.sslClientKey
            clientKeyPassphrase = options.sslClientPassphrase
            timeoutMilliseconds = options.fetchTimeout
            maxBytes = options.maxResponseSize
            api = PostmanAPI(base: options.postmanAPIURL ?? PostmanAPI.defaultBase, key: environment[PostmanAPI.keyVariable])
        }

        init() {}
    }

    let settings: Settings
    private let makeTransport: () throws(CLIError) -> HTTPTransport
    private var transport: HTTPTransport?
    /// API keys used so far (from the environment or a URL's `apikey`): the run masks them everywhere.
    private(set) var secrets: [String] = []

    init(settings: Settings, makeTransport: @escaping () throws(CLIError) -> HTTPTransport) {
        self.settings = settings
        self.makeTransport = makeTransport
        if let key = settings.api.key { secrets.append(key) }
    }

    /// A libcurl transport of its own (cookies from fetching never reach the run's jar).
    static func curlTransport() throws(CLIError) -> HTTPTransport {
        do {
            return try CurlTransport()
        } catch {
            throw CLIError("cannot start libcurl: \(error.message)")
        }
    }

    /// Whether `$POSTMAN_API_KEY` is set (Newman's bare uid then means the API).
    var hasAPIKey: Bool { settings.api.key != nil }

    /// Reads `source` for `role`.
    func read(_ source: InputSource, role: InputRole) throws(CLIError) -> InputBytes {
        switch source {
        case .file(let path):
            let bytes: [UInt8]
            do {
                bytes = try CollectionLoader.readBytes(path: path)
            } catch {
                throw CLIError(error.description)
            }
            return InputBytes(bytes: bytes, name: path, origin: origin(role, source, bytes))
        case .postman(let resource):
            guard let key = settings.api.key else {
                throw CLIError("\(resource.spelled): \(PostmanAPI.keyVariable) is not set; export it (from a CI secret) to fetch from the Postman API")
            }
            let bytes = try fetch(settings.api.url(for: resource), name: resource.spelled, apiKey: key, resource: resource, role: role)
            var found = origin(role, source, bytes)
            found.uid = resource.uid
            return InputBytes(bytes: bytes, name: resource.spelled, origin: found, envelope: resource.envelope)
        case .url(let url):
            let name = URLDisplay.safe(url)
            // Values of credential-like query parameters (a signed link's `sig`, `access_key`) are masked too.
            for item in URLComponents(string: url)?.queryItems ?? []
            where Self.credentialParameters.contains(item.name.lowercased()) {
                if let value = item.value, value.count >= 4, !secrets.contains(value) { secrets.append(value) }
            }
            if let api = settings.api.recognise(url) {
                if let queryKey = api.queryKey, !queryKey.isEmpty, !secrets.contains(queryKey) { secrets.append(queryKey) }
                let key = api.queryKey.flatMap { $0.isEmpty ? nil : $0 } ?? settings.api.key
                let bytes = try fetch(api.requestURL, name: name, apiKey: key, resource: key == nil ? nil : api.resource, role: role)
                var found = origin(role, source, bytes)
                found.uid = api.resource.uid
                return InputBytes(bytes: bytes, name: name, origin: found, envelope: api.resource.envelope)
            }
            let bytes = try fetch(url, name: name, apiKey: nil, resource: nil, role: role)
            return InputBytes(bytes: bytes, name: name, origin: origin(role, source, bytes))
        }
    }

    /// Query parameters whose values are credentials.
    static let credentialParameters: Set<String> = [
        "apikey", "api_key", "api-key", "access_key", "accesskey", "key", "token", "access_token", "auth", "sig",
        "signature", "password", "secret", "x-amz-signature", "x-goog-signature",
    ]

    private func origin(_ role: InputRole, _ source: InputSource, _ bytes: [UInt8]) -> InputOrigin {
        InputOrigin(role: role.rawValue, kind: source.kindName, location: source.display,
                    sha256: settings.hashesInputs ? LibcryptoDigest.sha256(bytes).hexString : nil, size: bytes.count)
    }

    /// One GET. With an API key: `X-Api-Key` carries it and redirects are not followed (the header would go
    /// wherever a redirect points).
    private func fetch(_ url: String, name: String, apiKey: String?, resource: PostmanResource?,
                       role: InputRole) throws(CLIError) -> [UInt8] {
        if transport == nil { transport = try makeTransport() }
        guard let transport else { throw CLIError("\(name): cannot start libcurl") }
        var options = RequestOptions()
        options.verifyTLS = settings.verifyTLS
        options.extraCACertificatesPath = settings.extraCACertificatesPath
        options.clientCertificatePath = settings.clientCertificatePath
        options.clientKeyPath = settings.clientKeyPath
        options.clientKeyPassphrase = settings.clientKeyPassphrase
        options.timeoutMilliseconds = settings.timeoutMilliseconds
        options.maxResponseBytes = settings.maxBytes
        options.followRedirects = apiKey == nil
        options.disableCookies = true
        var headers = [
            HTTPHeader("User-Agent", "Carrier/\(CarrierVersion.current)"),
            HTTPHeader("Accept", role == .iterationData ? "application/json, text/csv;q=0.9, */*;q=0.8" : "application/json"),
        ]
        if let apiKey { headers.append(HTTPHeader("X-Api-Key", apiKey)) }
        let request = PreparedRequest(method: "GET", url: url, headers: headers, options: options)
        switch transport.send(request) {
        case .failure(let error):
            throw CLIError("\(name): \(scrub(describe(error), url: url, name: name))")
        case .success(let response):
            return try accept(response, name: name, url: url, resource: resource)
        }
    }

    /// The body of a 2xx answer that can be an input, or the line explaining why not.
    private func accept(_ response: HTTPResponse, name: String, url: String,
                        resource: PostmanResource?) throws(CLIError) -> [UInt8] {
        let status = "HTTP \(response.code) \(response.reason)"
        let apiMessage = resource == nil ? nil : PostmanAPI.errorMessage(in: response.body).map { scrub($0, url: url, name: name) }
        let detail = apiMessage.map { " (\($0))" } ?? ""
        switch response.code {
        case 200..<300:
            break
        case 300..<400:
            let location = response.headers.value(for: "Location").map { " to \(URLDisplay.safe($0))" } ?? ""
            throw CLIError("\(name): \(status): redirected\(location); Carrier does not send the API key on to another address, so fetch the final URL (or point --postman-api-url at it)")
        case 401, 403:
            if let resource {
                throw CLIError("\(name): \(status)\(detail): the Postman API refused the key; check that \(PostmanAPI.keyVariable) holds a valid key whose user can see this \(resource.kind.rawValue)")
            }
            throw CLIError("\(name): \(status): the server wants credentials; use a URL that serves the file without them, or postman:collection/<uid> with \(PostmanAPI.keyVariable)")
        case 404:
            if let resource {
                throw CLIError("\(name): \(status)\(detail): no such \(resource.kind.rawValue); check the uid (Postman shows it on the \(resource.kind.rawValue)'s Info tab)")
            }
            throw CLIError("\(name): \(status): nothing at this address; check the URL")
        case 429:
            let after = response.headers.value(for: "Retry-After").map { value in
                value.allSatisfy(\.isNumber) ? "retry after \(value) s (Retry-After)" : "retry after \(value) (Retry-After)"
            } ?? "retry later"
            throw CLIError("\(name): \(status)\(detail): rate limited; \(after)")
        case 500..<600:
            throw CLIError("\(name): \(status)\(detail): the server failed; try again later")
        default:
            throw CLIError("\(name): \(status)\(detail): the server refused the request; check the URL")
        }
        let body = response.body
        guard let first = body.first(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }) else {
            throw CLIError("\(name): \(status) with an empty body; expected the input's JSON")
        }
        let type = response.headers.value(for: "Content-Type")?.lowercased() ?? ""
        if type.contains("html") || first == UInt8(ascii: "<") {
            throw CLIError("\(name): an HTML page (\(type.isEmpty ? "no Content-Type" : type)) where JSON was expected; the address serves a web page (a login or error page, or a documentation page): use the JSON's own URL or postman:collection/<uid>")
        }
        return body
    }

    /// A transport failure as the fix it needs.
    private func describe(_ error: TransportError) -> String {
        switch error.kind {
        case .tls:
            return "TLS failure (\(error.code): \(error.message)); for a private CA pass --ssl-extra-ca-certs FILE (-k skips verification)"
        case .timeout:
            return settings.timeoutMilliseconds > 0
                ? "no complete answer within \(settings.timeoutMilliseconds) ms (\(error.code)); raise --fetch-timeout (0: no limit) or check the server"
                : "timed out (\(error.code)); check the server"
        case .connectionRefused:
            return "connection refused (\(error.message)); check the URL and that the server is up"
        case .dnsFailure:
            return "cannot resolve the host (\(error.message)); check the URL and the network (or HTTPS_PROXY)"
        case .connectionClosed:
            return "the connection closed before the whole answer arrived (\(error.code): \(error.message)); try again"
        case .tooLarge:
            return "the answer is larger than \(settings.maxBytes) bytes; raise --max-response-size if the input really is that large"
        case .tooManyRedirects:
            return "too many redirects; fetch the final URL"
        case .invalidURL:
            return "not a URL Carrier can fetch (\(error.message)); check it"
        case .invalidResponse:
            return "the answer is not valid HTTP (\(error.message))"
        case .aborted, .other:
            return "cannot fetch (\(error.code): \(error.message))"
        }
    }

    /// `text` without the URL's query or the API keys.
    private func scrub(_ text: String, url: String, name: String) -> String {
        var out = text.replacingOccurrences(of: url, with: name)
        for secret in secrets where !secret.isEmpty { out = out.replacingOccurrences(of: secret, with: SecretRedactor.mask) }
        return out
    }
}
