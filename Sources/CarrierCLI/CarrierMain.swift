/// The `carrier` command: dispatches sub-commands and returns the process exit code.
package enum CarrierMain {
    package static func run(_ arguments: [String], output: OutputStreams = .process, engines: PortalEngines = .real) -> Int32 {
        guard let command = arguments.first else {
            output.standardError(usage)
            return ExitCode.usage
        }
        let rest = Array(arguments.dropFirst())
        // `carrier <command> --help`: that command's options only, from the same table.
        if rest.contains("--help") || rest.contains("-h"), let help = HelpText.usage(for: command) {
            output.standardOutput(help)
            return ExitCode.success
        }
        switch command {
        case "run":
            return RunCommand.execute(rest, output: output, engines: engines)
        case "check":
            return CheckCommand.execute(rest, output: output)
        case "merge-reports":
            if rest.contains("--help") || rest.contains("-h") { output.standardOutput(usage); return ExitCode.success }
            return MergeReportsCommand.execute(rest, output: output)
        case "fetch":
            return FetchCommand.execute(rest, output: output)
        case "demo":
            return DemoCommand.execute(rest, output: output)
        case "scim-server":
            return SCIMServerCommand.execute(rest, output: output)
        case "--version", "-v", "version":
            output.standardOutput(CarrierVersion.line + "\n")
            return ExitCode.success
        case "--generate-man":
            // For packagers (`make dist`): the man page from the same table as --help.
            output.standardOutput(ManPage.roff)
            return ExitCode.success
        case "--generate-completion":
            guard rest.count == 1, let script = ShellCompletion.script(for: rest[0]) else {
                output.error("carrier: --generate-completion needs one of: \(ShellCompletion.shells.joined(separator: ", "))")
                return ExitCode.usage
            }
            output.standardOutput(script)
            return ExitCode.success
        case "--help", "-h", "help":
            output.standardOutput(usage)
            return ExitCode.success
        default:
            output.error("carrier: unknown command '\(command)'; commands: run, check, merge-reports, fetch, demo, scim-server, --version")
            return ExitCode.usage
        }
    }

    /// The help text, from the option table (`HelpText`).
    static var usage: String { HelpText.usage }
}
