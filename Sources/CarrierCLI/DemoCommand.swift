import Foundation
import HTTPServer
import InstallLayout
import SCIMServer

/// `carrier demo`: the SendSafely SCIM smoke test against the embedded SCIM server, then the vendor's HMAC-signed
/// REST request against a local stand-in of the signed API, each on a free port. The CLI report goes to stdout;
/// `reports/junit.xml` + `reports/summary.json` (SCIM) and `reports/rest-signing-junit.xml` +
/// `reports/rest-signing-summary.json` go to disk. Exits 0 only when both runs pass.
enum DemoCommand {
    /// Credentials of the stand-in REST API: demo values, not secrets of any real portal.
    static let demoAPIKey = "carrier-demo-api-key"
    static let demoAPISecret = "carrier-demo-api-secret"

    static func execute(_ arguments: [String], output: OutputStreams) -> Int32 {
        var projectDirectory: String?
        var reader = ArgumentReader(arguments)
        do {
            while let argument = reader.next() {
                let (flag, inline) = splitInlineValue(argument)
                guard let declared = CommandTable.demo.option(named: flag) else {
                    throw CLIError("unknown option \(flag) for demo; options: \(CommandTable.demo.longNames.joined(separator: " ")) DIR")
                }
                switch declared.key {
                case .projectDir: projectDirectory = try reader.value(for: flag, inline: inline)
                }
            }
        } catch let error as CLIError {
            output.error("carrier: \(error.message)")
            return ExitCode.usage
        } catch {
            return ExitCode.usage
        }
        guard let (dataRoot, root) = locateDemoFiles(projectDirectory: projectDirectory, output: output) else {
            return ExitCode.usage
        }
        let scimCollection = dataRoot + "/collections/SendSafely-SCIM.postman_collection.json"
        let signingCollection = dataRoot + "/collections/SendSafely-REST-signing.postman_collection.json"
        let environment = dataRoot + "/environments/local.postman_environment.json"

        let scim: SCIMServer
        let rest = HTTPServer(handler: SendSafelyRESTService(apiKey: demoAPIKey, apiSecret: demoAPISecret))
        do {
            scim = try SCIMServer(config: SCIMServerConfig(username: SCIMServerCommand.defaultUsername,
                                                           password: SCIMServerCommand.defaultPassword))
            try scim.start()
            try rest.start()
        } catch {
            output.error("carrier: demo: cannot start the local servers: \(error)")
            return ExitCode.failure
        }
        defer {
            scim.stop()
            rest.stop()
        }
        output.standardOutput("Embedded SCIM server listening on \(scim.baseURL)\n")
        let scimCode = RunCommand.execute([
            scimCollection, "-e", environment, "--env-var", "baseSCIMUrl=\(scim.baseURL)",
            "-r", "cli,junit,json",
            "--reporter-junit-export", root + "/reports/junit.xml",
            "--reporter-json-export", root + "/reports/summary.json",
        ], output: output)

        output.standardOutput("\nSendSafely REST stand-in listening on \(rest.baseURL) (checks the HMAC signature)\n")
        let signingCode = RunCommand.execute([
            signingCollection,
            "--env-var", "SendSafelyHost=\(rest.baseURL)",
            "--env-var", "SendSafelyAPIKey=\(demoAPIKey)",
            "--env-var", "SendSafelyAPISecret=\(demoAPISecret)",
            "-r", "cli,junit,json",
            "--reporter-junit-export", root + "/reports/rest-signing-junit.xml",
            "--reporter-json-export", root + "/reports/rest-signing-summary.json",
        ], output: output)
        return max(scimCode, signingCode)
    }

    /// Where the demo reads its collections and environment (`dataRoot`) and writes `reports/` (`root`):
    /// `--project-dir`, else the current directory when it is a Carrier checkout, else the installed copies
    /// (`<prefix>/share/carrier`, see `InstallLayout`) with reports in the current directory.
    private static func locateDemoFiles(projectDirectory: String?, output: OutputStreams) -> (dataRoot: String, root: String)? {
        let current = FileManager.default.currentDirectoryPath
        let needed = ["collections/SendSafely-SCIM.postman_collection.json", "collections/SendSafely-REST-signing.postman_collection.json",
                      "environments/local.postman_environment.json"]
        func missing(in directory: String) -> String? {
            needed.map { directory + "/" + $0 }.first { !FileManager.default.fileExists(atPath: $0) }
        }
        if let projectDirectory {
            if let file = missing(in: projectDirectory) {
                output.error("carrier: demo needs \(file) from the Carrier repository; pass a --project-dir that holds collections/ and environments/")
                return nil
            }
            return (projectDirectory, projectDirectory)
        }
        if missing(in: current) == nil { return (current, current) }
        if let installed = InstallLayout.shareDirectory?.path, missing(in: installed) == nil { return (installed, current) }
        output.error("carrier: demo needs \(current)/\(needed[0]) from the Carrier repository; run it from the repository root or pass --project-dir")
        return nil
    }
}
