import Foundation
import RunContracts
import RunnerCore
import Testing
@testable import CurlTransport

@Suite("Failures carry Newman's codes")
struct ErrorTests {
    @Test("connection refused: ECONNREFUSED with address and port")
    func refused() throws {
        let port = try LocalPythonServer().port  // the server is gone once this line ends
        let error = try makeTransport().failure("GET", "http://127.0.0.1:\(port)/")
        #expect(error?.kind == .connectionRefused)
        #expect(error?.code == "ECONNREFUSED")
        #expect(error?.message == "connect ECONNREFUSED 127.0.0.1:\(port)")
    }

    @Test("an unresolved {{variable}} left in the host fails as Node's lookup does: getaddrinfo ENOTFOUND {{host}}")
    func unresolvedHost() throws {
        let error = try makeTransport().failure("GET", "http://{{host_switch}}{{base_path}}/parties/x")
        #expect(error?.kind == .dnsFailure)
        #expect(error?.code == "ENOTFOUND")
        #expect(error?.message == "getaddrinfo ENOTFOUND {{host_switch}}{{base_path}}")
    }

    @Test("a response slower than the timeout: ESOCKETTIMEDOUT")
    func timeout() throws {
        let server = try LocalPythonServer()
        var options = RequestOptions()
        options.timeoutMilliseconds = 300
        let error = try makeTransport().failure("GET", server.url("/slow?s=3"), options: options)
        #expect(error?.kind == .timeout)
        #expect(error?.code == "ESOCKETTIMEDOUT")
    }

    @Test("a body beyond maxResponseBytes: tooLarge; within it: fine")
    func tooLarge() throws {
        let server = try LocalPythonServer()
        let transport = try makeTransport()
        var options = RequestOptions()
        options.maxResponseBytes = 1000
        let error = transport.failure("GET", server.url("/big?n=100000"), options: options)
        #expect(error?.kind == .tooLarge)
        let small = try transport.send("GET", server.url("/big?n=1000"), options: options)
        #expect(small.body.count == 1000)
    }

    @Test("server closes without answering: ECONNRESET socket hang up; mid-body: connectionClosed")
    func closed() throws {
        let server = try LocalPythonServer()
        let transport = try makeTransport()
        let hangup = transport.failure("GET", server.url("/hangup"))
        #expect(hangup?.kind == .connectionClosed)
        #expect(hangup?.code == "ECONNRESET")
        #expect(hangup?.message == "socket hang up")
        let partial = transport.failure("GET", server.url("/partial"))
        #expect(partial?.kind == .connectionClosed)
        // The handle is still usable afterwards.
        #expect(try transport.send("GET", server.url("/echo")).code == 200)
    }

    @Test("an unsupported scheme is an invalid URL")
    func badScheme() throws {
        let error = try makeTransport().failure("GET", "gopherx://127.0.0.1/")
        #expect(error?.kind == .invalidURL)
    }
}

@Suite("Name resolution")
struct ResolutionTests {
    @Test("an unresolvable host: ENOTFOUND, as getaddrinfo words it")
    func notFound() throws {
        var options = RequestOptions()
        options.timeoutMilliseconds = 10_000
        let error = try makeTransport().failure("GET", "http://nonexistent.invalid/x", options: options)
        #expect(error?.kind == .dnsFailure)
        #expect(error?.code == "ENOTFOUND")
        #expect(error?.message == "getaddrinfo ENOTFOUND nonexistent.invalid")
    }
}
