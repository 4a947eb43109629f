import CCryptoShim

/// The hash functions the auth signers (Digest, OAuth 1.0a, Hawk, AWS v4, EdgeGrid, JWT), input hashing and the SCIM
/// server's HMAC check need, as one-shot calls into the system libcrypto (`EVP_Digest`), opened on first use
/// (CLazyLoad). libcrypto cannot fail on these digests outside a FIPS-only configuration (which refuses MD5); a
/// failure stops the process with the digest's name rather than sign with a wrong value.
package enum HashAlgorithm: String, Sendable, CaseIterable {
    case md5, sha1, sha256, sha384, sha512

    /// Bytes in one compression block (what HMAC pads keys to).
    package var blockSize: Int {
        switch self {
        case .md5, .sha1, .sha256: 64
        case .sha384, .sha512: 128
        }
    }

    /// Bytes in one digest.
    package var digestLength: Int {
        switch self {
        case .md5: 16
        case .sha1: 20
        case .sha256: 32
        case .sha384: 48
        case .sha512: 64
        }
    }

    var shimAlgorithm: Int32 {
        switch self {
        case .md5: Int32(CCRYPTO_MD5.rawValue)
        case .sha1: Int32(CCRYPTO_SHA1.rawValue)
        case .sha256: Int32(CCRYPTO_SHA256.rawValue)
        case .sha384: Int32(CCRYPTO_SHA384.rawValue)
        case .sha512: Int32(CCRYPTO_SHA512.rawValue)
        }
    }

    /// The digest of `bytes`.
    package func hash(_ bytes: [UInt8]) -> [UInt8] {
        LibcryptoCall.output(self, "digest") { out, capacity in
            bytes.withUnsafeBufferPointer { ccrypto_digest(shimAlgorithm, $0.baseAddress, $0.count, out, capacity) }
        }
    }

    /// The digest of the UTF-8 bytes of `text`.
    package func hash(_ text: String) -> [UInt8] { hash(Array(text.utf8)) }
}

/// HMAC (RFC 2104) over any of the hash functions, through libcrypto's one-shot `HMAC`.
package enum HMAC {
    /// The MAC of `message` under `key`.
    package static func mac(_ algorithm: HashAlgorithm, key: [UInt8], message: [UInt8]) -> [UInt8] {
        LibcryptoCall.output(algorithm, "HMAC") { out, capacity in
            key.withUnsafeBufferPointer { key in
                message.withUnsafeBufferPointer { message in
                    ccrypto_hmac(algorithm.shimAlgorithm, key.baseAddress, key.count, message.baseAddress,
                                 message.count, out, capacity)
                }
            }
        }
    }

    /// The MAC of UTF-8 text under a UTF-8 key (what Node's `createHmac(alg, string)` does).
    package static func mac(_ algorithm: HashAlgorithm, key: String, message: String) -> [UInt8] {
        mac(algorithm, key: Array(key.utf8), message: Array(message.utf8))
    }
}

/// SHA-256 of whole inputs (the JSON report's `run.sources` hashes collections of tens of megabytes); the same call
/// as `HashAlgorithm.sha256`, kept under the name its callers use.
package enum LibcryptoDigest {
    /// The SHA-256 of `bytes`.
    package static func sha256(_ bytes: [UInt8]) -> [UInt8] { HashAlgorithm.sha256.hash(bytes) }
}

enum LibcryptoCall {
    /// Runs a shim call that writes at most 64 bytes (`EVP_MAX_MD_SIZE`) and returns their count or -1.
    static func output(_ algorithm: HashAlgorithm, _ what: String,
                       _ call: (UnsafeMutablePointer<UInt8>, Int) -> Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 64)
        let written = out.withUnsafeMutableBufferPointer { call($0.baseAddress!, $0.count) }
        guard written == algorithm.digestLength else {
            fatalError("carrier: libcrypto could not compute the \(algorithm.rawValue) \(what)")
        }
        out.removeSubrange(written...)
        return out
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
