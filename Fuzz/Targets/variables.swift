// Fuzz target: the {{variable}} resolver. The first line is the template; every further line is `key=value`
// in the environment, so nested and self-referencing names (`a={{a}}`) are reachable.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVariables(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let template = lines.isEmpty ? "" : lines.removeFirst()
    var environment = VariableScope(.environment)
    for line in lines.prefix(64) {
        let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        environment.set(String(parts[0]), .string(parts.count > 1 ? String(parts[1]) : ""))
    }
    let resolver = VariableResolver(scopes: VariableScopes(environment: environment))
    let resolved = resolver.resolve(template)
    _ = resolver.unresolvedNames(in: resolved)
    return 0
}
