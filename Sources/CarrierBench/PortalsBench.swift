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
        var onePeaks: [Double] = []
        for environment in environments { onePeaks.append(try context.carrier(arguments(environment)).peakMegabytes) }
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
            try memoryPerEnvironment(context, collection: collection, environments: environments, onePeaks: onePeaks,
                                     into: &results)
        } else {
            results.notes.append("many portals: this carrier has no --parallel (multi-environment runs not merged yet); "
                                 + "measured \(count) separate processes in sequence and at once instead")
        }
    }

    static let perEnvironmentName = "peak RSS per extra environment, --parallel 8"

    /// What each environment running at once adds: peak RSS of one process running 8 environments with
    /// `--parallel 8` (all at once), minus one environment alone, over the 7 extra; and of all of them with
    /// `--parallel 8`, which must not grow with the environments waiting their turn.
    private static func memoryPerEnvironment(_ context: BenchContext, collection: String, environments: [String],
                                             onePeaks: [Double], into results: inout BenchResults) throws {
        let runs = context.quick ? 1 : 3
        let eight = Array(environments.prefix(8))
        var eightPeaks: [Double] = [], allPeaks: [Double] = []
        for _ in 0..<runs {
            eightPeaks.append(try context.carrier(["run", collection] + eight.flatMap { ["-e", $0] } + ["--parallel", "8"]).peakMegabytes)
        }
        allPeaks.append(try context.carrier(["run", collection] + environments.flatMap { ["-e", $0] } + ["--parallel", "8"]).peakMegabytes)
        let one = Summary(onePeaks).median
        results.add(Figure(section: section, name: "peak RSS, 1 environment", unit: "MB", summary: Summary(onePeaks),
                           note: "the processes in sequence above"))
        results.add(Figure(section: section, name: "peak RSS, \(eight.count) environments, --parallel 8", unit: "MB",
                           summary: Summary(eightPeaks)))
        results.add(Figure(section: section, name: "peak RSS, \(environments.count) environments, --parallel 8", unit: "MB",
                           summary: Summary(allPeaks)))
        results.add(Figure(section: section, name: perEnvironmentName, unit: "MB",
                           summary: Summary(eightPeaks.map { ($0 - one) / Double(eight.count - 1) }),
                           note: "(8 environments at once − 1 alone) / 7"))
    }

    /// Whether `carrier --help` mentions `--parallel`.
    private static func supportsParallel(_ context: BenchContext) throws -> Bool {
        let help = context.scratch + "/help.txt"
        _ = try context.carrier(["--help"], stdoutPath: help)
        return ((try? String(contentsOfFile: help, encoding: .utf8)) ?? "").contains("--parallel")
    }
}
