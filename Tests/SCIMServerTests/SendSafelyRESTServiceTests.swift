import HTTPServer
import SCIMServer
import Testing

@Suite("The SendSafely REST stand-in verifies signatures as the API does")
struct SendSafelyRESTServiceTests {
    /// Signed with Python's hmac: hmac.new(b'demo-secret', key + path + timestamp + body, sha256).hexdigest().
    static let pythonSignature = "337f02b9db05bf9d6e2cbd77bbda087071d96ebc512cd3ff6eac05f1be3ced53"
    // A skew of ten years accepts the 2019 timestamp of the fixed vector.
    let service = SendSafelyRESTService(apiKey: "demo-key", apiSecret: "demo-secret", maximumSkew: 10 * 365 * 86_400)

    func request(signature: String, key: String = "demo-key", timestamp: String = "2019-01-14T22:24:00+0000") -> HTTPRequest {
        HTTPRequest(method: "GET", target: "/api/v2.0/user/", version: "HTTP/1.1",
                    headers: [HTTPField(name: "ss-api-key", value: key), HTTPField(name: "ss-request-timestamp", value: timestamp),
                              HTTPField(name: "ss-request-signature", value: signature)],
                    body: Array("{\"a\":1}".utf8), remoteAddress: "127.0.0.1", rawHead: [])
    }

    @Test("a signature computed by an independent implementation (Python's hmac) is accepted")
    func acceptsIndependentSignature() {
        #expect(service.verify(request(signature: Self.pythonSignature)) == nil)
        guard case .response(let response) = service.reply(to: request(signature: Self.pythonSignature)) else {
            Issue.record("expected a response")
            return
        }
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self).contains("\"response\":\"SUCCESS\""))
    }

    @Test("a wrong signature, key or timestamp format is refused with 401")
    func refuses() {
        #expect(service.verify(request(signature: String(repeating: "0", count: 64))) == "signature does not match")
        #expect(service.verify(request(signature: Self.pythonSignature, key: "other")) == "unknown ss-api-key")
        #expect(service.verify(request(signature: Self.pythonSignature, timestamp: "2019-01-14 22:24:00")) != nil)
        guard case .response(let response) = service.reply(to: request(signature: "bad")) else {
            Issue.record("expected a response")
            return
        }
        #expect(response.status == 401)
    }

    @Test("a timestamp far from the server's clock is refused")
    func skew() {
        let strict = SendSafelyRESTService(apiKey: "demo-key", apiSecret: "demo-secret", maximumSkew: 900)
        #expect(strict.verify(request(signature: Self.pythonSignature)) == "ss-request-timestamp is too far from the server's clock")
    }
}
