import CurlTransport
import Foundation
import JSCSandbox
import RunContracts
import RunnerCore

/// What one environment's run needs that holds state: its transport (with its cookie jar) and its script
/// sandbox (with its JavaScript context). A fresh pair per environment, so runs never share state; the CLI makes
/// the real ones, tests may hand in doubles.
package struct PortalEngines: Sendable {
    /// A new transport.
    package var makeTransport: @Sendable () throws(CLIError) -> HTTPTransport
    /// A new sandbox.
    package var makeSandbox: @Sendable () -> ScriptSandbox

    package init(makeTransport: @escaping @Sendable () throws(CLIError) -> HTTPTransport,
                 makeSandbox: @escaping @Sendable () -> ScriptSandbox) {
        self.makeTransport = makeTransport
        self.makeSandbox = makeSandbox
    }

    /// libcurl and JavaScriptCore (started by the run's first script).
    package static let real = PortalEngines(makeTransport: makeCurlTransport, makeSandbox: { LazySandbox { JSCSandbox() } })

    private static func makeCurlTransport() throws(CLIError) -> HTTPTransport {
        do {
            return try CurlTransport()
        } catch {
            throw CLIError("cannot start libcurl: \(error.message)")
        }
    }
}

/// One environment's finished run, with what its reports and exports read.
struct PortalResult: Sendable {
    var environment: EnvironmentSource
    var inputs: RunInputs
    var record: RunRecord
    var scopes: VariableScopes
    /// This run's own redactor (its secrets); combined reports apply every environment's.
    var redactor: SecretRedactor
    /// The reports' view of this run's secrets (also the credentials seen in headers).
    var redaction = ReportRedaction(redactor: SecretRedactor())
}

/// `carrier run` for one environment: its own variables, transport, sandbox and redactor; reports and exports
/// for it alone. Single-threaded; several may run at once on different threads.
struct PortalRun: Sendable {
    let options: RunCommandOptions
    let inputs: RunInputs
    /// `nil` when the run has no `-e` at all.
    let environment: EnvironmentSource?
    let engines: PortalEngines
    /// Several environments in this invocation: file reports without `{environment}` are left to the coordinator.
    let isOneOfMany: Bool
    /// `--shard`: the part of the whole run this is, for the JSON report.
    var shard: RunShard?

    /// Runs to the end and writes this environment's reports and exports.
    /// - Parameters:
    ///   - write: the CLI reporter's sink.
    ///   - extraObservers: e.g. the progress line.
    func run(isTerminal: Bool, write: @escaping @Sendable (String) -> Void,
             extraObservers: [RunObserver] = []) throws(CLIError) -> PortalResult {
        let scopes = try inputs.initialScopes(options)
        let runOptions = PortalRun.runOptions(options)
        let transport = try engines.makeTransport()
        for cookie in inputs.cookies { transport.setCookie(cookie) }
        let sandbox = engines.makeSandbox()
        let redactor = SecretRedactor()
        for secret in inputs.secrets { redactor.add(secret) }
        let reporters = try ReporterSet(options: options, inputs: inputs, environment: environment, redactor: redactor,
                                        isTerminal: isTerminal, isOneOfMany: isOneOfMany, write: write)
        var start = RunStartInfo(collectionName: inputs.collection.info.name, collectionId: inputs.collection.info.id,
                                 collectionPath: inputs.collectionName, environmentName: inputs.environment?.name ?? "",
                                 iterationCount: 0, startedAt: SystemClock().now(),
                                 sources: PortalRun.sources(inputs, environment: environment))
        start.shard = shard
        let runner = CollectionRunner(plan: inputs.plan, start: start, scopes: scopes, data: inputs.data,
                                      options: runOptions, transport: transport, sandbox: sandbox,
                                      observers: reporters.observers + extraObservers, redactor: redactor)
        // Streamed file reports have each execution already: unless something renders from the whole record at
        // the end, the record lets them go (memory stays flat however many iterations run).
        runner.executionSink = reporters.executionSink
        runner.keepsExecutions = reporters.needsWholeRecord
        let record = runner.run()
        try reporters.finish(record, scopes: runner.scopes, perEnvironmentOnly: isOneOfMany)
        try Exports.write(options: options, inputs: inputs, scopes: runner.scopes, transport: transport,
                          environment: environment, redactor: redactor, redactText: reporters.redaction.text)
        let source = environment ?? EnvironmentSource(file: inputs.environment ?? .init(), name: "", fileNameSafe: "default")
        return PortalResult(environment: source, inputs: inputs, record: record, scopes: runner.scopes, redactor: redactor,
                            redaction: reporters.redaction)
    }

    /// Where this run's inputs came from, the environment after the collection as `-e` comes after it.
    static func sources(_ inputs: RunInputs, environment: EnvironmentSource?) -> [InputOrigin] {
        guard let origin = environment?.origin else { return inputs.origins }
        var sources = inputs.origins
        sources.insert(origin, at: min(1, sources.count))
        return sources
    }

    /// The runner's options from the command line.
    static func runOptions(_ options: RunCommandOptions) -> RunOptions {
        let workingDirectory = options.workingDirectory.map { path in
            path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        } ?? FileManager.default.currentDirectoryPath
        var settings = RequestBuildSettings(workingDirectory: workingDirectory)
        settings.allowFilesOutsideWorkingDirectory = options.insecureFileRead
        settings.baseOptions.followRedirects = !options.ignoreRedirects
        settings.baseOptions.verifyTLS = !options.insecure
        settings.baseOptions.timeoutMilliseconds = options.timeoutRequest
        settings.baseOptions.maxResponseBytes = options.maxResponseSize
        settings.baseOptions.extraCACertificatesPath = options.sslExtraCACerts
        settings.baseOptions.clientCertificatePath = options.sslClientCert
        settings.baseOptions.clientKeyPath = options.sslClientKey
        settings.baseOptions.clientKeyPassphrase = options.sslClientPassphrase

        var runOptions = RunOptions(buildSettings: settings)
        runOptions.iterationCount = options.iterationCount
        runOptions.iterationRange = options.iterationRange
        runOptions.bail = options.bail
        runOptions.delayRequestMilliseconds = options.delayRequest
        runOptions.runTimeoutMilliseconds = options.timeout
        runOptions.scriptTimeoutMilliseconds = options.timeoutScript
        return runOptions
    }
}
