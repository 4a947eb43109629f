#if canImport(Glibc)
import AuthSigning
import RunContracts
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Postman's dynamic variables (`{{$guid}}`, `{{$timestamp}}`, the `$random*` family): a fresh value per call.
/// The names are postman-collection 4.4's (`lib/superstring/dynamic-variables.js`); the values have the shapes
/// faker 5.5.3 gives them (`$randomEmail` an address, `$randomIP` a dotted quad, `$randomDatePast` a JavaScript
/// `Date` string, `$randomLoremSentence` Latin words of the Cicero passage), with the same formats, ranges and
/// lengths, drawn from our own short word lists.
package struct DynamicVariables: Sendable {
    /// Stateless: every call draws from the system random source.
    package init() {}

    /// The value for `$name`, or `nil` when Postman defines no such variable.
    package func value(for name: String) -> String? {
        guard let generator = Self.generators[name] else { return nil }
        var random = SystemRandomNumberGenerator()
        return generator(&random)
    }

    /// Every name Postman defines, `$` included.
    package static var names: [String] { generators.keys.sorted() }

    typealias Generator = @Sendable (inout SystemRandomNumberGenerator) -> String

    static let generators: [String: Generator] = {
        var table: [String: Generator] = [
            "$guid": { r in Fake.uuid(&r) },
            "$timestamp": { _ in String(Fake.now().seconds) },
            "$isoTimestamp": { _ in Fake.isoTimestamp(Fake.now()) },
            "$randomInt": { r in String(Int.random(in: 0...1000, using: &r)) },
            "$randomUUID": { r in Fake.uuid(&r) },
            "$randomBoolean": { r in Bool.random(using: &r) ? "true" : "false" },
            "$randomAlphaNumeric": { r in Fake.alphaNumeric(1, &r) },
            "$randomWord": { r in Fake.word(&r) },
            "$randomWords": { r in
                (0..<Int.random(in: 2...5, using: &r)).map { _ in Fake.word(&r) }.joined(separator: " ")
            },
            "$randomLocale": { r in Fake.pick(FakeWords.locales, &r) },
            "$randomPhoneNumber": { r in Fake.phone(&r) },
            "$randomPhoneNumberExt": { r in "\(Int.random(in: 1...99, using: &r))-\(Fake.phone(&r))" },
        ]
        table.merge(Fake.peopleAndPlaces, uniquingKeysWith: { first, _ in first })
        table.merge(Fake.businessAndData, uniquingKeysWith: { first, _ in first })
        table.merge(Fake.internetAndMedia, uniquingKeysWith: { first, _ in first })
        table.merge(Fake.textAndFiles, uniquingKeysWith: { first, _ in first })
        return table
    }()
}
