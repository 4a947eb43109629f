import AuthSigning
import RunContracts
import Glibc

/// The `Postman-Token` header's value: a random (version 4, RFC 9562 variant) UUID in lower case, as
/// postman-runtime sends it.
enum PostmanToken {
    /// A fresh token. Built here rather than with Foundation's `UUID()`, which on Linux opens and reads
    /// /dev/urandom on every call (5% of a plain run's samples); the stdlib generator uses `getrandom`.
    static func random() -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        // glibc's arc4random_buf fills all 16 bytes with one getrandom call (the stdlib generator makes one per
        // 8 bytes).
        bytes.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { arc4random_buf(base, buffer.count) }
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // variant 10xx
        return format(bytes)
    }

    /// `8-4-4-4-12` lower-case hex digits.
    static func format(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { out.append(UInt8(ascii: "-")) }
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
