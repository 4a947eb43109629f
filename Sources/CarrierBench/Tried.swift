/// What was tried for each target, in one line each, printed under a target the run did not meet. The figures
/// behind these lines are in docs/performance.md ("Third round"); keep the two in step.
enum Tried {
    static let versionTime = "JavaScriptCore, libcurl and libcrypto opened on first use (69 -> 6 libraries, 31.6 M -> 3.6 M "
        + "instructions); what is left is the process itself under load"
    static let oneTestTime = "the same lazy loading; the preflight syntax check in one context, not one VM per script; "
        + "module sources compiled without a Swift round trip (279.6 M -> 229.3 M instructions); the rest is "
        + "JavaScriptCore's VM start, the bootstrap (22 files, about 20 ms to evaluate) and chai"
    static let versionMemory = "static Swift runtime (the release build), JavaScriptCore, libcurl, libcrypto and libssl opened on first use"
    static let noScriptsMemory = "the same; libcurl's start-up (OpenSSL init, 3 MB of libcrypto) and 11 MB of the binary's "
        + "own pages are what is left"
    static let oneTestMemory = "the same; JavaScriptCore's own text (17 MB touched, 13 MB of it by VM creation alone) "
        + "dominates; JIT tiers and JSC_ options measured, none below 50 MB"
    static let typicalMemory = "JSC_forceRAMSize=256 MB (heap sized for a small machine, collects sooner): 67 -> 64 MB; "
        + "DFG off saves 7 MB but makes the script 1.5x slower, not taken; a full collection every 25 or 100 script runs "
        + "and MALLOC_ARENA_MAX=1 change nothing (the rest is library text)"
    static let csvMemory = "the same heap sizing (71 -> 65 MB at 5,000 rows); the floor is JavaScriptCore's text and the binary"
    static let perEnvironmentMemory = "met without changes"
    static let scriptCost = "context and outcome cross into and out of JavaScriptCore as bytes, cheaper chai chain words and "
        + "chai-postman checks (-20% instructions, 300 runs of the bench script); chai's typo-catching Proxy is about half of what is left "
        + "(useProxy=false halves the script), and Newman keeps it on, so we do too"
    static let runnerOverhead = "per request 440 K -> 261 K instructions (redaction, URL memo, byte-level header checks, "
        + "curl handle kept when unchanged, one write per event); what is left is mostly libcurl (about 90 K) and start-up"
}
