import Foundation
import JSONValue
import Testing

@testable import SCIMServer

/// Runs curl and returns its stdout; `-w` appends the status code on the last line.
private func curl(_ arguments: [String]) throws -> (status: Int, body: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
    process.arguments = ["-s", "-u", "scim:s3cret", "-w", "\n%{http_code}"] + arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    let lastNewline = text.lastIndex(of: "\n") ?? text.startIndex
    return (Int(text[lastNewline...].trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1, String(text[..<lastNewline]))
}

@Suite("SCIM server with a real client (curl)", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
struct SCIMCurlInteropTests {
    @Test func createWithLargeBodyAndExpectContinueThenFilter() throws {
        let server = try SCIMServer(config: SCIMServerConfig(username: "scim", password: "s3cret"))
        try server.start()
        defer { server.stop() }
        // Over 1 KiB, so curl sends `Expect: 100-continue` and waits for the interim answer.
        let body = userBody("curl@example.com", ["displayName": .string(String(repeating: "x", count: 4096))])
        let created = try curl([
            "-H", "Content-Type: application/scim+json", "-H", "Expect: 100-continue",
            "--data-binary", body.serialized(), "\(server.baseURL)/Users",
        ])
        #expect(created.status == 201)
        let id = try JSONParser.parse(created.body)["id"]?.stringValue
        #expect(id != nil)
        let listed = try curl(["-G", "--data-urlencode", "filter=userName eq \"CURL@example.com\"", "\(server.baseURL)/Users"])
        #expect(listed.status == 200)
        #expect(try JSONParser.parse(listed.body)["Resources"]?[0]?["id"]?.stringValue == id)
    }
}
