#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import JSONValue

// carrier-bench: Carrier's benchmark suite (issue 6). `make bench` builds the release binaries and runs this from
// the repository root; it starts its own servers on 127.0.0.1, runs `carrier` as a user would (separate processes),
// prints a table with every target met or missed, and writes bench/results.json.
//
//   carrier-bench [--serve] [--quick] [--only cold,overhead,memory,portals,scim,shards,hashing] [--carrier PATH] [--floor PATH]
//                 [--root DIR] [--out FILE]
// BENCH_QUICK=1 is --quick: fewer runs and iterations, for CI (figures printed, never asserted).

signal(SIGPIPE, SIG_IGN)

/// Writes to stderr (the C `stderr` global is not concurrency-safe to name in Swift 6).
func complain(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

let usage = "usage: carrier-bench [--serve] [--quick] [--only cold,overhead,memory,portals,scim,shards,hashing] [--carrier PATH] [--floor PATH] [--root DIR] [--out FILE]"
let executableDirectory = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
    .map { ($0 as NSString).deletingLastPathComponent } ?? "."
var quick = ProcessInfo.processInfo.environment["BENCH_QUICK"].map { !$0.isEmpty && $0 != "0" } ?? false
var only: Set<String> = ["cold", "overhead", "memory", "portals", "scim", "shards", "hashing"]
var carrierPath = executableDirectory + "/carrier"
var floorPath = executableDirectory + "/curl-floor"
let peakPath = executableDirectory + "/peak"
var root = FileManager.default.currentDirectoryPath
var outPath: String?

var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    func value() -> String {
        guard let next = arguments.next() else { complain("\(usage)\n"); exit(2) }
        return next
    }
    switch argument {
    case "--quick": quick = true
    case "--only": only = Set(value().split(separator: ",").map(String.init))
    case "--carrier": carrierPath = value()
    case "--floor": floorPath = value()
    case "--root": root = value()
    case "--out": outPath = value()
    case "--serve":
        // The bench server alone, for trying a figure by hand: carrier run bench/fixtures/… --env-var baseUrl=URL
        let server = try BenchServer()
        say("bench server on \(server.baseURL) (Ctrl-C stops it)")
        while true { sleep(3600) }
    case "-h", "--help": print(usage); exit(0)
    default: complain("carrier-bench: unknown argument \(argument)\n\(usage)\n"); exit(2)
    }
}
for (name, path) in [("carrier", carrierPath), ("curl-floor", floorPath)] where !FileManager.default.isExecutableFile(atPath: path) {
    complain("carrier-bench: no \(name) at \(path); run `make bench` (it builds both)\n")
    exit(2)
}

if FileManager.default.isExecutableFile(atPath: peakPath) {
    ChildProcess.peakTool = peakPath
}

let scratch = NSTemporaryDirectory() + "carrier-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: scratch) }

func loadAverage() -> JSONValue {
    var loads = [Double](repeating: 0, count: 3)
    guard getloadavg(&loads, 3) == 3 else { return .null }
    return .array(loads.map { .number(Format.rounded($0)) })
}
let loadAtStart = loadAverage()
let suiteStart = Clock.milliseconds()
var results = BenchResults(quick: quick)
say("carrier-bench\(quick ? " (quick)" : ""): \(carrierPath), \(ProcessInfo.processInfo.activeProcessorCount) cores, load \(loadAtStart.serialized())")

do {
    let server = try BenchServer()
    let context = BenchContext(carrier: carrierPath, floor: floorPath, root: root, scratch: scratch, quick: quick, server: server)
    let sections: [(String, String, (BenchContext, inout BenchResults) throws -> Void)] = [
        ("cold", "1. cold start", ColdStartBench.run),
        ("overhead", "2-3. runner overhead and script cost", RunnerOverheadBench.run),
        ("memory", "4. memory at scale", MemoryBench.run),
        ("portals", "5. many portals", PortalsBench.run),
        ("scim", "6. embedded SCIM server", SCIMLoadBench.run),
        ("shards", "7. 500 environments in one process", ShardsBench.run),
        ("hashing", "8. hashing and HMAC (CarrierCrypto)", HashingBench.run),
    ]
    for (key, title, body) in sections where only.contains(key) {
        let start = Clock.milliseconds()
        say("\(title)…")
        do {
            try body(context, &results)
        } catch {
            // One broken section must not hide the others' figures.
            results.notes.append("\(title) failed: \(error)")
            say("  failed: \(error)")
        }
        say("  (\(Format.number((Clock.milliseconds() - start) / 1000)) s)")
    }
} catch {
    complain("carrier-bench: cannot start the local server: \(error)\n")
    exit(1)
}

// Targets of issue 6 (time) and issue 17 (memory, script cost); `tried` says what was done about a target not met.
results.check("carrier --version", figure: "carrier --version", unit: "ms", atMost: 15,
              tried: Tried.versionTime)
results.check("one-request run with one pm.test (cold)", figure: "carrier run: 1 request, 1 pm.test", unit: "ms", atMost: 60,
              tried: Tried.oneTestTime)
results.check("peak RSS, carrier --version", figure: "peak RSS, carrier --version", unit: "MB", atMost: 12,
              tried: Tried.versionMemory)
results.check("peak RSS, one request, no scripts", figure: "peak RSS, carrier run: 1 request, no scripts", unit: "MB",
              atMost: 20, tried: Tried.noScriptsMemory)
results.check("peak RSS, one request, one pm.test", figure: "peak RSS, carrier run: 1 request, 1 pm.test", unit: "MB",
              atMost: 35, tried: Tried.oneTestMemory)
results.check("peak RSS, 200 iterations, 3 chai pm.test, JUnit", figure: MemoryBench.typicalName, unit: "MB", atMost: 50,
              tried: Tried.typicalMemory)
let small = quick ? 2_000 : 10_000, large = quick ? 20_000 : 100_000
let growth = results.median("RSS growth \(large) / \(small) iterations")
results.check("peak RSS, \(large) CSV iterations, flat", figure: "peak RSS, \(large) CSV iterations", unit: "MB", atMost: 60,
              extra: growth.map { $0 <= 1.1 } ?? false,
              extraGap: growth.map { $0 <= 1.1 ? "" : "grows \(Format.number($0))× from \(small) to \(large) iterations (flat means ≤ 1.1×)" } ?? "growth not measured",
              tried: Tried.csvMemory)
results.check("peak RSS per extra environment, --parallel 8", figure: PortalsBench.perEnvironmentName, unit: "MB", atMost: 8,
              tried: Tried.perEnvironmentMemory)
results.check("test script cost per request over the floor", figure: "test script: per request over the floor", unit: "ms",
              atMost: 0.6, tried: Tried.scriptCost)
results.check("runner overhead, no scripts", figure: "ratio carrier / floor, no scripts", unit: "×", atMost: 1.3,
              tried: Tried.runnerOverhead)
results.check("500 environments: RSS bounded as they finish", figure: "RSS growth per finished environment", unit: "MB",
              atMost: 1)
results.check("embedded SCIM server, 8 connections", figure: "GET /Users/{id}, 8 connections: throughput", unit: "req/s", atLeast: 10_000)

let elapsed = (Clock.milliseconds() - suiteStart) / 1000
print("")
print(results.table())
print("")
print("Suite time \(Format.number(elapsed)) s; load average at start \(loadAtStart.serialized()), at end \(loadAverage().serialized())")

let machine: JSONValue = .object([
    "cores": .number(Double(ProcessInfo.processInfo.activeProcessorCount)),
    "loadAverageAtStart": loadAtStart,
    "loadAverageAtEnd": loadAverage(),
    "suiteSeconds": .number(Format.rounded(elapsed)),
    "date": .string(ISO8601DateFormatter().string(from: Date())),
])
let command = (quick ? "BENCH_QUICK=1 " : "") + "make bench"
let out = outPath ?? root + "/bench/results.json"
do {
    try (results.json(machine: machine, command: command).serialized(indent: 2) + "\n").write(toFile: out, atomically: true, encoding: .utf8)
    print("Figures written to \(out)")
} catch {
    complain("carrier-bench: cannot write \(out): \(error)\n")
    exit(1)
}
