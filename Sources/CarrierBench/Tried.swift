/// What was tried for each target, in one line each, printed under a target the run did not meet. The figures
/// behind these lines are in docs/performance.md; keep the two in step.
enum Tried {
    static let versionTime = "see docs/performance.md, cold start"
    static let oneTestTime = "see docs/performance.md, cold start"
    static let versionMemory = "see docs/performance.md, memory"
    static let noScriptsMemory = "see docs/performance.md, memory"
    static let oneTestMemory = "see docs/performance.md, memory"
    static let typicalMemory = "see docs/performance.md, memory"
    static let csvMemory = "see docs/performance.md, memory"
    static let perEnvironmentMemory = "see docs/performance.md, memory"
    static let scriptCost = "see docs/performance.md, script cost"
    static let runnerOverhead = "see docs/performance.md, runner overhead"
}
