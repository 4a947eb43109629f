import CarrierTestSupport
import Foundation
import Testing

/// The live progress line: drawn on a terminal for runs longer than a second, never when output is piped or CI=true.
@Suite("progress line", .serialized)
struct ProgressLineTests {
    typealias F = CollectionFixture

    /// Runs carrier under a pseudo-terminal (util-linux `script`), so stdout and stderr are TTYs.
    private func runOnTerminal(_ arguments: [String], environment: [String: String]) throws -> String {
        let command = ([CarrierProcess.executablePath] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let result = try CarrierProcess.runExecutable("/usr/bin/script", ["-qfec", command, "/dev/null"], environment: environment)
        return result.standardOutput
    }

    @Test("on a terminal a slow run shows iteration, requests, failures and elapsed time, redrawn with \\r and cleared at the end")
    func terminal() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [
            F.request("slow", url: server.baseURL + "/delay/700"), F.request("down", url: "http://127.0.0.1:9/"),
        ]))
        let screen = try runOnTerminal(["run", collection, "-n", "2", "--color", "off"], environment: ["CI": "false"])
        #expect(screen.contains("\riteration 2/2 · "), "\(screen.debugDescription)")
        #expect(screen.contains(" requests · "))
        #expect(screen.contains(" failed · "))
        #expect(screen.contains("\r\u{1B}[K"))
        // Several environments count environments instead; --disable-unicode keeps the line ASCII.
        _ = try dir.write("envs/a.json", F.environment(name: "a", []))
        _ = try dir.write("envs/b.json", F.environment(name: "b", []))
        let many = try runOnTerminal(["run", collection, "-e", dir.path + "/envs", "--parallel", "1", "--disable-unicode"],
                                     environment: ["CI": "false"])
        #expect(many.contains("/2 environments done | "), "\(many.debugDescription)")
        #expect(!many.contains(" · "))
    }

    @Test("CI=true, --silent or a pipe: no progress line")
    func quiet() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: [F.request("slow", url: server.baseURL + "/delay/1200")]))
        let ci = try runOnTerminal(["run", collection], environment: ["CI": "true"])
        #expect(!ci.contains(" requests · "))
        let silent = try runOnTerminal(["run", collection, "--silent"], environment: ["CI": "false"])
        #expect(!silent.contains(" requests · "))
        #expect(!silent.contains("carrier\n"))
        let piped = try CarrierProcess.run(["run", collection], environment: ["CI": "false"])
        #expect(!piped.standardError.contains("\r"))
        #expect(!piped.standardError.contains(" requests · "))
        #expect(!piped.standardOutput.contains(" requests · "))
    }
}
