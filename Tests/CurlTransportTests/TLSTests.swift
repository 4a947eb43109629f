import Foundation
import RunContracts
import RunnerCore
import Testing
@testable import CurlTransport

/// A self-signed certificate for 127.0.0.1, made with the openssl command line in a fresh directory.
private func makeCertificate() throws -> (certificate: String, key: String) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carrier-tls-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let certificate = directory.appendingPathComponent("cert.pem").path
    let key = directory.appendingPathComponent("key.pem").path
    let openssl = Process()
    openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
    openssl.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                         "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=127.0.0.1",
                         "-addext", "subjectAltName=IP:127.0.0.1"]
    openssl.standardOutput = FileHandle.nullDevice
    openssl.standardError = FileHandle.nullDevice
    try openssl.run()
    openssl.waitUntilExit()
    return (certificate, key)
}

@Suite("TLS")
struct TLSTests {
    @Test("an untrusted certificate fails as .tls with Node's code; -k (verifyTLS false) accepts it")
    func selfSigned() throws {
        let server = try LocalPythonServer(tls: makeCertificate())
        let transport = try makeTransport()
        let error = transport.failure("GET", server.url("/echo"))
        #expect(error?.kind == .tls)
        #expect(error?.code == "DEPTH_ZERO_SELF_SIGNED_CERT")
        var insecure = RequestOptions()
        insecure.verifyTLS = false
        let response = try transport.send("GET", server.url("/echo"), options: insecure)
        #expect(response.code == 200)
    }

    @Test("an extra CA file is trusted in addition to the system bundle; a missing one is ENOENT")
    func extraCA() throws {
        let files = try makeCertificate()
        let server = try LocalPythonServer(tls: files)
        let transport = try makeTransport()
        var options = RequestOptions()
        options.extraCACertificatesPath = files.certificate
        #expect(try transport.send("GET", server.url("/echo"), options: options).code == 200)
        options.extraCACertificatesPath = files.certificate + ".missing"
        let error = transport.failure("GET", server.url("/echo"), options: options)
        #expect(error?.code == "ENOENT")
    }
}
