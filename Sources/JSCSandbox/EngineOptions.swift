import Glibc

/// JavaScriptCore engine options, set once before the first context exists: JavaScriptCore reads its `JSC_*`
/// environment variables when it creates its first VM and freezes its options then.
enum EngineOptions {
    /// Turns the FTL tier off. Measured on the bench (docs/performance.md): with FTL, a long run keeps compiling
    /// script and chai functions on the JIT thread and never gives that memory back (about 1.3 KB per script run,
    /// 83 → 94 MB from 2,000 to 10,000 CSV iterations); without it memory stays almost flat and scripts run no
    /// slower. A `JSC_useFTLJIT` the user set still wins (`overwrite` 0). The GLib `jsc_options_set_boolean`
    /// would avoid touching the environment, but it crashes when called before JavaScriptCore is initialised.
    static let configured: Void = {
        setenv("JSC_useFTLJIT", "false", 0)
    }()
}
