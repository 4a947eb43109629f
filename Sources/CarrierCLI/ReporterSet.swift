import Foundation
import JSONValue
import Reporters
import RunnerCore

/// The reporters chosen with `-r`, wired to the run: the CLI reporter listens live; JSON and JUnit files are
/// rendered from the record when the run ends and written atomically. Every byte goes through the redactor.
struct ReporterSet {
    static let known = ["cli", "json", "junit"]

    private(set) var observers: [RunObserver] = []
    private let options: RunCommandOptions
    private let inputs: RunInputs
    private let redactor: SecretRedactor
    /// The reports' view of secrets (the run's, plus credentials seen in headers); exports use it too.
    let redaction: ReportRedaction

    init(options: RunCommandOptions, inputs: RunInputs, redactor: SecretRedactor, output: OutputStreams) throws(CLIError) {
        self.options = options
        self.inputs = inputs
        self.redactor = redactor
        let redaction = ReportRedaction(redactor: redactor)
        self.redaction = redaction
        for name in options.reporters where !ReporterSet.known.contains(name) {
            throw CLIError("unknown reporter '\(name)'; Carrier has \(ReporterSet.known.joined(separator: ", "))")
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
            let reporter = CLIReporter(options: cliOptions, redactor: { redaction.text($0) }, write: write)
            observers.append(RedactingObserver(reporter, redaction: redaction))
        }
    }

    /// Renders and writes the file reports.
    func finish(_ record: RunRecord, scopes: VariableScopes) throws(CLIError) {
        let record = redaction.record(record)
        let redact: @Sendable (String) -> String = { [redaction] in redaction.text($0) }
        if options.reporters.contains("json") {
            let path = options.reporterOption("json", "export") ?? defaultPath("json")
            let environment = variableDocument(scopes.environment, id: inputs.environment?.id, name: inputs.environment?.name)
            let globals = variableDocument(scopes.globals, id: inputs.globals?.id, name: inputs.globals?.name)
            let summary = JSONReport.render(record, collection: inputs.collection.source, environment: environment,
                                            globals: globals, redactor: redact)
            try AtomicFile.write(summary.serialized(indent: 2), to: path)
        }
        if options.reporters.contains("junit") {
            let path = options.reporterOption("junit", "export") ?? defaultPath("xml")
            let environmentName = inputs.environment?.name
            let xml = JUnitReport.render(record, options: JUnitOptions(environmentName: environmentName, redactor: redact))
            try AtomicFile.write(xml, to: path)
        }
    }

    /// Newman writes reports without an export path to `newman/<collection>-<timestamp>.<ext>`.
    private func defaultPath(_ ext: String) -> String {
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
        let name = inputs.collection.info.name.replacingOccurrences(of: "/", with: "-")
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
