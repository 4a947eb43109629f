import RunnerCore
/// Placeholder until the sandbox lands: runs nothing.
package final class JSCSandbox: ScriptSandbox {
    package init() {}
    package func run(_ invocation: ScriptInvocation, scopes: inout VariableScopes, host: ScriptHost) -> ScriptOutcome {
        ScriptOutcome(request: invocation.request)
    }
}
