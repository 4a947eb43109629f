import Foundation
import HTTPServer
import JSONValue

@testable import SCIMServer

/// Calls a service in-process, with valid credentials unless told otherwise.
struct SCIMTestClient {
    let service: SCIMService
    static let authorization = "Basic " + Data("scim:s3cret".utf8).base64EncodedString()

    init(faults: SCIMFaults = [], store: SCIMUserStore? = nil, maxResults: Int = 200) throws {
        service = SCIMService(
            store: try store ?? SCIMUserStore(caseExactUserNames: faults.contains(.duplicateUserNameOtherCase)),
            username: "scim", password: "s3cret", faults: faults, maxResults: maxResults)
    }

    func send(
        _ method: String, _ target: String, body: JSONValue? = nil, headers: [HTTPField] = [],
        authorization: String? = SCIMTestClient.authorization
    ) -> HTTPResponse {
        var fields = headers + [HTTPField(name: "Host", value: "scim.test")]
        if let authorization { fields.append(HTTPField(name: "Authorization", value: authorization)) }
        if body != nil { fields.append(HTTPField(name: "Content-Type", value: "application/scim+json")) }
        let request = HTTPRequest(
            method: method, target: "/scim/v2" + target, headers: fields, body: body.map { Array($0.serialized().utf8) } ?? [])
        return service.handle(request)
    }

    /// Creates a user and returns its JSON (fails the calling test through the returned status otherwise).
    @discardableResult
    func createUser(_ userName: String, extra: JSONObject = [:]) -> JSONValue {
        var user: JSONObject = ["schemas": [.string(SCIMSchemaURN.user)], "userName": .string(userName)]
        user.members += extra.members
        return json(send("POST", "/Users", body: .object(user)))
    }
}

/// The JSON body of a response (`null` when it is not JSON).
func json(_ response: HTTPResponse) -> JSONValue {
    (try? JSONParser.parse(bytes: response.body)) ?? .null
}

/// A Group creation body with members naming `memberIDs`.
func groupBody(_ displayName: String, members memberIDs: [String] = [], _ extra: JSONObject = [:]) -> JSONValue {
    var group: JSONObject = ["schemas": [.string(SCIMSchemaURN.group)], "displayName": .string(displayName)]
    if !memberIDs.isEmpty { group["members"] = .array(memberIDs.map { ["value": .string($0)] }) }
    group.members += extra.members
    return .object(group)
}

/// A User creation body.
func userBody(_ userName: String, _ extra: JSONObject = [:]) -> JSONValue {
    var user: JSONObject = ["schemas": [.string(SCIMSchemaURN.user)], "userName": .string(userName)]
    user.members += extra.members
    return .object(user)
}

func patchBody(_ operations: JSONValue) -> JSONValue {
    ["schemas": [.string(SCIMSchemaURN.patchOp)], "Operations": operations]
}

/// A fresh path in a fresh temporary directory.
func temporaryDataFile() -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carrier-scim-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent("users.json").path
}
