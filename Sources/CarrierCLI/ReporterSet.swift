import Foundation
import JSONValue
import Reporters
import RunContracts
import RunnerCore

/// The reporters chosen with `-r`, wired to one environment's run: the CLI reporter listens live; JSON, JUnit and
/// HTML files are rendered from the record when the run ends and written atomically. Every byte goes through the
/// redactor. With several environments, a file path holding `{environment}` is written per environment here;
/// the others become one combined file (`combined`) once every environment has finished.
/// With one environment, JSON and JUnit files are instead written as the run goes (each execution when it
/// finishes, into a spool beside the file) and completed atomically at the end, so a long run's memory does not
/// grow with its iterations.
struct ReporterSet {

    private(set) var observers: [RunObserver] = []
    private let options: RunCommandOptions
    private let inputs: RunInputs
    private let environment: EnvironmentSource?
    private let redactor: SecretRedactor
    /// The reports' view of secrets (the run's, plus credentials seen in headers); exports use it too.
    let redaction: ReportRedaction
    private let jsonStream: JSONReportStream?
    private let junitStream: JUnitReportStream?
    /// Whether something renders from the whole record at the end (HTML, the files of several environments), so
    /// the record must keep every execution.
    let needsWholeRecord: Bool

    /// Refuses unknown reporter names before anything runs.
    static func validate(_ options: RunCommandOptions) throws(CLIError) {
        for name in options.reporters where !ReporterRegistry.names.contains(name) {
            throw CLIError("unknown reporter '\(name)'; Carrier has \(ReporterRegistry.names.joined(separator: ", "))")
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

    /// - Parameters:
    ///   - write: where the CLI reporter's lines go (stdout, or a buffer when environments run at once).
    ///   - isOneOfMany: several environments run; their files are rendered from the records at the end.
    init(options: RunCommandOptions, inputs: RunInputs, environment: EnvironmentSource?, redactor: SecretRedactor,
         isTerminal: Bool, isOneOfMany: Bool = false, write: @escaping @Sendable (String) -> Void) throws(CLIError) {
        self.options = options
        self.inputs = inputs
        self.environment = environment
        self.redactor = redactor
        let redaction = ReportRedaction(redactor: redactor)
        self.redaction = redaction
        try ReporterSet.validate(options)
        needsWholeRecord = isOneOfMany || options.reporters.contains("html")
        let redact: @Sendable (String) -> String = { [redaction] in redaction.text($0) }
        func path(_ name: String, _ ext: String) -> String {
            EnvironmentPlaceholder.apply(ReporterSet.exportPath(name, ext: ext, options: options,
                                                                collectionName: inputs.collection.info.name),
                                         environment: environment)
        }
        do {
            jsonStream = try !isOneOfMany && options.reporters.contains("json")
                ? JSONReportStream(path: path("json", "json"), redactor: redact) : nil
            junitStream = try !isOneOfMany && options.reporters.contains("junit")
                ? JUnitReportStream(path: path("junit", "xml"),
                                    options: JUnitOptions(environmentName: inputs.environment?.name, redactor: redact))
                : nil
        } catch {
            throw CLIError(error.description)
        }
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
            let reporter = CLIReporter(options: cliOptions, redactor: { redaction.text($0) }, write: write)
            observers.append(RedactingObserver(reporter, redaction: redaction))
        }
    }

    /// The export path a file reporter was given (or Newman's default), `{environment}` not yet applied.
    static func exportPath(_ reporter: String, ext: String, options: RunCommandOptions, collectionName: String) -> String {
        options.reporterOption(reporter, "export") ?? defaultPath(ext, collectionName: collectionName)
    }

    /// Spools each finished execution into the streamed file reports.
    var executionSink: (ItemExecution, RunRecord) -> Void {
        { [jsonStream, junitStream, redaction] execution, record in
            guard jsonStream != nil || junitStream != nil else {
                redaction.learnCredentials(of: execution)
                return
            }
            let execution = redaction.streamedExecution(execution)
            jsonStream?.add(execution)
            junitStream?.add(execution, record: record)
        }
    }

    /// Renders and writes this environment's file reports. `perEnvironmentOnly`: write only those whose path
    /// holds `{environment}` (the rest are combined later).
    func finish(_ record: RunRecord, scopes: VariableScopes, perEnvironmentOnly: Bool) throws(CLIError) {
        let record = redaction.record(record)
        let documents = (environment: Optional(ReporterSet.variableDocument(scopes.environment, inputs: inputs, environment: true)),
                         globals: Optional(ReporterSet.variableDocument(scopes.globals, inputs: inputs, environment: false)))
        for reporter in ReporterRegistry.fileReporters where options.reporters.contains(reporter.name) {
            let template = ReporterSet.exportPath(reporter.name, ext: reporter.fileExtension, options: options,
                                                  collectionName: inputs.collection.info.name)
            if perEnvironmentOnly && !EnvironmentPlaceholder.contains(template) { continue }
            let path = EnvironmentPlaceholder.apply(template, environment: environment)
            // The two reports that can grow with the run were spooled as it went; they are completed, not rendered.
            do {
                if reporter is JSONFileReporter, let jsonStream {
                    try jsonStream.finish(record, collection: inputs.collection.source, environment: documents.environment,
                                          globals: documents.globals)
                    continue
                }
                if reporter is JUnitFileReporter, let junitStream {
                    try junitStream.finish(record)
                    continue
                }
            } catch {
                throw CLIError(error.description)
            }
            // One of many: suites named and classed by environment, as in the combined file, so a CI server
            // reading every reports/*.xml keeps the portals apart. A lone environment keeps the plain layout.
            let run = EnvironmentRun(environmentName: environment?.name ?? inputs.environment?.name ?? "", record: record)
            try ReporterSet.writeOne(reporter, to: path, run: run, oneOfMany: perEnvironmentOnly,
                                     collection: inputs.collection.source, documents: documents, redactions: [redaction])
        }
    }

    /// One environment's report file from its whole record (`carrier run` at the end of a run, and
    /// `carrier merge-reports`, which passes no redactions: the shards' reports were redacted when written).
    static func writeOne(_ reporter: any FileReporter, to path: String, run: EnvironmentRun, oneOfMany: Bool,
                         collection: JSONValue?, documents: (environment: JSONValue?, globals: JSONValue?),
                         redactions: [ReportRedaction]) throws(CLIError) {
        let input = reportInput([run], documents: [documents], groupsByEnvironment: oneOfMany, isCombined: false,
                                collection: collection, redactions: redactions)
        try OutputFile.write(reporter.render(input), to: path)
    }

    /// The combined files of a many-environment run: every file reporter whose path has no `{environment}`.
    static func writeCombined(_ results: [PortalResult], options: RunCommandOptions, inputs: RunInputs) throws(CLIError) {
        let runs = results.map { EnvironmentRun(environmentName: $0.environment.name, record: $0.redaction.record($0.record)) }
        let documents = results.map { result in
            (environment: Optional(variableDocument(result.scopes.environment, inputs: result.inputs, environment: true)),
             globals: Optional(variableDocument(result.scopes.globals, inputs: result.inputs, environment: false)))
        }
        try writeCombined(runs, documents: documents, collection: inputs.collection.source, options: options,
                          collectionName: inputs.collection.info.name, redactions: results.map(\.redaction))
    }

    /// The combined files of several environments' runs (`carrier run` once all have finished, and
    /// `carrier merge-reports`): every file reporter whose path has no `{environment}`.
    static func writeCombined(_ runs: [EnvironmentRun], documents: [(environment: JSONValue?, globals: JSONValue?)],
                              collection: JSONValue?, options: RunCommandOptions, collectionName: String,
                              redactions: [ReportRedaction]) throws(CLIError) {
        let input = reportInput(runs, documents: documents, groupsByEnvironment: true, isCombined: true,
                                collection: collection, redactions: redactions)
        for reporter in ReporterRegistry.fileReporters where options.reporters.contains(reporter.name) {
            let path = exportPath(reporter.name, ext: reporter.fileExtension, options: options, collectionName: collectionName)
            if EnvironmentPlaceholder.contains(path) { continue }
            try OutputFile.write(reporter.render(input), to: path)
        }
    }

    /// What every file reporter renders from: the records, the variable documents, and every environment's
    /// redactor applied to what the renderers add.
    private static func reportInput(_ runs: [EnvironmentRun], documents: [(environment: JSONValue?, globals: JSONValue?)],
                                    groupsByEnvironment: Bool, isCombined: Bool, collection: JSONValue?,
                                    redactions: [ReportRedaction]) -> ReportInput {
        ReportInput(
            runs: runs, groupsByEnvironment: groupsByEnvironment, isCombined: isCombined, collection: collection,
            variableDocuments: documents,
            redactor: { text in redactions.reduce(text) { $1.text($0) } },
            headerRedactor: { name, value in
                if redactions.contains(where: { $0.redactor.isSensitiveHeader(name) }) { return SecretRedactor.mask }
                return redactions.reduce(value) { $1.text($0) }
            },
            generatedAt: SystemClock().now())
    }

    /// Newman writes reports without an export path to `newman/<collection>-<timestamp>.<ext>`.
    static func defaultPath(_ ext: String, collectionName: String) -> String {
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
        let name = collectionName.replacingOccurrences(of: "/", with: "-")
        return "newman/\(name)-\(stamp).\(ext)"
    }

    /// A scope as the JSON report shows it, with the id and name of the file it came from.
    private static func variableDocument(_ scope: VariableScope, inputs: RunInputs, environment: Bool) -> JSONValue {
        let file = environment ? inputs.environment : inputs.globals
        return JSONReport.variableDocument(scope, id: file?.id ?? "", name: file?.name ?? "",
                                           processEnvironmentNames: inputs.processEnvironmentNames)
    }
}
