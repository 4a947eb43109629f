import CarrierCrypto
import Foundation
import HTTPServer
import JSONValue

/// A stand-in for SendSafely's signed REST API, so the demo can show the vendor's HMAC pre-request script at work
/// without a portal. It checks what the real API checks: the `ss-api-key`, the `ss-request-timestamp`
/// (`2019-01-14T22:24:00+0000`, within `maximumSkew` of now) and the `ss-request-signature`, lowercase hex
/// HMAC-SHA256(API secret, API key + URL path + timestamp + body).
package struct SendSafelyRESTService: HTTPHandler {
    /// The API key the stand-in accepts.
    package let apiKey: String
    /// The secret the signature must be made with.
    package let apiSecret: String
    /// How far the timestamp may be from the server's clock.
    package let maximumSkew: TimeInterval
    /// The profile `GET /api/v2.0/user/` returns.
    package let email: String

    package init(apiKey: String, apiSecret: String, email: String = "demo@example.com", maximumSkew: TimeInterval = 900) {
        self.apiKey = apiKey
        self.apiSecret = apiSecret
        self.email = email
        self.maximumSkew = maximumSkew
    }

    package func reply(to request: HTTPRequest) -> HTTPReply {
        guard request.path.hasPrefix("/api/") else { return .response(answer(404, ["response": "NOT_FOUND"])) }
        if let failure = verify(request) { return .response(answer(401, ["response": "AUTHENTICATION_FAILED", "message": failure])) }
        switch (request.method, request.path) {
        case ("GET", "/api/v2.0/user/"), ("GET", "/api/v2.0/user"):
            return .response(answer(200, ["response": "SUCCESS", "email": email, "firstName": "Demo", "lastName": "User",
                                          "id": "demo-user"]))
        default:
            return .response(answer(404, ["response": "NOT_FOUND", "message": "\(request.method) \(request.path)"]))
        }
    }

    /// Why the request's signature is not acceptable, or `nil` when it is.
    package func verify(_ request: HTTPRequest) -> String? {
        guard let key = request.header("ss-api-key"), key == apiKey else { return "unknown ss-api-key" }
        guard let timestamp = request.header("ss-request-timestamp"), let date = SendSafelyRESTService.parseTimestamp(timestamp) else {
            return "ss-request-timestamp must look like 2019-01-14T22:24:00+0000"
        }
        guard abs(date.timeIntervalSinceNow) <= maximumSkew else { return "ss-request-timestamp is too far from the server's clock" }
        guard let signature = request.header("ss-request-signature") else { return "ss-request-signature is missing" }
        let message = Array((key + request.path + timestamp).utf8) + request.body
        let expected = HMAC.mac(.sha256, key: Array(apiSecret.utf8), message: message).hexString
        return signature == expected ? nil : "signature does not match"
    }

    static func parseTimestamp(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ssZ"
        return formatter.date(from: text)
    }

    private func answer(_ status: Int, _ fields: [String: String]) -> HTTPResponse {
        let body = JSONValue.object(JSONObject(fields.sorted { $0.key < $1.key }.map { JSONMember($0.key, .string($0.value)) }))
        return .json(body.serialized(), status: status)
    }
}
