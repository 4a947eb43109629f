/// How a run goes: iterations, flow control, limits. Built by the CLI from Newman's flags.
package struct RunOptions: Sendable {
    /// `-n`; `nil` = one per data row (at least one).
    package var iterationCount: Int?
    /// Only these (0-based) iterations, a `--shard` of the data rows; cursors keep the whole run's numbers and
    /// count, so iteration 500 is iteration 500 in the shard's reports too. `nil` = every iteration.
    package var iterationRange: Range<Int>?
    /// `--bail`: stop gracefully after the first item with a failure.
    package var bail = false
    /// `--delay-request` in ms, before every item including the first.
    package var delayRequestMilliseconds = 0
    /// `--timeout` in ms for the whole run; 0 = none.
    package var runTimeoutMilliseconds = 0
    /// `--timeout-script` in ms; 0 = none.
    package var scriptTimeoutMilliseconds = 0
    /// How requests are built (working dir, CLI transport options).
    package var buildSettings: RequestBuildSettings
    package init(buildSettings: RequestBuildSettings) { self.buildSettings = buildSettings }
}

/// Wall-clock time and waiting, injectable so runner tests need not sleep.
package protocol RunClock: Sendable {
    /// Milliseconds since 1970.
    func now() -> Double
    /// Waits this many milliseconds.
    func sleep(milliseconds: Int)
}
