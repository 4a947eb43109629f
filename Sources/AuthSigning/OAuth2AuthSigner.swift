import RunContracts
import CarrierCrypto
import CollectionModel
import Foundation
import JSONValue

/// `oauth2`: the access token in the Authorization header (`headerPrefix`, default `Bearer`) or as the
/// `access_token` query parameter (`addTokenTo: queryParams`). Beyond Newman, which only sends a token it is
/// given: with no `accessToken` but a `client_credentials` or `password_credentials` grant and an
/// `accessTokenUrl`, the token is fetched with a real POST, cached for the run and fetched again once
/// `expires_in` has passed.
package struct OAuth2AuthSigner: AuthSigner {
    package var secretParameters: [String] { ["accessToken", "refreshToken", "clientSecret", "password", "id_token"] }
    package init() {}
    package var type: String { "oauth2" }

    package func sign(_ request: inout SignableRequest, auth: Auth) -> [String] {
        var warnings: [String] = []
        var token = auth.nonEmpty("accessToken")
        if token == nil, let grant = auth.nonEmpty("grant_type") {
            switch OAuth2TokenRequest.fetchToken(auth: auth, grant: grant, context: request.context) {
            case .success(let fetched):
                token = fetched
                request.generatedSecrets.append(fetched)
            case .failure(let message):
                warnings.append("oauth2: " + message.text + "; the request is sent without a token")
            }
        }
        guard let token else { return warnings }
        if let tokenType = auth.nonEmpty("tokenType"), tokenType.lowercased() == "mac" {
            return warnings + ["oauth2: MAC tokens are not supported; the request is sent without a token"]
        }
        // Both places are cleared whichever one gets the token, as the runtime does.
        request.removeHeaders(named: "Authorization")
        request.url.query.removeAll { $0.key == "access_token" }
        switch auth.nonEmpty("addTokenTo") ?? "header" {
        case "header":
            let prefix = auth.string("headerPrefix").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? "Bearer"
            request.headers.append(HTTPHeader("Authorization", prefix.isEmpty ? token : prefix + " " + token))
        case "queryParams":
            request.url.query.append(KeyValue(key: "access_token", value: token))
        case let other:
            warnings.append("oauth2: addTokenTo \"\(other)\" is not supported (header, queryParams); the request is sent without a token")
        }
        return warnings
    }
}

/// The token endpoint call of the client credentials and password grants (RFC 6749 §4.3, §4.4).
enum OAuth2TokenRequest {
    static func fetchToken(auth: Auth, grant: String, context: AuthSigningContext) -> Result<String, Message> {
        let grantType: String
        switch grant {
        case "client_credentials": grantType = "client_credentials"
        case "password_credentials", "password": grantType = "password"
        default:
            return .failure(Message("grant_type \"\(grant)\" needs a browser or a user; set accessToken (client_credentials and password_credentials are fetched)"))
        }
        guard let tokenURL = auth.nonEmpty("accessTokenUrl") else { return .failure(Message("accessTokenUrl is missing")) }
        guard let fetcher = context.tokenFetcher else { return .failure(Message("no transport to fetch the token with")) }
        let clientID = auth.string("clientId") ?? ""
        let clientSecret = auth.string("clientSecret") ?? ""
        let key = [grantType, tokenURL, clientID, auth.string("username") ?? "", auth.string("scope") ?? ""]
            .joined(separator: "\u{1}")
        if let cached = context.tokenCache.token(for: key, now: context.now()) { return .success(cached) }

        var form: [KeyValue] = [KeyValue(key: "grant_type", value: grantType)]
        if grantType == "password" {
            form.append(KeyValue(key: "username", value: auth.string("username") ?? ""))
            form.append(KeyValue(key: "password", value: auth.string("password") ?? ""))
        }
        if let scope = auth.nonEmpty("scope") { form.append(KeyValue(key: "scope", value: scope)) }
        var headers = [HTTPHeader("Content-Type", "application/x-www-form-urlencoded"), HTTPHeader("Accept", "application/json")]
        if auth.string("client_authentication") == "body" {
            form.append(KeyValue(key: "client_id", value: clientID))
            if !clientSecret.isEmpty { form.append(KeyValue(key: "client_secret", value: clientSecret)) }
        } else {
            headers.append(HTTPHeader("Authorization", BasicAuthSigner.headerValue(clientID + ":" + clientSecret)))
        }
        let url = URLEncoding.encode(RequestURL.parse(tokenURL))
        let request = PreparedRequest(method: "POST", url: url.href, headers: headers,
                                      body: Array(FormURLEncoding.encode(form).utf8))
        let requestedAt = context.now()
        switch fetcher(request) {
        case .failure(let error):
            return .failure(Message("the token request to \(url.href) failed: \(error.message)"))
        case .success(let response):
            guard (200..<300).contains(response.code) else {
                return .failure(Message("the token endpoint \(url.href) answered \(response.code)"))
            }
            guard let (token, expiresIn) = parse(response) else {
                return .failure(Message("the token endpoint \(url.href) sent no access_token"))
            }
            context.tokenCache.store(token, for: key, expiresAt: expiresIn.map { requestedAt + $0 * 1000 })
            return .success(token)
        }
    }

    /// `access_token` and `expires_in` (seconds) from a JSON or form-encoded token response.
    static func parse(_ response: HTTPResponse) -> (String, Double?)? {
        if let json = try? JSONParser.parse(bytes: response.body), let object = json.objectValue {
            guard let token = object["access_token"]?.stringValue, !token.isEmpty else { return nil }
            let expires = object["expires_in"].flatMap { value -> Double? in
                if case .number(let number) = value { return number }
                return value.stringValue.flatMap(Double.init)
            }
            return (token, expires)
        }
        var fields: [String: String] = [:]
        for pair in response.text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        guard let token = fields["access_token"], !token.isEmpty else { return nil }
        return (token, fields["expires_in"].flatMap(Double.init))
    }

    /// A failure explained for the run's warnings.
    struct Message: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }
}
