import Foundation
import HTTPServer
import SCIMServer

/// Section 5: the SCIM smoke collection against many portals, each its own embedded SCIM server answering after
/// 20 ms as a remote portal would. Many-environment runs in one process (`-e` repeated, `--parallel`) are measured
/// when the binary offers them; separate processes, one after another and all at once, always.
enum PortalsBench {
    static let section = "many portals"
    static let latencyMicroseconds: UInt32 = 20_000

    static func run(_ context: BenchContext, into results: inout BenchResults) throws {
        let count = context.quick ? 10 : 50
        let collection = context.root + "/collections/SendSafely-SCIM.postman_collection.json"
        var servers: [HTTPServer] = []
        defer { for server in servers { server.stop() } }
        var environments: [String] = []
        for index in 0..<count {
            let store = try SCIMUserStore()
            let service = SCIMService(store: store, username: "portal\(index)", password: "secret-\(index)")
            let server = HTTPServer(handler: DelayedHandler(inner: service, delayMicroseconds: latencyMicroseconds))
            try server.start()
            servers.append(server)
            let path = context.scratch + "/portal-\(index).postman_environment.json"
            let document = """
            {"id": "portal-\(index)", "name": "portal \(index)", "values": [
              {"key": "baseSCIMUrl", "value": "\(server.baseURL)/scim/v2", "enabled": true},
              {"key": "SCIMUsername", "value": "portal\(index)", "enabled": true},
              {"key": "SCIMPassword", "value": "secret-\(index)", "type": "secret", "enabled": true}]}
            """
            try document.write(toFile: path, atomically: true, encoding: .utf8)
            environments.append(path)
        }
        func arguments(_ environment: String) -> [String] { ["run", collection, "-e", environment] }

        _ = try context.carrier(arguments(environments[0]))
        let sequentialStart = Clock.milliseconds()
        for environment in environments { _ = try context.carrier(arguments(environment)) }
        let sequential = Clock.milliseconds() - sequentialStart

        let concurrentStart = Clock.milliseconds()
        let children = try environments.enumerated().map { index, environment in
            try ChildProcess.spawn(context.carrier, arguments(environment),
                                   stderrPath: context.scratch + "/portal-\(index).stderr")
        }
        for child in children {
            let outcome = child.wait()
            guard outcome.exitCode == 0 else {
                throw context.explained(ChildProcessError(description: "\(child.command)\nexited with \(outcome.exitCode):\n\(child.stderrExcerpt())"),
                                        Array(child.command.split(separator: " ").dropFirst().map(String.init)))
            }
        }
        let concurrent = Clock.milliseconds() - concurrentStart
        let requests = "11 requests × 20 ms"
        results.add(Figure(section: section, name: "\(count) portals: \(count) processes in sequence", unit: "ms",
                           summary: Summary([sequential]), note: requests))
        results.add(Figure(section: section, name: "\(count) portals: \(count) processes at once", unit: "ms",
                           summary: Summary([concurrent])))
        results.add(Figure(section: section, name: "\(count) portals: speed-up at once / in sequence", unit: "×",
                           summary: Summary([sequential / concurrent])))

        if try supportsParallel(context) {
            for parallel in [8, count] {
                let start = Clock.milliseconds()
                _ = try context.carrier(["run", collection] + environments.flatMap { ["-e", $0] } + ["--parallel", String(parallel)])
                results.add(Figure(section: section, name: "\(count) portals: one process, --parallel \(parallel)", unit: "ms",
                                   summary: Summary([Clock.milliseconds() - start])))
            }
        } else {
            results.notes.append("many portals: this carrier has no --parallel (multi-environment runs not merged yet); "
                                 + "measured \(count) separate processes in sequence and at once instead")
        }
    }

    /// Whether `carrier --help` mentions `--parallel`.
    private static func supportsParallel(_ context: BenchContext) throws -> Bool {
        let help = context.scratch + "/help.txt"
        _ = try context.carrier(["--help"], stdoutPath: help)
        return ((try? String(contentsOfFile: help, encoding: .utf8)) ?? "").contains("--parallel")
    }
}
