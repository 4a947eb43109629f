/// `carrier check COLLECTION [-e ENV ...] [-d DATA]` (files, URLs or Postman API resources, fetched as run does): the pre-flight check alone. One line per finding on
/// stdout with the request path and the fix; exit 2 when a finding means a request would certainly fail,
/// 0 otherwise (warnings included), or 1 with `--strict` when there is any warning, so a pipeline can gate on the
/// check before it spends a job on each shard. Takes `carrier run`'s input flags (`-g`, `--env-var`, `--folder`, …).
enum CheckCommand {
    static func execute(_ arguments: [String], output: OutputStreams) -> Int32 {
        do {
            let options = try RunCommandOptions.parse(arguments, table: CommandTable.check, command: "check")
            let (inputs, environments) = try RunInputs.load(options)
            let findings = PreflightCheck(options: options, inputs: inputs, environments: environments).findings()
            for finding in findings { output.standardOutput(finding.line + "\n") }
            let errors = findings.filter { $0.severity == .error }.count
            let warnings = findings.count - errors
            let scope = environments.count > 1 ? " across \(environments.count) environments" : ""
            output.standardOutput(findings.isEmpty
                ? "No problems found\(scope).\n"
                : "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\(scope).\n")
            if errors > 0 { return ExitCode.usage }
            return options.strict && warnings > 0 ? ExitCode.failure : ExitCode.success
        } catch {
            output.error("carrier: \(error.message)")
            return ExitCode.usage
        }
    }
}
