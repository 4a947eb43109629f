import CarrierCLI
import CarrierTestSupport
import Foundation
import JSONValue
import RunContracts
import RunnerCore
import Testing

/// `carrier run` with many environments: one run per environment, at once, never sharing state, reported apart.
@Suite("carrier run with many environments", .serialized)
struct MultiEnvironmentTests {
    typealias F = CollectionFixture

    /// Collects what the CLI writes, from any thread.
    final class Capture: @unchecked Sendable {
        // Unchecked: both buffers are only touched holding `lock`.
        private let lock = NSLock()
        private var out = "", err = ""
        var streams: OutputStreams {
            OutputStreams(standardOutput: { text in self.lock.lock(); self.out += text; self.lock.unlock() },
                          standardError: { text in self.lock.lock(); self.err += text; self.lock.unlock() },
                          isTerminal: false)
        }
        var standardOutput: String { lock.lock(); defer { lock.unlock() }; return out }
        var standardError: String { lock.lock(); defer { lock.unlock() }; return err }
    }

    private func readJSON(_ path: String) throws -> JSONValue {
        try JSONParser.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test("environments run at once stay apart: variables a script sets and cookies in A never reach B's requests")
    func isolation() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [
            F.request("login", url: "{{base}}/set-cookie?owner={{portal}}", prerequest: "mark"),
            F.request("use", url: "{{base}}/echo/{{portal}}", headers: [("X-Seen", "{{secretOfA}}"), ("X-Local", "{{local}}")]),
        ]))
        let envA = try dir.write("envs/a.json", F.environment(name: "portal-a", [("base", server.baseURL), ("portal", "a")]))
        _ = try dir.write("envs/b.json", F.environment(name: "portal-b", [("base", server.baseURL), ("portal", "b")]))
        _ = try dir.write("envs/c.json", F.environment(name: "portal-c", [("base", server.baseURL), ("portal", "c")]))
        // A script double standing in for `pm.environment.set(...)`: only portal A's script stores its values.
        let engines = PortalEngines(
            makeTransport: PortalEngines.real.makeTransport,
            makeSandbox: {
                ScriptedSandbox { invocation, scopes in
                    if invocation.source == "mark", scopes.environment.value("portal") == "a" {
                        scopes.environment.set("secretOfA", "a-only")
                        scopes.collection.set("secretOfA", "a-collection")
                        scopes.local.set("local", "a-local")
                    }
                    return ScriptOutcome(request: invocation.request)
                }
            })
        let capture = Capture()
        let code = CarrierMain.run(["run", collection, "-e", envA, "-e", dir.path + "/envs/", "-n", "4", "--parallel", "3",
                                    "-r", "cli,json", "--reporter-json-export", dir.path + "/{environment}.json"],
                                   output: capture.streams, engines: engines)
        #expect(code == 0, "\(capture.standardError)")
        let uses = server.requests.filter { $0.path.hasPrefix("/echo/") }
        // a.json was given twice (as a file and in the folder): two runs, named apart.
        #expect(uses.count == 4 * 4)
        for request in uses {
            let portal = String(request.path.dropFirst("/echo/".count))
            #expect(request.header("Cookie") == "owner=\(portal)", "\(request.path)")
            if portal == "a" {
                #expect(request.header("X-Seen") == "a-only")
                #expect(request.header("X-Local") == "a-local")
            } else {
                #expect(request.header("X-Seen") == "{{secretOfA}}", "\(portal) saw A's variable")
                #expect(request.header("X-Local") == "{{local}}", "\(portal) saw A's local variable")
            }
        }
        for name in ["portal-a", "portal-a__2_", "portal-b", "portal-c"] {
            let summary = try readJSON(dir.path + "/\(name).json")
            #expect(summary["run"]?["stats"]?["requests"]?["total"] == 8, "\(name)")
        }
    }

    @Test("with the real sandbox: what portal A's scripts set (every scope) never shows in B's requests; A's failing test fails only A")
    func isolationWithScripts() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let script = """
        if (pm.environment.get('portal') === 'a') {
          pm.environment.set('fromEnv', 'a-env');
          pm.collectionVariables.set('fromCollection', 'a-collection');
          pm.globals.set('fromGlobals', 'a-globals');
          pm.variables.set('fromLocal', 'a-local');
        }
        """
        let collection = try dir.write("c.json", F.collection(items: [
            F.request("mark", url: "{{base}}/set-cookie?owner={{portal}}", prerequest: script),
            F.request("use", url: "{{base}}/echo/{{portal}}",
                      headers: [("X-Env", "{{fromEnv}}"), ("X-Collection", "{{fromCollection}}"),
                                ("X-Globals", "{{fromGlobals}}"), ("X-Local", "{{fromLocal}}")],
                      tests: "pm.test('not portal a', () => pm.expect(pm.environment.get('portal')).to.not.equal('a'));"),
        ]))
        for portal in ["a", "b", "c", "d"] {
            _ = try dir.write("envs/\(portal).json", F.environment(name: "portal-\(portal)", [("base", server.baseURL), ("portal", portal)]))
        }
        let result = try CarrierProcess.run(["run", collection, "-e", dir.path + "/envs", "-n", "3", "--parallel", "4",
                                             "-r", "cli,json", "--reporter-json-export", dir.path + "/{environment}.json"])
        #expect(result.exitCode == 1, "\(result.standardError)")
        #expect(result.standardOutput.hasSuffix("1 of 4 environments failed: portal-a\n"), "\(result.standardOutput)")
        let uses = server.requests.filter { $0.path.hasPrefix("/echo/") }
        #expect(uses.count == 4 * 3)
        for request in uses {
            let portal = String(request.path.dropFirst("/echo/".count))
            let expected = portal == "a" ? ["a-env", "a-collection", "a-globals", "a-local"]
                : ["{{fromEnv}}", "{{fromCollection}}", "{{fromGlobals}}", "{{fromLocal}}"]
            #expect(["X-Env", "X-Collection", "X-Globals", "X-Local"].map { request.header($0) } == expected, "\(portal)")
        }
        let b = try readJSON(dir.path + "/portal-b.json")
        #expect(b["run"]?["stats"]?["assertions"]?["failed"] == 0)
        let a = try readJSON(dir.path + "/portal-a.json")
        #expect(a["run"]?["stats"]?["assertions"]?["failed"] == 3)
    }

    /// Three portals, the last one down (nothing listens on port 9).
    private func portals(_ server: EchoServer, in dir: TemporaryDirectory) throws -> String {
        _ = try dir.write("portals/acme.postman_environment.json", F.environment(name: "acme", [("base", server.baseURL)]))
        _ = try dir.write("portals/globex.postman_environment.json", F.environment(name: "globex", [("base", server.baseURL)]))
        _ = try dir.write("portals/zeta.postman_environment.json", F.environment(name: "zeta down", [("base", "http://127.0.0.1:9")]))
        return dir.path + "/portals/"
    }

    @Test("a folder of environments: per-environment JUnit files via {environment}, one combined JSON, exit 1 naming the failed one")
    func reportsPerEnvironment() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [
            F.folder("Users", [F.request("List", url: "{{base}}/Users", tests: "pm.test('answers', () => pm.response.to.be.ok);"),
                               F.request("Get", url: "{{base}}/Users/1")]),
        ]))
        let result = try CarrierProcess.run(["run", collection, "-e", try portals(server, in: dir), "-r", "cli,junit,json",
                                             "--reporter-junit-export", dir.path + "/reports/{environment}.xml",
                                             "--reporter-json-export", dir.path + "/reports/all.json"])
        #expect(result.exitCode == 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/reports").sorted()
        #expect(files == ["acme.xml", "all.json", "globex.xml", "zeta_down.xml"])
        let acme = try String(contentsOfFile: dir.path + "/reports/acme.xml", encoding: .utf8)
        #expect(acme.contains("<property name=\"environment\" value=\"acme\"/>"))
        #expect(acme.contains("<testsuite name=\"acme / Users / List\""))
        #expect(acme.contains("classname=\"E2E [acme].Users / List\""))
        #expect(!acme.contains("<error"))
        let zeta = try String(contentsOfFile: dir.path + "/reports/zeta_down.xml", encoding: .utf8)
        #expect(zeta.contains("ECONNREFUSED"))
        let combined = try readJSON(dir.path + "/reports/all.json")
        let runs = try #require(combined["runs"]?.arrayValue)
        #expect(runs.map { $0["environmentName"]?.stringValue } == ["acme", "globex", "zeta down"])
        // Two refused connections, and the test of the first request that got no response.
        #expect(runs[2]["run"]?["failures"]?.arrayValue?.count == 3)
        #expect(runs[0]["run"]?["failures"]?.arrayValue?.isEmpty == true)

        // CLI: each environment's block whole under its header, then the table, then the verdict.
        let out = result.standardOutput
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for name in ["acme", "globex", "zeta down"] {
            let start = try #require(lines.firstIndex(of: "Environment: \(name)"), "\(out)")
            let end = try #require(lines.firstIndex { $0.hasPrefix("\(name): ") }, "\(out)")
            #expect(start < end)
            #expect(!lines[(start + 1)..<end].contains { $0.hasPrefix("Environment: ") }, "blocks interleave:\n\(out)")
        }
        #expect(lines.contains { $0.contains("zeta down") && $0.contains("failed") && $0.contains("│") })
        let last = lines.last { !$0.isEmpty }
        #expect(last == "1 of 3 environments failed: zeta down")
    }

    @Test("without {environment} the JUnit file is one <testsuites> holding every environment's suites")
    func combinedJUnit() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [F.request("List", url: "{{base}}/Users")]))
        let result = try CarrierProcess.run(["run", collection, "-e", try portals(server, in: dir), "--parallel", "1",
                                             "-r", "junit,html", "--reporter-junit-export", dir.path + "/junit.xml",
                                             "--reporter-html-export", dir.path + "/report.html"])
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.isEmpty)
        let xml = try String(contentsOfFile: dir.path + "/junit.xml", encoding: .utf8)
        #expect(xml.components(separatedBy: "<testsuites ").count == 2)
        #expect(xml.contains("<testsuite name=\"acme / List\""))
        #expect(xml.contains("<testsuite name=\"globex / List\""))
        #expect(xml.contains("<testsuite name=\"zeta down / List\""))
        #expect(xml.contains("<testsuites name=\"E2E\" tests=\"1\" failures=\"0\" errors=\"1\""))
        let html = try String(contentsOfFile: dir.path + "/report.html", encoding: .utf8)
        #expect(html.contains("<dd id=\"total-environments\">3</dd>"))
        #expect(html.contains("<dd id=\"total-failed-environments\">1</dd>"))
        #expect(html.contains("zeta down") && html.contains("ECONNREFUSED"))
    }

    @Test("-r markdown: one summary for every environment, and per-environment files with {environment}")
    func markdownSummary() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [
            F.request("List", url: "{{base}}/Users", tests: "pm.test('answers', () => pm.response.to.be.ok);"),
        ]))
        let result = try CarrierProcess.run(["run", collection, "-e", try portals(server, in: dir), "-r", "markdown",
                                             "--reporter-markdown-export", dir.path + "/summary.md"])
        #expect(result.exitCode == 1)
        let summary = try String(contentsOfFile: dir.path + "/summary.md", encoding: .utf8)
        #expect(summary.hasPrefix("## ❌ E2E — failed\n"))
        for name in ["acme", "globex", "zeta down"] { #expect(summary.contains("| \(name) | 1 | 1 | "), "\(summary)") }
        #expect(summary.contains("**zeta down** · `List` · ECONNREFUSED"), "\(summary)")

        let each = try CarrierProcess.run(["run", collection, "-e", try portals(server, in: dir), "-r", "markdown",
                                           "--reporter-markdown-export", dir.path + "/md/{environment}.md"])
        #expect(each.exitCode == 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/md").sorted()
        #expect(files == ["acme.md", "globex.md", "zeta_down.md"])
        #expect(try String(contentsOfFile: dir.path + "/md/acme.md", encoding: .utf8).hasPrefix("## ✅ E2E — passed"))
    }

    @Test("every environment passing is exit 0; exports need {environment} with several environments")
    func passAndExports() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [F.request("List", url: "{{base}}/Users")]))
        let a = try dir.write("a.json", F.environment(name: "a", [("base", server.baseURL)]))
        let b = try dir.write("b.json", F.environment(name: "b", [("base", server.baseURL)]))
        let passing = try CarrierProcess.run(["run", collection, "-e", a, "-e", b,
                                              "--export-environment", dir.path + "/out/{environment}.json"])
        #expect(passing.exitCode == 0, "\(passing.standardError)")
        #expect(passing.standardOutput.hasSuffix("All 2 environments passed.\n"))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/out/a.json"))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/out/b.json"))
        let refused = try CarrierProcess.run(["run", collection, "-e", a, "-e", b, "--export-environment", dir.path + "/env.json"])
        #expect(refused.exitCode == 2)
        #expect(refused.standardError.contains("{environment}"))
        #expect(server.requests.count == 2)
    }

    @Test("a single -e prints exactly what it always did: no header, no environment table")
    func singleEnvironmentUnchanged() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [F.request("List", url: "{{base}}/Users")]))
        let a = try dir.write("a.json", F.environment(name: "a", [("base", server.baseURL)]))
        let result = try CarrierProcess.run(["run", collection, "-e", a])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.hasPrefix("carrier\n\nE2E\n"))
        #expect(!result.standardOutput.contains("Environment:"))
        #expect(!result.standardOutput.contains("environments passed"))
        #expect(result.standardError.isEmpty)
        // A folder holding one environment is the same single run.
        _ = try dir.write("one/a.json", F.environment(name: "a", [("base", server.baseURL)]))
        let folder = try CarrierProcess.run(["run", collection, "-e", dir.path + "/one"])
        #expect(!folder.standardOutput.contains("Environment:"))
    }
}
