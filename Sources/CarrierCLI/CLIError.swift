/// A usage or input problem: one line on stderr, exit code 2, nothing sent.
package struct CLIError: Error, Sendable, CustomStringConvertible {
    package var message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}

/// Carrier's exit codes (documented in the README).
package enum ExitCode {
    /// Everything passed.
    package static let success: Int32 = 0
    /// A test, script or request failed (or the run stopped on `--timeout`/`--bail folder`).
    package static let failure: Int32 = 1
    /// Bad usage or an input that cannot be read; nothing was sent.
    package static let usage: Int32 = 2
}
