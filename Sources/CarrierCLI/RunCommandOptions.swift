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
    var maxResponseSize = 0
    var reporters: [String] = ["cli"]
    /// `--reporter-<name>-<option>` and `--reporter-<option>` values, by full flag name without the dashes.
    var reporterOptions: [String: String] = [:]
    var silent = false
    var disableUnicode = false
    var color = Color.auto
    var verbose = false
    /// `--parallel N`: environments run at once (default min(4, count); 1 runs them one after another).
    var parallel: Int?

    /// A reporter option for `reporter`: `--reporter-<reporter>-<name>`, else the shared `--reporter-<name>`.
    func reporterOption(_ reporter: String, _ name: String) -> String? {
        reporterOptions["reporter-\(reporter)-\(name)"] ?? reporterOptions["reporter-\(name)"]
    }

    /// Whether a boolean reporter flag such as `--reporter-cli-no-summary` was given.
    func reporterFlag(_ reporter: String, _ name: String) -> Bool {
        guard let value = reporterOption(reporter, name) else { return false }
        return value != "false"
    }

    static func parse(_ arguments: [String]) throws(CLIError) -> RunCommandOptions {
        var options = RunCommandOptions()
        var reader = ArgumentReader(arguments)
        var positional: [String] = []
        while let argument = reader.next() {
            let (flag, inline) = splitInlineValue(argument)
            switch flag {
            case "-e", "--environment": options.environmentPaths.append(try reader.value(for: flag, inline: inline))
            case "-g", "--globals": options.globalsPath = try reader.value(for: flag, inline: inline)
            case "-d", "--iteration-data": options.iterationDataPath = try reader.value(for: flag, inline: inline)
            case "-n", "--iteration-count": options.iterationCount = try reader.integer(for: flag, inline: inline, positive: true)
            case "--folder": options.folders.append(try reader.value(for: flag, inline: inline))
            case "--env-var":
                let text = try reader.value(for: flag, inline: inline)
                if let equals = text.firstIndex(of: "=") {
                    options.environmentOverrides.append((String(text[..<equals]), String(text[text.index(after: equals)...])))
                } else {
                    guard !text.isEmpty else { throw CLIError("option --env-var needs NAME=VALUE or NAME") }
                    options.environmentOverrides.append((text, nil))
                }
            case "--global-var":
                let text = try reader.value(for: flag, inline: inline)
                guard let equals = text.firstIndex(of: "=") else { throw CLIError("option --global-var needs NAME=VALUE, got '\(text)'") }
                options.globalOverrides.append((String(text[..<equals]), String(text[text.index(after: equals)...])))
            case "--working-dir": options.workingDirectory = try reader.value(for: flag, inline: inline)
            case "--no-insecure-file-read": options.insecureFileRead = false
            case "--insecure-file-read": options.insecureFileRead = true
            case "--bail":
                options.bail = true
                if let modifier = reader.peek(), ["failure", "folder"].contains(modifier) {
                    _ = reader.next()
                    options.bailFolder = modifier == "folder"
                } else if let inline {
                    options.bailFolder = inline == "folder"
                }
            case "-x", "--suppress-exit-code": options.suppressExitCode = true
            case "--ignore-redirects": options.ignoreRedirects = true
            case "--delay-request": options.delayRequest = try reader.integer(for: flag, inline: inline)
            case "--timeout": options.timeout = try reader.integer(for: flag, inline: inline)
            case "--timeout-request": options.timeoutRequest = try reader.integer(for: flag, inline: inline)
            case "--timeout-script": options.timeoutScript = try reader.integer(for: flag, inline: inline)
            case "-k", "--insecure": options.insecure = true
            case "--ssl-client-cert": options.sslClientCert = try reader.value(for: flag, inline: inline)
            case "--ssl-client-key": options.sslClientKey = try reader.value(for: flag, inline: inline)
            case "--ssl-client-passphrase": options.sslClientPassphrase = try reader.value(for: flag, inline: inline)
            case "--ssl-extra-ca-certs": options.sslExtraCACerts = try reader.value(for: flag, inline: inline)
            case "--cookie-jar": options.cookieJarPath = try reader.value(for: flag, inline: inline)
            case "--export-environment": options.exportEnvironment = try reader.value(for: flag, inline: inline)
            case "--export-globals": options.exportGlobals = try reader.value(for: flag, inline: inline)
            case "--export-collection": options.exportCollection = try reader.value(for: flag, inline: inline)
            case "--export-cookie-jar": options.exportCookieJar = try reader.value(for: flag, inline: inline)
            case "--export-secrets": options.exportSecrets = true
            case "--max-response-size": options.maxResponseSize = try reader.integer(for: flag, inline: inline)
            case "-r", "--reporters":
                options.reporters = try reader.value(for: flag, inline: inline)
                    .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            case "--silent": options.silent = true
            case "--disable-unicode": options.disableUnicode = true
            case "--color":
                let text = try reader.value(for: flag, inline: inline)
                guard let color = Color(rawValue: text) else { throw CLIError("option --color takes on, off or auto, got '\(text)'") }
                options.color = color
            case "--no-color": options.color = .off
            case "--verbose": options.verbose = true
            case "--parallel": options.parallel = try reader.integer(for: flag, inline: inline, positive: true)
            default:
                if flag.hasPrefix("--reporter-") {
                    let name = String(flag.dropFirst(2))
                    // Boolean reporter flags (`--reporter-cli-no-summary`) take no value; the others take one.
                    let booleanSuffixes = ["-silent", "-show-timestamps", "-no-summary", "-no-failures", "-no-assertions",
                                           "-no-success-assertions", "-no-console", "-no-banner", "-omit-response-bodies",
                                           "-hide-sensitive-data", "-no-redact"]
                    if inline == nil, booleanSuffixes.contains(where: { name.hasSuffix($0) }) {
                        options.reporterOptions[name] = "true"
                    } else {
                        options.reporterOptions[name] = try reader.value(for: flag, inline: inline)
                    }
                } else if flag.hasPrefix("-") && flag.count > 1 {
                    throw CLIError("unknown option \(flag); run 'carrier run --help' for the list")
                } else {
                    positional.append(argument)
                }
            }
        }
        guard let collection = positional.first else {
            throw CLIError("carrier run needs a collection file: carrier run COLLECTION.json [options]")
        }
        guard positional.count == 1 else {
            throw CLIError("unexpected argument '\(positional[1])'; carrier run takes one collection")
        }
        options.collectionPath = collection
        return options
    }
}

import Foundation
