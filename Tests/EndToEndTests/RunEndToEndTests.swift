import CarrierTestSupport
import Foundation
import JSONValue
import Testing

/// `carrier run` as a user runs it: the built binary, real requests to a server on 127.0.0.1, reports on disk.
@Suite("carrier run against a local server", .serialized)
struct RunEndToEndTests {
    typealias F = CollectionFixture

    private func readJSON(_ path: String) throws -> JSONValue {
        try JSONParser.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test("a GET with variables from the environment goes out resolved, with Postman's system headers")
    func resolvedGet() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [
            F.request("Get thing", url: "{{base}}/things/{{id}}?q={{query}}&off=1", headers: [("X-Trace", "{{trace}}")]),
        ]))
        let env = try dir.write("e.json", F.environment([("base", server.baseURL), ("id", "42"), ("query", "a b"), ("trace", "t-1")]))
        let result = try CarrierProcess.run(["run", collection, "-e", env, "-r", "json", "--reporter-json-export", dir.path + "/s.json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.target == "/things/42?q=a%20b&off=1")
        #expect(request.header("X-Trace") == "t-1")
        #expect(request.header("User-Agent")?.hasPrefix("PostmanRuntime/") == true)
        #expect(request.header("Postman-Token") != nil)
        let summary = try readJSON(dir.path + "/s.json")
        #expect(summary["run"]?["stats"]?["requests"]?["total"] == 1)
        #expect(summary["run"]?["failures"]?.arrayValue?.isEmpty == true)
    }

    @Test("a missing upload file warns and the request goes without it, as in Newman; carrier check still refuses it")
    func missingUploadFile() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [
            F.request("Upload", method: "POST", url: server.baseURL + "/up", body: [
                "mode": "formdata",
                "formdata": [["key": "doc", "type": "file", "src": "/home/someone/report.pdf"], ["key": "note", "value": "kept"]],
            ]),
        ]))
        let result = try CarrierProcess.run(["run", collection, "-r", "cli,json", "--reporter-json-export", dir.path + "/s.json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardError.contains("carrier: warning: ") && result.standardError.contains("/home/someone/report.pdf does not exist"))
        let request = try #require(server.requests.first)
        #expect(request.path == "/up")
        let body = String(decoding: request.body, as: UTF8.self)
        #expect(body.contains("name=\"note\"") && body.contains("kept"))
        #expect(!body.contains("name=\"doc\""), "the part of the missing file is dropped, as postman-runtime drops it")
        let warnings = try readJSON(dir.path + "/s.json")["run"]?["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(warnings.contains { $0.contains("file load error") }, "\(warnings)")
        let check = try CarrierProcess.run(["check", collection])
        #expect(check.exitCode == 2)
    }

    @Test("bodies: raw JSON gets its Content-Type, urlencoded and GraphQL are encoded as Postman encodes them")
    func bodies() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [
            F.request("raw", method: "POST", url: server.baseURL + "/raw",
                      body: ["mode": "raw", "raw": "{\"a\": {{n}}}", "options": ["raw": ["language": "json"]]]),
            F.request("form", method: "POST", url: server.baseURL + "/form",
                      body: ["mode": "urlencoded", "urlencoded": [["key": "a b", "value": "c&d"], ["key": "off", "value": "x", "disabled": true]]]),
            F.request("gql", method: "POST", url: server.baseURL + "/gql",
                      body: ["mode": "graphql", "graphql": ["query": "{ me { id } }", "variables": "{\"x\": 1}"]]),
        ], variables: [["key": "n", "value": "7"]]))
        let result = try CarrierProcess.run(["run", collection])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let requests = server.requests
        try #require(requests.count == 3)
        #expect(String(decoding: requests[0].body, as: UTF8.self) == "{\"a\": 7}")
        #expect(requests[0].header("Content-Type") == "application/json")
        #expect(String(decoding: requests[1].body, as: UTF8.self) == "a%20b=c%26d")
        #expect(requests[1].header("Content-Type") == "application/x-www-form-urlencoded")
        let graphql = try JSONParser.parse(bytes: requests[2].body)
        #expect(graphql["query"] == "{ me { id } }")
        #expect(graphql["variables"]?["x"] == 1)
    }

    @Test("auth is inherited from the collection, overridden by a folder, and stopped by noauth")
    func authInheritance() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(
            items: [
                F.request("inherits basic", url: server.baseURL + "/1"),
                F.folder("bearer folder", [
                    F.request("inherits bearer", url: server.baseURL + "/2"),
                    F.request("no auth", url: server.baseURL + "/3", auth: ["type": "noauth"]),
                    F.request("api key", url: server.baseURL + "/4",
                              auth: F.auth("apikey", [("key", "api_key"), ("value", "{{apiKey}}"), ("in", "query")])),
                ], auth: F.auth("bearer", [("token", "tok-123")])),
            ],
            auth: F.auth("basic", [("username", "{{user}}"), ("password", "{{pass}}")]),
            variables: [["key": "user", "value": "ann"], ["key": "pass", "value": "s3cret"], ["key": "apiKey", "value": "k-9"]]))
        let result = try CarrierProcess.run(["run", collection])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let requests = server.requests
        try #require(requests.count == 4)
        #expect(requests[0].header("Authorization") == "Basic " + Data("ann:s3cret".utf8).base64EncodedString())
        #expect(requests[1].header("Authorization") == "Bearer tok-123")
        #expect(requests[2].header("Authorization") == nil)
        #expect(requests[3].target == "/4?api_key=k-9")
    }

    @Test("a CSV data file drives one iteration per row")
    func csvIterations() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [F.request("user", url: server.baseURL + "/u/{{name}}?n={{n}}")]))
        let data = try dir.write("d.csv", "name,n\nann,1\n\"bo, b\",2\n")
        let result = try CarrierProcess.run(["run", collection, "-d", data])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(server.requests.map(\.target) == ["/u/ann?n=1", "/u/bo,%20b?n=2"])
    }

    @Test("--folder runs only that folder; an unknown folder is exit 2 and nothing is sent")
    func folders() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [
            F.request("outside", url: server.baseURL + "/outside"),
            F.folder("Users", [F.request("inside", url: server.baseURL + "/inside")]),
        ]))
        let only = try CarrierProcess.run(["run", collection, "--folder", "Users"])
        #expect(only.exitCode == 0, "\(only.standardError)")
        #expect(server.requests.map(\.path) == ["/inside"])
        let unknown = try CarrierProcess.run(["run", collection, "--folder", "Nope"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.standardError.contains("Nope"))
        #expect(server.requests.count == 1)
    }

    @Test("invalid JSON is exit 2 with the file and line:column, and nothing is sent")
    func invalidJSON() throws {
        let dir = try TemporaryDirectory()
        let collection = try dir.write("broken.json", "{\n  \"info\": {\"name\": \"x\",\n  \"item\": [\n")
        let result = try CarrierProcess.run(["run", collection])
        #expect(result.exitCode == 2)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.standardError.contains("broken.json"))
        #expect(result.standardError.contains("line 4"))
    }

    @Test("a refused connection is a request error: exit 1, counted in JSON and JUnit; -x turns it into 0")
    func requestError() throws {
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [F.request("nowhere", url: "http://127.0.0.1:9/x")]))
        let result = try CarrierProcess.run(["run", collection, "-r", "json,junit", "--reporter-json-export", dir.path + "/s.json",
                                             "--reporter-junit-export", dir.path + "/j.xml"])
        #expect(result.exitCode == 1)
        let summary = try readJSON(dir.path + "/s.json")
        #expect(summary["run"]?["failures"]?.arrayValue?.count == 1)
        let junit = try String(contentsOfFile: dir.path + "/j.xml", encoding: .utf8)
        #expect(junit.contains("<error"))
        #expect(junit.contains("ECONNREFUSED"))
        let suppressed = try CarrierProcess.run(["run", collection, "-x"])
        #expect(suppressed.exitCode == 0)
    }

    @Test("cookies set by one response are sent with the next and exported as a tough-cookie jar")
    func cookies() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [
            F.request("set", url: server.baseURL + "/set-cookie?session=abc"),
            F.request("use", url: server.baseURL + "/echo"),
        ]))
        let result = try CarrierProcess.run(["run", collection, "--export-cookie-jar", dir.path + "/jar.json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(server.requests.last?.header("Cookie") == "session=abc")
        let jar = try readJSON(dir.path + "/jar.json")
        #expect(jar["cookies"]?[0]?["key"] == "session")
        #expect(jar["cookies"]?[0]?["value"] == "abc")
    }

    @Test("redirects are followed unless --ignore-redirects")
    func redirects() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [F.request("hop", url: server.baseURL + "/redirect/2")]))
        _ = try CarrierProcess.run(["run", collection])
        #expect(server.requests.map(\.path) == ["/redirect/2", "/redirect/1", "/echo"])
        _ = try CarrierProcess.run(["run", collection, "--ignore-redirects"])
        #expect(server.requests.count == 4)
    }

    @Test("--timeout-request turns a slow response into ESOCKETTIMEDOUT")
    func requestTimeout() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [F.request("slow", url: server.baseURL + "/delay/1500")]))
        let result = try CarrierProcess.run(["run", collection, "--timeout-request", "200", "-r", "json",
                                             "--reporter-json-export", dir.path + "/s.json"])
        #expect(result.exitCode == 1)
        let summary = try readJSON(dir.path + "/s.json")
        #expect(summary["run"]?["failures"]?[0]?["error"]?["code"] == "ESOCKETTIMEDOUT")
    }

    @Test("exported environments keep script changes and write secrets empty unless --export-secrets")
    func exports() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [F.request("one", url: server.baseURL + "/x")]))
        let env = try dir.write("e.json", F.environment([("plain", "visible"), ("SCIMPassword", "hunter2"), ("other", "typed")],
                                                        secret: ["other"]))
        let result = try CarrierProcess.run(["run", collection, "-e", env, "--env-var", "FROM_CI",
                                             "--export-environment", dir.path + "/out/env.json"],
                                            environment: ["FROM_CI": "ci-secret-value"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let exported = try String(contentsOfFile: dir.path + "/out/env.json", encoding: .utf8)
        #expect(exported.contains("visible"))
        #expect(!exported.contains("hunter2"))
        #expect(!exported.contains("typed\""))
        #expect(!exported.contains("ci-secret-value"))
        let kept = try CarrierProcess.run(["run", collection, "-e", env, "--export-environment", dir.path + "/env2.json", "--export-secrets"])
        #expect(kept.exitCode == 0)
        #expect(try String(contentsOfFile: dir.path + "/env2.json", encoding: .utf8).contains("hunter2"))
    }
}
