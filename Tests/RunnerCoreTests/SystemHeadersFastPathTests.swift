import Testing
@testable import RunContracts
import RunContracts
@testable import RunnerCore

@Suite("System headers' fast paths")
struct SystemHeadersFastPathTests {
    @Test("header names compare as lower-cased text does", arguments: [
        ("Content-Type", "content-type"), ("HOST", "host"), ("X-A", "X-B"), ("Host", "Hos"), ("@", "`"), ("[", "{"),
        ("Ünïcode", "üNÏCODE"), ("Straße", "STRASSE"), ("", ""), ("a", ""), ("Coo\u{212A}ie", "cookie"), ("k", "\u{212A}"),
    ])
    func sameNameAgrees(pair: (String, String)) {
        #expect(HTTPHeader.sameName(pair.0, pair.1) == (pair.0.lowercased() == pair.1.lowercased()))
    }

    @Test("repeated names still travel together at the first one's place; distinct names keep their order")
    func grouping() {
        let distinct = [HTTPHeader("B", "1"), HTTPHeader("A", "2"), HTTPHeader("b", "3")]
        #expect(SystemHeaders.groupedByName(distinct) == distinct)
        let repeated = [HTTPHeader("B", "1"), HTTPHeader("A", "2"), HTTPHeader("B", "3")]
        #expect(SystemHeaders.groupedByName(repeated) == [HTTPHeader("B", "1"), HTTPHeader("B", "3"), HTTPHeader("A", "2")])
    }

    @Test("validation still refuses bad names and values and accepts Latin-1 values")
    func validation() {
        #expect(throws: RequestBuildError.self) { try SystemHeaders.validate([HTTPHeader("Bad Name", "x")]) }
        #expect(throws: RequestBuildError.self) { try SystemHeaders.validate([HTTPHeader("X", "a\nb")]) }
        #expect(throws: RequestBuildError.self) { try SystemHeaders.validate([HTTPHeader("X", "€")]) }
        #expect(throws: RequestBuildError.self) { try SystemHeaders.validate([HTTPHeader("Ü", "x")]) }
        #expect(throws: Never.self) { try SystemHeaders.validate([HTTPHeader("X-Ok", "café\tü"), HTTPHeader("A1!#", "")]) }
    }
}
