import Foundation
import Testing
import RunContracts
@testable import RunnerCore

/// The `$random…` values have the shapes Newman's give (postman-collection 4.4 calling faker 5.5.3 without
/// arguments): URL forms, word kinds, number ranges, formats and lengths. Each variable is drawn many times so that
/// every branch of its generator is seen.
@Suite("Dynamic variables: the shapes of faker 5.5.3")
struct DynamicVariableShapeTests {
    let variables = DynamicVariables()
    static let draws = 300

    private func values(_ name: String, count: Int = draws) -> [String] {
        (0..<count).map { _ in variables.value(for: name) ?? "" }
    }

    private func expectAll(_ name: String, match pattern: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let regex = try! NSRegularExpression(pattern: pattern)
        for value in values(name) {
            let range = NSRange(value.startIndex..., in: value)
            #expect(regex.firstMatch(in: value, range: range) != nil, "\(name) = \(value.debugDescription)",
                    sourceLocation: sourceLocation)
        }
    }

    static let vocabulary = Set(FakeWords.loremWords)

    // MARK: lorem

    @Test("the lorem vocabulary is the Latin of Cicero's passage, not the classic lorem ipsum filler")
    func loremVocabulary() {
        for word in ["voluptatem", "consequatur", "aut", "quia", "et", "sit", "dolores", "repellendus", "perspiciatis"] {
            #expect(Self.vocabulary.contains(word), "\(word)")
        }
        for word in ["lorem", "adipiscing", "elit", "eiusmod", "tempor", "incididunt", "aliqua", "laboris"] {
            #expect(!Self.vocabulary.contains(word), "\(word)")
        }
        #expect(Self.vocabulary.count > 150)
        #expect(FakeWords.loremWords.count == Self.vocabulary.count)
        #expect(Self.vocabulary.allSatisfy { $0.range(of: "^[a-z]+$", options: .regularExpression) != nil })
    }

    /// The words of a lorem text, lower-cased, without the sentences' periods.
    private func loremWords(_ text: String) -> [String] {
        text.split(whereSeparator: { " \n\r".contains($0) }).map { $0.lowercased().trimmingCharacters(in: ["."]) }
    }

    /// A faker sentence: 3–10 vocabulary words, the first capitalised, ending in a period.
    private func expectSentence(_ sentence: some StringProtocol, _ context: String) {
        #expect(sentence.first?.isUppercase == true && sentence.hasSuffix("."), "\(context): \(sentence)")
        let words = loremWords(String(sentence))
        #expect((3...10).contains(words.count), "\(context): \(sentence)")
        #expect(words.allSatisfy(Self.vocabulary.contains), "\(context): \(sentence)")
    }

    private func sentences(_ text: String) -> [Substring] {
        text.split(separator: ".", omittingEmptySubsequences: true).map { $0.drop(while: { $0 == " " }) + "." }
            .map { Substring($0) }
    }

    @Test("$randomLoremWord, $randomLoremWords, $randomLoremSlug: one, three, three-hyphenated vocabulary words")
    func loremWordsAndSlug() {
        for word in values("$randomLoremWord") { #expect(Self.vocabulary.contains(word), "\(word)") }
        for words in values("$randomLoremWords") {
            let parts = words.split(separator: " ").map(String.init)
            #expect(parts.count == 3 && parts.allSatisfy(Self.vocabulary.contains), "\(words)")
        }
        for slug in values("$randomLoremSlug") {
            let parts = slug.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            #expect(parts.count == 3 && parts.allSatisfy(Self.vocabulary.contains), "\(slug)")
        }
    }

    @Test("$randomLoremSentence: capitalised, 3–10 words, a period")
    func loremSentence() {
        for sentence in values("$randomLoremSentence") {
            #expect(sentences(sentence).count == 1, "\(sentence)")
            expectSentence(sentence, "$randomLoremSentence")
        }
    }

    @Test("$randomLoremSentences 2–6, $randomLoremParagraph 3–6 sentences; $randomLoremLines 1–5 lines")
    func loremSentencesAndParagraphs() {
        for text in values("$randomLoremSentences") {
            #expect((2...6).contains(sentences(text).count), "\(text)")
            #expect(!text.contains("\n"))
            sentences(text).forEach { expectSentence($0, "$randomLoremSentences") }
        }
        for text in values("$randomLoremParagraph") {
            #expect((3...6).contains(sentences(text).count), "\(text)")
            sentences(text).forEach { expectSentence($0, "$randomLoremParagraph") }
        }
        for text in values("$randomLoremLines") {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect((1...5).contains(lines.count), "\(text)")
            lines.forEach { expectSentence($0, "$randomLoremLines") }
        }
        for text in values("$randomLoremParagraphs", count: 50) {
            let paragraphs = text.components(separatedBy: "\n \r")
            #expect(paragraphs.count == 3, "\(text)")
            for paragraph in paragraphs { #expect((3...6).contains(sentences(paragraph).count), "\(paragraph)") }
        }
    }

    @Test("$randomLoremText is one of the seven lorem generators' outputs, all vocabulary words")
    func loremText() {
        var kinds = Set<String>()
        for text in values("$randomLoremText", count: 600) {
            #expect(loremWords(text).allSatisfy(Self.vocabulary.contains), "\(text)")
            if text.contains("\n \r") { kinds.insert("paragraphs") } else if text.contains("\n") { kinds.insert("lines") }
            else if !text.hasSuffix(".") { kinds.insert(text.contains(" ") ? "words" : "word") } else { kinds.insert("sentences") }
        }
        #expect(kinds == ["word", "words", "sentences", "lines", "paragraphs"])
    }

    // MARK: words

    @Test("$randomWord is one word (no space); $randomWords 2–5 of them")
    func randomWords() {
        for word in values("$randomWord", count: 1000) {
            #expect(!word.isEmpty && !word.contains(" "), "\(word.debugDescription)")
        }
        for words in values("$randomWords") {
            let parts = words.split(separator: " ", omittingEmptySubsequences: false)
            #expect((2...5).contains(parts.count) && parts.allSatisfy { !$0.isEmpty }, "\(words.debugDescription)")
        }
    }

    // MARK: images

    @Test("$randomAvatarImage is a cdn.fakercloud.com avatar of a Twitter-like handle")
    func avatar() {
        expectAll("$randomAvatarImage", match: "^https://cdn\\.fakercloud\\.com/avatars/[A-Za-z0-9_]+_128\\.jpg$")
    }

    @Test("$randomImageUrl and the category images are http://placeimg.com/640/480[/category]")
    func imageURLs() {
        expectAll("$randomImageUrl", match: "^http://placeimg\\.com/640/480$")
        for category in ["Abstract", "Animals", "Business", "Cats", "City", "Food", "Nightlife", "Fashion", "People",
                         "Nature", "Sports", "Transport"] {
            expectAll("$random\(category)Image", match: "^http://placeimg\\.com/640/480/\(category.lowercased())$")
        }
    }

    @Test("$randomImageDataUri is faker's argument-less SVG: grey, undefined size, encodeURIComponent-encoded")
    func imageDataURI() throws {
        let uri = try #require(variables.value(for: "$randomImageDataUri"))
        let prefix = "data:image/svg+xml;charset=UTF-8,"
        #expect(uri.hasPrefix(prefix))
        let encoded = String(uri.dropFirst(prefix.count))
        #expect(encoded.range(of: "^[A-Za-z0-9%\\-_.!~*'()]+$", options: .regularExpression) != nil)
        #expect(encoded.hasPrefix("%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%20"))
        let svg = try #require(encoded.removingPercentEncoding)
        #expect(svg.contains("width=\"undefined\" height=\"undefined\""))
        #expect(svg.contains("<rect width=\"100%\" height=\"100%\" fill=\"grey\"/>"))
        #expect(svg.contains(">undefinedxundefined</text></svg>"))
        #expect(Set(values("$randomImageDataUri", count: 5)) == [uri])
    }

    // MARK: internet

    @Test("$randomEmail is First.Last##-like at gmail, yahoo or hotmail; $randomExampleEmail at example.*")
    func emails() {
        let local = "[A-Z][A-Za-z]+([._][A-Z][A-Za-z]+)?\\d{0,2}"
        expectAll("$randomEmail", match: "^\(local)@(gmail|yahoo|hotmail)\\.com$")
        expectAll("$randomExampleEmail", match: "^\(local)@example\\.(com|net|org)$")
        expectAll("$randomUserName", match: "^\(local)$")
    }

    @Test("$randomUrl, $randomDomainName, $randomDomainWord, $randomDomainSuffix: a first name and faker's six suffixes")
    func domains() {
        let suffix = "(com|biz|info|name|net|org)"
        expectAll("$randomDomainSuffix", match: "^\(suffix)$")
        expectAll("$randomDomainWord", match: "^[a-z]+$")
        expectAll("$randomDomainName", match: "^[a-z]+\\.\(suffix)$")
        expectAll("$randomUrl", match: "^https?://[a-z]+\\.\(suffix)$")
        let firstNames = Set(FakeWords.firstNames.map { $0.lowercased() })
        for word in values("$randomDomainWord") { #expect(firstNames.contains(word), "\(word)") }
    }

    @Test("$randomIP is a dotted quad of 0–255; $randomHexColor has channels 00–80 (faker halves 0–256)")
    func ipAndColor() {
        for ip in values("$randomIP") {
            let parts = ip.split(separator: ".").compactMap { Int($0) }
            #expect(parts.count == 4 && parts.allSatisfy { (0...255).contains($0) }, "\(ip)")
        }
        expectAll("$randomHexColor", match: "^#[0-9a-f]{6}$")
        for color in values("$randomHexColor", count: 1000) {
            let channels = stride(from: 1, to: 7, by: 2).map { offset -> Int in
                let start = color.index(color.startIndex, offsetBy: offset)
                return Int(color[start..<color.index(start, offsetBy: 2)], radix: 16) ?? -1
            }
            #expect(channels.allSatisfy { (0...0x80).contains($0) }, "\(color)")
        }
    }

    @Test("$randomLocale is a two- or three-letter language code")
    func locale() { expectAll("$randomLocale", match: "^[a-z]{2,3}$") }

    // MARK: finance

    @Test("$randomPrice is 0.00–1000.00 with two decimals, as faker's finance.amount()")
    func price() {
        expectAll("$randomPrice", match: "^(0|[1-9]\\d{0,3})\\.\\d{2}$")
        let prices = values("$randomPrice").compactMap(Double.init)
        #expect(prices.count == Self.draws && prices.allSatisfy { (0...1000).contains($0) })
        // Not Postman's documented 100–999: about one price in ten is below 100.
        #expect(prices.contains { $0 < 100 })
    }

    @Test("$randomBankAccountBic: 3 letters, a vowel, a country, a letter, 1, then nothing, 3 digits or letter-vowel-letter")
    func bic() {
        expectAll("$randomBankAccountBic", match: "^[A-Z]{3}[AEIOU][A-Z]{2}[A-Z]1([A-Z][AEIOU][A-Z]|\\d{3})?$")
    }

    @Test("$randomBankAccountIban: 15–31 characters whose check digits pass ISO 13616's mod 97")
    func iban() {
        expectAll("$randomBankAccountIban", match: "^[A-Z]{2}\\d{2}[A-Z0-9]{11,27}$")
        for iban in values("$randomBankAccountIban") {
            let rearranged = iban.dropFirst(4) + iban.prefix(4)
            var remainder = 0
            for scalar in rearranged.unicodeScalars {
                let digits = scalar.value <= 57 ? String(scalar.value - 48) : String(scalar.value - 55)
                for digit in digits { remainder = (remainder * 10 + Int(String(digit))!) % 97 }
            }
            #expect(remainder == 1, "\(iban)")
        }
    }

    // MARK: people and places

    @Test("$randomLatitude and $randomLongitude always print four decimals within ±90 / ±180")
    func coordinates() {
        expectAll("$randomLatitude", match: "^-?\\d{1,2}\\.\\d{4}$")
        expectAll("$randomLongitude", match: "^-?\\d{1,3}\\.\\d{4}$")
        for value in values("$randomLatitude") { #expect(Double(value).map { abs($0) <= 90 } == true) }
        for value in values("$randomLongitude") { #expect(Double(value).map { abs($0) <= 180 } == true) }
    }

    @Test("$randomStreetAddress is 3–5 digits and a street name")
    func streetAddress() {
        expectAll("$randomStreetAddress", match: "^\\d{3,5} [A-Z][a-z]+ [A-Z][a-z]+$")
    }

    @Test("$randomFullName: first and last name, sometimes after a prefix or before a suffix")
    func fullName() {
        let prefixes = Set(FakeWords.namePrefixes), suffixes = Set(FakeWords.nameSuffixes)
        for name in values("$randomFullName", count: 1000) {
            let parts = name.split(separator: " ").map(String.init)
            switch parts.count {
            case 2: break
            case 3: #expect(prefixes.contains(parts[0]) || suffixes.contains(parts[2]), "\(name)")
            default: Issue.record("\(name)")
            }
        }
    }

    @Test("$randomCity: one of faker's five English forms")
    func city() {
        let prefixes = FakeWords.cityPrefixes.joined(separator: "|"), suffixes = FakeWords.citySuffixes.joined(separator: "|")
        let forms = ["(\(prefixes)) [A-Z][a-z]+(\(suffixes))", "(\(prefixes)) [A-Z][a-z]+", "[A-Z][a-z]+(\(suffixes))",
                     FakeWords.cities.joined(separator: "|")]
        expectAll("$randomCity", match: "^(" + forms.joined(separator: "|") + ")$")
    }

    // MARK: files

    @Test("$randomFileName / $randomCommonFileName: 1–3 random words, lower case, non-word characters as _, an extension")
    func fileNames() {
        expectAll("$randomFileName", match: "^[a-z0-9_]+\\.[a-z0-9]+$")
        expectAll("$randomCommonFileName", match: "^[a-z0-9_]+\\.(pdf|mpga|wav|png|jpeg|gif|mp4|mpeg|html)$")
        expectAll("$randomFilePath", match: "^(/[A-Za-z0-9+]+)+/[a-z0-9_]+\\.[a-z0-9]+$")
    }
}
