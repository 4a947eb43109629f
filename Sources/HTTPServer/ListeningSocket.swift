#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A socket call that failed, with the errno it left.
package struct HTTPServerError: Error, Sendable, CustomStringConvertible {
    /// The call or step that failed, e.g. `bind 127.0.0.1:8080`.
    package let operation: String
    /// The errno value, or 0 when the failure was not a system call's.
    package let code: Int32

    /// A readable explanation, e.g. `bind 127.0.0.1:80: Permission denied`.
    package var description: String {
        code == 0 ? operation : "\(operation): \(String(cString: strerror(code)))"
    }
}

/// Creation of the listening socket and address formatting, kept apart from the serving logic.
enum ListeningSocket {
    /// A bound, listening TCP socket on `host:port`; `host` is an IPv4 or IPv6 literal, or `localhost`.
    static func open(host: String, port: UInt16) throws(HTTPServerError) -> Int32 {
        let literal = host == "localhost" ? "127.0.0.1" : host
        let isIPv6 = literal.contains(":")
        let fd = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HTTPServerError(operation: "socket", code: errno) }
        var reuse: Int32 = 1
        // SO_REUSEADDR: a restarted server (persistence tests) must rebind while old connections sit in TIME_WAIT.
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        let bound: Int32
        if isIPv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            guard inet_pton(AF_INET6, literal, &address.sin6_addr) == 1 else {
                close(fd)
                throw HTTPServerError(operation: "invalid IPv6 address \(host)", code: 0)
            }
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            guard inet_pton(AF_INET, literal, &address.sin_addr) == 1 else {
                close(fd)
                throw HTTPServerError(operation: "invalid IPv4 address \(host)", code: 0)
            }
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw HTTPServerError(operation: "bind \(host):\(port)", code: code)
        }
        guard listen(fd, SOMAXCONN) == 0 else {
            let code = errno
            close(fd)
            throw HTTPServerError(operation: "listen", code: code)
        }
        return fd
    }

    /// The port the kernel gave the socket (differs from the requested one when that was 0).
    static func boundPort(of fd: Int32) -> UInt16 {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return endpoint(of: storage).port
    }

    /// Address text and port of a socket address (IPv4 or IPv6).
    static func endpoint(of storage: sockaddr_storage) -> (address: String, port: UInt16) {
        var storage = storage
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    var inAddress = address.pointee.sin_addr
                    inet_ntop(AF_INET, &inAddress, &text, socklen_t(text.count))
                    return (text.cString, UInt16(bigEndian: address.pointee.sin_port))
                }
            }
        case AF_INET6:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    var inAddress = address.pointee.sin6_addr
                    inet_ntop(AF_INET6, &inAddress, &text, socklen_t(text.count))
                    return (text.cString, UInt16(bigEndian: address.pointee.sin6_port))
                }
            }
        default:
            return ("unknown", 0)
        }
    }
}

extension Array where Element == CChar {
    /// The text before the first NUL, as UTF-8.
    fileprivate var cString: String {
        String(decoding: prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
