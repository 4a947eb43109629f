// Commerce, company, finance and database values.

extension Fake {
    static func companyName(_ r: inout RNG) -> String {
        switch Int.random(in: 0..<3, using: &r) {
        case 0: "\(pick(FakeWords.lastNames, &r)) \(pick(FakeWords.companySuffixes, &r))"
        case 1: "\(pick(FakeWords.lastNames, &r)) - \(pick(FakeWords.lastNames, &r))"
        default: "\(pick(FakeWords.lastNames, &r)), \(pick(FakeWords.lastNames, &r)) and \(pick(FakeWords.lastNames, &r))"
        }
    }

    private static let base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    private static let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

    /// `1`/`3` then 24–33 base58 characters, a legacy bitcoin address shape.
    static func bitcoinAddress(_ r: inout RNG) -> String {
        (Bool.random(using: &r) ? "1" : "3") + characters(from: base58, count: Int.random(in: 24...33, using: &r), &r)
    }

    /// Country code, two check digits, then 11–27 alphanumerics (15–31 characters in all). The check digits are
    /// computed (ISO 13616, mod 97) as faker's are, so the value passes an IBAN validator.
    static func iban(_ r: inout RNG) -> String {
        let country = pick(FakeWords.countries, &r).code
        let bban = characters(from: upper + "0123456789", count: Int.random(in: 11...27, using: &r), &r)
        var remainder = 0
        for scalar in (bban + country + "00").unicodeScalars {
            let code = Int(scalar.value)
            let value = code <= 57 ? code - 48 : code - 55 // 0–9, then A = 10 … Z = 35
            remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97
        }
        let check = 98 - remainder
        return country + (check < 10 ? "0" : "") + String(check) + bban
    }

    /// faker 5's shape: three letters, a vowel, a country code, a letter, `1`, then (one time in ten) letter,
    /// vowel, letter or (three times in ten) three digits, else nothing: 8 or 11 characters.
    static func bic(_ r: inout RNG) -> String {
        let vowels = "AEIOU"
        let branch: String
        switch Int.random(in: 0...100, using: &r) {
        case 0..<10: branch = characters(from: upper, count: 1, &r) + characters(from: vowels, count: 1, &r)
            + characters(from: upper, count: 1, &r)
        case 10..<40: branch = digits(3, &r)
        default: branch = ""
        }
        return characters(from: upper, count: 3, &r) + characters(from: vowels, count: 1, &r)
            + pick(FakeWords.countries, &r).code + characters(from: upper, count: 1, &r) + "1" + branch
    }

    static let businessAndData: [String: DynamicVariables.Generator] = [
        "$randomColor": { r in pick(FakeWords.colors, &r) },
        "$randomDepartment": { r in pick(FakeWords.departments, &r) },
        "$randomProductName": { r in productName(&r) },
        "$randomProductAdjective": { r in pick(FakeWords.productAdjectives, &r) },
        "$randomProductMaterial": { r in pick(FakeWords.productMaterials, &r) },
        "$randomProduct": { r in pick(FakeWords.products, &r) },
        "$randomCompanyName": { r in companyName(&r) },
        "$randomCompanySuffix": { r in pick(FakeWords.companySuffixes, &r) },
        "$randomCatchPhrase": { r in
            "\(pick(FakeWords.catchPhraseAdjectives, &r)) \(pick(FakeWords.catchPhraseDescriptors, &r)) \(pick(FakeWords.catchPhraseNouns, &r))"
        },
        "$randomBs": { r in "\(pick(FakeWords.bsBuzz, &r)) \(pick(FakeWords.bsAdjectives, &r)) \(pick(FakeWords.bsNouns, &r))" },
        "$randomCatchPhraseAdjective": { r in pick(FakeWords.catchPhraseAdjectives, &r) },
        "$randomCatchPhraseDescriptor": { r in pick(FakeWords.catchPhraseDescriptors, &r) },
        "$randomCatchPhraseNoun": { r in pick(FakeWords.catchPhraseNouns, &r) },
        "$randomBsAdjective": { r in pick(FakeWords.bsAdjectives, &r) },
        "$randomBsBuzz": { r in pick(FakeWords.bsBuzz, &r) },
        "$randomBsNoun": { r in pick(FakeWords.bsNouns, &r) },
        "$randomDatabaseColumn": { r in pick(FakeWords.databaseColumns, &r) },
        "$randomDatabaseType": { r in pick(FakeWords.databaseTypes, &r) },
        "$randomDatabaseCollation": { r in pick(FakeWords.databaseCollations, &r) },
        "$randomDatabaseEngine": { r in pick(FakeWords.databaseEngines, &r) },
        "$randomBankAccount": { r in digits(8, &r) },
        "$randomBankAccountName": { r in "\(pick(FakeWords.accountNames, &r)) Account" },
        "$randomCreditCardMask": { r in digits(4, &r) },
        // faker's `finance.amount()`: 0.00 to 1000.00 in cents, two decimals (Postman's docs say 100–999; Newman
        // gives the whole range).
        "$randomPrice": { r in
            let cents = Int.random(in: 0...100_000, using: &r)
            let fraction = cents % 100
            return "\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
        },
        "$randomTransactionType": { r in pick(FakeWords.transactionTypes, &r) },
        "$randomCurrencyCode": { r in pick(FakeWords.currencies, &r).code },
        "$randomCurrencyName": { r in pick(FakeWords.currencies, &r).name },
        "$randomCurrencySymbol": { r in pick(FakeWords.currencies, &r).symbol },
        "$randomBitcoin": { r in bitcoinAddress(&r) },
        "$randomBankAccountIban": { r in iban(&r) },
        "$randomBankAccountBic": { r in bic(&r) },
    ]
}
