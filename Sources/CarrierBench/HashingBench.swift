import CarrierCrypto

/// Section 7: CarrierCrypto in process (no child processes): SHA-256 throughput on whole inputs (what `run.sources`
/// hashes) and the cost of one HMAC-SHA256 of a signer's size (AWS v4, Hawk, EdgeGrid and the SendSafely check
/// make several per request).
enum HashingBench {
    static func run(_ context: BenchContext, _ results: inout BenchResults) throws {
        let section = "hashing"
        let runs = context.quick ? 3 : 7
        let megabyte = [UInt8]((0..<1_048_576).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let rounds = context.quick ? 4 : 16
        var throughput: [Double] = []
        var sink: UInt8 = 0
        for _ in 0..<runs {
            let start = Clock.milliseconds()
            for _ in 0..<rounds { sink ^= HashAlgorithm.sha256.hash(megabyte)[0] }
            throughput.append(Double(rounds) / ((Clock.milliseconds() - start) / 1000))
        }
        results.add(Figure(section: section, name: "SHA-256 throughput, 1 MB inputs", unit: "MB/s",
                           summary: Summary(throughput), note: "HashAlgorithm.sha256.hash, \(rounds) MB per run"))
        let key = [UInt8]("AWS4wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".utf8)
        let message = [UInt8]((0..<256).map { UInt8(truncatingIfNeeded: $0) })
        let macs = context.quick ? 20_000 : 100_000
        var perMAC: [Double] = []
        for _ in 0..<runs {
            let start = Clock.milliseconds()
            for _ in 0..<macs { sink ^= HMAC.mac(.sha256, key: key, message: message)[0] }
            perMAC.append((Clock.milliseconds() - start) * 1000 / Double(macs))
        }
        results.add(Figure(section: section, name: "HMAC-SHA256 of 256 bytes", unit: "µs",
                           summary: Summary(perMAC), note: "\(macs) MACs per run, 44-byte key"))
        var perDigest: [Double] = []
        for _ in 0..<runs {
            let start = Clock.milliseconds()
            for _ in 0..<macs { sink ^= HashAlgorithm.md5.hash(message)[0] }
            perDigest.append((Clock.milliseconds() - start) * 1000 / Double(macs))
        }
        results.add(Figure(section: section, name: "MD5 of 256 bytes", unit: "µs",
                           summary: Summary(perDigest), note: "\(macs) digests per run (Digest auth)"))
        if sink == 0x5A { say("  (\(sink))") }
    }
}
