#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HTTPServer
import JSONValue
import SCIMServer

/// Section 7 (issue 16): one process running 500 environments with `--parallel 16` against embedded SCIM servers
/// answering after 20 ms: wall time, peak RSS, and RSS sampled as environments finish, which must stay bounded
/// (each environment's JavaScript context, transport and cookie jar are released when it ends; only its record,
/// kept for the final table and combined reports, stays).
enum ShardsBench {
    static let section = "500 environments, one process"

    static func run(_ context: BenchContext, into results: inout BenchResults) throws {
        let count = context.quick ? 100 : 500
        let parallel = 16
        // A few servers share the portals, as a CI job's portals share a few data centres; each answers after 20 ms.
        var servers: [HTTPServer] = []
        defer { for server in servers { server.stop() } }
        for _ in 0..<4 {
            let service = SCIMService(store: try SCIMUserStore(), username: "bench", password: "bench-secret")
            let server = HTTPServer(handler: DelayedHandler(inner: service, delayMicroseconds: PortalsBench.latencyMicroseconds))
            try server.start()
            servers.append(server)
        }
        let directory = context.scratch + "/shard-portals"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for index in 0..<count {
            let document = """
            {"name": "portal-\(index)", "values": [
              {"key": "base", "value": "\(servers[index % servers.count].baseURL)/scim/v2", "enabled": true},
              {"key": "pass", "value": "bench-secret", "type": "secret", "enabled": true}]}
            """
            try document.write(toFile: directory + "/portal-\(index).json", atomically: true, encoding: .utf8)
        }
        let collection = context.scratch + "/shard-portals.postman_collection.json"
        try ShardsBench.collection(requests: ["ServiceProviderConfig", "Users?count=1", "Schemas"]).write(toFile: collection, atomically: true, encoding: .utf8)

        let stdout = context.scratch + "/shard-portals.out"
        let child = try ChildProcess.spawn(context.carrier, ["run", collection, "-e", directory, "--parallel", String(parallel)],
                                           stdoutPath: stdout, stderrPath: context.scratch + "/shard-portals.stderr")
        // RSS of the carrier process (the child of `peak`, when it runs under it), sampled with how many
        // environments had finished (their summary lines on stdout).
        var samples: [(finished: Int, rssMegabytes: Double)] = []
        var carrierPID: pid_t?
        var usage = rusage()
        while true {
            var status: Int32 = 0
            // Reaped here rather than by `wait()`, which would block the sampling.
            if wait4(child.pid, &status, WNOHANG, &usage) != 0 { break }
            if carrierPID == nil { carrierPID = ChildProcess.peakTool == nil ? child.pid : firstChild(of: child.pid) }
            if let pid = carrierPID, let rss = residentMegabytes(pid) {
                samples.append((finishedEnvironments(stdout), rss))
            }
            usleep(50_000)
        }
        // `peak`'s figures when it ran under it (carrier-bench's own size would leak into ru_maxrss otherwise).
        let (wall, peakKB) = child.peakPath.flatMap(ChildProcess.readPeak)
            ?? (Clock.milliseconds() - child.started, Int(usage.ru_maxrss))
        let finished = finishedEnvironments(stdout)
        guard finished == count else {
            throw ChildProcessError(description: "\(count)-environment run: \(finished) environments finished\n\(child.stderrExcerpt())")
        }
        let note = "3 requests × 20 ms, a pm.test each, \(servers.count) SCIM servers"
        results.add(Figure(section: section, name: "\(count) environments, --parallel \(parallel): wall time", unit: "ms",
                           summary: Summary([wall]), note: note))
        results.add(Figure(section: section, name: "\(count) environments, --parallel \(parallel): peak RSS", unit: "MB",
                           summary: Summary([Double(peakKB) / 1024])))
        // RSS once a fifth, half and all of the environments had finished.
        var marks: [(Int, Double)] = []
        for fraction in [0.2, 0.5, 1.0] {
            let target = Int(Double(count) * fraction)
            if let sample = samples.first(where: { $0.finished >= target }) ?? samples.last {
                marks.append((target, sample.rssMegabytes))
                results.add(Figure(section: section, name: "RSS when \(target) of \(count) environments had finished", unit: "MB",
                                   summary: Summary([sample.rssMegabytes])))
            }
        }
        if let first = marks.first, let last = marks.last, last.0 > first.0 {
            let perEnvironment = (last.1 - first.1) / Double(last.0 - first.0)
            results.add(Figure(section: section, name: "RSS growth per finished environment", unit: "MB",
                               summary: Summary([perEnvironment]),
                               note: "from \(first.0) to \(last.0) finished; bounded means far below one JS context (~8 MB)"))
        }
        results.series.append(("RSS MB by environments finished, \(count) environments --parallel \(parallel)",
                               .array(samples.map { .array([.number(Double($0.finished)), .number(Format.rounded($0.rssMegabytes))]) })))
    }

    private static func collection(requests: [String]) -> String {
        let items = requests.map { path in
            """
            {"name": "\(path)", "request": {"method": "GET", "url": "{{base}}/\(path)"},
             "event": [{"listen": "test", "script": {"exec": ["pm.test('answers 200', () => pm.response.to.have.status(200));"]}}]}
            """
        }
        return """
        {"info": {"name": "Portals", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
         "auth": {"type": "basic", "basic": [{"key": "username", "value": "bench"}, {"key": "password", "value": "{{pass}}"}]},
         "item": [\(items.joined(separator: ",\n"))]}
        """
    }

    /// Environments whose `portal-N: passed|failed, …` line the CLI has printed.
    private static func finishedEnvironments(_ path: String) -> Int {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
        return text.split(separator: "\n").filter { $0.hasPrefix("portal-") && ($0.contains(": passed,") || $0.contains(": failed,")) }.count
    }

    private static func firstChild(of pid: pid_t) -> pid_t? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8) else { return nil }
        return text.split(separator: " ").first.flatMap { pid_t($0) }
    }

    private static func residentMegabytes(_ pid: pid_t) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return nil }
        return kilobytes / 1024
    }
}
