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
    /// A started child; `wait()` reaps it.
    struct Running {
        let pid: pid_t
        let started: Double
        let stderrPath: String
        let command: String

        /// Blocks until the child ends.
        func wait() -> ChildOutcome {
            var status: Int32 = 0
            var usage = rusage()
            while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
            let wall = Clock.milliseconds() - started
            // WIFEXITED/WEXITSTATUS are macros Swift cannot see.
            let exited = status & 0x7f == 0
            return ChildOutcome(wallMilliseconds: wall, peakRSSKilobytes: Int(usage.ru_maxrss),
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
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let started = Clock.milliseconds()
        let result = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard result == 0 else {
            throw ChildProcessError(description: "cannot start \(path): \(String(cString: strerror(result)))")
        }
        return Running(pid: pid, started: started, stderrPath: stderrPath,
                       command: ([path] + arguments).joined(separator: " "))
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
