import RunContracts
import CarrierCrypto
import CollectionModel
import Foundation

/// `awsv4` (AWS Signature Version 4) as postman-runtime signs it with the `aws4` library: signed headers (or, with
/// `addAuthDataToQuery`, a presigned query), service `execute-api` and region `us-east-1` by default. The payload
/// hash goes out as `X-Amz-Content-Sha256` whenever there is a body.
package struct AWSV4AuthSigner: AuthSigner {
    package var secretParameters: [String] { ["accessKey", "secretKey", "sessionToken"] }
    package init() {}
    package var type: String { "awsv4" }

    static let authHeaders = ["Authorization", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-Sha256"]
    /// Removed before signing; `X-Amz-Expires` stays so a user can choose the lifetime of a presigned URL.
    static let queryParameters: Set<String> = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date",
                                               "X-Amz-SignedHeaders", "X-Amz-Security-Token", "X-Amz-Signature"]
    /// Headers `aws4` never signs.
    static let unsignedHeaders: Set<String> = ["authorization", "connection", "x-amzn-trace-id", "user-agent", "expect",
                                               "presigned-expires", "range"]

    package func sign(_ request: inout SignableRequest, auth: Auth) -> [String] {
        for name in Self.authHeaders { request.removeHeaders(named: name) }
        request.url.query.removeAll { Self.queryParameters.contains($0.key ?? "") }
        let credentials = AWSCredentials(accessKey: auth.string("accessKey") ?? "", secretKey: auth.string("secretKey") ?? "",
                                         sessionToken: auth.nonEmpty("sessionToken"))
        let service = auth.nonEmpty("service") ?? "execute-api"
        let region = auth.nonEmpty("region") ?? "us-east-1"
        let signQuery = auth.flag("addAuthDataToQuery")

        // A presigned query carries no payload hash (S3 presigns UNSIGNED-PAYLOAD, other services the empty hash).
        if !signQuery, let body = request.body, !body.isEmpty {
            request.headers.append(HTTPHeader("X-Amz-Content-Sha256", HashAlgorithm.sha256.hash(body).hexString))
        }
        let url = NodeURL(request)
        var signer = AWSV4Signature(method: request.method, service: service, region: region, credentials: credentials,
                                    datetime: Self.datetime(request.context.now()), signQuery: signQuery)
        // Header names keep their case and, like a JavaScript object's keys, their first position.
        var headers: [(String, String)] = []
        for header in request.headers {
            if let index = headers.firstIndex(where: { $0.0 == header.name }) {
                headers[index].1 += "," + header.value
            } else {
                headers.append((header.name, header.value))
            }
        }
        let result = signer.sign(headers: headers, host: url.host, pathAndQuery: url.path)
        for (name, value) in result.headers where name != "Authorization" || !signQuery {
            request.removeHeaders(named: name)
            request.headers.append(HTTPHeader(name, value))
        }
        if signQuery {
            request.url.query += result.query.map { KeyValue(key: $0.0, value: RFC3986.encode($0.1)) }
        }
        return []
    }

    /// `YYYYMMDDTHHMMSSZ` for a time in ms since 1970.
    static func datetime(_ milliseconds: Double) -> String {
        let date = Date(timeIntervalSince1970: (milliseconds / 1000).rounded(.down))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}

/// AWS access key, secret and optional session token.
struct AWSCredentials {
    var accessKey: String
    var secretKey: String
    var sessionToken: String?
}

/// One SigV4 computation, following the `aws4` library's canonical forms.
struct AWSV4Signature {
    var method: String
    var service: String
    var region: String
    var credentials: AWSCredentials
    var datetime: String
    var signQuery: Bool

    struct Result {
        /// Headers to set on the request (all signed headers, and Authorization unless presigning).
        var headers: [(String, String)]
        /// Query parameters to add when presigning (values not yet encoded).
        var query: [(String, String)]
        var canonicalRequest: String
        var stringToSign: String
    }

    var isS3: Bool { service == "s3" }
    var date: String { String(datetime.prefix(8)) }
    var credentialScope: String { [date, region, service, "aws4_request"].joined(separator: "/") }

    mutating func sign(headers inputHeaders: [(String, String)], host: String, pathAndQuery: String) -> Result {
        var headers = inputHeaders
        func has(_ name: String) -> Bool { headers.contains { $0.0.lowercased() == name.lowercased() } }
        if !has("Host") { headers.append(("Host", host)) }
        let (path, parsedQuery) = Self.splitPath(pathAndQuery)
        var query = parsedQuery
        var addedQuery: [(String, String)] = []
        if signQuery {
            if let token = credentials.sessionToken { addedQuery.append(("X-Amz-Security-Token", token)) }
            if isS3, !query.contains(where: { $0.0 == "X-Amz-Expires" }) { addedQuery.append(("X-Amz-Expires", "86400")) }
            addedQuery.append(("X-Amz-Date", datetime))
            addedQuery.append(("X-Amz-Algorithm", "AWS4-HMAC-SHA256"))
            addedQuery.append(("X-Amz-Credential", credentials.accessKey + "/" + credentialScope))
            addedQuery.append(("X-Amz-SignedHeaders", Self.signedHeaders(headers)))
            for (key, value) in addedQuery { query.removeAll { $0.0 == key }; query.append((key, [value])) }
        } else {
            if let token = credentials.sessionToken, !has("X-Amz-Security-Token") { headers.append(("X-Amz-Security-Token", token)) }
            if isS3, !has("X-Amz-Content-Sha256") { headers.append(("X-Amz-Content-Sha256", HashAlgorithm.sha256.hash([]).hexString)) }
            headers.append(("X-Amz-Date", datetime))
        }
        let bodyHash: String
        if isS3 && signQuery {
            bodyHash = "UNSIGNED-PAYLOAD"
        } else {
            bodyHash = headers.first { $0.0 == "X-Amz-Content-Sha256" || $0.0 == "x-amz-content-sha256" }?.1
                ?? HashAlgorithm.sha256.hash([]).hexString
        }
        let canonical = [method, canonicalPath(path), canonicalQuery(query), Self.canonicalHeaders(headers) + "\n",
                         Self.signedHeaders(headers), bodyHash].joined(separator: "\n")
        let stringToSign = ["AWS4-HMAC-SHA256", datetime, credentialScope,
                            HashAlgorithm.sha256.hash(canonical).hexString].joined(separator: "\n")
        var key = HMAC.mac(.sha256, key: Array(("AWS4" + credentials.secretKey).utf8), message: Array(date.utf8))
        for part in [region, service, "aws4_request"] { key = HMAC.mac(.sha256, key: key, message: Array(part.utf8)) }
        let signature = HMAC.mac(.sha256, key: key, message: Array(stringToSign.utf8)).hexString
        if signQuery {
            addedQuery.append(("X-Amz-Signature", signature))
        } else {
            headers.append(("Authorization", "AWS4-HMAC-SHA256 Credential=\(credentials.accessKey)/\(credentialScope), SignedHeaders=\(Self.signedHeaders(headers)), Signature=\(signature)"))
        }
        let changed = headers.filter { header in !inputHeaders.contains { $0.0 == header.0 && $0.1 == header.1 } }
        return Result(headers: changed, query: addedQuery, canonicalRequest: canonical, stringToSign: stringToSign)
    }

    /// Path and Node `querystring.parse`d query (repeated keys keep every value, in order).
    static func splitPath(_ pathAndQuery: String) -> (String, [(String, [String])]) {
        guard let question = pathAndQuery.firstIndex(of: "?") else { return (pathAndQuery, []) }
        var query: [(String, [String])] = []
        for piece in pathAndQuery[pathAndQuery.index(after: question)...].split(separator: "&", omittingEmptySubsequences: true) {
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(String(parts[0]))
            let value = parts.count > 1 ? decode(String(parts[1])) : ""
            if let index = query.firstIndex(where: { $0.0 == key }) { query[index].1.append(value) } else { query.append((key, [value])) }
        }
        return (String(pathAndQuery[..<question]), query)
    }

    /// `querystring.unescape`: `+` is a space, bad escapes stay as written.
    static func decode(_ text: String) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    func canonicalQuery(_ query: [(String, [String])]) -> String {
        var reduced: [(String, [String])] = []
        for (key, values) in query where !key.isEmpty {
            let encoded = RFC3986.encode(key)
            let kept = isS3 ? Array(values.prefix(1)) : values
            if let index = reduced.firstIndex(where: { $0.0 == encoded }) { reduced[index].1 = kept } else { reduced.append((encoded, kept)) }
        }
        return reduced.sorted { $0.0 < $1.0 }.flatMap { key, values in
            values.map(RFC3986.encode).sorted().map { key + "=" + $0 }
        }.joined(separator: "&")
    }

    func canonicalPath(_ path: String) -> String {
        guard path != "/" else { return path }
        var text = path
        if !isS3 {
            while text.contains("//") { text = text.replacingOccurrences(of: "//", with: "/") }
        }
        var pieces: [String] = []
        for piece in text.components(separatedBy: "/") {
            if !isS3 && piece == ".." {
                _ = pieces.popLast()
            } else if isS3 || piece != "." {
                let raw = isS3 ? (piece.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? piece) : piece
                pieces.append(RFC3986.encode(raw))
            }
        }
        var joined = pieces.joined(separator: "/")
        if !joined.hasPrefix("/") { joined = "/" + joined }
        if isS3 { joined = joined.replacingOccurrences(of: "%2F", with: "/") }
        return joined
    }

    private static func signable(_ headers: [(String, String)]) -> [(String, String)] {
        headers.filter { !AWSV4AuthSigner.unsignedHeaders.contains($0.0.lowercased()) }
            .sorted { $0.0.lowercased() < $1.0.lowercased() }
    }

    static func canonicalHeaders(_ headers: [(String, String)]) -> String {
        signable(headers).map { name, value in
            name.lowercased() + ":" + value.trimmingCharacters(in: .whitespacesAndNewlines)
                .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }.joined(separator: "\n")
    }

    static func signedHeaders(_ headers: [(String, String)]) -> String {
        signable(headers).map { $0.0.lowercased() }.joined(separator: ";")
    }
}
