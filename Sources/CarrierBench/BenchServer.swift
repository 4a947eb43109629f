import Foundation
import HTTPServer
import JSONValue

/// The local server every Carrier and floor run talks to: our own `HTTPServer` on 127.0.0.1, with fixed bodies so
/// both sides of a comparison receive the same bytes.
///
/// - `GET /small`: a 30-byte JSON object.
/// - `GET /json2k`: a SCIM ListResponse of 5 users, about 2 KB.
/// - `POST /signed`: counts requests carrying the three SendSafely signing headers, answers a small JSON object.
final class BenchServer: Sendable {
    let server: HTTPServer
    private let signed = Counter()

    init() throws {
        let small = Array(#"{"ok":true,"service":"bench"}"#.utf8)
        let list = Array(BenchServer.userList().serialized().utf8)
        let signed = self.signed
        server = HTTPServer(limits: HTTPServerLimits(idleTimeout: .seconds(30))) { request in
            switch request.path {
            case "/small":
                return .bytes(small, contentType: "application/json; charset=utf-8")
            case "/json2k":
                return .bytes(list, contentType: "application/json; charset=utf-8")
            case "/signed":
                let names = ["ss-api-key", "ss-request-timestamp", "ss-request-signature"]
                let complete = names.allSatisfy { (request.header($0) ?? "").isEmpty == false }
                    && request.header("ss-request-signature")?.count == 64
                if complete { signed.increment() }
                return .bytes(small, status: complete ? 200 : 400, contentType: "application/json; charset=utf-8")
            default:
                return HTTPResponse(status: 404)
            }
        }
        try server.start()
    }

    deinit { server.stop() }

    /// `http://127.0.0.1:PORT`.
    var baseURL: String { server.baseURL }

    /// Signed requests received so far.
    var signedRequests: Int { signed.value }

    /// Five SCIM users in a ListResponse (about 2 KB): the body of the test-script benchmark.
    private static func userList() -> JSONValue {
        let names = [("Ada", "Lovelace"), ("Alan", "Turing"), ("Grace", "Hopper"), ("Edsger", "Dijkstra"),
                     ("Barbara", "Liskov")]
        let users: [JSONValue] = names.enumerated().map { index, name in
            let id = String(format: "2819c223-7f76-453a-919d-41341%07d", index)
            let userName = "\(name.0.lowercased()).\(name.1.lowercased())@example.com"
            return .object([
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                "id": .string(id),
                "userName": .string(userName),
                "name": ["givenName": .string(name.0), "familyName": .string(name.1)],
                "emails": [["value": .string(userName), "primary": true]],
                "active": true,
                "meta": ["resourceType": "User", "location": .string("/scim/v2/Users/\(id)")],
            ])
        }
        return .object([
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
            "totalResults": 5, "itemsPerPage": 5, "startIndex": 1,
            "Resources": .array(users),
        ])
    }
}

/// A counter shared by the server's connection threads.
final class Counter: @unchecked Sendable {
    // Unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
