import CCryptoShim

/// SHA-256 through libcrypto, for whole inputs (the JSON report's `run.sources` hashes a collection of tens of
/// megabytes); `HashAlgorithm.sha256` is the result should libcrypto fail.
package enum LibcryptoDigest {
    /// The SHA-256 of `bytes`.
    package static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let status = bytes.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { ccrypto_sha256(input.baseAddress, input.count, $0.baseAddress) }
        }
        return status == 0 ? out : HashAlgorithm.sha256.hash(bytes)
    }
}
