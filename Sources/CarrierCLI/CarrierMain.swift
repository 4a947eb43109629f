/// The `carrier` command: dispatches sub-commands and returns the process exit code.
package enum CarrierMain {
    package static func run(_ arguments: [String], output: OutputStreams = .process, engines: PortalEngines = .real) -> Int32 {
        guard let command = arguments.first else {
            output.standardError(usage)
            return ExitCode.usage
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "run":
            if rest.contains("--help") || rest.contains("-h") { output.standardOutput(usage); return ExitCode.success }
            return RunCommand.execute(rest, output: output, engines: engines)
        case "check":
            if rest.contains("--help") || rest.contains("-h") { output.standardOutput(usage); return ExitCode.success }
            return CheckCommand.execute(rest, output: output)
        case "demo":
            return DemoCommand.execute(rest, output: output)
        case "scim-server":
            return SCIMServerCommand.execute(rest, output: output)
        case "--version", "-v", "version":
            output.standardOutput(CarrierVersion.current + "\n")
            return ExitCode.success
        case "--help", "-h", "help":
            output.standardOutput(usage)
            return ExitCode.success
        default:
            output.error("carrier: unknown command '\(command)'; commands: run, check, demo, scim-server, --version")
            return ExitCode.usage
        }
    }

    static let usage = """
    Usage: carrier run <collection.json> [options]
           carrier check <collection.json> [-e FILE|DIR ...] [-d FILE]
           carrier demo [--project-dir DIR]
           carrier scim-server [--host H] [--port N] [--username U --password P] [--data FILE] [--fault NAME]

    Runs a Postman collection (v2.0/v2.1) headlessly, with its scripts, and reports the results.
    `check` sends nothing: it lists unresolved {{variables}} per environment, unsupported auth, missing upload
    files, scripts that do not parse and unknown require()s; exit 2 when a request would certainly fail.

    Inputs:
      -e, --environment FILE|DIR    environment file (repeatable; a directory means its *.json files): the
                                    collection runs once per environment
      --parallel N                  environments run at once (default min(4, count); 1 = one after another)
      -g, --globals FILE            globals file
      -d, --iteration-data FILE     JSON or CSV data, one iteration per row
      -n, --iteration-count N       number of iterations
      --folder NAME                 run only this folder or request (repeatable)
      --env-var NAME=VALUE          set an environment variable (repeatable); NAME alone reads it from the
                                    process environment and treats it as a secret
      --global-var NAME=VALUE       set a global variable (repeatable)
      --working-dir DIR             where relative file paths are read from
      --no-insecure-file-read       refuse files outside the working directory
    Run control:
      --bail [failure|folder]       stop after the first failure
      -x, --suppress-exit-code      always exit 0
      --ignore-redirects            do not follow 3xx responses
      --delay-request MS, --timeout MS, --timeout-request MS, --timeout-script MS
      --max-response-size BYTES     fail a response larger than this
    TLS and cookies:
      -k, --insecure, --ssl-client-cert FILE, --ssl-client-key FILE, --ssl-client-passphrase P,
      --ssl-extra-ca-certs FILE, --cookie-jar FILE
    Exports:
      --export-environment PATH, --export-globals PATH, --export-collection PATH, --export-cookie-jar PATH,
      --export-secrets              keep secret values in exported files (default: written empty)
    Output:
      -r, --reporters cli,json,junit,html
      --reporter-json-export PATH, --reporter-junit-export PATH, --reporter-html-export PATH
                                    with several environments a PATH holding {environment} gives one file each;
                                    without it, one combined file
      --reporter-cli-no-summary, -no-failures, -no-assertions, -no-success-assertions, -no-console, -no-banner
      --silent, --color on|off|auto, --disable-unicode, --verbose

    Exit codes: 0 all passed, 1 a test, script or request failed, 2 bad usage or unreadable input.

    """
}
