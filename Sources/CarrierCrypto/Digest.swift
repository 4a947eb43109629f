/// The hash functions the auth signers need. Written here rather than linked because RunnerCore takes no crypto
/// dependency and must build wherever Foundation does; libcrypto is used only for private-key signatures.
package enum HashAlgorithm: String, Sendable, CaseIterable {
    case md5, sha1, sha256, sha384, sha512

    /// Bytes in one compression block (HMAC pads keys to this).
    package var blockSize: Int {
        switch self {
        case .md5, .sha1, .sha256: 64
        case .sha384, .sha512: 128
        }
    }

    /// The digest of `bytes`.
    package func hash(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .md5: MD5.hash(bytes)
        case .sha1: SHA1.hash(bytes)
        case .sha256: SHA256.hash(bytes)
        case .sha384: SHA512.hash(bytes, variant: .sha384)
        case .sha512: SHA512.hash(bytes, variant: .sha512)
        }
    }

    /// The digest of the UTF-8 bytes of `text`.
    package func hash(_ text: String) -> [UInt8] { hash(Array(text.utf8)) }
}

/// HMAC (RFC 2104) over any of the hash functions.
package enum HMAC {
    /// The MAC of `message` under `key`.
    package static func mac(_ algorithm: HashAlgorithm, key: [UInt8], message: [UInt8]) -> [UInt8] {
        var key = key
        if key.count > algorithm.blockSize { key = algorithm.hash(key) }
        key += [UInt8](repeating: 0, count: algorithm.blockSize - key.count)
        let inner = algorithm.hash(key.map { $0 ^ 0x36 } + message)
        return algorithm.hash(key.map { $0 ^ 0x5C } + inner)
    }

    /// The MAC of UTF-8 text under a UTF-8 key (what Node's `createHmac(alg, string)` does).
    package static func mac(_ algorithm: HashAlgorithm, key: String, message: String) -> [UInt8] {
        mac(algorithm, key: Array(key.utf8), message: Array(message.utf8))
    }
}

/// Merkle–Damgård padding shared by MD5 and the SHA family: 0x80, zeros, then the bit length in `lengthBytes` bytes.
enum MessagePadding {
    static func pad(_ message: [UInt8], blockSize: Int, lengthBytes: Int, bigEndian: Bool) -> [UInt8] {
        var padded = message
        padded.append(0x80)
        while (padded.count + lengthBytes) % blockSize != 0 { padded.append(0) }
        let bits = UInt64(message.count) &* 8
        var length = [UInt8](repeating: 0, count: lengthBytes)
        for index in 0..<8 {
            let byte = UInt8(truncatingIfNeeded: bits >> (8 * UInt64(index)))
            if bigEndian { length[lengthBytes - 1 - index] = byte } else { length[index] = byte }
        }
        return padded + length
    }
}

extension Array where Element == UInt8 {
    /// Lower-case hex, as Node's `digest('hex')`.
    package var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
