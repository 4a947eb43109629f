import RunContracts
import CarrierCrypto
import CollectionModel
import Foundation

/// `edgegrid` (Akamai EG1-HMAC-SHA256) as postman-runtime signs it: tab-joined method, scheme, host (or the
/// `baseURL`'s host), path with query, the `headersToSign`, and for POST the base64 SHA-256 of the body's first
/// `maxBodySize` bytes (128 KiB by default).
package struct EdgeGridAuthSigner: AuthSigner {
    package var secretParameters: [String] { ["accessToken", "clientToken", "clientSecret"] }
    package init() {}
    package var type: String { "edgegrid" }

    package func sign(_ request: inout SignableRequest, auth: Auth) -> [String] {
        guard let accessToken = auth.nonEmpty("accessToken"), let clientToken = auth.nonEmpty("clientToken"),
              let clientSecret = auth.nonEmpty("clientSecret") else { return [] }
        request.removeHeaders(named: "Authorization")
        let url = NodeURL(request)
        let baseHost = auth.nonEmpty("baseURL").map { base -> String in
            var signable = request
            signable.url = RequestURL.parse(base)
            return NodeURL(signable).host
        }
        let timestamp = auth.nonEmpty("timestamp") ?? Self.timestamp(request.context.now())
        let nonce = auth.nonEmpty("nonce") ?? request.context.uuid()
        let maxBodySize = auth.string("maxBodySize").flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 131_072
        var bodyHash = ""
        if request.method == "POST", let body = request.bodyDefinition, let mode = body.mode, mode != .formdata,
           let bytes = request.body, !bytes.isEmpty {
            bodyHash = HashAlgorithm.sha256.hash(Array(bytes.prefix(maxBodySize))).base64String
        }
        let header = EdgeGridSignature(
            method: request.method, scheme: url.scheme, host: baseHost ?? url.host, path: url.path,
            canonicalHeaders: Self.canonicalHeaders(Self.headerNames(auth), request.headers), bodyHash: bodyHash,
            clientToken: clientToken, accessToken: accessToken, clientSecret: clientSecret, timestamp: timestamp,
            nonce: nonce).header()
        request.headers.append(HTTPHeader("Authorization", header))
        return []
    }

    /// `headersToSign`: a comma-separated string or an array of names.
    static func headerNames(_ auth: Auth) -> [String] {
        switch auth.parameters["headersToSign"] {
        case .string(let text)?: text.components(separatedBy: ",")
        case .array(let items)?: items.compactMap(\.stringValue)
        default: []
        }
    }

    /// `name:value` for each listed header that has one value, tab-joined; whitespace runs become one space.
    static func canonicalHeaders(_ names: [String], _ headers: [HTTPHeader]) -> String {
        names.compactMap { name -> String? in
            let lower = name.trimmingCharacters(in: .whitespaces).lowercased()
            let matching = headers.filter { $0.name.lowercased() == lower }
            // Repeated headers become an array in the runtime, which it skips.
            guard matching.count == 1, let value = matching.first?.value, !value.isEmpty else { return nil }
            let collapsed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            return lower + ":" + collapsed
        }.joined(separator: "\t")
    }

    /// `yyyyMMddTHH:mm:ss+0000` in UTC.
    static func timestamp(_ milliseconds: Double) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HH:mm:ss'+0000'"
        return formatter.string(from: Date(timeIntervalSince1970: (milliseconds / 1000).rounded(.down)))
    }
}

/// One EG1-HMAC-SHA256 signature.
struct EdgeGridSignature {
    var method: String
    var scheme: String
    var host: String
    var path: String
    var canonicalHeaders: String
    var bodyHash: String
    var clientToken: String
    var accessToken: String
    var clientSecret: String
    var timestamp: String
    var nonce: String

    func header() -> String {
        let authHeader = "EG1-HMAC-SHA256 client_token=\(clientToken);access_token=\(accessToken);timestamp=\(timestamp);nonce=\(nonce);"
        let signingKey = HMAC.mac(.sha256, key: clientSecret, message: timestamp).base64String
        let data = [method, scheme, host, path.isEmpty ? "/" : path, canonicalHeaders, bodyHash, authHeader]
            .joined(separator: "\t")
        return authHeader + "signature=" + HMAC.mac(.sha256, key: signingKey, message: data).base64String
    }
}
