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

    /// A PatchOp adding `memberIDs` to a group's members.
    static func addMembersBody(_ memberIDs: [String]) -> [UInt8] {
        let patch: JSONValue = [
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [["op": "add", "path": "members", "value": .array(memberIDs.map { ["value": .string($0)] })]],
        ]
        return Array(patch.serialized().utf8)
    }

    static func groupBody(_ displayName: String) -> [UInt8] {
        let group: JSONValue = ["schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": .string(displayName)]
        return Array(group.serialized().utf8)
    }

    /// The member ids of the group `id`, or nil when it does not exist.
    func memberIDs(ofGroup id: String, _ client: KeepAliveClient) throws -> Set<String>? {
        let response = try client.request("GET", "/scim/v2/Groups/\(id)", headers: [("Authorization", authorization)])
        if response.status == 404 { return nil }
        guard response.status == 200 else { throw TestFailure("group \(id): \(response.status) \(response.text)") }
        let group = try JSONParser.parse(bytes: response.body)
        return Set((group["members"]?.arrayValue ?? []).compactMap { $0["value"]?.stringValue })
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
    /// Group id -> the member ids it must have.
    private(set) var members: [String: Set<String>] = [:]
    func add(requests count: Int, errors newErrors: [String], kept newKept: [String], members newMembers: [String: Set<String>] = [:]) {
        lock.lock(); defer { lock.unlock() }
        requests += count
        errors += newErrors
        kept += newKept
        members.merge(newMembers) { $0.union($1) }
    }
}

/// The embedded SCIM server under concurrent load, hostile clients and hard kills.
@Suite("SCIM server under load and faults", .serialized)
struct SCIMServerLoadTests {
    /// In memory: with `--data` every write rewrites the whole file (fsync and rename), so 20,000 requests would
    /// measure the disk; durability under kills is the next test's job.
    @Test("32 connections, 20,000 mixed requests with group writes: no error, no lost or duplicated user, memberships exact")
    func load() throws {
        let server = try SCIMServerProcess(dataFile: nil)
        let tally = LoadTally()
        let auth = server.authorization
        let port = server.port
        DispatchQueue.concurrentPerform(iterations: 32) { worker in
            var count = 0
            var errors: [String] = []
            var kept: [String] = []
            var members: Set<String> = []
            var groupID = ""
            let json = [("Authorization", auth), ("Content-Type", "application/scim+json")]
            do {
                let client = try KeepAliveClient(port: port)
                // Each worker keeps a group: every user it creates joins it, and a deleted user must leave it.
                let group = try client.request("POST", "/scim/v2/Groups", headers: json, body: SCIMServerProcess.groupBody("load-group-\(worker)"))
                count += 1
                groupID = (try? JSONParser.parse(bytes: group.body))?["id"]?.stringValue ?? ""
                if group.status != 201 || groupID.isEmpty { errors.append("create group \(worker): \(group.status)") }
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
                        ("PATCH", "/scim/v2/Groups/\(groupID)", SCIMServerProcess.addMembersBody([id]), 200),
                    ]
                    var joined = false
                    for (method, target, body, expected) in steps where count < 625 {
                        let response = try client.request(method, target, headers: json, body: body)
                        count += 1
                        if response.status != expected { errors.append("\(method) \(target): \(response.status)") }
                        if target.hasPrefix("/scim/v2/Groups/"), response.status == 200 { joined = true }
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
                        if joined { members.insert(id) }
                    }
                }
            } catch {
                errors.append("worker \(worker): \(error)")
            }
            tally.add(requests: count, errors: errors, kept: kept, members: groupID.isEmpty ? [:] : [groupID: members])
        }
        #expect(tally.requests == 20_000)
        #expect(tally.errors.isEmpty, "\(tally.errors.count) errors, first: \(tally.errors.prefix(5))")
        let listed = try server.allUserNames(try server.client())
        #expect(listed.count == Set(listed).count, "duplicated users")
        #expect(Set(listed) == Set(tally.kept), "lost \(Set(tally.kept).subtracting(listed).count), extra \(Set(listed).subtracting(tally.kept).count)")
        // Joins and the removals that deletes imply, from 32 writers at once: every group holds exactly its survivors.
        #expect(tally.members.count == 32)
        let client = try server.client()
        for (groupID, expected) in tally.members {
            #expect(try server.memberIDs(ofGroup: groupID, client) == expected, "group \(groupID)")
        }
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

    @Test("kill -9 at random moments never loses an acknowledged write, user or group membership, nor corrupts the data file")
    func hardKills() throws {
        let dir = try TemporaryDirectory()
        let dataFile = dir.path + "/users.json"
        var acknowledged: [String] = []
        var acknowledgedMembers: [String: Set<String>] = [:]  // group id -> members whose PATCH was answered 200
        var attemptedMembers: [String: Set<String>] = [:]  // group id -> every member a PATCH tried to add
        var generator = SystemRandomNumberGenerator()
        for round in 0..<5 {
            let server = try SCIMServerProcess(dataFile: dataFile)
            let listed = try server.allUserNames(try server.client())
            #expect(Set(listed).isSuperset(of: acknowledged), "round \(round): lost \(Set(acknowledged).subtracting(listed))")
            #expect(listed.count == Set(listed).count, "round \(round): duplicated users")
            try expectMemberships(server, acknowledged: acknowledgedMembers, attempted: attemptedMembers, "round \(round)")
            let writes = LoadTally()
            let auth = server.authorization
            let port = server.port
            let attempts = LoadTally()
            let writer = Thread {
                var ok: [String] = []
                var joined: [String: Set<String>] = [:]
                var tried: [String: Set<String>] = [:]
                let json = [("Authorization", auth), ("Content-Type", "application/scim+json")]
                if let client = try? KeepAliveClient(port: port),
                   let group = try? client.request("POST", "/scim/v2/Groups", headers: json, body: SCIMServerProcess.groupBody("kill-group-\(round)")),
                   group.status == 201, let groupID = (try? JSONParser.parse(bytes: group.body))?["id"]?.stringValue {
                    joined[groupID] = []
                    var pending: [String] = []
                    for index in 0..<100_000 {
                        let name = "kill-\(round)-\(index)"
                        guard let response = try? client.request("POST", "/scim/v2/Users", headers: json, body: SCIMServerProcess.userBody(name))
                        else { break }
                        guard response.status == 201 else { continue }
                        ok.append(name)
                        if let id = (try? JSONParser.parse(bytes: response.body))?["id"]?.stringValue { pending.append(id) }
                        // Every fifth user, the last five join the round's group in one PATCH.
                        guard pending.count == 5 else { continue }
                        tried[groupID, default: []].formUnion(pending)
                        guard let patched = try? client.request("PATCH", "/scim/v2/Groups/\(groupID)", headers: json,
                                                                 body: SCIMServerProcess.addMembersBody(pending)) else { break }
                        if patched.status == 200 { joined[groupID, default: []].formUnion(pending) }
                        pending = []
                    }
                }
                writes.add(requests: ok.count, errors: [], kept: ok, members: joined)
                attempts.add(requests: 0, errors: [], kept: [], members: tried)
            }
            writer.start()
            usleep(UInt32.random(in: 100_000...600_000, using: &generator))
            server.killHard()
            while !writer.isFinished { usleep(10_000) }
            acknowledged += writes.kept
            acknowledgedMembers.merge(writes.members) { $0.union($1) }
            attemptedMembers.merge(attempts.members) { $0.union($1) }
        }
        let final = try SCIMServerProcess(dataFile: dataFile)
        let listed = try final.allUserNames(try final.client())
        #expect(!acknowledged.isEmpty)
        #expect(Set(listed).isSuperset(of: acknowledged), "lost \(Set(acknowledged).subtracting(listed).count) acknowledged users")
        #expect(listed.count == Set(listed).count)
        #expect(acknowledgedMembers.values.contains { !$0.isEmpty }, "no membership write was acknowledged before a kill")
        try expectMemberships(final, acknowledged: acknowledgedMembers, attempted: attemptedMembers, "after the last kill")
    }

    /// Every acknowledged group is there, holding every acknowledged member and nobody a PATCH did not try to add.
    private func expectMemberships(
        _ server: SCIMServerProcess, acknowledged: [String: Set<String>], attempted: [String: Set<String>], _ when: String
    ) throws {
        let client = try server.client()
        for (groupID, members) in acknowledged {
            let stored = try server.memberIDs(ofGroup: groupID, client)
            #expect(stored != nil, "\(when): lost the group \(groupID)")
            #expect(stored?.isSuperset(of: members) == true, "\(when): group \(groupID) lost \(members.subtracting(stored ?? []).count) members")
            #expect(stored?.isSubset(of: attempted[groupID] ?? []) == true, "\(when): group \(groupID) has members nobody added")
        }
    }
}
