import Foundation
import RunContracts
import RunnerCore

/// The live progress line on stderr (`iteration 2/10 · 34 requests · 1 failed · 12.3s`), redrawn in place with
/// `\r` while a run is long (after the first second), and only when a person is watching: stdout and stderr are
/// terminals, `CI` is not `true`, and `--silent` is off. Lines for stdout pass through `print`, which clears the
/// progress line first and redraws it after, so the two never tangle on the screen.
final class TerminalProgress: @unchecked Sendable {
    // Unchecked: every mutable field is read and written holding `lock`.
    private let lock = NSLock()
    private let output: OutputStreams
    private let enabled: Bool
    private let environmentCount: Int
    /// `·` between the parts, `|` with `--disable-unicode`.
    private let separator: String
    private let startedAt = Date()
    private var lastDraw = Date.distantPast
    private var drawnWidth = 0
    private var requests = 0
    private var failures = 0
    private var iteration = 0
    private var iterationCount = 0
    private var environmentsDone = 0

    /// Whether the progress line may be drawn at all.
    static func isWanted(_ options: RunCommandOptions, output: OutputStreams,
                         environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard !options.silent, output.isTerminal, output.isErrorTerminal else { return false }
        if let ci = environment["CI"], ci.lowercased() == "true" || ci == "1" { return false }
        return environment["TERM"] != "dumb"
    }

    init(output: OutputStreams, enabled: Bool, environmentCount: Int, disableUnicode: Bool = false) {
        self.output = output
        self.separator = disableUnicode ? " | " : " · "
        self.enabled = enabled
        self.environmentCount = environmentCount
    }

    /// Writes stdout text without tearing the progress line.
    func print(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        clearLocked()
        output.standardOutput(text)
        drawLocked(force: true)
    }

    /// An observer feeding this line from one environment's run.
    func observer() -> RunObserver { ProgressObserver(progress: self) }

    /// One environment has finished.
    func environmentFinished() {
        lock.lock()
        environmentsDone += 1
        drawLocked(force: false)
        lock.unlock()
    }

    /// Removes the line for good (the run is over).
    func finish() {
        lock.lock()
        clearLocked()
        lock.unlock()
    }

    fileprivate func update(_ change: (TerminalProgress) -> Void) {
        lock.lock()
        change(self)
        drawLocked(force: false)
        lock.unlock()
    }

    fileprivate func record(_ event: RunEvent) {
        update { progress in
            switch event {
            case .iterationStarted(let cursor):
                progress.iteration = cursor.iteration + 1
                progress.iterationCount = cursor.iterationCount
            case .requestCompleted(_, _, _, let result):
                progress.requests += 1
                if case .failure = result { progress.failures += 1 }
            case .assertion(_, _, let assertion) where assertion.status == .failed:
                progress.failures += 1
            case .scriptFinished(_, _, _, _, .some):
                progress.failures += 1
            default:
                break
            }
        }
    }

    private func drawLocked(force: Bool) {
        guard enabled else { return }
        let now = Date()
        let elapsed = now.timeIntervalSince(startedAt)
        // Short runs stay quiet; after that at most ten redraws a second.
        guard elapsed >= 1, force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let position = environmentCount > 1
            ? "\(environmentsDone)/\(environmentCount) environments done"
            : "iteration \(max(iteration, 1))/\(max(iterationCount, 1))"
        let text = [position, "\(requests) requests", "\(failures) failed", String(format: "%.1fs", elapsed)]
            .joined(separator: separator)
        output.standardError("\r" + text + "\u{1B}[K")
        drawnWidth = text.count
    }

    private func clearLocked() {
        guard drawnWidth > 0 else { return }
        output.standardError("\r\u{1B}[K")
        drawnWidth = 0
    }
}

/// Forwards one run's events to the shared progress line.
private final class ProgressObserver: RunObserver {
    let progress: TerminalProgress
    init(progress: TerminalProgress) { self.progress = progress }
    func observe(_ event: RunEvent) { progress.record(event) }
}
