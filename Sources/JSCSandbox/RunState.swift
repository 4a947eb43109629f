import Foundation
import RunContracts

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
    /// Environment, globals and collection variables this script set to `undefined` (see `settleUndefinedWrites`).
    var undefinedWrites: [(scope: String, key: String)] = []

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

    /// postman-sandbox sends environment, globals and collection-variable changes back as a list of mutations in
    /// JSON, where `set(key, undefined)` arrives as `set(key, null)`: after the script those variables hold null
    /// (`{{key}}` gives "null"), while `pm.variables` (sent whole) keeps undefined (`{{key}}` gives "").
    func settleUndefinedWrites() {
        for write in undefinedWrites {
            VariableBridge.modify(write.scope, in: &scopes) { scope in
                if scope.variable(write.key)?.isUndefined == true { scope.set(write.key, .null) }
            }
        }
        undefinedWrites.removeAll()
    }
}
