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
    }

    static let run = OptionTable<RunOption>([
        ("Inputs", [
            .init(.environment, ["-e", "--environment"], value: "FILE|DIR", completion: .fileOrDirectory, repeatable: true,
                  "environment file (repeatable; a directory means its *.json files): the collection runs once per environment"),
            .init(.parallel, ["--parallel"], value: "N", "environments run at once (default min(4, count); 1 = one after another)"),
            .init(.globals, ["-g", "--globals"], value: "FILE", completion: .file, "globals file"),
            .init(.iterationData, ["-d", "--iteration-data"], value: "FILE", completion: .file, "JSON or CSV data, one iteration per row"),
            .init(.iterationCount, ["-n", "--iteration-count"], value: "N", "number of iterations"),
            .init(.folder, ["--folder"], value: "NAME", repeatable: true, "run only this folder or request (repeatable)"),
            .init(.envVar, ["--env-var"], value: "NAME=VALUE", repeatable: true,
                  "set an environment variable (repeatable); NAME alone reads it from the process environment and treats it as a secret"),
            .init(.globalVar, ["--global-var"], value: "NAME=VALUE", repeatable: true, "set a global variable (repeatable)"),
            .init(.workingDir, ["--working-dir"], value: "DIR", completion: .directory, "where relative file paths are read from"),
            .init(.noInsecureFileRead, ["--no-insecure-file-read"], "refuse files outside the working directory"),
            .init(.insecureFileRead, ["--insecure-file-read"], "allow files outside the working directory (the default)"),
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
            .init(.maxResponseSize, ["--max-response-size"], value: "BYTES",
                  "fail a response larger than this (default 268435456; 0: no limit)"),
        ]),
        ("TLS and cookies", [
            .init(.insecure, ["-k", "--insecure"], "do not verify TLS certificates"),
            .init(.sslClientCert, ["--ssl-client-cert"], value: "FILE", completion: .file, "client certificate (PEM)"),
            .init(.sslClientKey, ["--ssl-client-key"], value: "FILE", completion: .file, "client certificate's private key"),
            .init(.sslClientPassphrase, ["--ssl-client-passphrase"], value: "P", "passphrase of the client key"),
            .init(.sslExtraCACerts, ["--ssl-extra-ca-certs"], value: "FILE", completion: .file, "more trusted CA certificates (PEM)"),
            .init(.cookieJar, ["--cookie-jar"], value: "FILE", completion: .file, "cookies to start with (Newman's cookie jar file)"),
        ]),
        ("Exports", [
            .init(.exportEnvironment, ["--export-environment"], value: "PATH", completion: .file, "write the final environment"),
            .init(.exportGlobals, ["--export-globals"], value: "PATH", completion: .file, "write the final globals"),
            .init(.exportCollection, ["--export-collection"], value: "PATH", completion: .file, "write the collection with its final variables"),
            .init(.exportCookieJar, ["--export-cookie-jar"], value: "PATH", completion: .file, "write the cookie jar"),
            .init(.exportSecrets, ["--export-secrets"], "keep secret values in exported files (default: written empty)"),
        ]),
        ("Output", [
            .init(.reporters, ["-r", "--reporters"], value: "LIST", completion: .choices(["cli", "json", "junit", "html"]),
                  "comma-separated reporters: cli, json, junit, html"),
            .init(.reporterOption, ["--reporter-json-export"], value: "PATH", completion: .file, "where the JSON report goes"),
            .init(.reporterOption, ["--reporter-junit-export"], value: "PATH", completion: .file, "where the JUnit XML report goes"),
            .init(.reporterOption, ["--reporter-html-export"], value: "PATH", completion: .file,
                  "where the HTML report goes; with several environments a PATH holding {environment} gives one file each, without it one combined file"),
            .init(.reporterOption, ["--reporter-cli-no-summary"], "CLI: no summary table"),
            .init(.reporterOption, ["--reporter-cli-no-failures"], "CLI: no list of failures"),
            .init(.reporterOption, ["--reporter-cli-no-assertions"], "CLI: no assertion lines"),
            .init(.reporterOption, ["--reporter-cli-no-success-assertions"], "CLI: only failed assertions"),
            .init(.reporterOption, ["--reporter-cli-no-console"], "CLI: no console.log output"),
            .init(.reporterOption, ["--reporter-cli-no-banner"], "CLI: no banner"),
            .init(.silent, ["--silent"], "print nothing"),
            .init(.color, ["--color"], value: "on|off|auto", completion: .choices(["on", "off", "auto"]),
                  "colour (auto: on a terminal unless NO_COLOR is set)"),
            .init(.noColor, ["--no-color"], "the same as --color off"),
            .init(.disableUnicode, ["--disable-unicode"], "ASCII symbols only"),
            .init(.verbose, ["--verbose"], "show each request and response"),
        ]),
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
        Command(name: "run", synopsis: "<collection.json> [options]",
                summary: "run a Postman collection (v2.0/v2.1) headlessly, with its scripts, and report the results",
                argument: .file, groups: run.documented),
        Command(name: "check", synopsis: "<collection.json> [-e FILE|DIR ...] [-d FILE]",
                summary: "send nothing: list unresolved {{variables}} per environment, unsupported auth, missing upload files, scripts that do not parse and unknown require()s; exit 2 when a request would certainly fail (takes run's input options)",
                argument: .file, groups: run.documented),
        Command(name: "demo", synopsis: "[--project-dir DIR]",
                summary: "the SendSafely SCIM smoke test and signed REST request against embedded local servers",
                argument: .none, groups: demo.documented),
        Command(name: "scim-server", synopsis: "[--host H] [--port N] [--username U --password P] [--data FILE] [--fault NAME]",
                summary: "the embedded SCIM 2.0 server, in the foreground until stopped",
                argument: .none, groups: scimServer.documented),
    ]

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
        ("NO_COLOR", "no colour with --color auto"),
        ("CI", "when true, no progress line on stderr"),
    ]
}
