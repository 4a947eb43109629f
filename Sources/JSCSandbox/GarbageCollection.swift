import Glibc
#if canImport(CJavaScriptCore)
import CJavaScriptCore
#else
import JavaScriptCore
#endif

/// A full, synchronous collection every so many script runs.
extension JavaScriptContext {
    /// `JSSynchronousGarbageCollectForDebugging`: exported by libjavascriptcoregtk but only declared in its
    /// private headers (the public `JSGarbageCollect` merely hints). Looked up in the library itself, which the
    /// loader opens with RTLD_LOCAL.
    private typealias FullCollection = @convention(c) (JSContextRef?) -> Void
    #if canImport(CJavaScriptCore)
    private static let fullCollection: FullCollection? = carrier_jsc_symbol("JSSynchronousGarbageCollectForDebugging")
        .map { unsafeBitCast($0, to: FullCollection.self) }
    #else
    private static let fullCollection: FullCollection? = dlsym(nil, "JSSynchronousGarbageCollectForDebugging")
        .map { unsafeBitCast($0, to: FullCollection.self) }
    #endif
    private static let runsBetweenCollections = 1000

    /// Counts a script run and collects after every `runsBetweenCollections`-th.
    func collectGarbageNowAndThen() {
        runsSinceCollection += 1
        guard runsSinceCollection >= JavaScriptContext.runsBetweenCollections else { return }
        runsSinceCollection = 0
        JavaScriptContext.fullCollection?(context)
    }
}
