import CarrierTestSupport
import Foundation
import JSONValue
import Testing

/// `carrier scim-server` as a child process, found by the line it announces.
final class SCIMServerProcess {
    static let username = "load-user"
    static let password = "load-password-1"
    let process: Process
    let port: UInt16
    var authorization: String { "Basic " + Data("\(Self.username):\(Self.password)".utf8).base64EncodedString() }

    init(dataFile: String?) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: CarrierProcess.executablePath)
        process.arguments = ["scim-server", "--port", "0", "--username", Self.username, "--password", Self.password]
            + (dataFile.map { ["--data", $0] } ?? [])
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var seen = ""
        var found: UInt16?
        while found == nil {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let range = seen.range(of: "http://127.0.0.1:"),
               let end = seen[range.upperBound...].firstIndex(of: "/") {
                found = UInt16(seen[range.upperBound..<end])
            }
        }
        guard let found else { kill(process.processIdentifier, SIGKILL); throw TestFailure("scim-server did not start: \(seen)") }
        port = found
    }

    func killHard() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { if process.isRunning { killHard() } }

    func client() throws -> KeepAliveClient { try KeepAliveClient(port: port) }

    /// Every userName the server lists, following pages.
    func allUserNames(_ client: KeepAliveClient) throws -> [String] {
        var names: [String] = []
        var start = 1
        while true {
            let response = try client.request("GET", "/scim/v2/Users?startIndex=\(start)&count=200", headers: [("Authorization", authorization)])
            guard response.status == 200 else { throw TestFailure("list: \(response.status) \(response.text)") }
            let page = try JSONParser.parse(bytes: response.body)
            let resources = page["Resources"]?.arrayValue ?? []
            names += resources.compactMap { $0["userName"]?.stringValue }
            let total = Int(page["totalResults"]?.doubleValue ?? 0)
            start += resources.count
            if resources.isEmpty || start > total { return names }
        }
    }

    static func userBody(_ userName: String) -> [UInt8] {
        let user: JSONValue = [
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "userName": .string(userName),
            "name": ["givenName": "Load", "familyName": .string(userName)],
            "emails": [["value": .string("\(userName)@example.com"), "primary": true]],
            "active": true,
        ]
        return Array(user.serialized().utf8)
    }
}

/// Thread-safe tallies for the load clients.
final class LoadTally: @unchecked Sendable {
    // Unchecked: every access holds `lock`.
    private let lock = NSLock()
    private(set) var requests = 0
    private(set) var errors: [String] = []
    private(set) var kept: [String] = []
    func add(requests count: Int, errors newErrors: [String], kept newKept: [String]) {
        lock.lock(); defer { lock.unlock() }
        requests += count
        errors += newErrors
        kept += newKept
    }
}

/// The embedded SCIM server under concurrent load, hostile clients and hard kills.
@Suite("SCIM server under load and faults", .serialized)
struct SCIMServerLoadTests {
    /// In memory: with `--data` every write rewrites the whole file (fsync and rename), so 20,000 requests would
    /// measure the disk; durability under kills is the next test's job.
    @Test("32 connections, 20,000 mixed requests: no error, no lost or duplicated user")
    func load() throws {
        let server = try SCIMServerProcess(dataFile: nil)
        let tally = LoadTally()
        let auth = server.authorization
        let port = server.port
        DispatchQueue.concurrentPerform(iterations: 32) { worker in
            var count = 0
            var errors: [String] = []
            var kept: [String] = []
            let json = [("Authorization", auth), ("Content-Type", "application/scim+json")]
            do {
                let client = try KeepAliveClient(port: port)
                var index = 0
                while count < 625 {
                    let name = "load-\(worker)-\(index)"
                    index += 1
                    let created = try client.request("POST", "/scim/v2/Users", headers: json, body: SCIMServerProcess.userBody(name))
                    count += 1
                    guard created.status == 201, let id = (try? JSONParser.parse(bytes: created.body))?["id"]?.stringValue else {
                        errors.append("create \(name): \(created.status)"); continue
                    }
                    let steps: [(String, String, [UInt8]?, Int)] = [
                        ("GET", "/scim/v2/Users/\(id)", nil, 200),
                        ("PATCH", "/scim/v2/Users/\(id)", Array("""
                        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"D \(name)"}]}
                        """.utf8), 200),
                        ("GET", "/scim/v2/Users?filter=" + "userName eq \"\(name)\"".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!, nil, 200),
                    ]
                    for (method, target, body, expected) in steps where count < 625 {
                        let response = try client.request(method, target, headers: json, body: body)
                        count += 1
                        if response.status != expected { errors.append("\(method) \(target): \(response.status)") }
                        if target.contains("filter="), !response.text.contains("\"totalResults\":1") {
                            errors.append("filter for \(name): \(response.text.prefix(120))")
                        }
                    }
                    if index % 2 == 0, count < 625 {
                        let deleted = try client.request("DELETE", "/scim/v2/Users/\(id)", headers: json)
                        count += 1
                        if deleted.status != 204 { errors.append("delete \(name): \(deleted.status)"); kept.append(name) }
                    } else {
                        kept.append(name)
                    }
                }
            } catch {
                errors.append("worker \(worker): \(error)")
            }
            tally.add(requests: count, errors: errors, kept: kept)
        }
        #expect(tally.requests == 20_000)
        #expect(tally.errors.isEmpty, "\(tally.errors.count) errors, first: \(tally.errors.prefix(5))")
        let listed = try server.allUserNames(try server.client())
        #expect(listed.count == Set(listed).count, "duplicated users")
        #expect(Set(listed) == Set(tally.kept), "lost \(Set(tally.kept).subtracting(listed).count), extra \(Set(listed).subtracting(tally.kept).count)")
    }

    @Test("slowloris, oversized headers and oversized bodies are refused without stalling other clients")
    func hostileClients() throws {
        let dir = try TemporaryDirectory()
        let server = try SCIMServerProcess(dataFile: dir.path + "/users.json")
        let auth = [("Authorization", server.authorization)]
        // Slowloris: a head trickling in a byte at a time on several connections.
        let slow = try (0..<8).map { _ in try server.client() }
        for client in slow { client.send(Array("GET /scim/v2/Users HTTP/1.1\r\nHost: x\r\n".utf8)) }
        let trickle = Thread {
            for _ in 0..<6 {
                for client in slow { client.send(Array("X".utf8)) }
                usleep(300_000)
            }
        }
        trickle.start()
        let normal = try server.client()
        for _ in 0..<100 {
            let response = try normal.request("GET", "/scim/v2/ServiceProviderConfig", headers: auth)
            #expect(response.status == 200)
        }
        let hugeHeader = try server.client()
        let tooBig = try hugeHeader.request("GET", "/scim/v2/Users", headers: auth + [("X-Huge", String(repeating: "h", count: 200_000))])
        #expect(tooBig.status == 431, "\(tooBig.status)")
        let hugeBody = try server.client()
        hugeBody.send(Array("POST /scim/v2/Users HTTP/1.1\r\nHost: x\r\nAuthorization: \(server.authorization)\r\nContent-Type: application/scim+json\r\nContent-Length: 104857600\r\n\r\n{".utf8))
        let refused = try hugeBody.readResponse()
        #expect(refused.status == 413, "\(refused.status)")
        #expect(hugeBody.waitForClose(), "the server keeps an oversized upload open")
        let after = try server.client().request("GET", "/scim/v2/ServiceProviderConfig", headers: auth)
        #expect(after.status == 200)
    }

    @Test("kill -9 at random moments never loses an acknowledged write nor corrupts the data file")
    func hardKills() throws {
        let dir = try TemporaryDirectory()
        let dataFile = dir.path + "/users.json"
        var acknowledged: [String] = []
        var generator = SystemRandomNumberGenerator()
        for round in 0..<5 {
            let server = try SCIMServerProcess(dataFile: dataFile)
            let listed = try server.allUserNames(try server.client())
            #expect(Set(listed).isSuperset(of: acknowledged), "round \(round): lost \(Set(acknowledged).subtracting(listed))")
            #expect(listed.count == Set(listed).count, "round \(round): duplicated users")
            let writes = LoadTally()
            let auth = server.authorization
            let port = server.port
            let writer = Thread {
                var ok: [String] = []
                if let client = try? KeepAliveClient(port: port) {
                    for index in 0..<100_000 {
                        let name = "kill-\(round)-\(index)"
                        guard let response = try? client.request("POST", "/scim/v2/Users", headers: [("Authorization", auth), ("Content-Type", "application/scim+json")],
                                                                  body: SCIMServerProcess.userBody(name)) else { break }
                        if response.status == 201 { ok.append(name) }
                    }
                }
                writes.add(requests: ok.count, errors: [], kept: ok)
            }
            writer.start()
            usleep(UInt32.random(in: 100_000...600_000, using: &generator))
            server.killHard()
            while !writer.isFinished { usleep(10_000) }
            acknowledged += writes.kept
        }
        let final = try SCIMServerProcess(dataFile: dataFile)
        let listed = try final.allUserNames(try final.client())
        #expect(!acknowledged.isEmpty)
        #expect(Set(listed).isSuperset(of: acknowledged), "lost \(Set(acknowledged).subtracting(listed).count) acknowledged users")
        #expect(listed.count == Set(listed).count)
    }
}
