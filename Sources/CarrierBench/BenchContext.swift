import Foundation

/// Where things are and how hard to push, shared by every section.
struct BenchContext {
    /// The `carrier` binary under test.
    let carrier: String
    /// The libcurl floor program (`bench/floor.c`).
    let floor: String
    /// The repository root (fixtures and collections are read from there).
    let root: String
    /// A scratch directory for generated data, reports and child stderr; removed at the end.
    let scratch: String
    /// `BENCH_QUICK=1`: fewer runs and iterations, for CI; figures are printed, not asserted.
    let quick: Bool
    /// The local server Carrier and the floor talk to.
    let server: BenchServer

    /// `bench/fixtures/NAME.postman_collection.json`.
    func fixture(_ name: String) -> String { root + "/bench/fixtures/\(name).postman_collection.json" }

    /// The environment the fixtures that need one use.
    var environment: String { root + "/bench/fixtures/bench.postman_environment.json" }

    /// `carrier ARGS…`, stdout to /dev/null; fails on a non-zero exit.
    func carrier(_ arguments: [String], stdoutPath: String = "/dev/null") throws(ChildProcessError) -> ChildOutcome {
        do {
            return try ChildProcess.run(carrier, arguments, scratch: scratch, stdoutPath: stdoutPath)
        } catch {
            throw explained(error, arguments)
        }
    }

    /// A failed run's error with the end of its report: runs once more with stdout kept, outside any timing.
    func explained(_ error: ChildProcessError, _ arguments: [String]) -> ChildProcessError {
        let kept = scratch + "/failed-stdout.txt"
        _ = try? ChildProcess.run(carrier, arguments, scratch: scratch, stdoutPath: kept)
        let text = (try? String(contentsOfFile: kept, encoding: .utf8)) ?? ""
        let tail = text.split(separator: "\n", omittingEmptySubsequences: false).suffix(25).joined(separator: "\n")
        return ChildProcessError(description: error.description + "\nits report ends:\n" + tail)
    }

    /// `curl-floor URL COUNT [ARGS…]`.
    func floor(_ url: String, count: Int, _ extra: [String] = []) throws(ChildProcessError) -> ChildOutcome {
        try ChildProcess.run(floor, [url, String(count)] + extra, scratch: scratch)
    }

    /// `carrier run COLLECTION --env-var baseUrl=… ARGS…`.
    func carrierRun(_ collection: String, _ arguments: [String] = []) throws(ChildProcessError) -> ChildOutcome {
        try carrier(["run", fixture(collection), "--env-var", "baseUrl=\(server.baseURL)"] + arguments)
    }
}
