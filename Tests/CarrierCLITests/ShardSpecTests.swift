@testable import CarrierCLI
import CollectionModel
import RunContracts
import RunnerCore
import Testing

/// `--shard I/N`: the slices (every item in exactly one shard, balanced, the same every time), the parsing of
/// the flag and of GitLab's variables, and what a shard picks from the environments or the data rows.
@Suite("Shards")
struct ShardSpecTests {
    @Test("every item is in exactly one shard, contiguous and in order, and slice sizes differ by at most one",
          arguments: [0, 1, 3, 4, 7, 40, 1000], [1, 2, 4, 7, 8, 40])
    func slicesCoverOnce(count: Int, total: Int) {
        let slices = (1...total).map { ShardSpec.slice(count: count, index: $0, total: total) }
        #expect(slices.flatMap { Array($0) } == Array(0..<count))
        let sizes = slices.map(\.count)
        #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1, "\(sizes)")
        // Larger slices first, so the same count always cuts the same way.
        #expect(sizes == sizes.sorted(by: >))
        #expect(slices == (1...total).map { ShardSpec(index: $0, total: total).slice(of: count) })
    }

    @Test("1,000 rows in 7 shards: 143, 143, 143, 143, 143, 143, 142")
    func thousandInSeven() {
        let slices = (1...7).map { ShardSpec.slice(count: 1000, index: $0, total: 7) }
        #expect(slices.map(\.count) == [143, 143, 143, 143, 143, 143, 142])
        #expect(slices[3] == 429..<572)
    }

    @Test("I/N parses; anything outside 1 ≤ I ≤ N is one clear line")
    func parsing() throws {
        #expect(try ShardSpec.parse("2/4", environment: [:]) == ShardSpec(index: 2, total: 4))
        #expect(try ShardSpec.parse("1/1", environment: [:]) == ShardSpec(index: 1, total: 1))
        for (text, message) in [("0/4", "--shard 0/4: the shard must satisfy 1 ≤ I ≤ N"),
                                ("5/4", "--shard 5/4: the shard must satisfy 1 ≤ I ≤ N"),
                                ("1/0", "--shard 1/0: the shard must satisfy 1 ≤ I ≤ N"),
                                ("2", "--shard takes I/N (e.g. 2/4) or auto, got '2'"),
                                ("a/b", "--shard takes I/N (e.g. 2/4) or auto, got 'a/b'")] {
            #expect { _ = try ShardSpec.parse(text, environment: [:]) } throws: { ($0 as? CLIError)?.message == message }
        }
    }

    @Test("auto reads CI_NODE_INDEX and CI_NODE_TOTAL (1-based); a missing one is named")
    func auto() throws {
        #expect(try ShardSpec.parse("auto", environment: ["CI_NODE_INDEX": "3", "CI_NODE_TOTAL": "4"]) == ShardSpec(index: 3, total: 4))
        #expect { _ = try ShardSpec.parse("auto", environment: ["CI_NODE_INDEX": "3"]) } throws: {
            ($0 as? CLIError)?.message == "--shard auto reads CI_NODE_INDEX and CI_NODE_TOTAL (GitLab's parallel:), but CI_NODE_TOTAL is not set; pass --shard I/N"
        }
        #expect { _ = try ShardSpec.parse("auto", environment: ["CI_NODE_INDEX": "5", "CI_NODE_TOTAL": "4"]) } throws: {
            ($0 as? CLIError)?.message == "CI_NODE_INDEX/CI_NODE_TOTAL 5/4: the shard must satisfy 1 ≤ I ≤ N"
        }
    }

    @Test("the flag is declared for run only; check has --strict instead; a bad shard is exit 2 before anything runs")
    func flags() throws {
        #expect(try RunCommandOptions.parse(["c.json", "--shard", "2/4"]).shard == ShardSpec(index: 2, total: 4))
        #expect(try RunCommandOptions.parse(["c.json", "--strict"], table: CommandTable.check, command: "check").strict)
        #expect(throws: CLIError.self) { _ = try RunCommandOptions.parse(["c.json", "--shard", "1/2"], table: CommandTable.check, command: "check") }
        #expect(throws: CLIError.self) { _ = try RunCommandOptions.parse(["c.json", "--strict"]) }
        let errors = ErrorCapture()
        #expect(CarrierMain.run(["run", "c.json", "--shard", "3/2"], output: errors.streams) == ExitCode.usage)
        #expect(errors.text == "carrier: --shard 3/2: the shard must satisfy 1 ≤ I ≤ N\n")
    }

    private func environments(_ names: [String]) -> [EnvironmentSource] {
        names.map { EnvironmentSource(file: VariableFile(), name: $0, fileNameSafe: EnvironmentSource.safeFileName($0)) }
    }

    @Test("environments are sliced in byte order of their names, whatever order they were given in, keeping their places")
    func environmentSlices() {
        let given = environments(["zeta", "Acme", "beta", "alpha", "Zulu"])
        let picked = (1...2).map { ShardSelection.select(ShardSpec(index: $0, total: 2), environments: given, iterations: 1000) }
        #expect(picked.map { $0.environments.map(\.name) } == [["Acme", "Zulu", "alpha"], ["beta", "zeta"]])
        #expect(picked[0].shards.map(\.position) == [1, 4, 3])
        #expect(picked.allSatisfy { $0.isOneOfMany && $0.iterationRange == nil && $0.nothingToDo == nil })
        #expect(picked[1].shards.allSatisfy { $0.slice == .environments && $0.environmentCount == 5 && $0.index == 2 })
        // A shard holding one environment of many still reports it as one of many; more shards than environments
        // leave the last ones idle.
        let lone = ShardSelection.select(ShardSpec(index: 5, total: 6), environments: given, iterations: nil)
        #expect(lone.environments.map(\.name) == ["zeta"] && lone.isOneOfMany)
        #expect(ShardSelection.select(ShardSpec(index: 6, total: 6), environments: given, iterations: nil).nothingToDo
                == "5 environments for 6 shards")
    }

    @Test("one environment: the data rows are sliced; neither: shard 1 runs everything, the others have nothing to do")
    func iterationSlices() {
        let one = environments(["acme"])
        let fourth = ShardSelection.select(ShardSpec(index: 4, total: 7), environments: one, iterations: 1000)
        #expect(fourth.iterationRange == 429..<572 && !fourth.isOneOfMany)
        #expect(fourth.shards == [RunShard(index: 4, total: 7, slice: .iterations, environment: "acme", position: 0, environmentCount: 1)])
        #expect(ShardSelection.select(ShardSpec(index: 7, total: 8), environments: one, iterations: 5).nothingToDo == "5 iterations for 8 shards")
        let whole = ShardSelection.select(ShardSpec(index: 1, total: 4), environments: [], iterations: nil)
        #expect(whole.nothingToDo == nil && whole.iterationRange == nil && whole.shards.first?.slice == .whole)
        #expect(ShardSelection.select(ShardSpec(index: 2, total: 4), environments: [], iterations: nil).nothingToDo
                == "one environment and no data file to slice; shard 1 runs it all")
    }
}

/// What the CLI writes to stderr, for one call.
final class ErrorCapture: @unchecked Sendable {
    // Unchecked: only touched from the calling thread.
    private(set) var text = ""
    var streams: OutputStreams {
        OutputStreams(standardOutput: { _ in }, standardError: { self.text += $0 }, isTerminal: false)
    }
}
