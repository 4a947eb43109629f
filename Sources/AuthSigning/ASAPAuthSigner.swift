import RunContracts
import CarrierCrypto
import CollectionModel
import Foundation
import JSONValue

/// `asap` (Atlassian service-to-service JWT): a token signed with `privateKey` (PKCS#8 PEM or a
/// `data:application/pkcs8;kid=…;base64,…` URI) carrying `iss`, `sub` (default: the issuer), `aud`, `jti`
/// (default: a UUID), `iat` and `exp` (`exp` seconds from now, default 3600), sent as `Bearer <token>`.
/// Values in `claims` win over the separate parameters, as in the runtime.
package struct ASAPAuthSigner: AuthSigner {
    package var secretParameters: [String] { ["privateKey", "passphrase"] }
    package init() {}
    package var type: String { "asap" }

    package func sign(_ request: inout SignableRequest, auth: Auth) -> [String] {
        let claims: JSONObject
        do {
            claims = try JWTToken.jsonObject(auth.parameters["claims"], name: "claims") ?? [:]
        } catch {
            return ["asap: Failed to parse claims; the request is sent unsigned"]
        }
        func claim(_ key: String) -> JSONValue? {
            guard let value = claims[key], ProtocolProfile.isTruthy(value) else { return nil }
            return value
        }
        func parameter(_ key: String) -> JSONValue? { auth.nonEmpty(key).map(JSONValue.string) }
        let now = request.context.unixSeconds
        let issuer = claim("iss") ?? parameter("iss")
        let subject = claim("sub") ?? parameter("sub") ?? issuer
        let audience = claim("aud") ?? parameter("aud")
        let tokenID = claim("jti") ?? .string(request.context.uuid())
        let issuedAt = claim("iat") ?? .number(Double(now))
        let lifetime = auth.string("exp").flatMap { HawkAuthSigner.leadingInteger($0) } ?? 3600
        let expiry = claim("exp").flatMap { HawkAuthSigner.leadingInteger($0.javaScriptString) }.map { JSONValue.number(Double($0)) }
            ?? .number(Double(now + lifetime))
        let keyID = claim("kid") ?? parameter("kid")
        guard let keyID, let issuer, let audience, let privateKey = auth.nonEmpty("privateKey") else {
            return ["asap: One or more of required claims missing (kid, iss, aud, privateKey); the request is sent unsigned"]
        }
        let algorithmName = auth.nonEmpty("alg") ?? "RS256"
        guard let algorithm = JWTAlgorithm(algorithmName), let scheme = algorithm.scheme else {
            return ["asap: algorithm \"\(algorithmName)\" is not supported (RS256/384/512, PS256/384/512, ES256/384/512); the request is sent unsigned"]
        }
        guard let pem = Self.pem(privateKey, keyID: keyID.javaScriptString) else {
            return ["asap: Failed to parse private key.; the request is sent unsigned"]
        }
        var payload = claims
        for (key, value) in [("iat", issuedAt), ("iss", issuer), ("sub", subject ?? issuer), ("jti", tokenID),
                             ("aud", audience), ("exp", expiry)] {
            payload[key] = value
        }
        let header = JSONValue.object(["alg": .string(algorithm.name), "kid": keyID]).serialized()
        let signingInput = JWTToken.encodedSegment(header) + "." + JWTToken.encodedSegment(JSONValue.object(payload).serialized())
        switch PrivateKeySigner.sign(Array(signingInput.utf8), pem: pem, digest: algorithm.digest, scheme: scheme) {
        case .failure:
            return ["asap: Failed to sign request with key.; the request is sent unsigned"]
        case .success(let signature):
            let token = signingInput + "." + signature.base64URLString
            request.generatedSecrets.append(token)
            request.removeHeaders(named: "Authorization")
            request.headers.append(HTTPHeader("Authorization", "Bearer " + token))
            return []
        }
    }

    /// A PEM OpenSSL can read: newlines restored (the runtime strips them), or built from a PKCS#8 data URI
    /// whose `kid` must match.
    static func pem(_ text: String, keyID: String) -> String? {
        var key = text.replacingOccurrences(of: "\n", with: "")
        if key.count >= 2, key.hasPrefix("\""), key.hasSuffix("\"") { key = String(key.dropFirst().dropLast()) }
        key = key.removingPercentEncoding ?? key
        if key.hasPrefix("data:") {
            let prefix = "data:application/pkcs8;kid="
            guard key.hasPrefix(prefix), let marker = key.range(of: ";base64,") else { return nil }
            guard String(key[key.index(key.startIndex, offsetBy: prefix.count)..<marker.lowerBound]) == keyID else { return nil }
            return wrap(String(key[marker.upperBound...]), label: "PRIVATE KEY")
        }
        guard let begin = key.range(of: "-----BEGIN "), let beginEnd = key.range(of: "-----", range: begin.upperBound..<key.endIndex),
              let end = key.range(of: "-----END ", range: beginEnd.upperBound..<key.endIndex) else { return nil }
        let label = String(key[begin.upperBound..<beginEnd.lowerBound])
        let body = String(key[beginEnd.upperBound..<end.lowerBound]).filter { !$0.isWhitespace }
        return wrap(body, label: label)
    }

    private static func wrap(_ base64: String, label: String) -> String {
        var lines: [String] = []
        var rest = Substring(base64)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(64)))
            rest = rest.dropFirst(64)
        }
        return "-----BEGIN \(label)-----\n" + lines.joined(separator: "\n") + "\n-----END \(label)-----\n"
    }
}
