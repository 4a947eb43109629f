// Internet, image, hacker, lorem and file-system values.

extension Fake {
    static func domainWord(_ r: inout RNG) -> String {
        let word = Bool.random(using: &r) ? pick(FakeWords.lastNames, &r) : pick(FakeWords.firstNames, &r)
        return word.lowercased()
    }

    static func domainName(_ r: inout RNG) -> String { "\(domainWord(&r)).\(pick(FakeWords.domainSuffixes, &r))" }

    static func userName(_ r: inout RNG) -> String {
        let first = pick(FakeWords.firstNames, &r)
        let last = pick(FakeWords.lastNames, &r)
        switch Int.random(in: 0..<3, using: &r) {
        case 0: return "\(first)\(Int.random(in: 0...99, using: &r))"
        case 1: return "\(first)\(Bool.random(using: &r) ? "." : "_")\(last)"
        default: return "\(first)\(Bool.random(using: &r) ? "." : "_")\(last)\(Int.random(in: 0...99, using: &r))"
        }
    }

    static func email(domain: String, _ r: inout RNG) -> String {
        "\(userName(&r))@\(domain)"
    }

    static func ipv6(_ r: inout RNG) -> String { (0..<8).map { _ in hex(4, &r) }.joined(separator: ":") }

    static func mac(_ r: inout RNG) -> String { (0..<6).map { _ in hex(2, &r) }.joined(separator: ":") }

    static func imageURL(_ category: String?) -> String {
        "http://placeimg.com/640/480" + (category.map { "/\($0)" } ?? "")
    }

    static func loremWords(_ count: Int, _ r: inout RNG) -> [String] { (0..<count).map { _ in pick(FakeWords.loremWords, &r) } }

    static func sentence(_ r: inout RNG) -> String {
        capitalized(loremWords(Int.random(in: 3...10, using: &r), &r).joined(separator: " ")) + "."
    }

    static func sentences(_ count: Int, _ r: inout RNG) -> String {
        (0..<count).map { _ in sentence(&r) }.joined(separator: " ")
    }

    static func paragraph(_ r: inout RNG) -> String { sentences(3 + Int.random(in: 0...3, using: &r), &r) }

    static func phrase(_ r: inout RNG) -> String {
        let noun = pick(FakeWords.hackerNouns, &r)
        let adjective = pick(FakeWords.hackerAdjectives, &r)
        let abbreviation = pick(FakeWords.abbreviations, &r)
        switch Int.random(in: 0..<3, using: &r) {
        case 0:
            return "If we \(pick(FakeWords.hackerVerbs, &r)) the \(noun), we can get to the \(abbreviation) \(noun) through the \(adjective) \(abbreviation) \(noun)!"
        case 1:
            return "Try to \(pick(FakeWords.hackerVerbs, &r)) the \(abbreviation) \(noun), maybe it will \(pick(FakeWords.hackerVerbs, &r)) the \(adjective) \(noun)!"
        default:
            return "I'll \(pick(FakeWords.hackerVerbs, &r)) the \(adjective) \(abbreviation) \(noun), that should \(noun) the \(abbreviation) \(noun)!"
        }
    }

    static func fileName(ext: String, _ r: inout RNG) -> String {
        "\(loremWords(Int.random(in: 1...2, using: &r), &r).joined(separator: "_")).\(ext)"
    }

    static func anyFile(_ r: inout RNG) -> (mime: String, ext: String) {
        Int.random(in: 0..<3, using: &r) == 0 ? pick(FakeWords.commonFiles, &r) : pick(FakeWords.otherFiles, &r)
    }

    static let internetAndMedia: [String: DynamicVariables.Generator] = [
        "$randomEmail": { r in email(domain: pick(FakeWords.freeEmailDomains, &r), &r) },
        "$randomExampleEmail": { r in email(domain: pick(["example.com", "example.net", "example.org"], &r), &r) },
        "$randomUserName": { r in userName(&r) },
        "$randomProtocol": { r in Bool.random(using: &r) ? "https" : "http" },
        "$randomUrl": { r in "\(Bool.random(using: &r) ? "https" : "http")://\(domainName(&r))" },
        "$randomDomainName": { r in domainName(&r) },
        "$randomDomainSuffix": { r in pick(FakeWords.domainSuffixes, &r) },
        "$randomDomainWord": { r in domainWord(&r) },
        "$randomIP": { r in (0..<4).map { _ in String(Int.random(in: 0...255, using: &r)) }.joined(separator: ".") },
        "$randomIPV6": { r in ipv6(&r) },
        "$randomUserAgent": { r in pick(FakeWords.userAgents, &r) },
        "$randomHexColor": { r in "#" + hex(6, &r) },
        "$randomMACAddress": { r in mac(&r) },
        "$randomPassword": { r in
            characters(from: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_", count: 15, &r)
        },
        "$randomAbbreviation": { r in pick(FakeWords.abbreviations, &r) },
        "$randomAdjective": { r in pick(FakeWords.hackerAdjectives, &r) },
        "$randomNoun": { r in pick(FakeWords.hackerNouns, &r) },
        "$randomVerb": { r in pick(FakeWords.hackerVerbs, &r) },
        "$randomIngverb": { r in pick(FakeWords.hackerIngVerbs, &r) },
        "$randomPhrase": { r in phrase(&r) },
        "$randomAvatarImage": { r in
            "https://cloudflare-ipfs.com/ipfs/Qmd3W5DuhgHirLHGVixi6V76LhCkZUz6pnFt5AJBiyvHye/avatar/\(Int.random(in: 1...1249, using: &r)).jpg"
        },
        "$randomImageUrl": { _ in imageURL(nil) },
        "$randomAbstractImage": { _ in imageURL("abstract") },
        "$randomAnimalsImage": { _ in imageURL("animals") },
        "$randomBusinessImage": { _ in imageURL("business") },
        "$randomCatsImage": { _ in imageURL("cats") },
        "$randomCityImage": { _ in imageURL("city") },
        "$randomFoodImage": { _ in imageURL("food") },
        "$randomNightlifeImage": { _ in imageURL("nightlife") },
        "$randomFashionImage": { _ in imageURL("fashion") },
        "$randomPeopleImage": { _ in imageURL("people") },
        "$randomNatureImage": { _ in imageURL("nature") },
        "$randomSportsImage": { _ in imageURL("sports") },
        "$randomTransportImage": { _ in imageURL("transport") },
        "$randomImageDataUri": { r in
            let color = pick(FakeWords.colors, &r).replacingSpaces()
            return "data:image/svg+xml;charset=UTF-8,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%20"
                + "version%3D%221.1%22%20baseProfile%3D%22full%22%20width%3D%22640%22%20height%3D%22480%22%3E%3Crect%20"
                + "width%3D%22100%25%22%20height%3D%22100%25%22%20fill%3D%22\(color)%22%2F%3E%3C%2Fsvg%3E"
        },
    ]

    static let textAndFiles: [String: DynamicVariables.Generator] = [
        "$randomLoremWord": { r in pick(FakeWords.loremWords, &r) },
        "$randomLoremWords": { r in loremWords(3, &r).joined(separator: " ") },
        "$randomLoremSentence": { r in sentence(&r) },
        "$randomLoremSlug": { r in loremWords(3, &r).joined(separator: "-") },
        "$randomLoremSentences": { r in sentences(Int.random(in: 2...6, using: &r), &r) },
        "$randomLoremParagraph": { r in paragraph(&r) },
        "$randomLoremParagraphs": { r in (0..<3).map { _ in paragraph(&r) }.joined(separator: "\n \r") },
        "$randomLoremText": { r in
            Bool.random(using: &r) ? sentence(&r) : paragraph(&r)
        },
        "$randomLoremLines": { r in (0..<Int.random(in: 1...5, using: &r)).map { _ in sentence(&r) }.joined(separator: "\n") },
        "$randomFileName": { r in fileName(ext: anyFile(&r).ext, &r) },
        "$randomCommonFileName": { r in fileName(ext: pick(FakeWords.commonFiles, &r).ext, &r) },
        "$randomFilePath": { r in "\(pick(FakeWords.directoryPaths, &r))/\(fileName(ext: anyFile(&r).ext, &r))" },
        "$randomDirectoryPath": { r in pick(FakeWords.directoryPaths, &r) },
        "$randomMimeType": { r in anyFile(&r).mime },
        "$randomCommonFileType": { r in pick(FakeWords.commonFileTypes, &r) },
        "$randomCommonFileExt": { r in pick(FakeWords.commonFiles, &r).ext },
        "$randomFileType": { r in pick(FakeWords.fileTypes, &r) },
        "$randomFileExt": { r in anyFile(&r).ext },
        "$randomSemver": { r in
            "\(Int.random(in: 0...9, using: &r)).\(Int.random(in: 0...9, using: &r)).\(Int.random(in: 0...9, using: &r))"
        },
    ]
}

extension String {
    /// Spaces as `%20`, for colour names inside a data URI.
    func replacingSpaces() -> String { split(separator: " ", omittingEmptySubsequences: false).joined(separator: "%20") }
}
