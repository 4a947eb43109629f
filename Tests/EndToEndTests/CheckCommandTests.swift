import CarrierTestSupport
import Foundation
import JSONValue
import Testing

/// `carrier check`: what a run would trip over, per environment, before anything is sent.
@Suite("carrier check", .serialized)
struct CheckCommandTests {
    typealias F = CollectionFixture

    /// A SCIM-like collection: the host from the environment, a password from the environment, a token a script sets.
    private func collection(in dir: TemporaryDirectory, extraItems: [JSONValue] = []) throws -> String {
        try dir.write("c.json", F.collection(items: [
            F.folder("Auth", [F.request("Login", method: "POST", url: "{{SCIMBaseURL}}/login",
                                        body: ["mode": "raw", "raw": "{\"password\": \"{{SCIMPassword}}\"}"],
                                        tests: "pm.environment.set('token', pm.response.json().token);\npm.collectionVariables.set(\"userId\", 1);")]),
            F.folder("Users", [F.request("Get", url: "{{SCIMBaseURL}}/Users/{{userId}}", headers: [("Authorization", "Bearer {{token}}")])]),
        ] + extraItems))
    }

    @Test("a portal file missing a variable: one line with the environment, the request path and the fix; exit 0 for a warning")
    func missingVariable() throws {
        let dir = try TemporaryDirectory()
        let collection = try collection(in: dir)
        let good = try dir.write("envs/acme.json", F.environment(name: "acme", [("SCIMBaseURL", "https://acme.example"), ("SCIMPassword", "x")]))
        _ = try dir.write("envs/globex.json", F.environment(name: "globex", [("SCIMBaseURL", "https://globex.example")]))
        let result = try CarrierProcess.run(["check", collection, "-e", dir.path + "/envs"])
        #expect(result.exitCode == 0, "\(result.standardOutput)\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.first == "warning: globex: Auth / Login: {{SCIMPassword}} is not defined (body); fix: add \"SCIMPassword\" to "
                + dir.path + "/envs/globex.json, or pass --env-var SCIMPassword=VALUE")
        #expect(lines.last == "0 errors, 1 warning across 2 environments.")
        // Variables set by scripts (token, userId) are not findings; --env-var fills the gap.
        let fixed = try CarrierProcess.run(["check", collection, "-e", dir.path + "/envs", "--env-var", "SCIMPassword=p"])
        #expect(fixed.standardOutput == "No problems found across 2 environments.\n")
        let single = try CarrierProcess.run(["check", collection, "-e", good])
        #expect(single.exitCode == 0)
        #expect(single.standardOutput == "No problems found.\n")
    }

    @Test("an unresolved host, a missing upload file and a script that does not parse are errors: exit 2")
    func errors() throws {
        let dir = try TemporaryDirectory()
        let collection = try collection(in: dir, extraItems: [
            F.folder("Files", [
                F.request("Upload", method: "POST", url: "{{SCIMBaseURL}}/upload",
                          body: ["mode": "formdata", "formdata": [["key": "doc", "type": "file", "src": "fixtures/missing.csv"]]]),
                F.request("Broken script", url: "{{SCIMBaseURL}}/x", tests: "pm.test('x', () => {\n  if (true {\n});"),
            ]),
        ])
        let env = try dir.write("e.json", F.environment(name: "nohost", [("SCIMPassword", "x")]))
        let result = try CarrierProcess.run(["check", collection, "-e", env], in: dir.path)
        #expect(result.exitCode == 2)
        let out = result.standardOutput
        #expect(out.contains("error: nohost: Auth / Login: {{SCIMBaseURL}} is not defined (URL) and the URL has no host without it"))
        #expect(out.contains("error: Files / Upload: form field \"doc\" fixtures/missing.csv does not exist"))
        #expect(out.contains("error: Files / Broken script: the test script does not parse (line 2): SyntaxError"))
        // Errors come before warnings, the count last.
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("error: ") })
        #expect(lines.last?.hasPrefix("\(lines.count - 1) errors, 0 warnings") == true)
        // The file appears: that error goes away.
        _ = try dir.write("fixtures/missing.csv", "a,b\n")
        let again = try CarrierProcess.run(["check", collection, "-e", env], in: dir.path)
        #expect(!again.standardOutput.contains("does not exist"))
    }

    @Test("unsupported auth and an unknown require() are warnings; top-level return and await parse")
    func warnings() throws {
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [
            F.request("Signed", url: "https://x.example/a", auth: F.auth("oauth3", [("authId", "id")]),
                      prerequest: "const pad = require('left-pad');\nconst _ = require('lodash');\nif (!pad) return;\nawait Promise.resolve(1);"),
        ]))
        let result = try CarrierProcess.run(["check", collection])
        #expect(result.exitCode == 0)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("warning: Signed: auth type \"oauth3\" is not supported") })
        #expect(lines.contains { $0.hasPrefix("warning: Signed: the pre-request script requires 'left-pad'") })
        #expect(!lines.contains { $0.contains("'lodash'") || $0.contains("does not parse") })
    }

    @Test("carrier run prints the same findings as warnings on stderr and runs anyway")
    func runWarns() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [F.request("Get", url: server.baseURL + "/x", headers: [("X-Key", "{{apiKey}}")])]))
        let result = try CarrierProcess.run(["run", collection])
        #expect(result.exitCode == 0)
        #expect(result.standardError == "carrier: warning: Get: {{apiKey}} is not defined (header X-Key); fix: add \"apiKey\" to the environment (-e), or pass --env-var apiKey=VALUE\n")
        #expect(server.requests.count == 1)
        let unreadable = try CarrierProcess.run(["check", dir.path + "/nope.json"])
        #expect(unreadable.exitCode == 2)
    }
}

/// `carrier check --strict`: any warning is exit 1, so a pipeline can gate on the check before the shards run.
@Suite("carrier check --strict")
struct CheckStrictTests {
    typealias F = CollectionFixture

    @Test("an unresolved {{variable}} in a header, the body, the auth or a path variable is a warning; --strict makes it exit 1; script-set names and data columns are not findings")
    func strict() throws {
        let dir = try TemporaryDirectory()
        var withPathVariable = F.request("Path", url: "https://acme.example/Users/:id")
        if case .object(var item) = withPathVariable, case .object(var request)? = item["request"] {
            request["url"] = ["raw": "https://acme.example/Users/:id", "host": ["acme", "example"], "path": ["Users", ":id"],
                              "variable": [["key": "id", "value": "{{userKey}}"]]]
            item["request"] = .object(request)
            withPathVariable = .object(item)
        }
        let collection = try dir.write("c.json", F.collection(items: [
            F.request("Header", url: "https://acme.example/a", headers: [("X-Tenant", "{{tenant}}")],
                      tests: "pm.environment.set('token', 'x');"),
            F.request("Body", method: "POST", url: "https://acme.example/b", headers: [("Authorization", "Bearer {{token}}")],
                      body: ["mode": "raw", "raw": "{\"row\": \"{{column}}\", \"who\": \"{{who}}\"}"]),
            F.request("Auth", url: "https://acme.example/c", auth: F.auth("basic", [("username", "u"), ("password", "{{secret}}")])),
            withPathVariable,
        ]))
        let env = try dir.write("e.json", F.environment(name: "acme", [("x", "1")]))
        let data = try dir.write("d.csv", "column\n1\n")
        let lenient = try CarrierProcess.run(["check", collection, "-e", env, "-d", data])
        #expect(lenient.exitCode == 0, "\(lenient.standardOutput)\(lenient.standardError)")
        let strict = try CarrierProcess.run(["check", collection, "-e", env, "-d", data, "--strict"])
        #expect(strict.exitCode == 1)
        let out = strict.standardOutput
        #expect(out.contains("warning: acme: Header: {{tenant}} is not defined (header X-Tenant)"), "\(out)")
        #expect(out.contains("warning: acme: Body: {{who}} is not defined (body)"), "\(out)")
        #expect(out.contains("warning: acme: Auth: {{secret}} is not defined (auth)"), "\(out)")
        #expect(out.contains("warning: acme: Path: {{userKey}} is not defined (URL)"), "\(out)")
        // Set by a script (token) or a data column (column): not findings.
        #expect(!out.contains("{{token}}") && !out.contains("{{column}}"), "\(out)")
        #expect(out.hasSuffix("0 errors, 4 warnings.\n"), "\(out)")
        let clean = try CarrierProcess.run(["check", collection, "-e", env, "-d", data, "--strict",
                                            "--env-var", "tenant=t", "--env-var", "who=w", "--env-var", "secret=s", "--env-var", "userKey=k"])
        #expect(clean.exitCode == 0, "\(clean.standardOutput)")
        #expect(clean.standardOutput == "No problems found.\n")
        // --strict belongs to check; run refuses it as an unknown option.
        let run = try CarrierProcess.run(["run", collection, "--strict"])
        #expect(run.exitCode == 2 && run.standardError.contains("unknown option --strict"))
    }
}
