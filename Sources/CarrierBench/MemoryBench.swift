#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Section 4: peak resident memory of CSV-driven runs with every reporter on, at two iteration counts a decade
/// apart. A runner that streams stays flat; one that keeps every execution for the reports at the end grows.
enum MemoryBench {
    static let section = "memory at scale"

    static func run(_ context: BenchContext, into results: inout BenchResults) throws {
        try typicalRun(context, into: &results)
        let small = context.quick ? 2_000 : 10_000
        let large = context.quick ? 20_000 : 100_000
        let smallRuns = context.quick ? 1 : 2
        let csv = context.scratch + "/rows-\(large).csv"
        try writeCSV(rows: large, to: csv)
        let smallCSV = context.scratch + "/rows-\(small).csv"
        try writeCSV(rows: small, to: smallCSV)

        var smallPeaks: [Double] = []
        for _ in 0..<smallRuns { smallPeaks.append(try peak(context, data: smallCSV).megabytes) }
        let largeRun = try peak(context, data: csv)
        results.add(Figure(section: section, name: "peak RSS, \(small) CSV iterations", unit: "MB", summary: Summary(smallPeaks),
                           note: "-r cli,json,junit, cli to /dev/null"))
        results.add(Figure(section: section, name: "peak RSS, \(large) CSV iterations", unit: "MB",
                           summary: Summary([largeRun.megabytes]), note: "one run"))
        results.add(Figure(section: section, name: "RSS growth \(large) / \(small) iterations", unit: "×",
                           summary: Summary(smallPeaks.map { largeRun.megabytes / $0 })))
        results.add(Figure(section: section, name: "time per iteration, \(large) CSV iterations", unit: "ms",
                           summary: Summary([largeRun.wallMilliseconds / Double(large)]),
                           note: "1 GET + 1 pm.test + all reporters"))
    }

    /// A typical CI job: 200 iterations of one GET (2 KB JSON) with three chai `pm.test`, JUnit report.
    static let typicalName = "peak RSS, 200 iterations, 3 pm.test with chai, JUnit"

    private static func typicalRun(_ context: BenchContext, into results: inout BenchResults) throws {
        let runs = context.quick ? 2 : 5
        let junit = context.scratch + "/typical-report.xml"
        let arguments = ["-n", "200", "-r", "junit", "--reporter-junit-export", junit]
        _ = try context.carrierRun("three-tests", arguments)
        var peaks: [Double] = [], wall: [Double] = []
        for _ in 0..<runs {
            let outcome = try context.carrierRun("three-tests", arguments)
            peaks.append(outcome.peakMegabytes)
            wall.append(outcome.wallMilliseconds)
        }
        unlink(junit)
        results.add(Figure(section: section, name: typicalName, unit: "MB", summary: Summary(peaks),
                           note: "bench/fixtures/three-tests -n 200 -r junit"))
        results.add(Figure(section: section, name: "time, 200 iterations, 3 pm.test with chai, JUnit", unit: "ms",
                           summary: Summary(wall)))
    }

    /// One run's peak RSS (from wait4) and wall time; the reports are deleted afterwards (they are large).
    private static func peak(_ context: BenchContext, data: String) throws -> (megabytes: Double, wallMilliseconds: Double) {
        let json = context.scratch + "/memory-report.json", junit = context.scratch + "/memory-report.xml"
        let outcome = try context.carrierRun("csv-driven", [
            "-d", data, "-r", "cli,json,junit", "--reporter-json-export", json, "--reporter-junit-export", junit,
        ])
        unlink(json)
        unlink(junit)
        return (outcome.peakMegabytes, outcome.wallMilliseconds)
    }

    /// `row,userName,email,givenName,familyName,active`, one user per row.
    static func writeCSV(rows: Int, to path: String) throws {
        guard let file = fopen(path, "w") else { throw ChildProcessError(description: "cannot write \(path)") }
        defer { fclose(file) }
        fputs("row,userName,email,givenName,familyName,active\n", file)
        let given = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "Ken"]
        let family = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson"]
        for row in 1...rows {
            let g = given[row % given.count], f = family[(row / given.count) % family.count]
            let user = "user\(row)"
            fputs("\(row),\(user),\(user)@example.com,\(g),\(f),\(row % 5 != 0)\n", file)
        }
    }
}
