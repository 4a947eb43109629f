import CarrierCrypto
import Foundation
import Testing

/// Known answers from the standards (RFC 1321 §A.5, FIPS 180-2 appendices / NIST CSRC examples, RFC 2202, RFC 4231)
/// for the one-shot libcrypto calls behind `HashAlgorithm` and `HMAC`.
@Suite("CarrierCrypto: digests and HMAC against the standards' vectors")
struct DigestKnownAnswerTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("MD5: the RFC 1321 test suite", arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
        (String(repeating: "1234567890", count: 8), "57edf4a22be3c955ac49da2e2107b67a"),
    ])
    func md5(input: String, expected: String) {
        #expect(HashAlgorithm.md5.hash(input).hexString == expected)
    }

    static let twoBlock = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
    static let twoBlock64 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"

    @Test("SHA-1 and SHA-2: FIPS 180 examples (empty, \"abc\", the 448- and 896-bit messages)", arguments: [
        (HashAlgorithm.sha1, "", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        (.sha1, "abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        (.sha1, twoBlock, "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
        (.sha256, "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (.sha256, "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (.sha256, twoBlock, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (.sha384, "", "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b"),
        (.sha384, "abc", "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"),
        (.sha384, twoBlock64, "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039"),
        (.sha512, "", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"),
        (.sha512, "abc", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"),
        (.sha512, twoBlock64, "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909"),
    ])
    func fips180(algorithm: HashAlgorithm, input: String, expected: String) {
        #expect(algorithm.hash(input).hexString == expected)
        #expect(algorithm.hash(input).count == algorithm.digestLength)
    }

    @Test("one million \"a\" (FIPS 180's long message)", arguments: [
        (HashAlgorithm.sha1, "34aa973cd4c4daa4f61eeb2bdbad27316534016f"),
        (.sha256, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
        (.sha384, "9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b07b8b3dc38ecc4ebae97ddd87f3d8985"),
        (.sha512, "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b"),
    ])
    func millionA(algorithm: HashAlgorithm, expected: String) {
        #expect(algorithm.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)).hexString == expected)
    }

    /// RFC 2202's seven cases; keys for SHA-1 are 20 bytes where MD5's are 16 (cases 1, 3, 5).
    static func rfc2202(_ number: Int, keyLength: Int) -> (key: [UInt8], data: [UInt8]) {
        switch number {
        case 1: ([UInt8](repeating: 0x0b, count: keyLength), bytes("Hi There"))
        case 2: (bytes("Jefe"), bytes("what do ya want for nothing?"))
        case 3: ([UInt8](repeating: 0xaa, count: keyLength), [UInt8](repeating: 0xdd, count: 50))
        case 4: (Array(1...25), [UInt8](repeating: 0xcd, count: 50))
        case 5: ([UInt8](repeating: 0x0c, count: keyLength), bytes("Test With Truncation"))
        case 6: ([UInt8](repeating: 0xaa, count: 80), bytes("Test Using Larger Than Block-Size Key - Hash Key First"))
        default: ([UInt8](repeating: 0xaa, count: 80),
                  bytes("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data"))
        }
    }

    @Test("HMAC-MD5 and HMAC-SHA-1: RFC 2202", arguments: [
        (1, "9294727a3638bb1c13f48ef8158bfc9d", "b617318655057264e28bc0b6fb378c8ef146be00"),
        (2, "750c783e6ab0b503eaa86e310a5db738", "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
        (3, "56be34521d144c88dbb8c733f0e8b3f6", "125d7342b9ac11cd91a39af48aa17b4f63f175d3"),
        (4, "697eaf0aca3a3aea3a75164746ffaa79", "4c9007f4026250c6bc8414f9bf50c86c2d7235da"),
        (5, "56461ef2342edc00f9bab995690efd4c", "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04"),
        (6, "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd", "aa4ae5e15272d00e95705637ce8a3b55ed402112"),
        (7, "6f630fad67cda0ee1fb1f562db3aa53e", "e8e99d0f45237d786d6bbaa7965c7808bbff1a91"),
    ])
    func rfc2202(number: Int, md5: String, sha1: String) {
        let (md5Key, md5Data) = Self.rfc2202(number, keyLength: 16)
        #expect(HMAC.mac(.md5, key: md5Key, message: md5Data).hexString == md5)
        let (sha1Key, sha1Data) = Self.rfc2202(number, keyLength: 20)
        #expect(HMAC.mac(.sha1, key: sha1Key, message: sha1Data).hexString == sha1)
    }

    static func rfc4231(_ number: Int) -> (key: [UInt8], data: [UInt8]) {
        switch number {
        case 1: ([UInt8](repeating: 0x0b, count: 20), bytes("Hi There"))
        case 2: (bytes("Jefe"), bytes("what do ya want for nothing?"))
        case 3: ([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50))
        case 4: (Array(1...25), [UInt8](repeating: 0xcd, count: 50))
        case 5: ([UInt8](repeating: 0x0c, count: 20), bytes("Test With Truncation"))
        case 6: ([UInt8](repeating: 0xaa, count: 131), bytes("Test Using Larger Than Block-Size Key - Hash Key First"))
        default: ([UInt8](repeating: 0xaa, count: 131),
                  bytes("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."))
        }
    }

    @Test("HMAC-SHA-256 and HMAC-SHA-512: RFC 4231 (case 5 truncated to 128 bits, as the RFC gives it)", arguments: [
        (1, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
         "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"),
        (2, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
         "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"),
        (3, "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
         "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb"),
        (4, "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
         "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd"),
        (5, "a3b6167473100ee06e0c796c2955552b", "415fad6271580a531d4179bc891d87a6"),
        (6, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
         "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"),
        (7, "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
         "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58"),
    ])
    func rfc4231(number: Int, sha256: String, sha512: String) {
        let (key, data) = Self.rfc4231(number)
        #expect(HMAC.mac(.sha256, key: key, message: data).hexString.hasPrefix(sha256))
        #expect(HMAC.mac(.sha512, key: key, message: data).hexString.hasPrefix(sha512))
        #expect(HMAC.mac(.sha256, key: key, message: data).count == 32)
    }

    @Test("empty key and empty message (Swift hands libcrypto no pointer for an empty array)")
    func empty() {
        #expect(HMAC.mac(.md5, key: [], message: []).hexString == "74e6f7298a9c2d168935f58c001bad88")
        #expect(HMAC.mac(.sha1, key: "", message: "").hexString == "fbdb1d1b18aa6c08324b7d64b71fb76370690e1d")
        #expect(HMAC.mac(.sha256, key: [], message: []).hexString
            == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
        #expect(HMAC.mac(.sha512, key: [], message: []).hexString
            == "b936cee86c9f87aa5d3c6f2e84cb5a4239a5fe50480a6ec66b70ab5b1f4ac6730c6c515421b327ec1d69402e53dfb49ad7381eb067b338fd7b0cb22247225d47")
        #expect(LibcryptoDigest.sha256([]) == HashAlgorithm.sha256.hash([]))
    }

    /// A pseudo-random megabyte (fixed seed), written to a file and hashed by `openssl dgst`.
    static let megabyte: [UInt8] = {
        var state: UInt64 = 0x9E3779B97F4A7C15
        return (0..<1_048_576).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }()

    static func openssl(_ arguments: [String], input: [UInt8]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("carrier-crypto-\(getpid())-\(UUID().uuidString)")
        try Data(input).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments + ["-r", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // `-r` prints "<hex> *<file>".
        return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    @Test("1 MB input: digests and HMACs equal `openssl dgst`'s",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")),
          arguments: HashAlgorithm.allCases)
    func megabyteAgainstOpenSSL(algorithm: HashAlgorithm) throws {
        #expect(algorithm.hash(Self.megabyte).hexString == (try Self.openssl(["dgst", "-\(algorithm.rawValue)"], input: Self.megabyte)))
        let key = "a key of some length for HMAC"
        #expect(HMAC.mac(algorithm, key: Array(key.utf8), message: Self.megabyte).hexString
            == (try Self.openssl(["dgst", "-\(algorithm.rawValue)", "-hmac", key], input: Self.megabyte)))
    }

    @Test("hexString is lower-case, two digits a byte")
    func hex() {
        #expect([0x00, 0x0f, 0xa0, 0xff].hexString == "000fa0ff")
        #expect([UInt8]().hexString == "")
    }
}
