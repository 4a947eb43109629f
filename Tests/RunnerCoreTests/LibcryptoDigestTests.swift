import CarrierCrypto
import Testing

@Suite("SHA-256 through libcrypto")
struct LibcryptoDigestTests {
    @Test("agrees with the FIPS 180-2 vectors and with the Swift implementation")
    func agrees() {
        #expect(LibcryptoDigest.sha256(Array("abc".utf8)).hexString
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(LibcryptoDigest.sha256([]).hexString == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<300_001).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(LibcryptoDigest.sha256(bytes) == HashAlgorithm.sha256.hash(bytes))
    }
}
