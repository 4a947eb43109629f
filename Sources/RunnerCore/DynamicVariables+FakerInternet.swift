// Internet, image, hacker, lorem and file-system values.

extension Fake {
    /// A first name in lower case, as faker 5's `domainWord`.
    static func domainWord(_ r: inout RNG) -> String { pick(FakeWords.firstNames, &r).lowercased() }

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

    /// faker 5's `internet.color()`: each channel is half of 0…256, so 00…80; lower-case hex.
    static func hexColor(_ r: inout RNG) -> String {
        let hexDigits = Array("0123456789abcdef")
        return "#" + String((0..<3).flatMap { _ -> [Character] in
            let channel = Int.random(in: 0...256, using: &r) / 2
            return [hexDigits[channel >> 4], hexDigits[channel & 0xF]]
        })
    }

    /// `https://cdn.fakercloud.com/avatars/<handle>_128.jpg`, faker 5's `internet.avatar()`, with a handle of the
    /// Twitter/Dribbble kind made from our names (`maryjones`, `k_lopez7`, `DavidHill`).
    static func avatarURL(_ r: inout RNG) -> String {
        let first = pick(FakeWords.firstNames, &r), last = pick(FakeWords.lastNames, &r)
        let handle: String
        switch Int.random(in: 0..<4, using: &r) {
        case 0: handle = (first + last).lowercased()
        case 1: handle = "\(first.prefix(1))_\(last)\(Int.random(in: 1...99, using: &r))".lowercased()
        case 2: handle = first + last
        default: handle = "\(first.lowercased())\(last.prefix(3).lowercased())\(Bool.random(using: &r) ? "_" : "")"
        }
        return "https://cdn.fakercloud.com/avatars/\(handle)_128.jpg"
    }

    /// What faker 5's `image.dataUri()` gives when called without arguments, as Postman calls it: a grey SVG whose
    /// width and height are JavaScript's `undefined` (its label `NaN`-placed), percent-encoded as
    /// `encodeURIComponent` does. The same text every time.
    static let imageDataURI: String = {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" baseProfile=\"full\" width=\"undefined\""
            + " height=\"undefined\"><rect width=\"100%\" height=\"100%\" fill=\"grey\"/><text x=\"NaN\" y=\"NaN\""
            + " font-size=\"20\" alignment-baseline=\"middle\" text-anchor=\"middle\" fill=\"white\">undefinedxundefined</text></svg>"
        return "data:image/svg+xml;charset=UTF-8," + encodeURIComponent(svg)
    }()

    /// JavaScript's `encodeURIComponent`: everything but letters, digits and `-_.!~*'()` as UTF-8 `%XX`.
    static func encodeURIComponent(_ text: String) -> String {
        let kept = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()".utf8)
        let hexDigits = Array("0123456789ABCDEF")
        var out = ""
        for byte in text.utf8 {
            if kept.contains(byte) { out.append(Character(Unicode.Scalar(byte))) } else {
                out += "%" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 0xF)])
            }
        }
        return out
    }

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

    static func paragraphs(_ r: inout RNG) -> String { (0..<3).map { _ in paragraph(&r) }.joined(separator: "\n \r") }

    static func lines(_ r: inout RNG) -> String {
        (0..<Int.random(in: 1...5, using: &r)).map { _ in sentence(&r) }.joined(separator: "\n")
    }

    /// faker 5's `lorem.text()`: the output of one of seven lorem generators, equally likely.
    static func loremText(_ r: inout RNG) -> String {
        switch Int.random(in: 0..<7, using: &r) {
        case 0: pick(FakeWords.loremWords, &r)
        case 1: loremWords(3, &r).joined(separator: " ")
        case 2: sentence(&r)
        case 3: sentences(Int.random(in: 2...6, using: &r), &r)
        case 4: paragraph(&r)
        case 5: paragraphs(&r)
        default: lines(&r)
        }
    }

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

    /// faker 5's `system.fileName`: 1–3 random words, lower case, every non-word character (spaces, `-`, `/`)
    /// replaced by `_`, then the extension.
    static func fileName(ext: String, _ r: inout RNG) -> String {
        let base = words(nil, &r).lowercased().unicodeScalars.map { scalar -> String in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
                ? String(scalar) : "_"
        }.joined()
        return "\(base).\(ext)"
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
        "$randomHexColor": { r in hexColor(&r) },
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
        "$randomAvatarImage": { r in avatarURL(&r) },
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
        "$randomImageDataUri": { _ in imageDataURI },
    ]

    static let textAndFiles: [String: DynamicVariables.Generator] = [
        "$randomLoremWord": { r in pick(FakeWords.loremWords, &r) },
        "$randomLoremWords": { r in loremWords(3, &r).joined(separator: " ") },
        "$randomLoremSentence": { r in sentence(&r) },
        "$randomLoremSlug": { r in loremWords(3, &r).joined(separator: "-") },
        "$randomLoremSentences": { r in sentences(Int.random(in: 2...6, using: &r), &r) },
        "$randomLoremParagraph": { r in paragraph(&r) },
        "$randomLoremParagraphs": { r in paragraphs(&r) },
        "$randomLoremText": { r in loremText(&r) },
        "$randomLoremLines": { r in lines(&r) },
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
