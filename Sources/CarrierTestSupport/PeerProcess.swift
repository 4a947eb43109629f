#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import JSONValue

/// Why a peer could not be used: it is missing, or it ended (or said nothing) before it was ready.
package struct PeerProcessError: Error, CustomStringConvertible {
    /// What went wrong, with the peer's standard error when there is one.
    package let description: String
    /// An error saying `description`.
    package init(description: String) { self.description = description }
}

/// A long-running helper process for an end-to-end test: a Python peer (an independent SCIM server, the
/// SendSafely REST stand-in) or `carrier scim-server`. It is ready once it prints its first stdout line;
/// the process is terminated when the value is released, so a failing test leaves nothing running.
package final class PeerProcess: @unchecked Sendable {
    // Unchecked: `process` and the files are set in init and only read afterwards; the drained output
    // is guarded by `lock`.
    private let process: Process
    private let scratch: TemporaryDirectory
    private let lock = NSLock()
    private var laterOutput: [UInt8] = []

    /// The first line the peer printed on stdout (without the newline).
    package let readyLine: String

    /// Starts `executable arguments…` and waits for its first stdout line (at most `readyTimeout` seconds,
    /// a guard against a peer that hangs, not a measurement).
    package init(
        executable: String, arguments: [String], environment: [String: String] = [:], readyTimeout: TimeInterval = 60
    ) throws {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw PeerProcessError(description: "\(executable) is not an executable file")
        }
        scratch = try TemporaryDirectory()
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged["NO_COLOR"] = "1"
        merged["PYTHONUNBUFFERED"] = "1"  // Python buffers a piped stdout: the ready line would never come
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let stdout = Pipe()
        let errPath = scratch.path + "/stderr"
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? stderr.close()

        let reader = FirstLineReader(stdout.fileHandleForReading)
        let thread = Thread { reader.run() }
        thread.start()
        guard let line = reader.waitForFirstLine(timeout: readyTimeout) else {
            let running = process.isRunning
            if running { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            let errors = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
            throw PeerProcessError(description: running
                ? "\(executable) printed no ready line within \(Int(readyTimeout))s; stderr:\n\(errors)"
                : "\(executable) ended (status \(process.terminationStatus)) before it was ready; stderr:\n\(errors)")
        }
        readyLine = line
        reader.onLaterOutput = { [weak self] bytes in self?.append(bytes) }
    }

    deinit { stop() }

    /// The ready line as JSON (the Python peers print `{"port": N, ...}`), or nil when it is not JSON.
    package var readyJSON: JSONValue? { try? JSONParser.parse(bytes: Array(readyLine.utf8)) }

    /// The first `http://…` URL in the ready line (`carrier scim-server` prints `SCIM server listening on URL`).
    package var announcedURL: String? {
        readyLine.split(separator: " ").first { $0.hasPrefix("http://") || $0.hasPrefix("https://") }.map(String.init)
    }

    /// Whether the process is still running.
    package var isRunning: Bool { process.isRunning }

    /// What the peer wrote to standard error so far (for failure messages).
    package var standardError: String {
        (try? String(contentsOfFile: scratch.path + "/stderr", encoding: .utf8)) ?? ""
    }

    /// What the peer printed on stdout after its ready line.
    package var laterStandardOutput: String { lock.withLock { String(decoding: laterOutput, as: UTF8.self) } }

    /// Kills the peer and waits for it; safe to call more than once. SIGKILL, not SIGTERM: a child spawned
    /// from a test thread inherits that thread's signal mask, and dispatch's threads block SIGTERM, so a
    /// peer that does not unblock it would never end. The peers keep nothing worth a clean shutdown.
    package func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Sends SIGTERM, as a service manager or Ctrl-C would, and waits up to `grace` seconds (a guard against
    /// hanging the suite, not a measurement); true when the peer ended, else it is killed and false returned.
    package func terminate(grace: TimeInterval = 30) -> Bool {
        guard process.isRunning else { return true }
        process.terminate()
        let deadline = Date(timeIntervalSinceNow: grace)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        let ended = !process.isRunning
        stop()
        return ended
    }

    private func append(_ bytes: [UInt8]) { lock.withLock { laterOutput += bytes } }
}

/// Reads a pipe on its own thread: hands over the first line, then keeps draining so the peer never
/// blocks on a full pipe.
private final class FirstLineReader: @unchecked Sendable {
    // Unchecked: every mutable member is guarded by `condition`.
    private let handle: FileHandle
    private let condition = NSCondition()
    private var buffer: [UInt8] = []
    private var firstLine: String?
    private var finished = false
    private var laterOutputHandler: (([UInt8]) -> Void)?

    init(_ handle: FileHandle) { self.handle = handle }

    /// Receives what arrives after the first line (set once the line has been taken).
    var onLaterOutput: (([UInt8]) -> Void)? {
        get { condition.withLock { laterOutputHandler } }
        set {
            condition.withLock {
                laterOutputHandler = newValue
                if let newValue, !buffer.isEmpty {
                    newValue(buffer)
                    buffer = []
                }
            }
        }
    }

    func run() {
        while true {
            let chunk = handle.availableData
            condition.withLock {
                if chunk.isEmpty {
                    finished = true
                } else if firstLine == nil {
                    buffer += chunk
                    if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                        firstLine = String(decoding: buffer[..<newline], as: UTF8.self)
                            .trimmingCharacters(in: .whitespacesAndNewlines)
                        buffer = Array(buffer[(newline + 1)...])
                    }
                } else if let handler = laterOutputHandler {
                    handler(Array(chunk))
                } else {
                    buffer += chunk
                }
                condition.broadcast()
            }
            if chunk.isEmpty { return }
        }
    }

    func waitForFirstLine(timeout: TimeInterval) -> String? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        return condition.withLock {
            while firstLine == nil, !finished {
                if !condition.wait(until: deadline) { break }
            }
            return firstLine
        }
    }
}

/// Where the Python peers and their virtual environment are: `$CARRIER_VENV` (set by `make test`), else
/// `.venv` under the package root.
package enum PeerEnvironment {
    /// The package root (the directory holding Package.swift), from this file's place in the sources.
    package static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    /// The virtual environment with scim2-server, scim2-tester, scim-sanity and junitparser.
    package static func venv() throws -> String {
        var candidates: [String] = []
        if let configured = ProcessInfo.processInfo.environment["CARRIER_VENV"], !configured.isEmpty {
            candidates.append(configured)
        }
        candidates.append(packageRoot + "/.venv")
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate + "/bin/python") {
            return candidate
        }
        throw PeerProcessError(description: """
            the Python peers are not installed (looked for \(candidates.map { $0 + "/bin/python" }.joined(separator: ", "))); \
            run `make test`, which creates .venv with them and sets CARRIER_VENV
            """)
    }

    /// A console script or interpreter of the virtual environment: `python`, `scim2`, `scim-sanity`.
    package static func tool(_ name: String) throws -> String {
        let path = try venv() + "/bin/" + name
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw PeerProcessError(description: "\(path) is missing; run `make venv` (or `make test`)")
        }
        return path
    }

    /// A peer script in Tests/EndToEndTests/Peers.
    package static func peerScript(_ name: String) -> String {
        packageRoot + "/Tests/EndToEndTests/Peers/" + name
    }
}
