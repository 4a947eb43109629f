import Testing
import Foundation
import RunContracts
@testable import RunnerCore

@Suite("Dynamic variables")
struct DynamicVariablesTests {
    let variables = DynamicVariables()

    /// Every name postman-collection 4.4 defines.
    static let postmanNames: [String] = [
        "$guid", "$timestamp", "$isoTimestamp", "$randomInt", "$randomPhoneNumber", "$randomPhoneNumberExt",
        "$randomLocale", "$randomWords", "$randomFilePath", "$randomDirectoryPath", "$randomCity", "$randomStreetName",
        "$randomStreetAddress", "$randomCountry", "$randomCountryCode", "$randomLatitude", "$randomLongitude",
        "$randomColor", "$randomDepartment", "$randomProductName", "$randomProductAdjective", "$randomProductMaterial",
        "$randomProduct", "$randomCompanyName", "$randomCompanySuffix", "$randomCatchPhrase", "$randomBs",
        "$randomCatchPhraseAdjective", "$randomCatchPhraseDescriptor", "$randomCatchPhraseNoun", "$randomBsAdjective",
        "$randomBsBuzz", "$randomBsNoun", "$randomDatabaseColumn", "$randomDatabaseType", "$randomDatabaseCollation",
        "$randomDatabaseEngine", "$randomDatePast", "$randomDateFuture", "$randomDateRecent", "$randomMonth",
        "$randomWeekday", "$randomBankAccount", "$randomBankAccountName", "$randomCreditCardMask", "$randomPrice",
        "$randomTransactionType", "$randomCurrencyCode", "$randomCurrencyName", "$randomCurrencySymbol",
        "$randomBitcoin", "$randomBankAccountIban", "$randomBankAccountBic", "$randomAbbreviation", "$randomAdjective",
        "$randomNoun", "$randomVerb", "$randomIngverb", "$randomPhrase", "$randomAvatarImage", "$randomImageUrl",
        "$randomAbstractImage", "$randomAnimalsImage", "$randomBusinessImage", "$randomCatsImage", "$randomCityImage",
        "$randomFoodImage", "$randomNightlifeImage", "$randomFashionImage", "$randomPeopleImage", "$randomNatureImage",
        "$randomSportsImage", "$randomTransportImage", "$randomImageDataUri", "$randomEmail", "$randomExampleEmail",
        "$randomUserName", "$randomProtocol", "$randomUrl", "$randomDomainName", "$randomDomainSuffix",
        "$randomDomainWord", "$randomIP", "$randomIPV6", "$randomUserAgent", "$randomHexColor", "$randomMACAddress",
        "$randomPassword", "$randomLoremWord", "$randomLoremWords", "$randomLoremSentence", "$randomLoremSlug",
        "$randomLoremSentences", "$randomLoremParagraph", "$randomLoremParagraphs", "$randomLoremText",
        "$randomLoremLines", "$randomFirstName", "$randomLastName", "$randomFullName", "$randomJobTitle",
        "$randomNamePrefix", "$randomNameSuffix", "$randomJobDescriptor", "$randomJobArea", "$randomJobType",
        "$randomUUID", "$randomBoolean", "$randomWord", "$randomAlphaNumeric", "$randomFileName",
        "$randomCommonFileName", "$randomMimeType", "$randomCommonFileType", "$randomCommonFileExt", "$randomFileType",
        "$randomFileExt", "$randomSemver",
    ]

    private func matches(_ value: String?, _ pattern: String) -> Bool {
        guard let value else { return false }
        return value.range(of: pattern, options: .regularExpression) != nil
    }

    @Test("every Postman name gives a non-empty value, and no name is invented")
    func everyName() {
        for name in Self.postmanNames {
            let value = variables.value(for: name)
            #expect(value?.isEmpty == false, "\(name)")
        }
        #expect(Set(DynamicVariables.names) == Set(Self.postmanNames))
    }

    @Test("unknown names give nil")
    func unknown() {
        #expect(variables.value(for: "$nope") == nil)
        #expect(variables.value(for: "guid") == nil)
        #expect(variables.value(for: "$RandomInt") == nil)
    }

    @Test("$guid and $randomUUID are fresh v4 UUIDs")
    func uuids() {
        let v4 = "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
        for _ in 0..<50 {
            #expect(matches(variables.value(for: "$guid"), v4))
            #expect(matches(variables.value(for: "$randomUUID"), v4))
        }
        #expect(variables.value(for: "$guid") != variables.value(for: "$guid"))
    }

    @Test("$timestamp is Unix seconds now; $isoTimestamp is an ISO 8601 UTC instant")
    func timestamps() throws {
        let before = Int(Date().timeIntervalSince1970)
        let stamp = try #require(variables.value(for: "$timestamp").flatMap { Int($0) })
        let after = Int(Date().timeIntervalSince1970)
        #expect(stamp >= before - 1 && stamp <= after + 1)
        let iso = try #require(variables.value(for: "$isoTimestamp"))
        #expect(matches(iso, "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$"))
        let parsed = try #require(ISO8601DateFormatter.withFractionalSeconds.date(from: iso))
        #expect(abs(parsed.timeIntervalSince1970 - Double(stamp)) < 2)
    }

    @Test("$randomInt stays in 0...1000")
    func randomInt() {
        for _ in 0..<500 {
            let value = variables.value(for: "$randomInt").flatMap { Int($0) }
            #expect(value.map { (0...1000).contains($0) } == true)
        }
    }

    @Test("internet values have their shapes")
    func internet() {
        for _ in 0..<20 {
            #expect(matches(variables.value(for: "$randomEmail"), "^[^@\\s]+@[a-z]+\\.[a-z]+$"))
            #expect(matches(variables.value(for: "$randomExampleEmail"), "@example\\.(com|net|org)$"))
            #expect(matches(variables.value(for: "$randomIP"), "^(\\d{1,3}\\.){3}\\d{1,3}$"))
            #expect(matches(variables.value(for: "$randomIPV6"), "^([0-9a-f]{4}:){7}[0-9a-f]{4}$"))
            #expect(matches(variables.value(for: "$randomMACAddress"), "^([0-9a-f]{2}:){5}[0-9a-f]{2}$"))
            #expect(matches(variables.value(for: "$randomHexColor"), "^#[0-9a-f]{6}$"))
            #expect(matches(variables.value(for: "$randomUrl"), "^https?://[a-z]+\\.[a-z]+$"))
            #expect(matches(variables.value(for: "$randomPassword"), "^[A-Za-z0-9_]{15}$"))
            #expect(matches(variables.value(for: "$randomProtocol"), "^https?$"))
            #expect(matches(variables.value(for: "$randomAbstractImage"), "^http://placeimg\\.com/640/480/abstract$"))
        }
    }

    @Test("numbers, dates and codes have their shapes")
    func shapes() {
        for _ in 0..<20 {
            #expect(matches(variables.value(for: "$randomPhoneNumber"), "^[2-9]\\d{2}-[2-9]\\d{2}-\\d{4}$"))
            #expect(matches(variables.value(for: "$randomPhoneNumberExt"), "^\\d{1,2}-[2-9]\\d{2}-[2-9]\\d{2}-\\d{4}$"))
            #expect(matches(variables.value(for: "$randomBankAccount"), "^\\d{8}$"))
            #expect(matches(variables.value(for: "$randomPrice"), "^(0|[1-9]\\d{0,3})\\.\\d{2}$"))
            #expect(matches(variables.value(for: "$randomCountryCode"), "^[A-Z]{2}$"))
            #expect(matches(variables.value(for: "$randomCurrencyCode"), "^[A-Z]{3}$"))
            #expect(matches(variables.value(for: "$randomSemver"), "^\\d\\.\\d\\.\\d$"))
            #expect(matches(variables.value(for: "$randomBoolean"), "^(true|false)$"))
            #expect(matches(variables.value(for: "$randomAlphaNumeric"), "^[a-z0-9]$"))
            #expect(matches(variables.value(for: "$randomBankAccountIban"), "^[A-Z]{2}\\d{2}[A-Z0-9]{11,27}$"))
            #expect(matches(variables.value(for: "$randomBitcoin"), "^[13][1-9A-HJ-NP-Za-km-z]{24,33}$"))
            #expect(matches(variables.value(for: "$randomDatePast"),
                            "^[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\\+0000 \\(Coordinated Universal Time\\)$"))
            #expect(matches(variables.value(for: "$randomFilePath"), "^/.*/?[a-z_]+\\.[a-z0-9]+$"))
            let latitude = variables.value(for: "$randomLatitude").flatMap(Double.init)
            #expect(latitude.map { (-90...90).contains($0) } == true)
            let longitude = variables.value(for: "$randomLongitude").flatMap(Double.init)
            #expect(longitude.map { (-180...180).contains($0) } == true)
            let words = variables.value(for: "$randomWords")?.split(separator: " ").count ?? 0
            #expect(words >= 2)
        }
    }
}

extension ISO8601DateFormatter {
    static var withFractionalSeconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
