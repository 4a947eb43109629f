import Testing
@testable import RunContracts
import RunContracts
@testable import RunnerCore

@Suite("Host encoding's fast path")
struct HostEncodingFastPathTests {
    @Test("hosts taken as they are give exactly what the full WHATWG mapping gives", arguments: [
        "localhost", "example.com", "api.example.com.", "a-b.c-d", "xn--bcher-kva.example", "127.0.0.1", "0.0.0.0",
        "255.255.255.255", "my-host-1.internal", "a.b.c.d.e", "s3.eu-west-1.amazonaws.com",
    ])
    func fastPathAgrees(host: String) {
        #expect(HostEncoding.isAlreadyASCIIForm(host))
        #expect(HostEncoding.domainToASCII(host) == host)
    }

    @Test("hosts that need the mapping are left to it", arguments: [
        "Example.COM", "127.1", "0x7f.0.0.1", "010.0.0.1", "256.0.0.1", "foo.123", "a.0x10", "bücher.example",
        "a%2eb", "1.2.3", "host_name", "",
    ])
    func slowPathKept(host: String) {
        #expect(!HostEncoding.isAlreadyASCIIForm(host))
    }
}
