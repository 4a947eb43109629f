import Foundation
import RunContracts
import RunnerCore

/// `carrier run COLLECTION [options]`: load everything, check it, run once per environment (one `PortalRun`, or
/// several through the `MultiRunCoordinator`), write reports and exports, pick the exit code.
enum RunCommand {
    static func execute(_ arguments: [String], output: OutputStreams, engines: PortalEngines = .real) -> Int32 {
        let options: RunCommandOptions
        do {
            options = try RunCommandOptions.parse(arguments)
        } catch {
            output.error("carrier: \(error.message)")
            return ExitCode.usage
        }
        do {
            let failed = try run(options, output: output, engines: engines)
            if options.suppressExitCode { return ExitCode.success }
            return failed ? ExitCode.failure : ExitCode.success
        } catch {
            output.error("carrier: \(error.message)")
            return options.suppressExitCode ? ExitCode.success : ExitCode.usage
        }
    }

    /// Runs and reports; returns whether any environment failed.
    static func run(_ given: RunCommandOptions, output: OutputStreams, engines: PortalEngines) throws(CLIError) -> Bool {
        try ReporterSet.validate(given)
        // Every input, local or fetched, is read and checked before anything is sent.
        let (inputs, loaded) = try RunInputs.load(given)
        var options = given
        var environments = loaded
        var selection: ShardSelection?
        if let spec = options.shard {
            let chosen = ShardSelection.select(spec, environments: loaded,
                                               iterations: inputs.data.count > 0 ? options.iterationCount ?? inputs.data.count : nil)
            if let reason = chosen.nothingToDo {
                if !options.silent { output.error("carrier: shard \(spec.text) has nothing to do (\(reason))") }
                return false
            }
            environments = chosen.environments
            options.iterationRange = chosen.iterationRange
            selection = chosen
        }
        let isOneOfMany = selection?.isOneOfMany ?? (environments.count > 1)
        // Shapes Postman tolerates and we read leniently: the run goes ahead, as Newman's does.
        if !options.silent {
            for note in inputs.collection.tolerated { output.error("carrier: warning: \(inputs.collectionName): \(note)") }
        }
        // A missing upload file is not fatal either (exported collections carry paths from someone's laptop):
        // the pre-flight below names it, and the request goes without the file, as in Newman.
        if isOneOfMany { try MultiRunCoordinator.validateExports(options) }

        // The pre-flight check, as warnings: a run goes ahead whatever it finds (`carrier check` is the gate).
        if !options.silent {
            for finding in PreflightCheck(options: options, inputs: inputs, environments: environments).findings() {
                output.error("carrier: warning: \(finding.text)")
            }
        }

        let progress = TerminalProgress(output: output, enabled: TerminalProgress.isWanted(options, output: output),
                                        environmentCount: environments.count, disableUnicode: options.disableUnicode)
        defer { progress.finish() }
        guard isOneOfMany else {
            let environment = environments.first
            let portal = PortalRun(options: options, inputs: inputs.with(environment: environment?.file),
                                   environment: environment, engines: engines, isOneOfMany: false,
                                   shard: selection?.shards.first)
            let result = try portal.run(isTerminal: output.isTerminal, write: { progress.print($0) },
                                        extraObservers: [progress.observer()])
            return result.record.failed
        }
        let coordinator = MultiRunCoordinator(options: options, inputs: inputs, environments: environments, engines: engines,
                                              output: output, progress: progress, shards: selection?.shards ?? [])
        let results = coordinator.run()
        try ReporterSet.writeCombined(results, options: options, inputs: inputs)
        return results.contains { $0.record.failed }
    }
}
