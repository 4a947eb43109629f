#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How one child process ended and what it cost, from `wait4`: the child's own resource usage, not the sum over
/// every child this process ever had (which `RUSAGE_CHILDREN` would give).
struct ChildOutcome {
    /// Wall-clock time from spawn to reaped, milliseconds.
    var wallMilliseconds: Double
    /// Peak resident set size of the child, kilobytes (`ru_maxrss`).
    var peakRSSKilobytes: Int
    /// Exit code; -1 when a signal ended it.
    var exitCode: Int32

    /// Peak RSS in MB (MiB, as `/usr/bin/time` and the issue figures count them).
    var peakMegabytes: Double { Double(peakRSSKilobytes) / 1024 }
}

/// A child process that could not be started, or that failed.
struct ChildProcessError: Error, CustomStringConvertible {
    var description: String
}

/// Starts programs with `posix_spawn` (no shell, no pipes to drain): stdin and stdout on /dev/null, stderr into a
/// file so a failing child can be explained.
enum ChildProcess {
    /// `bench/peak.c` (built by make bench beside carrier-bench): children run under it when it exists, because
    /// a child posix_spawn starts carries carrier-bench's own high-water RSS into its `ru_maxrss` (peak.c says why).
    /// Set once by main before any child starts.
    nonisolated(unsafe) static var peakTool: String?

    /// A started child; `wait()` reaps it.
    struct Running {
        let pid: pid_t
        let started: Double
        let stderrPath: String
        let command: String
        /// Where `peak` writes the child's wall time and peak RSS, when the child runs under it.
        let peakPath: String?

        /// Blocks until the child ends.
        func wait() -> ChildOutcome {
            var status: Int32 = 0
            var usage = rusage()
            while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
            var wall = Clock.milliseconds() - started
            var peak = Int(usage.ru_maxrss)
            if let peakPath, let measured = ChildProcess.readPeak(peakPath) {
                (wall, peak) = measured
            }
            // WIFEXITED/WEXITSTATUS are macros Swift cannot see.
            let exited = status & 0x7f == 0
            return ChildOutcome(wallMilliseconds: wall, peakRSSKilobytes: peak,
                                exitCode: exited ? (status >> 8) & 0xff : -1)
        }

        /// The first lines the child wrote to stderr.
        func stderrExcerpt() -> String {
            guard let file = fopen(stderrPath, "r") else { return "" }
            defer { fclose(file) }
            var text = ""
            var line = [CChar](repeating: 0, count: 1024)
            var count = 0
            while count < 8, fgets(&line, Int32(line.count), file) != nil {
                text += String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                count += 1
            }
            return text
        }
    }

    /// Spawns `path arguments…`; stdout goes to `stdoutPath` (default /dev/null).
    static func spawn(_ path: String, _ arguments: [String], stdoutPath: String = "/dev/null",
                      stderrPath: String) throws(ChildProcessError) -> Running {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let peakPath = peakTool.map { _ in stderrPath + ".peak" }
        let command = (peakTool.map { [$0, stderrPath + ".peak"] } ?? []) + [path] + arguments
        if let peakPath { unlink(peakPath) }
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let started = Clock.milliseconds()
        let result = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard result == 0 else {
            throw ChildProcessError(description: "cannot start \(path): \(String(cString: strerror(result)))")
        }
        return Running(pid: pid, started: started, stderrPath: stderrPath,
                       command: ([path] + arguments).joined(separator: " "), peakPath: peakPath)
    }

    /// `WALL_MS PEAK_RSS_KB` as `peak` wrote it.
    static func readPeak(_ path: String) -> (Double, Int)? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 128)
        guard fgets(&line, Int32(line.count), file) != nil else { return nil }
        let fields = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count == 2, let wall = Double(fields[0]), let peak = Int(fields[1]) else { return nil }
        return (wall, peak)
    }

    /// Runs to the end; a non-zero exit is an error carrying the child's stderr, because a benchmark of a
    /// failing run measures nothing.
    static func run(_ path: String, _ arguments: [String], scratch: String,
                    stdoutPath: String = "/dev/null") throws(ChildProcessError) -> ChildOutcome {
        let child = try spawn(path, arguments, stdoutPath: stdoutPath, stderrPath: scratch + "/stderr.txt")
        let outcome = child.wait()
        guard outcome.exitCode == 0 else {
            throw ChildProcessError(description: "\(child.command)\nexited with \(outcome.exitCode):\n\(child.stderrExcerpt())")
        }
        return outcome
    }
}

/// Monotonic time.
enum Clock {
    /// Milliseconds on the monotonic clock.
    static func milliseconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1_000_000
    }

    /// Microseconds on the monotonic clock, as an integer for latency histograms.
    static func microseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
    }
}

/// Prints a progress line at once, even when stdout is a pipe (CI logs).
func say(_ text: String) {
    print(text)
    fflush(nil)
}
