import RunContracts
import RunnerCore

/// A sandbox started by the first script that runs: a collection without scripts never pays for starting
/// JavaScriptCore and evaluating the bootstrap, the largest part of `carrier run`'s start-up (see
/// docs/performance.md).
final class LazySandbox: ScriptSandbox {
    private let make: () -> ScriptSandbox
    private var started: ScriptSandbox?

    init(_ make: @escaping () -> ScriptSandbox) { self.make = make }

    func run(_ invocation: ScriptInvocation, scopes: inout VariableScopes, host: ScriptHost) -> ScriptOutcome {
        let sandbox = started ?? make()
        started = sandbox
        return sandbox.run(invocation, scopes: &scopes, host: host)
    }
}
