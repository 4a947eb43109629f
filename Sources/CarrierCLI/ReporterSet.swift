import Foundation
import JSONValue
import Reporters
import RunnerCore

/// The reporters chosen with `-r`, wired to the run: the CLI reporter listens live; JSON and JUnit files are
/// written as the run goes (each execution when it finishes, into a spool beside the file) and completed
/// atomically when it ends, so memory does not grow with the number of iterations. Every byte goes through the
/// redactor.
struct ReporterSet {
    static let known = ["cli", "json", "junit"]

    private(set) var observers: [RunObserver] = []
    private let options: RunCommandOptions
    private let inputs: RunInputs
    private let redactor: SecretRedactor
    private let json: JSONReportStream?
    private let junit: JUnitReportStream?

    init(options: RunCommandOptions, inputs: RunInputs, redactor: SecretRedactor, output: OutputStreams) throws(CLIError) {
        self.options = options
        self.inputs = inputs
        self.redactor = redactor
        for name in options.reporters where !ReporterSet.known.contains(name) {
            throw CLIError("unknown reporter '\(name)'; Carrier has \(ReporterSet.known.joined(separator: ", "))")
        }
        let redact: @Sendable (String) -> String = { [redactor] in redactor.redact($0) }
        do {
            json = try options.reporters.contains("json")
                ? JSONReportStream(path: options.reporterOption("json", "export")
                                       ?? ReporterSet.defaultPath("json", collectionName: inputs.collection.info.name),
                                   redactor: redact)
                : nil
            junit = try options.reporters.contains("junit")
                ? JUnitReportStream(path: options.reporterOption("junit", "export")
                                        ?? ReporterSet.defaultPath("xml", collectionName: inputs.collection.info.name),
                                    options: JUnitOptions(environmentName: inputs.environment?.name, redactor: redact))
                : nil
        } catch {
            throw CLIError(error.description)
        }
        if options.reporters.contains("cli") && !options.silent {
            let colorOn: Bool
            switch options.color {
            case .on: colorOn = true
            case .off: colorOn = false
            case .auto: colorOn = output.isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            }
            let cliOptions = CLIReporterOptions(
                silent: options.reporterFlag("cli", "silent"),
                noSummary: options.reporterFlag("cli", "no-summary"),
                noFailures: options.reporterFlag("cli", "no-failures"),
                noAssertions: options.reporterFlag("cli", "no-assertions"),
                noSuccessAssertions: options.reporterFlag("cli", "no-success-assertions"),
                noConsole: options.reporterFlag("cli", "no-console"),
                noBanner: options.reporterFlag("cli", "no-banner"),
                showTimestamps: options.reporterFlag("cli", "show-timestamps"),
                color: colorOn, disableUnicode: options.disableUnicode, verbose: options.verbose)
            let write = output.standardOutput
            observers.append(CLIReporter(options: cliOptions, redactor: { redactor.redact($0) }, write: write))
        }
    }

    /// Spools each finished execution into the file reports.
    var executionSink: (ItemExecution, RunRecord) -> Void {
        { [json, junit] execution, record in
            json?.add(execution)
            junit?.add(execution, record: record)
        }
    }

    /// Completes and writes the file reports.
    func finish(_ record: RunRecord, scopes: VariableScopes) throws(CLIError) {
        do {
            if let json {
                let environment = variableDocument(scopes.environment, id: inputs.environment?.id, name: inputs.environment?.name)
                let globals = variableDocument(scopes.globals, id: inputs.globals?.id, name: inputs.globals?.name)
                try json.finish(record, collection: inputs.collection.source, environment: environment, globals: globals)
            }
            try junit?.finish(record)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// Newman writes reports without an export path to `newman/<collection>-<timestamp>.<ext>`.
    private static func defaultPath(_ ext: String, collectionName: String) -> String {
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
        let name = collectionName.replacingOccurrences(of: "/", with: "-")
        return "newman/\(name)-\(stamp).\(ext)"
    }

    /// A variable scope as Newman's summary shows it; secret values are masked like everything else in reports.
    private func variableDocument(_ scope: VariableScope, id: String?, name: String?) -> JSONValue {
        .object([
            "id": .string(id ?? ""),
            "name": .string(name ?? ""),
            "values": .array(scope.variables.map { variable in
                let secret = SecretRedactor.isSecret(variable, processEnvironmentNames: inputs.processEnvironmentNames)
                return .object(["key": .string(variable.key), "value": secret ? .string(SecretRedactor.mask) : variable.value,
                                "type": .string(variable.type ?? "any"), "enabled": .bool(!variable.disabled)])
            }),
        ])
    }
}
