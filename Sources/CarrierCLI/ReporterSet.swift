import Foundation
import JSONValue
import RunnerCore

/// The reporters chosen with `-r`, wired to the run: live observers, then files written when the run ends.
struct ReporterSet {
    var observers: [RunObserver] = []

    init(options: RunCommandOptions, inputs: RunInputs, output: OutputStreams) throws(CLIError) {
        for name in options.reporters where !["cli", "json", "junit"].contains(name) {
            throw CLIError("unknown reporter '\(name)'; Carrier has cli, json and junit")
        }
    }

    func finish(_ record: RunRecord) throws(CLIError) {}
}
