import CarrierTestSupport
import Foundation
import JSONValue

/// The `carrier` binary run with a deadline: a robustness test must end even when the binary hangs.
typealias BoundedRun = ProcessResult

extension ProcessResult {
    /// Runs `carrier arguments…` in `directory`; kills it after `seconds`.
    static func carrier(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                        seconds: Double = 60) throws -> ProcessResult {
        try CarrierProcess.run(arguments, in: directory, environment: environment, seconds: seconds)
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
