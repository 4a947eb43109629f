import Foundation

/// What a run of the built `carrier` binary printed and returned.
package struct ProcessResult: Sendable {
    package var exitCode: Int32
    package var standardOutput: String
    package var standardError: String
    /// Killed at the deadline.
    package var timedOut = false
    /// Ended by a signal (a crash, or the deadline's kill) rather than `exit`.
    package var signalled = false
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
    /// `CARRIER_UNDER_TEST` points the tests at another build (e.g. to see what an older binary leaked).
    package static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                            seconds: Double = 300) throws -> ProcessResult {
        let binary = ProcessInfo.processInfo.environment["CARRIER_UNDER_TEST"] ?? executablePath
        return try runExecutable(binary, arguments, in: directory, environment: environment, seconds: seconds)
    }

    /// Runs any executable and captures its output (files, so large outputs cannot block a pipe). A process still
    /// running after `seconds` is killed, so a hanging binary fails its test instead of stalling the suite.
    package static func runExecutable(_ path: String, _ arguments: [String], in directory: String? = nil,
                                      environment: [String: String] = [:], seconds: Double = 300) throws -> ProcessResult {
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
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        var timedOut = false
        if ended.wait(timeout: .now() + seconds) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            ended.wait()
        }
        try out.close()
        try err.close()
        // Decoded leniently: a crash may leave invalid UTF-8 behind, and the test should still see the rest.
        func text(_ path: String) -> String {
            String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
        }
        return ProcessResult(exitCode: process.terminationStatus, standardOutput: text(outPath), standardError: text(errPath),
                             timedOut: timedOut, signalled: process.terminationReason == .uncaughtSignal)
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
        _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }
}
