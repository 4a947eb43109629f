/// Section 1: what a user waits for before anything happens. Each figure is a fresh process; the first run is
/// a warm-up (page cache), so "cold" means a new process, not an empty disk cache.
enum ColdStartBench {
    static let section = "cold start"

    static func run(_ context: BenchContext, into results: inout BenchResults) throws {
        let runs = context.quick ? 5 : 10
        _ = try context.carrier(["--version"])
        var version: [Double] = []
        for _ in 0..<runs { version.append(try context.carrier(["--version"]).wallMilliseconds) }
        results.add(Figure(section: section, name: "carrier --version", unit: "ms", summary: Summary(version)))

        _ = try context.carrierRun("one-test")
        var oneRequest: [Double] = []
        for _ in 0..<runs { oneRequest.append(try context.carrierRun("one-test").wallMilliseconds) }
        results.add(Figure(section: section, name: "carrier run: 1 request, 1 pm.test", unit: "ms",
                           summary: Summary(oneRequest), note: "bench/fixtures/one-test, cli reporter to /dev/null"))
    }
}
