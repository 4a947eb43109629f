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
            standardOutput: { text in writeAll(text, to: STDOUT_FILENO) },
            standardError: { text in writeAll(text, to: STDERR_FILENO) },
            isTerminal: isatty(STDOUT_FILENO) == 1, isErrorTerminal: isatty(STDERR_FILENO) == 1)
    }

    func error(_ line: String) { standardError(line + "\n") }

    /// Writes the whole text with `write(2)`, unbuffered like FileHandle (so stdout and stderr keep their order)
    /// but without FileHandle's `Data` copy and locking, which were 4% of a plain run's samples.
    private static func writeAll(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return  // a closed pipe or full disk: FileHandle would have given up too
                }
            }
        }
    }
}
