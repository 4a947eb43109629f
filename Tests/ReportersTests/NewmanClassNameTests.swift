import Testing
@testable import Reporters

@Suite("Newman's JUnit class names")
struct NewmanClassNameTests {
    @Test("camel-cases words the way lodash splits them", arguments: [
        ("A simple GET request", "ASimpleGetRequest"),
        ("Folder / Req", "FolderReq"),
        ("get-user_by id", "GetUserById"),
        ("XMLHttpRequest", "XmlHttpRequest"),
        ("fooBar baz", "FooBarBaz"),
        ("abc123def", "Abc123Def"),
        ("the 1st request", "The1stRequest"),
        ("café au lait", "CafeAuLait"),
        ("Don't stop", "DontStop"),
        ("日本 request", "Request"),
        ("", ""),
    ])
    func className(input: String, expected: String) {
        #expect(NewmanClassName.make(input) == expected)
    }
}
