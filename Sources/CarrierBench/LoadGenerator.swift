#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What one load run measured.
struct LoadResult {
    /// Completed requests per second over the measured window.
    var requestsPerSecond: Double
    /// Latency percentiles, milliseconds.
    var p50: Double
    var p99: Double
    /// Responses that were not 200, and connection failures.
    var errors: Int
}

/// A closed-loop HTTP/1.1 load generator: `connections` threads, each with one kept-alive raw socket sending the
/// same request and waiting for the whole response before the next. Lean on purpose (one buffer per connection,
/// no parsing beyond the status and Content-Length) because it shares the machine's two cores with the server.
enum LoadGenerator {
    static func run(port: UInt16, request: [UInt8], connections: Int, warmup: Double, duration: Double) -> LoadResult {
        let results = LoadTally()
        let group = DispatchGroup()
        let start = Clock.milliseconds()
        let measureFrom = start + warmup * 1000
        let measureUntil = measureFrom + duration * 1000
        for _ in 0..<connections {
            group.enter()
            let thread = Thread {
                let outcome = Connection.drive(port: port, request: request, measureFrom: measureFrom, until: measureUntil)
                results.add(outcome)
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        var latencies = results.latencies
        latencies.sort()
        return LoadResult(requestsPerSecond: Double(latencies.count) / duration,
                          p50: Summary.quantile(latencies, 0.50) / 1000, p99: Summary.quantile(latencies, 0.99) / 1000,
                          errors: results.errors)
    }

    /// One connection's loop.
    private enum Connection {
        struct Outcome {
            var latencies: [UInt32] = []
            var errors = 0
        }

        static func drive(port: UInt16, request: [UInt8], measureFrom: Double, until deadline: Double) -> Outcome {
            var outcome = Outcome()
            outcome.latencies.reserveCapacity(200_000)
            let fd = connectLoopback(port: port)
            guard fd >= 0 else { outcome.errors += 1; return outcome }
            defer { close(fd) }
            let capacity = 1 << 16
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            defer { buffer.deallocate() }
            while true {
                let now = Clock.milliseconds()
                if now >= deadline { break }
                let sentAt = Clock.microseconds()
                let written = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard written == request.count else { outcome.errors += 1; break }
                guard let status = readResponse(fd: fd, buffer: buffer, capacity: capacity) else { outcome.errors += 1; break }
                if status != 200 { outcome.errors += 1 }
                if now >= measureFrom { outcome.latencies.append(UInt32(min(Clock.microseconds() - sentAt, UInt64(UInt32.max)))) }
            }
            return outcome
        }

        /// Reads one response (head, then exactly Content-Length body bytes); returns its status.
        private static func readResponse(fd: Int32, buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int? {
            var filled = 0
            var headEnd = -1
            while headEnd < 0 {
                guard filled < capacity else { return nil }
                let received = recv(fd, buffer + filled, capacity - filled, 0)
                guard received > 0 else { return nil }
                let searchFrom = max(0, filled - 3)
                filled += received
                if filled >= 4 {
                    for index in searchFrom...(filled - 4)
                    where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
                        headEnd = index + 4
                        break
                    }
                }
            }
            let head = String(decoding: UnsafeBufferPointer(start: buffer, count: headEnd), as: UTF8.self)
            let status = head.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
            var length = 0
            for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
                length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
            }
            var bodyReceived = filled - headEnd
            while bodyReceived < length {
                let received = recv(fd, buffer, capacity, 0)
                guard received > 0 else { return nil }
                bodyReceived += received
            }
            return status
        }

        private static func connectLoopback(port: UInt16) -> Int32 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { return -1 }
            var noDelay: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if connected != 0 { close(fd); return -1 }
            return fd
        }
    }

    /// Results of every connection, gathered under a lock as threads finish.
    private final class LoadTally: @unchecked Sendable {
        // Unchecked: every access holds `lock`.
        private let lock = NSLock()
        private(set) var latencies: [UInt32] = []
        private(set) var errors = 0
        func add(_ outcome: Connection.Outcome) {
            lock.lock()
            latencies += outcome.latencies
            errors += outcome.errors
            lock.unlock()
        }
    }
}
