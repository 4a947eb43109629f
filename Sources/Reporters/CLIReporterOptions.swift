/// How the CLI reporter prints; mirrors Newman's `--reporter-cli-*` flags plus the global output flags.
package struct CLIReporterOptions: Sendable, Equatable {
    /// Print nothing at all (`--reporter-cli-silent`, `--silent`).
    package var silent = false
    /// Leave out the summary table (`--reporter-cli-no-summary`).
    package var noSummary = false
    /// Leave out the numbered failure list (`--reporter-cli-no-failures`).
    package var noFailures = false
    /// Leave out every assertion line (`--reporter-cli-no-assertions`).
    package var noAssertions = false
    /// Leave out passing (and skipped) assertion lines (`--reporter-cli-no-success-assertions`).
    package var noSuccessAssertions = false
    /// Leave out script console output (`--reporter-cli-no-console`).
    package var noConsole = false
    /// Leave out the `carrier` banner (`--reporter-cli-no-banner`).
    package var noBanner = false
    /// Prefix request lines with the time they completed (`--reporter-cli-show-timestamps`).
    package var showTimestamps = false
    /// ANSI colours; `--color auto|on|off` is resolved by the caller (TTY check) before it gets here.
    package var color = false
    /// Plain-text symbols instead of Unicode (`--disable-unicode`).
    package var disableUnicode = false
    /// Request and response headers, timing phases and DNS/first-byte averages (`--verbose`).
    package var verbose = false

    /// All switches off by default: Newman's full output without colour.
    package init(silent: Bool = false, noSummary: Bool = false, noFailures: Bool = false, noAssertions: Bool = false,
                 noSuccessAssertions: Bool = false, noConsole: Bool = false, noBanner: Bool = false,
                 showTimestamps: Bool = false, color: Bool = false, disableUnicode: Bool = false, verbose: Bool = false) {
        self.silent = silent
        self.noSummary = noSummary
        self.noFailures = noFailures
        self.noAssertions = noAssertions
        self.noSuccessAssertions = noSuccessAssertions
        self.noConsole = noConsole
        self.noBanner = noBanner
        self.showTimestamps = showTimestamps
        self.color = color
        self.disableUnicode = disableUnicode
        self.verbose = verbose
    }
}
