/// Section 1: what a user waits for before anything happens, and the memory a process needs for it. Each figure is
/// a fresh process; the first run is a warm-up (page cache), so "cold" means a new process, not an empty disk cache.
/// Peak RSS is the child's `ru_maxrss` from `wait4`: every page it had mapped, shared library text included.
enum ColdStartBench {
    static let section = "cold start"
    static let memorySection = "memory, one process"

    static func run(_ context: BenchContext, into results: inout BenchResults) throws {
        let runs = context.quick ? 5 : 10
        let cases: [(name: String, note: String, run: () throws -> ChildOutcome)] = [
            ("carrier --version", "", { try context.carrier(["--version"]) }),
            ("carrier run: 1 request, no scripts", "bench/fixtures/no-scripts, cli reporter to /dev/null",
             { try context.carrierRun("no-scripts") }),
            ("carrier run: 1 request, 1 pm.test", "bench/fixtures/one-test, cli reporter to /dev/null",
             { try context.carrierRun("one-test") }),
        ]
        var memory: [(String, String, [Double])] = []
        for entry in cases {
            _ = try entry.run()
            var wall: [Double] = [], peak: [Double] = []
            for _ in 0..<runs {
                let outcome = try entry.run()
                wall.append(outcome.wallMilliseconds)
                peak.append(outcome.peakMegabytes)
            }
            results.add(Figure(section: section, name: entry.name, unit: "ms", summary: Summary(wall), note: entry.note))
            memory.append((entry.name, entry.note, peak))
        }
        for (name, note, peak) in memory {
            results.add(Figure(section: memorySection, name: "peak RSS, \(name)", unit: "MB", summary: Summary(peak), note: note))
        }
    }
}
