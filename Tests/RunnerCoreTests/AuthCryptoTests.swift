import CarrierCrypto
import Testing
@testable import AuthSigning
import RunContracts
@testable import RunnerCore

/// The hash and HMAC functions against vectors from Python's hashlib/hmac (independent implementations).
@Suite("Auth crypto: MD5, SHA-1, SHA-2 and HMAC")
struct AuthCryptoTests {
    static let long = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)

    @Test("digests of \"abc\" and of 1000 bytes (several blocks) match hashlib", arguments: [
        (HashAlgorithm.md5, "900150983cd24fb0d6963f7d28e17f72", "cabe45dcc9ae5b66ba86600cca6b8ba8"),
        (.sha1, "a9993e364706816aba3e25717850c26c9cd0d89d", "291e9a6c66994949b57ba5e650361e98fc36b1ba"),
        (.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
         "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
        (.sha384, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
         "f54480689c6b0b11d0303285d9a81b21a93bca6ba5a1b4472765dca4da45ee328082d469c650cd3b61b16d3266ab8ced"),
        (.sha512, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
         "67ba5535a46e3f86dbfbed8cbbaf0125c76ed549ff8b0b9e03e0c88cf90fa634fa7b12b47d77b694de488ace8d9a65967dc96df599727d3292a8d9d447709c97"),
    ])
    func digests(algorithm: HashAlgorithm, abc: String, thousand: String) {
        #expect(algorithm.hash("abc").hexString == abc)
        #expect(algorithm.hash(Self.long).hexString == thousand)
    }

    @Test("HMAC with a short key and with a key longer than the block matches Python's hmac", arguments: [
        (HashAlgorithm.md5, "80070713463e7749b90c2dc24911e275", "bfecaf4efff90a3a668f3922fec3762d"),
        (.sha1, "de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9", "90d0dace1c1bdc957339307803160335bde6df2b"),
        (.sha256, "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        (.sha384, "d7f4727e2c0b39ae0f1e40cc96f60242d5b7801841cea6fc592c5d3e1ae50700582a96cf35e1e554995fe4e03381c237",
         "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952"),
        (.sha512, "b42af09057bac1e2d41708e48a902e09b5ff7f12ab428a4fe86653c73dd248fb82f948a549f7b791a5b41915ee4d1ec3935357e4e2317250d0372afa2ebeeb3a",
         "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"),
    ])
    func hmac(algorithm: HashAlgorithm, short: String, longKey: String) {
        #expect(HMAC.mac(algorithm, key: "key", message: "The quick brown fox jumps over the lazy dog").hexString == short)
        let key = [UInt8](repeating: 0xAA, count: 131)
        let message = Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)
        #expect(HMAC.mac(algorithm, key: key, message: message).hexString == longKey)
    }

    @Test("an unreadable PEM is an error with libcrypto's reason, not a crash")
    func badKey() {
        let result = PrivateKeySigner.sign([1, 2, 3], pem: "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n",
                                           digest: .sha256, scheme: .rsaPKCS1)
        guard case .failure(let error) = result else { Issue.record("signed with a broken key"); return }
        #expect(error.message.contains("could not read the PEM private key"))
    }

    @Test("base64url drops padding and uses the URL alphabet")
    func base64URL() {
        #expect([0xFB, 0xFF].base64String == "+/8=")
        #expect([0xFB, 0xFF].base64URLString == "-_8")
    }
}
