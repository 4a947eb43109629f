import RunContracts
import RunnerCore
import Testing
@testable import CurlTransport

@Suite("Header lines read from curl's bytes")
struct HeadBytesTests {
    private func feed(_ recorder: ExchangeRecorder, _ lines: [String]) {
        for line in lines {
            let bytes = Array(line.utf8)
            bytes.withUnsafeBytes { recorder.receiveHeaderLine($0) }
        }
    }

    @Test("response lines: status line, trimmed values, obs-fold continuation, blank end line")
    func responseLines() {
        let recorder = ExchangeRecorder(maxBodyBytes: 0)
        feed(recorder, ["HTTP/1.1 200 OK\r\n", "Content-Type:  text/plain \t\r\n", "X-Long: first\r\n",
                        "\t second part \r\n", "X-Empty:\r\n", "no colon here\r\n", "Ünïcode: välue\r\n", "\r\n"])
        #expect(recorder.code == 200)
        #expect(recorder.reason == "OK")
        #expect(recorder.httpVersion == "HTTP/1.1")
        #expect(recorder.headers == [HTTPHeader("Content-Type", "text/plain"), HTTPHeader("X-Long", "first second part"),
                                     HTTPHeader("X-Empty", ""), HTTPHeader("Ünïcode", "välue")])
    }

    @Test("a later status line (after a 100 Continue) starts the header list afresh")
    func interimResponse() {
        let recorder = ExchangeRecorder(maxBodyBytes: 0)
        feed(recorder, ["HTTP/1.1 100 Continue\r\n", "X-Interim: 1\r\n", "\r\n", "HTTP/1.1 201 Created\n", "A: b\n", "\n"])
        #expect(recorder.code == 201)
        #expect(recorder.reason == "Created")
        #expect(recorder.headers == [HTTPHeader("A", "b")])
    }

    @Test("the sent head gives the method and the header lines up to the blank line")
    func sentHead() throws {
        let recorder = ExchangeRecorder(maxBodyBytes: 0)
        let head = Array("GET /small?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: a b\r\nX-Empty: \r\n\r\n".utf8)
        head.withUnsafeBytes { recorder.receiveSentHead($0) }
        let parsed = try #require(recorder.parsedSentHead())
        #expect(parsed.method == "GET")
        #expect(parsed.headers == [HTTPHeader("Host", "127.0.0.1:8080"), HTTPHeader("User-Agent", "a b"), HTTPHeader("X-Empty", "")])
    }

    @Test("lines split on CRLF only, empty lines kept")
    func lineSplitting() {
        let bytes = Array("a\r\n\r\nb\nc\r\n".utf8)
        let lines = HeadBytes.lines(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
        #expect(lines == ["a", "", "b\nc", ""])
    }

    @Test("status lines split on bytes as String's split(maxSplits: 2) splits them")
    func statusLineSplit() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = [" ", "a", "1", "\t", "/"]
        for _ in 0..<5_000 {
            let text = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let bytes = Array(text.utf8)
            let ranges = bytes.withUnsafeBytes { HeadBytes.splitOnSpaces($0, 0..<bytes.count, maxSplits: 2) }
            let parts = ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
            #expect(parts == text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init), "\(text)")
        }
        let recorder = ExchangeRecorder(maxBodyBytes: 0)
        feed(recorder, ["HTTP/1.1  404   Not  Found \r\n"])
        #expect(recorder.httpVersion == "HTTP/1.1" && recorder.code == 404 && recorder.reason == "Not  Found")
    }
}
