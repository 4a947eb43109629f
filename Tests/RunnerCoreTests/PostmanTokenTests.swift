import Foundation
import Testing
@testable import AuthSigning
import RunContracts
@testable import RunnerCore

@Suite("Postman-Token values")
struct PostmanTokenTests {
    @Test("a token is a lower-case version 4 UUID that Foundation parses back to the same text")
    func tokenIsUUIDv4() throws {
        for _ in 0..<200 {
            let token = PostmanToken.random()
            let parsed = try #require(UUID(uuidString: token))
            #expect(parsed.uuidString.lowercased() == token)
            let characters = Array(token)
            #expect(characters.count == 36)
            #expect(characters[14] == "4")
            #expect("89ab".contains(characters[19]))
        }
    }

    @Test("tokens differ from request to request")
    func tokensDiffer() {
        let tokens = Set((0..<500).map { _ in PostmanToken.random() })
        #expect(tokens.count == 500)
    }

    @Test("bytes format as 8-4-4-4-12 hex digits")
    func formatting() {
        let bytes: [UInt8] = [0x00, 0x01, 0x02, 0x03, 0xA4, 0xB5, 0x46, 0xD7, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF]
        #expect(PostmanToken.format(bytes) == "00010203-a4b5-46d7-8899-aabbccddeeff")
    }
}
