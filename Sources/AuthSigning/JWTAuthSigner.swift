import RunContracts
import CarrierCrypto
import CollectionModel
import Foundation
import JSONValue

/// `jwt` (Postman's JWT bearer): signs `payload` with HS256/384/512 (`secret`, optionally base64), RS*, PS* or
/// ES* (`privateKey`, `passphrase`) and sends it as `<headerPrefix> <token>` or as the `queryParamKey` query
/// parameter. Like `jsonwebtoken` given a string payload, no `iat` is added and `typ` appears only when the
/// `header` parameter sets it.
package struct JWTAuthSigner: AuthSigner {
    package var secretParameters: [String] { ["secret", "privateKey", "passphrase"] }
    package init() {}
    package var type: String { "jwt" }

    package func sign(_ request: inout SignableRequest, auth: Auth) -> [String] {
        let algorithmName = auth.string("algorithm") ?? ""
        guard let algorithm = JWTAlgorithm(algorithmName) else {
            return ["jwt: algorithm \"\(algorithmName)\" is not supported (HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512); the request is sent unsigned"]
        }
        let token: String
        switch JWTToken.make(auth: auth, algorithm: algorithm) {
        case .success(let made): token = made
        case .failure(let failure): return ["jwt: \(failure.message); the request is sent unsigned"]
        }
        request.generatedSecrets.append(token)
        let target = auth.nonEmpty("addTokenTo") ?? "header"
        switch target {
        case "header":
            request.removeHeaders(named: "Authorization")
            request.headers.append(HTTPHeader("Authorization", (auth.nonEmpty("headerPrefix") ?? "Bearer") + " " + token))
        case "queryParam":
            let key = auth.nonEmpty("queryParamKey") ?? "token"
            request.url.query.removeAll { $0.key == key }
            request.url.query.append(KeyValue(key: key, value: token))
        default:
            return ["jwt: addTokenTo \"\(target)\" is not supported (header, queryParam); the request is sent unsigned"]
        }
        return []
    }
}

/// A JWS algorithm and how it signs.
struct JWTAlgorithm {
    let name: String
    let digest: HashAlgorithm
    let scheme: PrivateKeySigner.Scheme?

    init?(_ name: String) {
        let digests: [String: HashAlgorithm] = ["256": .sha256, "384": .sha384, "512": .sha512]
        guard name.count == 5, let digest = digests[String(name.suffix(3))] else { return nil }
        self.name = name
        self.digest = digest
        switch name.prefix(2) {
        case "HS": scheme = nil
        case "RS": scheme = .rsaPKCS1
        case "PS": scheme = .rsaPSS
        case "ES": scheme = .ecdsaJOSE
        default: return nil
        }
    }
}

/// Building and signing the compact JWS.
enum JWTToken {
    static func make(auth: Auth, algorithm: JWTAlgorithm) -> Result<String, SigningError> {
        let secret = auth.string("secret") ?? ""
        let privateKey = auth.string("privateKey") ?? ""
        if algorithm.scheme == nil && secret.isEmpty { return .failure(SigningError(message: "Invalid secret key. Enter a valid key.")) }
        if algorithm.scheme != nil && privateKey.isEmpty { return .failure(SigningError(message: "Invalid private key. Enter a valid key.")) }

        let header: JSONObject
        let payload: JSONValue
        do {
            header = try jsonObject(auth.parameters["header"], name: "header") ?? [:]
            payload = try json(auth.parameters["payload"], name: "payload") ?? .object([:])
        } catch {
            return .failure(error)
        }
        let signingInput = encodedSegment(joseHeader(algorithm: algorithm.name, user: header)) + "."
            + encodedSegment(payloadText(payload))
        let signature: Result<[UInt8], SigningError>
        if let scheme = algorithm.scheme {
            signature = PrivateKeySigner.sign(Array(signingInput.utf8), pem: privateKey,
                                              passphrase: auth.nonEmpty("passphrase"), digest: algorithm.digest, scheme: scheme)
        } else {
            signature = .success(HMAC.mac(algorithm.digest, key: secretKey(secret, base64: auth.flag("isSecretBase64Encoded")),
                                          message: Array(signingInput.utf8)))
        }
        return signature.map { signingInput + "." + $0.base64URLString }
    }

    /// `{"alg":…}` then `typ` and `kid` when given, then the user's other fields in order (`jsonwebtoken`'s
    /// `Object.assign({alg, typ, kid}, header)`); a user `alg` is ignored.
    static func joseHeader(algorithm: String, user: JSONObject) -> String {
        var members = [JSONMember("alg", .string(algorithm))]
        for fixed in ["typ", "kid"] { if let value = user[fixed], !value.isNull { members.append(JSONMember(fixed, value)) } }
        members += user.members.filter { !["alg", "typ", "kid"].contains($0.key) }
        return JSONValue.object(JSONObject(members)).serialized()
    }

    /// `JSON.stringify` of the parsed payload.
    static func payloadText(_ payload: JSONValue) -> String {
        payload.serialized()
    }

    static func encodedSegment(_ text: String) -> String { Array(text.utf8).base64URLString }

    /// The HMAC key: the secret's UTF-8 bytes, or its base64 decoding read as ASCII (Node's `toString('ascii')`
    /// keeps the low 7 bits of each byte).
    static func secretKey(_ secret: String, base64: Bool) -> [UInt8] {
        guard base64 else { return Array(secret.utf8) }
        var cleaned = secret.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        cleaned = cleaned.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "/") }
        while cleaned.count % 4 != 0 { cleaned += "=" }
        let bytes = Data(base64Encoded: cleaned).map { Array($0) } ?? []
        return bytes.map { $0 & 0x7F }
    }

    /// A parameter given as JSON text or as JSON; blank text means absent.
    static func json(_ value: JSONValue?, name: String) throws(SigningError) -> JSONValue? {
        guard let value, !value.isNull else { return nil }
        guard case .string(let text) = value else { return value }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return nil }
        do {
            return try JSONParser.parse(bytes: Array(trimmed.utf8))
        } catch {
            throw SigningError(message: "the \(name) is not valid JSON")
        }
    }

    static func jsonObject(_ value: JSONValue?, name: String) throws(SigningError) -> JSONObject? {
        guard let parsed = try json(value, name: name) else { return nil }
        guard let object = parsed.objectValue else { throw SigningError(message: "the \(name) must be a JSON object") }
        return object
    }
}
