import RunContracts
import RunnerCore

/// `--shard I/N`: this job runs the I-th of N slices of the work (1-based). The slices are contiguous and
/// balanced (their sizes differ by at most one) and depend only on the count of things sliced, so every machine
/// given the same inputs cuts them the same way.
struct ShardSpec: Sendable, Equatable {
    /// 1-based.
    let index: Int
    let total: Int

    init(index: Int, total: Int) {
        self.index = index
        self.total = total
    }

    /// `I/N` with `1 ≤ I ≤ N`, or `auto`: GitLab's `parallel:` variables `CI_NODE_INDEX` (1-based) and
    /// `CI_NODE_TOTAL` from `environment`.
    static func parse(_ text: String, environment: [String: String]) throws(CLIError) -> ShardSpec {
        if text == "auto" {
            let missing = ["CI_NODE_INDEX", "CI_NODE_TOTAL"].filter { (environment[$0] ?? "").isEmpty }
            guard missing.isEmpty else {
                throw CLIError("--shard auto reads CI_NODE_INDEX and CI_NODE_TOTAL (GitLab's parallel:), but \(missing.joined(separator: " and ")) \(missing.count == 1 ? "is" : "are") not set; pass --shard I/N")
            }
            let index = environment["CI_NODE_INDEX"] ?? "", total = environment["CI_NODE_TOTAL"] ?? ""
            return try parse("\(index)/\(total)", origin: "CI_NODE_INDEX/CI_NODE_TOTAL")
        }
        return try parse(text, origin: "--shard")
    }

    private static func parse(_ text: String, origin: String) throws(CLIError) -> ShardSpec {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let total = Int(parts[1]) else {
            throw CLIError("\(origin) takes I/N (e.g. 2/4) or auto, got '\(text)'")
        }
        guard total >= 1, index >= 1, index <= total else {
            throw CLIError("\(origin) \(text): the shard must satisfy 1 ≤ I ≤ N")
        }
        return ShardSpec(index: index, total: total)
    }

    /// `2/4`.
    var text: String { "\(index)/\(total)" }

    /// This shard's part of `count` items: contiguous, the first `count % total` shards one longer.
    func slice(of count: Int) -> Range<Int> { ShardSpec.slice(count: count, index: index, total: total) }

    /// The `index`-th (1-based) of `total` balanced contiguous slices of `0..<count`.
    static func slice(count: Int, index: Int, total: Int) -> Range<Int> {
        let base = count / total, extra = count % total
        let before = index - 1
        let start = before * base + min(before, extra)
        return start..<(start + base + (before < extra ? 1 : 0))
    }
}

/// What one `carrier run` does under `--shard`: its environments (each with the `RunShard` its reports record),
/// or, with one environment and a data file, its iterations; or nothing, and why.
struct ShardSelection: Sendable {
    /// The environments to run, in the order they run.
    var environments: [EnvironmentSource]
    /// Each environment's `RunShard` (one entry, possibly for no environment at all, in a single run).
    var shards: [RunShard]
    /// The iterations this shard runs, when the data rows are sliced.
    var iterationRange: Range<Int>?
    /// Whether the whole run has several environments: a shard holding one of them still reports it as one of many,
    /// so the merged reports have the layout of the unsharded run.
    var isOneOfMany: Bool
    /// Set when this shard has nothing to do: the reason, for the line it prints.
    var nothingToDo: String?

    /// Slices the environments when there are several (sorted by name, byte order, so every machine agrees),
    /// else the iterations of the data file (`-n` or its rows), else gives shard 1 the whole run.
    static func select(_ spec: ShardSpec, environments: [EnvironmentSource], iterations: Int?) -> ShardSelection {
        if environments.count > 1 {
            let ordered = environments.indices.sorted {
                environments[$0].name.utf8.lexicographicallyPrecedes(environments[$1].name.utf8)
            }
            let chosen = Array(ordered[spec.slice(of: ordered.count)])
            let shards = chosen.map { position in
                RunShard(index: spec.index, total: spec.total, slice: .environments, environment: environments[position].name,
                         position: position, environmentCount: environments.count)
            }
            return ShardSelection(environments: chosen.map { environments[$0] }, shards: shards, iterationRange: nil,
                                  isOneOfMany: true,
                                  nothingToDo: chosen.isEmpty ? "\(environments.count) environments for \(spec.total) shards" : nil)
        }
        let name = environments.first?.name ?? ""
        if let iterations {
            let range = spec.slice(of: iterations)
            return ShardSelection(environments: environments,
                                  shards: [RunShard(index: spec.index, total: spec.total, slice: .iterations, environment: name,
                                                    position: 0, environmentCount: environments.count)],
                                  iterationRange: range, isOneOfMany: false,
                                  nothingToDo: range.isEmpty ? "\(iterations) iterations for \(spec.total) shards" : nil)
        }
        return ShardSelection(environments: environments,
                              shards: [RunShard(index: spec.index, total: spec.total, slice: .whole, environment: name,
                                                position: 0, environmentCount: environments.count)],
                              iterationRange: nil, isOneOfMany: false,
                              nothingToDo: spec.index == 1 ? nil : "one environment and no data file to slice; shard 1 runs it all")
    }
}

