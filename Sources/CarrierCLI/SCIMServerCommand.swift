import Foundation
import SCIMServer

/// `carrier scim-server [--host H] [--port N] [--username U --password P] [--data FILE] [--fault NAME]`:
/// the embedded SCIM 2.0 server, in the foreground until stopped.
enum SCIMServerCommand {
    static let defaultUsername = "carrier-demo"
    static let defaultPassword = "carrier-demo-password"
    /// The `--fault` names, sorted (for the error message, `--help` and completion).
    static let faultNames = SCIMFaults.byName.keys.sorted()

    static func parse(_ arguments: [String]) throws(CLIError) -> SCIMServerConfig {
        var config = SCIMServerConfig(username: defaultUsername,
                                      password: ProcessInfo.processInfo.environment["CARRIER_SCIM_PASSWORD"] ?? defaultPassword)
        var reader = ArgumentReader(arguments)
        while let argument = reader.next() {
            let (flag, inline) = splitInlineValue(argument)
            guard let declared = CommandTable.scimServer.option(named: flag) else {
                throw CLIError("unknown option \(flag) for scim-server; options: \(CommandTable.scimServer.longNames.joined(separator: " "))")
            }
            switch declared.key {
            case .host: config.host = try reader.value(for: flag, inline: inline)
            case .port:
                let port = try reader.integer(for: flag, inline: inline)
                guard port <= 65535 else { throw CLIError("option --port needs a number from 0 to 65535, got \(port)") }
                config.port = UInt16(port)
            case .username: config.username = try reader.value(for: flag, inline: inline)
            case .password: config.password = try reader.value(for: flag, inline: inline)
            case .data: config.dataFile = try reader.value(for: flag, inline: inline)
            case .basePath: config.basePath = try reader.value(for: flag, inline: inline)
            case .fault:
                let name = try reader.value(for: flag, inline: inline)
                guard let fault = SCIMFaults.byName[name] else {
                    throw CLIError("unknown --fault '\(name)'; known: \(faultNames.joined(separator: ", "))")
                }
                config.faults.insert(fault)
            }
        }
        return config
    }

    static func execute(_ arguments: [String], output: OutputStreams) -> Int32 {
        do {
            let config = try parse(arguments)
            try SCIMServer.runForever(config: config, announce: { output.standardOutput($0 + "\n") })
        } catch let error as CLIError {
            output.error("carrier: \(error.message)")
            return ExitCode.usage
        } catch {
            output.error("carrier: scim-server: \(error)")
            return ExitCode.usage
        }
    }
}
