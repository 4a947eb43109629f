import Foundation
import Reporters
import RunContracts
import RunnerCore

/// Runs one collection once per environment, up to `parallel` at a time, each on its own thread with its own
/// `PortalRun` (variables, transport, sandbox, redactor): the runner stays single-threaded and concurrency lives
/// here, at the edge. Each environment's CLI output is buffered and printed whole when it finishes, under an
/// `Environment: <name>` header with a one-line summary; the final table and the line naming the failed
/// environments come last. Combined report files are written when all have finished.
struct MultiRunCoordinator {
    let options: RunCommandOptions
    let inputs: RunInputs
    let environments: [EnvironmentSource]
    let engines: PortalEngines
    let output: OutputStreams
    let progress: TerminalProgress
    /// `--shard`: each environment's `RunShard`, by index (empty without `--shard`).
    var shards: [RunShard] = []

    /// `--parallel`, else min(4, count), never more than there are environments.
    var parallelism: Int { min(environments.count, max(1, options.parallel ?? min(4, environments.count))) }

    /// Export paths without `{environment}` would be overwritten by each environment in turn: refused up front.
    static func validateExports(_ options: RunCommandOptions) throws(CLIError) {
        let exports: [(String, String?)] = [("--export-environment", options.exportEnvironment), ("--export-globals", options.exportGlobals),
                                            ("--export-collection", options.exportCollection), ("--export-cookie-jar", options.exportCookieJar)]
        for case let (flag, path?) in exports where !EnvironmentPlaceholder.contains(path) {
            throw CLIError("\(flag) \(path): with several environments the path needs {environment}, e.g. out/{environment}.json")
        }
    }

    /// Runs every environment; the results come back in the order the environments were given.
    func run() -> [PortalResult] {
        let color = ReporterSet.colorEnabled(options, isTerminal: output.isTerminal)
        let showCLI = options.reporters.contains("cli") && !options.silent && !options.reporterFlag("cli", "silent")
        let results = ResultSlots(count: environments.count)
        let next = WorkCursor(count: environments.count)
        let group = DispatchGroup()
        for _ in 0..<parallelism {
            group.enter()
            let thread = Thread { [self] in
                while let index = next.take() {
                    let result = runOne(index, color: color, showCLI: showCLI)
                    results.set(index, result)
                }
                group.leave()
            }
            // Curl and JavaScriptCore want more than the 512 KB default of secondary threads.
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        let finished = results.all
        if showCLI {
            let runs = finished.map { EnvironmentRun(environmentName: $0.environment.name, record: $0.record) }
            let redact: (String) -> String = { text in finished.reduce(text) { $1.redactor.redact($0) } }
            let table = CLIMultiRunSummary.table(runs, color: color, disableUnicode: options.disableUnicode, redactor: redact)
            progress.print("\n" + table.joined(separator: "\n") + "\n")
        }
        return finished
    }

    private func runOne(_ index: Int, color: Bool, showCLI: Bool) -> PortalResult {
        let environment = environments[index]
        let buffer = OutputBuffer()
        let shard = index < shards.count ? shards[index] : nil
        let portal = PortalRun(options: options, inputs: inputs.with(environment: environment.file), environment: environment,
                               engines: engines, isOneOfMany: true, shard: shard)
        let result: PortalResult
        do {
            result = try portal.run(isTerminal: output.isTerminal, write: { buffer.append($0) },
                                    extraObservers: [progress.observer()])
        } catch {
            // The environment could not run (or its reports could not be written): it counts as failed.
            var record = RunRecord(start: RunStartInfo(collectionName: inputs.collection.info.name,
                                                       collectionId: inputs.collection.info.id,
                                                       collectionPath: inputs.collectionName, environmentName: environment.name,
                                                       iterationCount: 0, startedAt: SystemClock().now(),
                                                       sources: PortalRun.sources(inputs, environment: environment)))
            record.start.shard = shard
            record.completedAt = record.start.startedAt
            record.runError = error.message
            buffer.append("carrier: \(error.message)\n")
            result = PortalResult(environment: environment, inputs: inputs.with(environment: environment.file), record: record,
                                  scopes: VariableScopes(), redactor: SecretRedactor())
        }
        progress.environmentFinished()
        if showCLI {
            let redact: (String) -> String = { result.redactor.redact($0) }
            let run = EnvironmentRun(environmentName: environment.name, record: result.record)
            progress.print(CLIMultiRunSummary.header(environment.name, color: color, redactor: redact) + "\n"
                           + buffer.text
                           + CLIMultiRunSummary.summaryLine(run, color: color, redactor: redact) + "\n\n")
        }
        return result
    }
}

/// Hands out environment indices to the worker threads, each once.
private final class WorkCursor: @unchecked Sendable {
    // Unchecked: `next` is only touched holding `lock`.
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    init(count: Int) { self.count = count }
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// Results by environment index, filled from the worker threads.
private final class ResultSlots: @unchecked Sendable {
    // Unchecked: `slots` is only touched holding `lock`.
    private let lock = NSLock()
    private var slots: [PortalResult?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: PortalResult) { lock.lock(); slots[index] = result; lock.unlock() }
    var all: [PortalResult] { lock.lock(); defer { lock.unlock() }; return slots.compactMap { $0 } }
}

/// One environment's CLI output, kept until the environment finishes.
private final class OutputBuffer: @unchecked Sendable {
    // Unchecked: `parts` is only touched holding `lock`.
    private let lock = NSLock()
    private var parts: [String] = []
    func append(_ text: String) { lock.lock(); parts.append(text); lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return parts.joined() }
}
