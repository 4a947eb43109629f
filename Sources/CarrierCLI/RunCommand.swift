import CollectionModel
import CurlTransport
import Foundation
import JSCSandbox
import JSONValue
import RunnerCore

/// `carrier run COLLECTION [options]`: load everything, run, write reports and exports, pick the exit code.
enum RunCommand {
    static func execute(_ arguments: [String], output: OutputStreams) -> Int32 {
        let options: RunCommandOptions
        do {
            options = try RunCommandOptions.parse(arguments)
        } catch {
            output.error("carrier: \(error.message)")
            return ExitCode.usage
        }
        do {
            let record = try run(options, output: output)
            if options.suppressExitCode { return ExitCode.success }
            return record.failed ? ExitCode.failure : ExitCode.success
        } catch {
            output.error("carrier: \(error.message)")
            return options.suppressExitCode ? ExitCode.success : ExitCode.usage
        }
    }

    static func run(_ options: RunCommandOptions, output: OutputStreams) throws(CLIError) -> RunRecord {
        let inputs = try RunInputs.load(options)
        let scopes = try inputs.initialScopes(options)
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
        runOptions.bail = options.bail
        runOptions.delayRequestMilliseconds = options.delayRequest
        runOptions.runTimeoutMilliseconds = options.timeout
        runOptions.scriptTimeoutMilliseconds = options.timeoutScript

        let transport: CurlTransport
        do {
            transport = try CurlTransport()
        } catch {
            throw CLIError("cannot start libcurl: \(error.message)")
        }
        if let jar = options.cookieJarPath {
            for cookie in try CookieJarFile.read(path: jar) { transport.setCookie(cookie) }
        }
        let sandbox = JSCSandbox()
        let redactor = SecretRedactor()
        let reporters = try ReporterSet(options: options, inputs: inputs, redactor: redactor, output: output)

        let start = RunStartInfo(collectionName: inputs.collection.info.name, collectionId: inputs.collection.info.id,
                                 collectionPath: options.collectionPath, environmentName: inputs.environment?.name ?? "",
                                 iterationCount: 0, startedAt: SystemClock().now())
        let runner = CollectionRunner(plan: inputs.plan, start: start, scopes: scopes, data: inputs.data,
                                      options: runOptions, transport: transport, sandbox: sandbox,
                                      observers: reporters.observers, redactor: redactor)
        // The file reports are written as the run goes, so the record need not keep every execution.
        runner.executionSink = reporters.executionSink
        runner.keepsExecutions = false
        let record = runner.run()
        try reporters.finish(record, scopes: runner.scopes)
        try Exports.write(options: options, inputs: inputs, scopes: runner.scopes, transport: transport)
        return record
    }
}
