/// Everything `carrier run` was asked to do, as parsed from Newman's flags.
struct RunCommandOptions: Sendable {
    enum Color: String, Sendable { case auto, on, off }

    var collectionPath = ""
    var environmentPaths: [String] = []
    var globalsPath: String?
    var iterationDataPath: String?
    var iterationCount: Int?
    var folders: [String] = []
    /// `--env-var NAME=VALUE`, or `NAME` alone to read the process environment (value `nil` until looked up).
    var environmentOverrides: [(name: String, value: String?)] = []
    var globalOverrides: [(name: String, value: String)] = []
    var workingDirectory: String?
    var insecureFileRead = true
    var bail = false
    var bailFolder = false
    var suppressExitCode = false
    var ignoreRedirects = false
    var delayRequest = 0
    var timeout = 0
    var timeoutRequest = 0
    var timeoutScript = 0
    var insecure = false
    var sslClientCert: String?
    var sslClientKey: String?
    var sslClientPassphrase: String?
    var sslExtraCACerts: String?
    var cookieJarPath: String?
    var exportEnvironment: String?
    var exportGlobals: String?
    var exportCollection: String?
    var exportCookieJar: String?
    var exportSecrets = false
    /// Bytes; a response body past it is a request error, so a runaway server cannot exhaust memory. 0 = no limit.
    var maxResponseSize = 256 * 1024 * 1024
    var reporters: [String] = ["cli"]
    /// `--reporter-<name>-<option>` and `--reporter-<option>` values, by full flag name without the dashes.
    var reporterOptions: [String: String] = [:]
    var silent = false
    var disableUnicode = false
    var color = Color.auto
    var verbose = false
    /// `--parallel N`: environments run at once (default min(4, count); 1 runs them one after another).
    var parallel: Int?
    /// `--postman-api-url`: the Postman API's base (default https://api.getpostman.com).
    var postmanAPIURL: String?
    /// `--fetch-timeout MS`: the limit for fetching one input over http(s); 0 = none.
    var fetchTimeout = 30_000
    /// `carrier fetch -o FILE`.
    var outputPath: String?
    /// `carrier fetch --kind`: what the source is expected to be.
    var fetchKind: InputRole?
    /// `carrier run --shard I/N|auto`: only this slice of the environments or iterations.
    var shard: ShardSpec?
    /// The iterations this shard runs (set from `--shard` once the data is counted; not a flag of its own).
    var iterationRange: Range<Int>?
    /// `carrier check --strict`: any warning is exit 1.
    var strict = false
    /// `carrier merge-reports`: the report files and directories given.
    var reportPaths: [String] = []

    /// A reporter option for `reporter`: `--reporter-<reporter>-<name>`, else the shared `--reporter-<name>`.
    func reporterOption(_ reporter: String, _ name: String) -> String? {
        reporterOptions["reporter-\(reporter)-\(name)"] ?? reporterOptions["reporter-\(name)"]
    }

    /// Whether a boolean reporter flag such as `--reporter-cli-no-summary` was given.
    func reporterFlag(_ reporter: String, _ name: String) -> Bool {
        guard let value = reporterOption(reporter, name) else { return false }
        return value != "false"
    }

    /// `--reporter-<name>-<option>`, declared or not: boolean ones (`--reporter-cli-no-summary`) take no value.
    private mutating func readReporterOption(_ flag: String, inline: String?, from reader: inout ArgumentReader) throws(CLIError) {
        let name = String(flag.dropFirst(2))
        let booleanSuffixes = ["-silent", "-show-timestamps", "-no-summary", "-no-failures", "-no-assertions",
                               "-no-success-assertions", "-no-console", "-no-banner", "-omit-response-bodies",
                               "-hide-sensitive-data", "-no-redact"]
        if inline == nil, booleanSuffixes.contains(where: { name.hasSuffix($0) }) {
            reporterOptions[name] = "true"
        } else {
            reporterOptions[name] = try reader.value(for: flag, inline: inline)
        }
    }

    /// `carrier fetch --kind` words.
    static let fetchKinds: [(word: String, role: InputRole)] = [
        ("collection", .collection), ("environment", .environment), ("globals", .globals), ("data", .iterationData),
        ("cookie-jar", .cookieJar),
    ]

    /// Parses `carrier run`'s (and `carrier check`'s) arguments, or those of another command whose `table` holds
    /// a subset of run's options (`carrier fetch`).
    static func parse(_ arguments: [String], table: OptionTable<CommandTable.RunOption> = CommandTable.run,
                      command: String = "run",
                      environment: [String: String] = ProcessInfo.processInfo.environment) throws(CLIError) -> RunCommandOptions {
        var options = RunCommandOptions()
        var reader = ArgumentReader(arguments)
        var positional: [String] = []
        while let argument = reader.next() {
            let (flag, inline) = splitInlineValue(argument)
            guard let declared = table.option(named: flag) else {
                if flag.hasPrefix("--reporter-") {
                    try options.readReporterOption(flag, inline: inline, from: &reader)
                } else if flag == "--postman-api-key" {
                    // Newman's flag: refused with the way that keeps the key off the command line.
                    throw CLIError("--postman-api-key: Carrier reads the key from $POSTMAN_API_KEY only (a command line is visible to other users and lands in CI logs); export POSTMAN_API_KEY instead")
                } else if flag.hasPrefix("-") && flag.count > 1 {
                    throw CLIError("unknown option \(flag); run 'carrier \(command) --help' for the list")
                } else {
                    positional.append(argument)
                }
                continue
            }
            switch declared.key {
            case .environment: options.environmentPaths.append(try reader.value(for: flag, inline: inline))
            case .globals: options.globalsPath = try reader.value(for: flag, inline: inline)
            case .iterationData: options.iterationDataPath = try reader.value(for: flag, inline: inline)
            case .iterationCount: options.iterationCount = try reader.integer(for: flag, inline: inline, positive: true)
            case .folder: options.folders.append(try reader.value(for: flag, inline: inline))
            case .envVar:
                let text = try reader.value(for: flag, inline: inline)
                if let equals = text.firstIndex(of: "=") {
                    options.environmentOverrides.append((String(text[..<equals]), String(text[text.index(after: equals)...])))
                } else {
                    guard !text.isEmpty else { throw CLIError("option --env-var needs NAME=VALUE or NAME") }
                    options.environmentOverrides.append((text, nil))
                }
            case .globalVar:
                let text = try reader.value(for: flag, inline: inline)
                guard let equals = text.firstIndex(of: "=") else { throw CLIError("option --global-var needs NAME=VALUE, got '\(text)'") }
                options.globalOverrides.append((String(text[..<equals]), String(text[text.index(after: equals)...])))
            case .workingDir: options.workingDirectory = try reader.value(for: flag, inline: inline)
            case .noInsecureFileRead: options.insecureFileRead = false
            case .insecureFileRead: options.insecureFileRead = true
            case .bail:
                options.bail = true
                if let modifier = reader.peek(), ["failure", "folder"].contains(modifier) {
                    _ = reader.next()
                    options.bailFolder = modifier == "folder"
                } else if let inline {
                    options.bailFolder = inline == "folder"
                }
            case .suppressExitCode: options.suppressExitCode = true
            case .ignoreRedirects: options.ignoreRedirects = true
            case .delayRequest: options.delayRequest = try reader.integer(for: flag, inline: inline)
            case .timeout: options.timeout = try reader.integer(for: flag, inline: inline)
            case .timeoutRequest: options.timeoutRequest = try reader.integer(for: flag, inline: inline)
            case .timeoutScript: options.timeoutScript = try reader.integer(for: flag, inline: inline)
            case .insecure: options.insecure = true
            case .sslClientCert: options.sslClientCert = try reader.value(for: flag, inline: inline)
            case .sslClientKey: options.sslClientKey = try reader.value(for: flag, inline: inline)
            case .sslClientPassphrase: options.sslClientPassphrase = try reader.value(for: flag, inline: inline)
            case .sslExtraCACerts: options.sslExtraCACerts = try reader.value(for: flag, inline: inline)
            case .cookieJar: options.cookieJarPath = try reader.value(for: flag, inline: inline)
            case .exportEnvironment: options.exportEnvironment = try reader.value(for: flag, inline: inline)
            case .exportGlobals: options.exportGlobals = try reader.value(for: flag, inline: inline)
            case .exportCollection: options.exportCollection = try reader.value(for: flag, inline: inline)
            case .exportCookieJar: options.exportCookieJar = try reader.value(for: flag, inline: inline)
            case .exportSecrets: options.exportSecrets = true
            case .maxResponseSize: options.maxResponseSize = try reader.integer(for: flag, inline: inline)
            case .reporters:
                options.reporters = try reader.value(for: flag, inline: inline)
                    .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            case .reporterOption: try options.readReporterOption(flag, inline: inline, from: &reader)
            case .silent: options.silent = true
            case .disableUnicode: options.disableUnicode = true
            case .color:
                let text = try reader.value(for: flag, inline: inline)
                guard let color = Color(rawValue: text) else { throw CLIError("option --color takes on, off or auto, got '\(text)'") }
                options.color = color
            case .noColor: options.color = .off
            case .verbose: options.verbose = true
            case .parallel: options.parallel = try reader.integer(for: flag, inline: inline, positive: true)
            case .postmanAPIURL: options.postmanAPIURL = try PostmanAPI.validateBase(reader.value(for: flag, inline: inline))
            case .fetchTimeout: options.fetchTimeout = try reader.integer(for: flag, inline: inline)
            case .output: options.outputPath = try reader.value(for: flag, inline: inline)
            case .kind:
                let text = try reader.value(for: flag, inline: inline)
                guard let kind = fetchKinds.first(where: { $0.word == text }) else {
                    throw CLIError("option --kind takes \(fetchKinds.map(\.word).joined(separator: ", ")), got '\(text)'")
                }
                options.fetchKind = kind.role
            case .shard: options.shard = try ShardSpec.parse(reader.value(for: flag, inline: inline), environment: environment)
            case .strict: options.strict = true
            }
        }
        if command == "merge-reports" {
            guard !positional.isEmpty else {
                throw CLIError("carrier merge-reports needs the shards' JSON reports: carrier merge-reports REPORT.json|DIR... -r junit,html")
            }
            options.reportPaths = positional
            return options
        }
        guard let collection = positional.first else {
            throw CLIError(command == "fetch"
                ? "carrier fetch needs a source: carrier fetch URL|postman:collection/UID -o FILE"
                : "carrier \(command) needs a collection: carrier \(command) COLLECTION.json|URL|postman:collection/UID [options]")
        }
        guard positional.count == 1 else {
            throw CLIError("unexpected argument '\(positional[1])'; carrier \(command) takes one \(command == "fetch" ? "source" : "collection")")
        }
        options.collectionPath = collection
        return options
    }
}

import Foundation
