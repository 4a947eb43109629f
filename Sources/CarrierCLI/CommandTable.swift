import Reporters

/// Every command and option of `carrier`, declared once. The parsers look flags up here (an option that is not
/// declared is an unknown option), and `--help`, `carrier --generate-man` and `carrier --generate-completion`
/// render the same declarations, so the three cannot drift apart.
enum CommandTable {
    /// `carrier run`'s (and `carrier check`'s) options; `RunCommandOptions.parse` switches over the keys.
    enum RunOption: Sendable, Hashable {
        case environment, parallel, globals, iterationData, iterationCount, folder, envVar, globalVar, workingDir
        case noInsecureFileRead, insecureFileRead
        case bail, suppressExitCode, ignoreRedirects, delayRequest, timeout, timeoutRequest, timeoutScript, maxResponseSize
        case insecure, sslClientCert, sslClientKey, sslClientPassphrase, sslExtraCACerts, cookieJar
        case exportEnvironment, exportGlobals, exportCollection, exportCookieJar, exportSecrets
        /// `--reporter-<name>-<option>`: the declared ones are documented; any other `--reporter-…` parses the same way.
        case reporters, reporterOption, silent, color, noColor, disableUnicode, verbose
        /// Fetching inputs over http(s) and from the Postman API (run, check and fetch).
        case postmanAPIURL, fetchTimeout
        /// `carrier fetch` only.
        case output, kind
        /// `carrier run --shard I/N|auto`.
        case shard
        /// `carrier check --strict`.
        case strict
    }

    // Declarations `carrier run` and `carrier fetch` share: the TLS options and the fetch limits.
    private static let insecure = OptionDeclaration(RunOption.insecure, ["-k", "--insecure"], "do not verify TLS certificates")
    private static let sslClientCert = OptionDeclaration(RunOption.sslClientCert, ["--ssl-client-cert"], value: "FILE",
                                                         completion: .file, "client certificate (PEM)")
    private static let sslClientKey = OptionDeclaration(RunOption.sslClientKey, ["--ssl-client-key"], value: "FILE",
                                                        completion: .file, "client certificate's private key")
    private static let sslClientPassphrase = OptionDeclaration(RunOption.sslClientPassphrase, ["--ssl-client-passphrase"],
                                                               value: "P", "passphrase of the client key")
    private static let sslExtraCACerts = OptionDeclaration(RunOption.sslExtraCACerts, ["--ssl-extra-ca-certs"], value: "FILE",
                                                           completion: .file, "more trusted CA certificates (PEM)")
    private static let maxResponseSize = OptionDeclaration(RunOption.maxResponseSize, ["--max-response-size"], value: "BYTES",
                                                           "fail a response (or a fetched input) larger than this (default 268435456; 0: no limit)")
    private static let postmanAPIURL = OptionDeclaration(RunOption.postmanAPIURL, ["--postman-api-url"], value: "URL",
                                                         "the Postman API's base for postman:<kind>/<uid> sources (default https://api.getpostman.com); the key comes from $POSTMAN_API_KEY and goes only in the X-Api-Key header")
    private static let fetchTimeout = OptionDeclaration(RunOption.fetchTimeout, ["--fetch-timeout"], value: "MS",
                                                        "give up fetching an http(s) or postman: input after this long (default 30000; 0: no limit)")

    private static let shard = OptionDeclaration(RunOption.shard, ["--shard"], value: "I/N|auto",
        "run only the I-th of N balanced slices (beyond Newman): of the environments, sorted by name, when there are several, else of the data file's iterations (numbered as in the whole run); auto reads CI_NODE_INDEX and CI_NODE_TOTAL (GitLab parallel:). Combine the shards' JSON reports with carrier merge-reports")

    // The reporter options run and merge-reports share.
    /// `-r` and one `--reporter-<name>-export` per file reporter, from the registry (run and merge-reports).
    private static let reportOutput: [OptionDeclaration<RunOption>] = [
        .init(.reporters, ["-r", "--reporters"], value: "LIST", completion: .choices(ReporterRegistry.names),
              "comma-separated reporters: " + ReporterRegistry.names.joined(separator: ", ")),
    ] + ReporterRegistry.fileReporters.map { reporter in
        .init(.reporterOption, ["--reporter-\(reporter.name)-export"], value: "PATH", completion: .file,
              "where \(reporter.title) goes; with several environments a PATH holding {environment} gives one file each, without it one combined file")
    } + [
        .init(.reporterOption, ["--reporter-cli-no-summary"], "CLI: no summary table"),
        .init(.reporterOption, ["--reporter-cli-no-failures"], "CLI: no list of failures"),
    ]
    private static let colorOutput: [OptionDeclaration<RunOption>] = [
        .init(.silent, ["--silent"], "print nothing"),
        .init(.color, ["--color"], value: "on|off|auto", completion: .choices(["on", "off", "auto"]),
              "colour (auto: on a terminal unless NO_COLOR is set)"),
        .init(.noColor, ["--no-color"], "the same as --color off"),
        .init(.disableUnicode, ["--disable-unicode"], "ASCII symbols only"),
    ]

    static let run = OptionTable<RunOption>([
        ("Inputs", [
            .init(.environment, ["-e", "--environment"], value: "FILE|DIR|URL", completion: .fileOrDirectory, repeatable: true,
                  "environment file, http(s) URL or postman:environment/<uid> (repeatable; a directory means its *.json files): the collection runs once per environment"),
            .init(.parallel, ["--parallel"], value: "N", "environments run at once (default min(4, count); 1 = one after another)"),
            .init(.globals, ["-g", "--globals"], value: "FILE|URL", completion: .file,
                  "globals file, http(s) URL or postman:globals/<workspace-id>"),
            .init(.iterationData, ["-d", "--iteration-data"], value: "FILE|URL", completion: .file,
                  "JSON or CSV data (a file or an http(s) URL), one iteration per row"),
            .init(.iterationCount, ["-n", "--iteration-count"], value: "N", "number of iterations"),
            .init(.folder, ["--folder"], value: "PATH", repeatable: true,
                  "run only this folder or request (repeatable): its id, its path from the root (\"Users/Create user\"), or its name when only one item has it"),
            .init(.envVar, ["--env-var"], value: "NAME=VALUE", repeatable: true,
                  "set an environment variable (repeatable); NAME alone reads it from the process environment and treats it as a secret"),
            .init(.globalVar, ["--global-var"], value: "NAME=VALUE", repeatable: true, "set a global variable (repeatable)"),
            .init(.workingDir, ["--working-dir"], value: "DIR", completion: .directory, "where relative file paths are read from"),
            .init(.noInsecureFileRead, ["--no-insecure-file-read"], "refuse files outside the working directory"),
            .init(.insecureFileRead, ["--insecure-file-read"], "allow files outside the working directory (the default)"),
            postmanAPIURL,
            fetchTimeout,
        ]),
        ("Run control", [
            .init(.bail, ["--bail"], value: "failure|folder", optionalValue: true, completion: .choices(["failure", "folder"]),
                  "stop after the first failure (folder: skip the rest of the failing folder)"),
            .init(.suppressExitCode, ["-x", "--suppress-exit-code"], "always exit 0"),
            .init(.ignoreRedirects, ["--ignore-redirects"], "do not follow 3xx responses"),
            .init(.delayRequest, ["--delay-request"], value: "MS", "wait this long between requests"),
            .init(.timeout, ["--timeout"], value: "MS", "stop the whole run after this long (0: no limit)"),
            .init(.timeoutRequest, ["--timeout-request"], value: "MS", "fail a request that takes longer (0: no limit)"),
            .init(.timeoutScript, ["--timeout-script"], value: "MS", "fail a script that runs longer (0: no limit)"),
            maxResponseSize,
            shard,
        ]),
        ("TLS and cookies", [
            insecure, sslClientCert, sslClientKey, sslClientPassphrase, sslExtraCACerts,
            .init(.cookieJar, ["--cookie-jar"], value: "FILE|URL", completion: .file,
                  "cookies to start with (Newman's cookie jar file, or an http(s) URL serving one)"),
        ]),
        ("Exports", [
            .init(.exportEnvironment, ["--export-environment"], value: "PATH", completion: .file, "write the final environment"),
            .init(.exportGlobals, ["--export-globals"], value: "PATH", completion: .file, "write the final globals"),
            .init(.exportCollection, ["--export-collection"], value: "PATH", completion: .file, "write the collection with its final variables"),
            .init(.exportCookieJar, ["--export-cookie-jar"], value: "PATH", completion: .file, "write the cookie jar"),
            .init(.exportSecrets, ["--export-secrets"], "keep secret values in exported files (default: written empty)"),
        ]),
        ("Output", [
        ] + reportOutput + [
            .init(.reporterOption, ["--reporter-cli-no-assertions"], "CLI: no assertion lines"),
            .init(.reporterOption, ["--reporter-cli-no-success-assertions"], "CLI: only failed assertions"),
            .init(.reporterOption, ["--reporter-cli-no-console"], "CLI: no console.log output"),
            .init(.reporterOption, ["--reporter-cli-no-banner"], "CLI: no banner"),
        ] + colorOutput + [
            .init(.verbose, ["--verbose"], "show each request and response"),
        ]),
    ])

    /// `carrier check`'s options: run's, without `--shard` (a check looks at everything), and `--strict`.
    static let check = OptionTable<RunOption>(
        run.groups.map { group in (group.title, group.options.filter { $0.key != .shard }) } + [
            ("Check", [.init(.strict, ["--strict"],
                             "exit 1 when there is any warning (an unresolved {{variable}} anywhere in a request, an unsupported auth type, an unknown require()), so a pipeline can gate on the check")]),
        ])

    /// `carrier merge-reports`' options: which reports to write from the shards' JSON reports, and where.
    static let mergeReports = OptionTable<RunOption>([
        ("Merge", reportOutput + colorOutput),
    ])

    /// `carrier fetch`'s options: where to write, what the source is, and how to fetch (run's TLS options).
    static let fetch = OptionTable<RunOption>([
        ("Fetch", [
            .init(.output, ["-o", "--output"], value: "FILE", completion: .file,
                  "where to write what was fetched (atomically; required)"),
            .init(.kind, ["--kind"], value: "KIND", completion: .choices(RunCommandOptions.fetchKinds.map(\.word)),
                  "what an http(s) source is: collection (the default), environment, globals, data or cookie-jar; a postman: source says it itself"),
            postmanAPIURL, fetchTimeout, maxResponseSize,
        ]),
        ("TLS", [insecure, sslClientCert, sslClientKey, sslClientPassphrase, sslExtraCACerts]),
    ])

    /// `carrier demo`'s one option.
    enum DemoOption: Sendable, Hashable { case projectDir }

    static let demo = OptionTable<DemoOption>([
        ("Demo", [
            .init(.projectDir, ["--project-dir"], value: "DIR", completion: .directory,
                  "read collections/ and environments/ from DIR and write reports/ there (default: the current directory when it holds them, else the installed copies, with reports/ in the current directory)"),
        ]),
    ])

    /// `carrier scim-server`'s options; `SCIMServerCommand.parse` switches over them.
    enum SCIMServerOption: Sendable, Hashable { case host, port, username, password, data, basePath, fault }

    static let scimServer = OptionTable<SCIMServerOption>([
        ("SCIM server", [
            .init(.host, ["--host"], value: "H", "address to listen on (default 127.0.0.1)"),
            .init(.port, ["--port"], value: "N", "port (default: a free one, printed on start)"),
            .init(.username, ["--username"], value: "U", "Basic auth user (default carrier-demo)"),
            .init(.password, ["--password"], value: "P",
                  "Basic auth password (default: $CARRIER_SCIM_PASSWORD, else carrier-demo-password)"),
            .init(.data, ["--data"], value: "FILE", completion: .file, "keep users in this JSON file across restarts"),
            .init(.basePath, ["--base-path"], value: "PATH", "URL path the SCIM endpoints live under (default /scim/v2)"),
            .init(.fault, ["--fault"], value: "NAME", completion: .choices(SCIMServerCommand.faultNames),
                  "break on purpose (repeatable): \(SCIMServerCommand.faultNames.joined(separator: ", "))"),
        ]),
    ])

    /// A sub-command as the renderers show it.
    struct Command: Sendable {
        let name: String
        /// After `carrier <name>`, e.g. `<collection.json> [options]`.
        let synopsis: String
        let summary: String
        /// What the positional argument completes to (none when the command takes no argument).
        let argument: ValueCompletion
        let groups: [(title: String, options: [DocumentedOption])]
    }

    static let commands: [Command] = [
        Command(name: "run", synopsis: "<collection.json|URL|postman:collection/UID> [options]",
                summary: "run a Postman collection (v2.0/v2.1) headlessly, with its scripts, and report the results; every input may be a file, an http(s) URL or (collection, -e, -g) a Postman API resource, fetched before anything is sent",
                argument: .file, groups: run.documented),
        Command(name: "check", synopsis: "<collection.json|URL|postman:collection/UID> [-e FILE|DIR|URL ...] [-d FILE|URL] [--strict]",
                summary: "send nothing: list unresolved {{variables}} per environment, unsupported auth, missing upload files, scripts that do not parse and unknown require()s; exit 2 when a request would certainly fail, 1 with --strict when there is any warning (takes run's input options)",
                argument: .file, groups: check.documented),
        Command(name: "merge-reports", synopsis: "<report.json|DIR>... [-r cli,junit,json,html] [--reporter-<name>-export PATH]",
                summary: "read the JSON reports of `carrier run --shard I/N` jobs (files, or directories searched for *.json) and write the reports one unsharded run would have written: the same counts, environments, JUnit layout and HTML page; exit 1 when any shard failed, 2 for reports of different collections or missing or duplicated shards",
                argument: .fileOrDirectory, groups: mergeReports.documented),
        Command(name: "fetch", synopsis: "<URL|postman:collection/UID|postman:environment/UID> -o FILE [options]",
                summary: "fetch one input as run would, check that it is what it claims to be, and write it as received, so a pipeline can pin the version it ran",
                argument: .none, groups: fetch.documented),
        Command(name: "demo", synopsis: "[--project-dir DIR]",
                summary: "the SendSafely SCIM smoke test and signed REST request against embedded local servers",
                argument: .none, groups: demo.documented),
        Command(name: "scim-server", synopsis: "[--host H] [--port N] [--username U --password P] [--data FILE] [--fault NAME]",
                summary: "the embedded SCIM 2.0 server, in the foreground until stopped",
                argument: .none, groups: scimServer.documented),
    ]

    /// What `--help` and the man page list under a command: check takes run's options (listed once, under run,
    /// `--shard` aside), so under check only its own.
    static func listedGroups(_ command: Command) -> [(title: String, options: [DocumentedOption])] {
        guard command.name == "check" else { return command.groups }
        let runOptions = run.documented.flatMap(\.options)
        return command.groups.map { group in (group.title, group.options.filter { !runOptions.contains($0) }) }
            .filter { !$0.options.isEmpty }
    }

    /// The heading of a command's options in `--help` and the man page.
    static func optionsHeading(_ command: Command) -> String {
        switch command.name {
        case "run": "Options of run and check"
        case "check": "Options of check only"
        default: "Options of \(command.name)"
        }
    }

    /// Top-level flags (no sub-command).
    static let globalFlags: [DocumentedOption] = [
        DocumentedOption(names: ["-h", "--help"], value: nil, optionalValue: false, completion: .none, repeatable: false,
                         help: "this help"),
        DocumentedOption(names: ["-v", "--version"], value: nil, optionalValue: false, completion: .none, repeatable: false,
                         help: "the version and the git commit it was built from"),
    ]

    static let exitCodes: [(code: Int32, meaning: String)] = [
        (ExitCode.success, "all passed"),
        (ExitCode.failure, "a test, script or request failed"),
        (ExitCode.usage, "bad usage or unreadable input; nothing was sent"),
    ]

    /// Environment variables Carrier reads, for the man page.
    static let environment: [(name: String, meaning: String)] = [
        ("CARRIER_JS_LIBRARY_PATH", "colon-separated directories searched for the script libraries (lodash, chai, moment, ...) before Debian's /usr/share/nodejs and /usr/share/javascript"),
        ("CARRIER_SCIM_PASSWORD", "the embedded SCIM server's default password"),
        ("POSTMAN_API_KEY", "the Postman API key for postman:collection/<uid> (and environment, globals) sources and Newman's api.getpostman.com URLs; sent only as the X-Api-Key header, masked in every output"),
        ("HTTP_PROXY, HTTPS_PROXY, NO_PROXY", "proxies for the requests and for fetching inputs (either case)"),
        ("CI_NODE_INDEX, CI_NODE_TOTAL", "the shard (1-based) and the number of shards for --shard auto (GitLab's parallel:)"),
        ("NO_COLOR", "no colour with --color auto"),
        ("CI", "when true, no progress line on stderr"),
    ]
}
