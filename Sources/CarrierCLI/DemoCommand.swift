import Foundation
import HTTPServer
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
        let scimCollection = root + "/collections/SendSafely-SCIM.postman_collection.json"
        let signingCollection = root + "/collections/SendSafely-REST-signing.postman_collection.json"
        let environment = root + "/environments/local.postman_environment.json"
        for file in [scimCollection, signingCollection, environment] where !FileManager.default.fileExists(atPath: file) {
            output.error("carrier: demo needs \(file) from the Carrier repository; run it from the repository root or pass --project-dir")
            return ExitCode.usage
        }

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
}
