import Foundation

/// Where the CLI writes: stdout for reports, stderr for errors and warnings. Injectable for tests.
package struct OutputStreams: Sendable {
    package var standardOutput: @Sendable (String) -> Void
    package var standardError: @Sendable (String) -> Void
    /// Whether stdout is a terminal (colours and live progress only then).
    package var isTerminal: Bool
    /// Whether stderr is a terminal (the live progress line needs both).
    package var isErrorTerminal: Bool

    package init(standardOutput: @escaping @Sendable (String) -> Void, standardError: @escaping @Sendable (String) -> Void,
                 isTerminal: Bool, isErrorTerminal: Bool = false) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.isTerminal = isTerminal
        self.isErrorTerminal = isErrorTerminal
    }

    /// The process's own streams.
    package static var process: OutputStreams {
        OutputStreams(
            standardOutput: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            standardError: { text in FileHandle.standardError.write(Data(text.utf8)) },
            isTerminal: isatty(STDOUT_FILENO) == 1, isErrorTerminal: isatty(STDERR_FILENO) == 1)
    }

    func error(_ line: String) { standardError(line + "\n") }
}
