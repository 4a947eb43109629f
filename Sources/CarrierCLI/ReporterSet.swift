import Foundation
import JSONValue
import Reporters
import RunnerCore

/// The reporters chosen with `-r`, wired to one environment's run: the CLI reporter listens live; JSON, JUnit and
/// HTML files are rendered from the record when the run ends and written atomically. Every byte goes through the
/// redactor. With several environments, a file path holding `{environment}` is written per environment here;
/// the others become one combined file (`combined`) once every environment has finished.
struct ReporterSet {
    static let known = ["cli", "json", "junit", "html"]
    /// File reporters and the extension of their default path.
    static let fileReporters: [(name: String, ext: String)] = [("json", "json"), ("junit", "xml"), ("html", "html")]

    private(set) var observers: [RunObserver] = []
    private let options: RunCommandOptions
    private let inputs: RunInputs
    private let environment: EnvironmentSource?
    private let redactor: SecretRedactor

    /// Refuses unknown reporter names before anything runs.
    static func validate(_ options: RunCommandOptions) throws(CLIError) {
        for name in options.reporters where !known.contains(name) {
            throw CLIError("unknown reporter '\(name)'; Carrier has \(known.joined(separator: ", "))")
        }
    }

    /// Colour on or off from `--color`, `NO_COLOR` and whether stdout is a terminal.
    static func colorEnabled(_ options: RunCommandOptions, isTerminal: Bool) -> Bool {
        switch options.color {
        case .on: true
        case .off: false
        case .auto: isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }

    /// - Parameter write: where the CLI reporter's lines go (stdout, or a buffer when environments run at once).
    init(options: RunCommandOptions, inputs: RunInputs, environment: EnvironmentSource?, redactor: SecretRedactor,
         isTerminal: Bool, write: @escaping @Sendable (String) -> Void) throws(CLIError) {
        self.options = options
        self.inputs = inputs
        self.environment = environment
        self.redactor = redactor
        try ReporterSet.validate(options)
        if options.reporters.contains("cli") && !options.silent {
            let cliOptions = CLIReporterOptions(
                silent: options.reporterFlag("cli", "silent"),
                noSummary: options.reporterFlag("cli", "no-summary"),
                noFailures: options.reporterFlag("cli", "no-failures"),
                noAssertions: options.reporterFlag("cli", "no-assertions"),
                noSuccessAssertions: options.reporterFlag("cli", "no-success-assertions"),
                noConsole: options.reporterFlag("cli", "no-console"),
                noBanner: options.reporterFlag("cli", "no-banner"),
                showTimestamps: options.reporterFlag("cli", "show-timestamps"),
                color: ReporterSet.colorEnabled(options, isTerminal: isTerminal), disableUnicode: options.disableUnicode,
                verbose: options.verbose)
            observers.append(CLIReporter(options: cliOptions, redactor: { redactor.redact($0) }, write: write))
        }
    }

    /// The export path a file reporter was given (or Newman's default), `{environment}` not yet applied.
    static func exportPath(_ reporter: String, ext: String, options: RunCommandOptions, collectionName: String) -> String {
        options.reporterOption(reporter, "export") ?? defaultPath(ext, collectionName: collectionName)
    }

    /// Renders and writes this environment's file reports. `perEnvironmentOnly`: write only those whose path
    /// holds `{environment}` (the rest are combined later).
    func finish(_ record: RunRecord, scopes: VariableScopes, perEnvironmentOnly: Bool) throws(CLIError) {
        let redact: @Sendable (String) -> String = { [redactor] in redactor.redact($0) }
        for (name, ext) in ReporterSet.fileReporters where options.reporters.contains(name) {
            let template = ReporterSet.exportPath(name, ext: ext, options: options, collectionName: inputs.collection.info.name)
            if perEnvironmentOnly && !EnvironmentPlaceholder.contains(template) { continue }
            let path = EnvironmentPlaceholder.apply(template, environment: environment)
            switch name {
            case "json":
                let summary = JSONReport.render(record, collection: inputs.collection.source,
                                                environment: ReporterSet.variableDocument(scopes.environment, inputs: inputs, environment: true),
                                                globals: ReporterSet.variableDocument(scopes.globals, inputs: inputs, environment: false),
                                                redactor: redact)
                try AtomicFile.write(summary.serialized(indent: 2), to: path)
            case "junit":
                // One of many: suites named and classed by environment, as in the combined file, so a CI server
                // reading every reports/*.xml keeps the portals apart. A lone environment keeps the plain layout.
                let options = JUnitOptions(environmentName: inputs.environment?.name, redactor: redact)
                let xml = perEnvironmentOnly
                    ? JUnitReport.render(runs: [EnvironmentRun(environmentName: environment?.name ?? "", record: record)], options: options)
                    : JUnitReport.render(record, options: options)
                try AtomicFile.write(xml, to: path)
            default:
                let html = HTMLReport.render(runs: [EnvironmentRun(environmentName: environment?.name ?? inputs.environment?.name ?? "",
                                                                   record: record)],
                                             options: ReporterSet.htmlOptions([redactor]))
                try AtomicFile.write(html, to: path)
            }
        }
    }

    /// The combined files of a many-environment run: every file reporter whose path has no `{environment}`.
    static func writeCombined(_ results: [PortalResult], options: RunCommandOptions, inputs: RunInputs) throws(CLIError) {
        let redactors = results.map(\.redactor)
        let redact: @Sendable (String) -> String = { text in redactors.reduce(text) { $1.redact($0) } }
        let runs = results.map { EnvironmentRun(environmentName: $0.environment.name, record: $0.record) }
        for (name, ext) in fileReporters where options.reporters.contains(name) {
            let path = exportPath(name, ext: ext, options: options, collectionName: inputs.collection.info.name)
            if EnvironmentPlaceholder.contains(path) { continue }
            switch name {
            case "json":
                let documents = results.map { result in
                    (environment: Optional(variableDocument(result.scopes.environment, inputs: result.inputs, environment: true)),
                     globals: Optional(variableDocument(result.scopes.globals, inputs: result.inputs, environment: false)))
                }
                let summary = JSONReport.render(runs: runs, documents: documents, collection: inputs.collection.source,
                                                redactor: redact)
                try AtomicFile.write(summary.serialized(indent: 2), to: path)
            case "junit":
                try AtomicFile.write(JUnitReport.render(runs: runs, options: JUnitOptions(redactor: redact)), to: path)
            default:
                try AtomicFile.write(HTMLReport.render(runs: runs, options: htmlOptions(redactors)), to: path)
            }
        }
    }

    private static func htmlOptions(_ redactors: [SecretRedactor]) -> HTMLReportOptions {
        HTMLReportOptions(
            generatedAt: SystemClock().now(),
            redactor: { text in redactors.reduce(text) { $1.redact($0) } },
            headerRedactor: { name, value in
                if redactors.contains(where: { $0.isSensitiveHeader(name) }) { return SecretRedactor.mask }
                return redactors.reduce(value) { $1.redact($0) }
            })
    }

    /// Newman writes reports without an export path to `newman/<collection>-<timestamp>.<ext>`.
    private static func defaultPath(_ ext: String, collectionName: String) -> String {
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
        let name = collectionName.replacingOccurrences(of: "/", with: "-")
        return "newman/\(name)-\(stamp).\(ext)"
    }

    /// A variable scope as Newman's summary shows it; secret values are masked like everything else in reports.
    private static func variableDocument(_ scope: VariableScope, inputs: RunInputs, environment: Bool) -> JSONValue {
        let file = environment ? inputs.environment : inputs.globals
        return .object([
            "id": .string(file?.id ?? ""),
            "name": .string(file?.name ?? ""),
            "values": .array(scope.variables.map { variable in
                let secret = SecretRedactor.isSecret(variable, processEnvironmentNames: inputs.processEnvironmentNames)
                return .object(["key": .string(variable.key), "value": secret ? .string(SecretRedactor.mask) : variable.value,
                                "type": .string(variable.type ?? "any"), "enabled": .bool(!variable.disabled)])
            }),
        ])
    }
}
