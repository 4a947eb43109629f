import Foundation
import RunContracts
import RunnerCore
@testable import CurlTransport

/// What the test server's `/echo` route saw.
struct Echo {
    var method: String
    var target: String
    var headers: [HTTPHeader]
    var body: String
    var connection: Int

    init(_ response: HTTPResponse) throws {
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] ?? [:]
        method = object["method"] as? String ?? ""
        target = object["target"] as? String ?? ""
        headers = (object["headers"] as? [[String]] ?? []).map { HTTPHeader($0[0], $0[1]) }
        body = object["body"] as? String ?? ""
        connection = object["connection"] as? Int ?? -1
    }

    /// Header names in order, lower-cased, without the ones curl adds by itself (Host).
    var namesAfterHost: [String] { headers.map { $0.name.lowercased() }.filter { $0 != "host" } }
}

extension CurlTransport {
    /// Sends and unwraps, for tests that expect a response.
    func send(_ method: String, _ url: String, headers: [HTTPHeader] = [], body: [UInt8]? = nil,
              options: RequestOptions = RequestOptions()) throws -> HTTPResponse {
        try send(PreparedRequest(method: method, url: url, headers: headers, body: body, options: options)).get()
    }

    /// Sends and returns the error, for tests that expect one.
    func failure(_ method: String, _ url: String, options: RequestOptions = RequestOptions()) -> TransportError? {
        if case .failure(let error) = send(PreparedRequest(method: method, url: url, options: options)) { return error }
        return nil
    }
}

func makeTransport() throws -> CurlTransport { try CurlTransport(environment: [:]) }

extension Array where Element == UInt8 {
    init(_ text: String) { self = Array(text.utf8) }
}
