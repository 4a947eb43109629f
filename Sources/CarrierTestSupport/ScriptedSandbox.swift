import JSONValue
import RunContracts
import RunnerCore

/// A sandbox double: records every invocation and lets the test decide each outcome (by script source).
package final class ScriptedSandbox: ScriptSandbox {
    package private(set) var invocations: [ScriptInvocation] = []
    private let behaviour: (ScriptInvocation, inout VariableScopes) -> ScriptOutcome

    package init(_ behaviour: @escaping (ScriptInvocation, inout VariableScopes) -> ScriptOutcome = { invocation, _ in
        ScriptOutcome(request: invocation.request)
    }) {
        self.behaviour = behaviour
    }

    package func run(_ invocation: ScriptInvocation, scopes: inout VariableScopes, host: ScriptHost) -> ScriptOutcome {
        invocations.append(invocation)
        return behaviour(invocation, &scopes)
    }

    /// `phase:source` of each script run, in order.
    package var trace: [String] { invocations.map { "\($0.info.phase.rawValue):\($0.source)" } }
}
