import RunContracts
import CarrierCrypto
import Foundation
import CollectionModel

/// `hawk` (hawk.1 header scheme) as postman-request's Hawk helper writes it: sha1 or sha256 MAC over the
/// normalized request string; optional payload hash, `ext`, and the Oz `app`/`dlg` pair.
package struct HawkAuthSigner: AuthSigner {
    package var secretParameters: [String] { ["authKey"] }
    package init() {}
    package var type: String { "hawk" }

    package func sign(_ request: inout SignableRequest, auth: Auth) -> [String] {
        guard let id = auth.nonEmpty("authId"), let key = auth.nonEmpty("authKey") else { return [] }
        let algorithm = auth.string("algorithm") ?? ""
        let hash: HashAlgorithm
        switch algorithm {
        case "sha1": hash = .sha1
        case "sha256": hash = .sha256
        default: return ["hawk: algorithm \"\(algorithm)\" is not supported (sha1, sha256); the request is sent unsigned"]
        }
        // The payload hash uses the Content-Type the user set: Postman adds its own only after signing.
        let contentType = request.headers.value(for: "Content-Type")
        request.removeHeaders(named: "Authorization")
        let nonce = auth.nonEmpty("nonce") ?? request.context.randomAlphanumeric(6)
        let timestamp = Self.leadingInteger(auth.string("timestamp")).map { _ in auth.string("timestamp") ?? "" }
            ?? String(request.context.unixSeconds)
        let url = NodeURL(request)
        var artifacts = HawkArtifacts(
            timestamp: timestamp, nonce: nonce, method: request.method, resource: url.path, host: url.hostname,
            port: url.port ?? (url.scheme == "http" ? "80" : "443"), hash: "",
            ext: auth.string("extraData") ?? "", app: auth.string("app") ?? "", dlg: auth.string("delegation") ?? "")
        if auth.flag("includePayloadHash"), let payloadHash = Self.payloadHash(request, contentType: contentType, hash: hash) {
            artifacts.hash = payloadHash
        }
        request.headers.append(HTTPHeader("Authorization", artifacts.header(id: id, key: key, hash: hash)))
        return []
    }

    /// `_.parseInt` succeeding with a non-zero value (the runtime replaces a missing or zero timestamp).
    static func leadingInteger(_ text: String?) -> Int? {
        guard let text else { return nil }
        let trimmed = text.drop { $0 == " " }
        var digits = ""
        for (index, character) in trimmed.enumerated() {
            if character.isASCII && character.isNumber || (index == 0 && (character == "-" || character == "+")) {
                digits.append(character)
            } else { break }
        }
        guard let value = Int(digits), value != 0 else { return nil }
        return value
    }

    /// `hawk.1.payload\n<content type>\n<body>\n`, hashed; none for multipart bodies (Postman has none either).
    static func payloadHash(_ request: SignableRequest, contentType: String?, hash: HashAlgorithm) -> String? {
        guard let body = request.bodyDefinition, let mode = body.mode, mode != .formdata,
              let bytes = request.body, !bytes.isEmpty else { return nil }
        let type = (contentType ?? "").split(separator: ";", omittingEmptySubsequences: false).first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let payload = Array(("hawk.1.payload\n" + type + "\n").utf8) + bytes + [0x0A]
        return hash.hash(payload).base64String
    }
}

/// What a Hawk MAC covers.
struct HawkArtifacts {
    var timestamp: String
    var nonce: String
    var method: String
    var resource: String
    var host: String
    var port: String
    var hash: String
    var ext: String
    var app: String
    var dlg: String

    /// The normalized string. Like the JavaScript it follows, only the first `\` and the first newline of `ext`
    /// are escaped (`String#replace` with a string pattern).
    func normalized() -> String {
        var text = "hawk.1.header\n\(timestamp)\n\(nonce)\n\(method.uppercased())\n\(resource)\n\(host.lowercased())\n\(port)\n\(hash)\n"
        if !ext.isEmpty { text += Self.replaceFirst(Self.replaceFirst(ext, "\\", "\\\\"), "\n", "\\n") }
        text += "\n"
        if !app.isEmpty { text += app + "\n" + dlg + "\n" }
        return text
    }

    func header(id: String, key: String, hash algorithm: HashAlgorithm) -> String {
        let mac = HMAC.mac(algorithm, key: key, message: normalized()).base64String
        var header = "Hawk id=\"\(id)\", ts=\"\(timestamp)\", nonce=\"\(nonce)\""
        if !hash.isEmpty { header += ", hash=\"\(hash)\"" }
        if !ext.isEmpty {
            header += ", ext=\"" + ext.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        header += ", mac=\"\(mac)\""
        if !app.isEmpty {
            header += ", app=\"\(app)\""
            if !dlg.isEmpty { header += ", dlg=\"\(dlg)\"" }
        }
        return header
    }

    private static func replaceFirst(_ text: String, _ target: String, _ replacement: String) -> String {
        guard let range = text.range(of: target) else { return text }
        return text.replacingCharacters(in: range, with: replacement)
    }
}
