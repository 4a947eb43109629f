import CarrierTestSupport
import Foundation
import HTTPServer
import JSONValue
import Testing

@testable import SCIMServer

/// Sends one SCIM request over a real connection and parses the JSON answer.
private func exchange(
    _ client: LoopbackHTTPClient, _ method: String, _ target: String, body: JSONValue? = nil,
    authorization: String? = SCIMTestClient.authorization
) throws -> (response: LoopbackHTTPResponse, json: JSONValue) {
    var headers: [HTTPField] = []
    if let authorization { headers.append(HTTPField(name: "Authorization", value: authorization)) }
    if body != nil { headers.append(HTTPField(name: "Content-Type", value: "application/scim+json")) }
    try client.sendRequest(method, "/scim/v2" + target, headers: headers, body: body.map { Array($0.serialized().utf8) } ?? [])
    let response = try client.readResponse(forHEAD: method == "HEAD")
    return (response, (try? JSONParser.parse(bytes: response.body)) ?? .null)
}

private func startServer(dataFile: String? = nil) throws -> SCIMServer {
    let server = try SCIMServer(config: SCIMServerConfig(username: "scim", password: "s3cret", dataFile: dataFile))
    try server.start()
    return server
}

@Suite("SCIM server over HTTP")
struct SCIMServerHTTPTests {
    @Test func fullLifecycleOnOneKeptAliveConnection() throws {
        let server = try startServer()
        defer { server.stop() }
        #expect(server.baseURL == "http://127.0.0.1:\(server.port)/scim/v2")
        let client = try LoopbackHTTPClient(port: server.port)

        let unauthorized = try exchange(client, "GET", "/Users", authorization: nil)
        #expect(unauthorized.response.status == 401)

        let created = try exchange(client, "POST", "/Users", body: userBody("kim@example.com", ["active": true]))
        #expect(created.response.status == 201)
        #expect(created.response.header("Content-Type") == "application/scim+json; charset=utf-8")
        let id = try #require(created.json["id"]?.stringValue)
        #expect(created.response.header("Location") == "http://127.0.0.1/scim/v2/Users/\(id)")

        let filtered = try exchange(client, "GET", "/Users?filter=userName%20eq%20%22KIM@example.com%22")
        #expect(filtered.json["totalResults"] == 1)

        let patched = try exchange(client, "PATCH", "/Users/\(id)", body: patchBody([["op": "replace", "path": "displayName", "value": "Kim"]]))
        #expect(patched.json["displayName"] == "Kim")

        #expect(try exchange(client, "DELETE", "/Users/\(id)").response.status == 204)
        #expect(try exchange(client, "GET", "/Users/\(id)").response.status == 404)
    }

    @Test func headOnAUserHasNoBody() throws {
        let server = try startServer()
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        let id = try #require(try exchange(client, "POST", "/Users", body: userBody("lee")).json["id"]?.stringValue)
        let head = try exchange(client, "HEAD", "/Users/\(id)")
        #expect(head.response.status == 200)
        #expect(head.response.body.isEmpty)
        #expect(Int(head.response.header("Content-Length") ?? "0") ?? 0 > 0)
        #expect(try exchange(client, "GET", "/Users/\(id)").json["userName"] == "lee")  // connection still in sync
    }

    @Test func usersSurviveARestart() throws {
        let dataFile = temporaryDataFile()
        let first = try startServer(dataFile: dataFile)
        let client = try LoopbackHTTPClient(port: first.port)
        let id = try #require(try exchange(client, "POST", "/Users", body: userBody("mia", ["title": "CTO"])).json["id"]?.stringValue)
        let removed = try #require(try exchange(client, "POST", "/Users", body: userBody("gone")).json["id"]?.stringValue)
        _ = try exchange(client, "PATCH", "/Users/\(id)", body: patchBody([["op": "add", "path": "nickName", "value": "M"]]))
        _ = try exchange(client, "DELETE", "/Users/\(removed)")
        first.stop()

        let second = try startServer(dataFile: dataFile)
        defer { second.stop() }
        let again = try LoopbackHTTPClient(port: second.port)
        let user = try exchange(again, "GET", "/Users/\(id)")
        #expect(user.response.status == 200)
        #expect(user.json["title"] == "CTO")
        #expect(user.json["nickName"] == "M")
        #expect(user.json["meta"]?["version"] == "W/\"2\"")
        #expect(try exchange(again, "GET", "/Users/\(removed)").response.status == 404)
        #expect(try exchange(again, "POST", "/Users", body: userBody("MIA")).response.status == 409)
    }

    /// `workers` clients each creating `perWorker` users at once; returns every status.
    private func createConcurrently(port: UInt16, workers: Int, perWorker: Int) async throws -> [Int] {
        try await withThrowingTaskGroup(of: [Int].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    let client = try LoopbackHTTPClient(port: port)
                    var statuses: [Int] = []
                    for index in 0..<perWorker {
                        statuses.append(try exchange(client, "POST", "/Users", body: userBody("w\(worker)-u\(index)")).response.status)
                    }
                    return statuses
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }

    @Test func concurrentCreatorsLoseNothing() async throws {
        let server = try startServer()
        defer { server.stop() }
        let statuses = try await createConcurrently(port: server.port, workers: 8, perWorker: 100)
        #expect(statuses.count == 800)
        #expect(statuses.allSatisfy { $0 == 201 })
        let users = server.store.allUsers()
        #expect(users.count == 800)
        #expect(Set(users.compactMap { $0["id"]?.stringValue }).count == 800)
        #expect(Set(users.compactMap { $0["userName"]?.stringValue }).count == 800)
    }

    /// Fewer users than above: every acknowledged write costs an fsync of the whole file.
    @Test func concurrentCreatorsAllReachTheDataFile() async throws {
        let dataFile = temporaryDataFile()
        let server = try startServer(dataFile: dataFile)
        defer { server.stop() }
        let statuses = try await createConcurrently(port: server.port, workers: 8, perWorker: 10)
        #expect(statuses.filter { $0 == 201 }.count == 80)
        let onDisk = try SCIMUserStore(dataFile: dataFile).allUsers()
        #expect(Set(onDisk.compactMap { $0["userName"]?.stringValue }).count == 80)
    }

    @Test func concurrentDuplicatesCreateExactlyOneUser() async throws {
        let server = try startServer()
        defer { server.stop() }
        let port = server.port
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    try exchange(LoopbackHTTPClient(port: port), "POST", "/Users", body: userBody("same@example.com")).response.status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 201 }.count == 1)
        #expect(statuses.filter { $0 == 409 }.count == 15)
    }
}

@Suite("SCIM data file")
struct SCIMDataFileTests {
    @Test func writesAreAtomicAndLeaveNoTemporaryFiles() throws {
        let dataFile = temporaryDataFile()
        let store = try SCIMUserStore(dataFile: dataFile)
        for index in 0..<5 { _ = try store.create(SCIMResourceValidator.normalize(userBody("n\(index)").objectValue ?? [:])) }
        let directory = (dataFile as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["users.json"])
        let document = try JSONParser.parse(bytes: Array(FileManager.default.contents(atPath: dataFile) ?? Data()))
        #expect(document["format"] == "carrier-scim-users")
        #expect(document["users"]?.arrayValue?.count == 5)
    }

    @Test func aCorruptFileStopsTheServerInsteadOfLosingUsers() throws {
        let dataFile = temporaryDataFile()
        try Data("{\"users\": [".utf8).write(to: URL(fileURLWithPath: dataFile))
        #expect(throws: SCIMDataFileError.self) { try SCIMUserStore(dataFile: dataFile) }
    }

    @Test func anUnwritableFileFailsTheWriteAndRollsBack() throws {
        let store = try SCIMUserStore(dataFile: "/nonexistent-directory/users.json")
        #expect {
            try store.create(SCIMResourceValidator.normalize(userBody("x").objectValue ?? [:]))
        } throws: { error in
            (error as? SCIMError)?.status == 500
        }
        #expect(store.count == 0)
    }
}
