import Foundation
import Testing
@testable import CarrierCLI

@Suite("Input origins")
struct InputOriginHashTests {
    @Test("the collection's SHA-256 is taken when the JSON report will show it, and only then")
    func hashOnlyForJSON() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("origin-\(UUID().uuidString).json").path
        let text = #"{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[]}"#
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }

        let withJSON = try RunInputs.load(try RunCommandOptions.parse([path, "-r", "cli,json"])).inputs.origins
        #expect(withJSON.first?.sha256 == "4b3b7346f21099cb649f0ca678e6e0db08e3273353d9f943877e2904aa073380")
        #expect(withJSON.first?.size == text.utf8.count)
        let cliOnly = try RunInputs.load(try RunCommandOptions.parse([path])).inputs.origins
        #expect(cliOnly.first?.sha256 == nil)
        #expect(cliOnly.first?.size == text.utf8.count)
    }
}
