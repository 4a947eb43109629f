import CarrierTestSupport
import Foundation
import HTTPServer
import SCIMServer

/// Section 6: the embedded SCIM server under a closed-loop load of kept-alive connections reading one user.
/// Generator and server share the two cores, so the figures are a lower bound for the server alone.
enum SCIMLoadBench {
    static let section = "embedded SCIM server"

    static func run(_ context: BenchContext, into results: inout BenchResults) throws {
        let server = try SCIMServer(config: SCIMServerConfig(username: "bench", password: "bench-secret"))
        try server.start()
        defer { server.stop() }
        let authorization = "Basic " + Data("bench:bench-secret".utf8).base64EncodedString()
        let client = try LoopbackHTTPClient(port: server.port)
        let user = #"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"load@example.com","#
            + #""name":{"givenName":"Load","familyName":"Test"},"emails":[{"value":"load@example.com","primary":true}],"active":true}"#
        try client.sendRequest("POST", "/scim/v2/Users", headers: [
            HTTPField(name: "Authorization", value: authorization),
            HTTPField(name: "Content-Type", value: "application/scim+json"),
        ], body: Array(user.utf8))
        let created = try client.readResponse()
        guard created.status == 201, let id = created.bodyText.firstJSONString(named: "id") else {
            throw ChildProcessError(description: "could not create the load-test user: \(created.statusLine) \(created.bodyText)")
        }
        let request = Array(("GET /scim/v2/Users/\(id) HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n"
            + "Authorization: \(authorization)\r\nAccept: application/scim+json\r\n\r\n").utf8)

        let repeats = context.quick ? 1 : 3
        let duration = context.quick ? 1.0 : 1.5
        for connections in [1, 8, 32] {
            var rates: [Double] = [], p50: [Double] = [], p99: [Double] = []
            for _ in 0..<repeats {
                let result = LoadGenerator.run(port: server.port, request: request, connections: connections,
                                               warmup: 0.3, duration: duration)
                guard result.errors == 0 else {
                    throw ChildProcessError(description: "\(result.errors) failed requests at \(connections) connections")
                }
                rates.append(result.requestsPerSecond); p50.append(result.p50); p99.append(result.p99)
            }
            let label = "GET /Users/{id}, \(connections) connection\(connections == 1 ? "" : "s")"
            results.add(Figure(section: section, name: "\(label): throughput", unit: "req/s", summary: Summary(rates),
                               note: "\(Format.number(duration)) s windows, keep-alive"))
            results.add(Figure(section: section, name: "\(label): p50 latency", unit: "ms", summary: Summary(p50)))
            results.add(Figure(section: section, name: "\(label): p99 latency", unit: "ms", summary: Summary(p99)))
        }
    }
}

extension String {
    /// The value of the first `"name":"…"` string member, without a full parse (the id of a created user).
    func firstJSONString(named name: String) -> String? {
        guard let range = range(of: "\"\(name)\":\"") else { return nil }
        let rest = self[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
