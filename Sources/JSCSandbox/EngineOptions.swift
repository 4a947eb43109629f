import Glibc

/// JavaScriptCore engine options, set once before the first context exists: JavaScriptCore reads its `JSC_*`
/// environment variables when it creates its first VM and freezes its options then.
enum EngineOptions {
    /// Turns the FTL tier off. Measured on the bench (docs/performance.md): with FTL, a long run keeps compiling
    /// script and chai functions on the JIT thread and never gives that memory back (about 1.3 KB per script run,
    /// 83 → 94 MB from 2,000 to 10,000 CSV iterations); without it memory stays almost flat and scripts run no
    /// slower. A `JSC_useFTLJIT` the user set still wins (`overwrite` 0). The GLib `jsc_options_set_boolean`
    /// would avoid touching the environment, but it crashes when called before JavaScriptCore is initialised.
    ///
    /// `JSC_forceRAMSize`: JavaScriptCore sizes its heap (how much it allocates between collections) from the
    /// machine's RAM, so on a 24 GB machine a run's heap grew to about 20 MB before it collected. Sized for 256 MB
    /// it collects sooner: peak RSS of 200 iterations with 3 chai `pm.test` 67 → 64 MB, of 5,000 CSV iterations
    /// with every reporter 71 → 65 MB, no slower (docs/performance.md). It is not a limit: a script that needs more
    /// still gets it, the heap grows past it as before.
    static let configured: Void = {
        setenv("JSC_useFTLJIT", "false", 0)
        setenv("JSC_forceRAMSize", String(256 << 20), 0)
    }()
}
