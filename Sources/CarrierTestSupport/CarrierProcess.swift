import Foundation

/// What a run of the built `carrier` binary printed and returned.
package struct ProcessResult: Sendable {
    package var exitCode: Int32
    package var standardOutput: String
    package var standardError: String
}

/// Runs the `carrier` executable built beside the test bundle, as a user would.
package enum CarrierProcess {
    /// `.build/<config>/carrier`, found next to the running test binary.
    package static var executablePath: String {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("carrier").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return FileManager.default.currentDirectoryPath + "/.build/debug/carrier"
    }

    /// Runs `carrier arguments…` in `directory` with extra environment variables; waits for it to end.
    package static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
        try runExecutable(executablePath, arguments, in: directory, environment: environment)
    }

    /// Runs any executable and captures its output (files, so large outputs cannot block a pipe).
    package static func runExecutable(_ path: String, _ arguments: [String], in directory: String? = nil,
                                      environment: [String: String] = [:]) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var merged = ProcessInfo.processInfo.environment
        merged["NO_COLOR"] = "1"
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let scratch = try TemporaryDirectory()
        let outPath = scratch.path + "/stdout", errPath = scratch.path + "/stderr"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return ProcessResult(exitCode: process.terminationStatus,
                             standardOutput: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                             standardError: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}

/// A fresh directory under /tmp, removed when the value is released.
package final class TemporaryDirectory: @unchecked Sendable {
    // Unchecked: immutable after init.
    package let path: String
    package init() throws {
        path = NSTemporaryDirectory() + "carrier-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes a file (text) inside the directory and returns its path.
    @discardableResult
    package func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
    /// Writes raw bytes.
    @discardableResult
    package func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }
}
