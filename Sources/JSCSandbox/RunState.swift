import Foundation
import RunnerCore

/// What the native functions read and write while one script runs: the caller's variables, the host and the
/// clock. Lives from the start of `run` to its end.
final class RunState {
    var scopes: VariableScopes
    let host: ScriptHost
    /// When the script must stop (`--timeout-script`); `nil` = no limit.
    let deadline: Date?
    let timeoutMilliseconds: Int
    /// Set by JavaScriptCore's watchdog callback when it stops the script.
    var timedOut = false

    init(scopes: VariableScopes, host: ScriptHost, timeoutMilliseconds: Int) {
        self.scopes = scopes
        self.host = host
        self.timeoutMilliseconds = timeoutMilliseconds
        deadline = timeoutMilliseconds > 0 ? Date().addingTimeInterval(Double(timeoutMilliseconds) / 1000) : nil
    }

    /// Seconds left before the deadline (`nil` = unlimited; never negative).
    var remainingSeconds: Double? {
        deadline.map { max(0, $0.timeIntervalSinceNow) }
    }
}
