import CCryptoShim
import Foundation

/// Signatures with a PEM private key, through libcrypto.
package enum PrivateKeySigner {
    /// How the key signs.
    package enum Scheme: Sendable {
        /// RSASSA-PKCS1-v1_5 (OAuth RSA-SHA*, JWT RS*).
        case rsaPKCS1
        /// RSASSA-PSS, salt as long as the digest (JWT PS*).
        case rsaPSS
        /// ECDSA with JOSE's fixed-width `r||s` (JWT ES*).
        case ecdsaJOSE
    }

    /// The signature of `message`, or a message saying why the key could not sign.
    package static func sign(_ message: [UInt8], pem: String, passphrase: String? = nil, digest: HashAlgorithm,
                             scheme: Scheme) -> Result<[UInt8], SigningError> {
        let digestName: String
        switch digest {
        case .sha1: digestName = "SHA1"
        case .sha256: digestName = "SHA256"
        case .sha384: digestName = "SHA384"
        case .sha512: digestName = "SHA512"
        case .md5: return .failure(SigningError(message: "MD5 signatures are not supported"))
        }
        var output = [UInt8](repeating: 0, count: 2048)
        var error = [CChar](repeating: 0, count: 256)
        let pemBytes = Array(pem.utf8)
        let outputCapacity = output.count
        let errorCapacity = error.count
        let length = pemBytes.withUnsafeBufferPointer { pemBuffer in
            message.withUnsafeBufferPointer { messageBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    error.withUnsafeMutableBufferPointer { errorBuffer in
                        pemBuffer.baseAddress.map { pemBase in
                            pemBase.withMemoryRebound(to: CChar.self, capacity: pemBytes.count) { pemChars in
                                ccrypto_sign_pem(pemChars, pemBytes.count, passphrase, digestName,
                                                 scheme == .rsaPSS ? 1 : 0, scheme == .ecdsaJOSE ? 1 : 0,
                                                 messageBuffer.baseAddress, message.count,
                                                 outBuffer.baseAddress, outputCapacity,
                                                 errorBuffer.baseAddress, errorCapacity)
                            }
                        } ?? -1
                    }
                }
            }
        }
        guard length >= 0 else {
            let text = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .failure(SigningError(message: text.isEmpty ? "the private key is empty" : text))
        }
        return .success(Array(output.prefix(length)))
    }
}

/// Why a private key could not sign.
package struct SigningError: Error, Sendable, Equatable {
    /// libcrypto's reason, or ours, in one line.
    package var message: String
    package init(message: String) { self.message = message }
}

extension Array where Element == UInt8 {
    /// Standard base64 with padding.
    package var base64String: String { Data(self).base64EncodedString() }
    /// base64url without padding (JOSE).
    package var base64URLString: String {
        base64String.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
