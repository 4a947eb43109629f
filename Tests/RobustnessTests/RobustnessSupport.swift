import CarrierTestSupport
import Foundation
import JSONValue

/// The `carrier` binary run with a deadline: a robustness test must end even when the binary hangs.
struct BoundedRun: Sendable {
    var exitCode: Int32
    /// Killed at the deadline.
    var timedOut: Bool
    /// Ended by a signal (a crash) rather than `exit`.
    var signalled: Bool
    var standardOutput: String
    var standardError: String

    /// Runs `carrier arguments…` in `directory`; kills it after `seconds`.
    static func carrier(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                        seconds: Double = 60) throws -> BoundedRun {
        let process = Process()
        // CARRIER_UNDER_TEST points the suite at another build (e.g. to see what an older binary leaked).
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CARRIER_UNDER_TEST"] ?? CarrierProcess.executablePath)
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
            process.interrupt()
            kill(process.processIdentifier, SIGKILL)
            ended.wait()
        }
        try out.close()
        try err.close()
        return BoundedRun(exitCode: process.terminationStatus, timedOut: timedOut,
                          signalled: process.terminationReason == .uncaughtSignal,
                          standardOutput: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data(), as: UTF8.self),
                          standardError: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(), as: UTF8.self))
    }

    /// Signs of a crash or an internal error leaking to the user.
    var crashMarkers: [String] {
        let markers = ["Fatal error", "Stack dump", "Current stack trace", "Segmentation fault", "Illegal instruction",
                       "Backtrace", "swift_", "0x0000", "precondition", "Thread 0"]
        let all = standardOutput + standardError
        return markers.filter { all.contains($0) }
    }
}

/// Robustness tests build their inputs with the shared fixture builder.
typealias Fixture = CollectionFixture

/// Reads a JSON file written by a run.
func readJSON(_ path: String) throws -> JSONValue {
    try JSONParser.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
}
