import Foundation
import SCIMServer

/// `carrier demo`: the SendSafely SCIM smoke test against the embedded SCIM server on a free port, with the CLI
/// report on stdout and `reports/junit.xml` + `reports/summary.json` on disk. Exits with the run's code.
enum DemoCommand {
    static func execute(_ arguments: [String], output: OutputStreams) -> Int32 {
        var root = FileManager.default.currentDirectoryPath
        var reader = ArgumentReader(arguments)
        do {
            while let argument = reader.next() {
                let (flag, inline) = splitInlineValue(argument)
                guard flag == "--project-dir" else { throw CLIError("unknown option \(flag) for demo; options: --project-dir DIR") }
                root = try reader.value(for: flag, inline: inline)
            }
        } catch let error as CLIError {
            output.error("carrier: \(error.message)")
            return ExitCode.usage
        } catch {
            return ExitCode.usage
        }
        let collection = root + "/collections/SendSafely-SCIM.postman_collection.json"
        let environment = root + "/environments/local.postman_environment.json"
        guard FileManager.default.fileExists(atPath: collection), FileManager.default.fileExists(atPath: environment) else {
            output.error("carrier: demo needs collections/ and environments/ from the Carrier repository; run it from the repository root or pass --project-dir")
            return ExitCode.usage
        }
        let server: SCIMServer
        do {
            server = try SCIMServer(config: SCIMServerConfig(username: SCIMServerCommand.defaultUsername,
                                                             password: SCIMServerCommand.defaultPassword))
            try server.start()
        } catch {
            output.error("carrier: demo: cannot start the embedded SCIM server: \(error)")
            return ExitCode.failure
        }
        defer { server.stop() }
        output.standardOutput("Embedded SCIM server listening on \(server.baseURL)\n")
        return RunCommand.execute([
            collection, "-e", environment, "--env-var", "baseSCIMUrl=\(server.baseURL)",
            "-r", "cli,junit,json",
            "--reporter-junit-export", root + "/reports/junit.xml",
            "--reporter-json-export", root + "/reports/summary.json",
        ], output: output)
    }
}
