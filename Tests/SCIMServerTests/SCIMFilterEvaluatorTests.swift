import JSONValue
import Testing

@testable import SCIMServer

/// A stored-shape user for evaluating filters against.
let barbara: JSONObject = [
    "schemas": [.string(SCIMSchemaURN.user), .string(SCIMSchemaURN.sendSafelyUser)],
    "id": "2819c223-7f76-453a-919d-413861904646",
    "externalId": "ext-bjensen",
    "userName": "BJensen@Example.com",
    "name": ["givenName": "Barbara", "familyName": "Jensen"],
    "displayName": "Babs Jensen",
    "active": true,
    "emails": [
        ["value": "bjensen@example.com", "type": "work", "primary": true],
        ["value": "babs@jensen.org", "type": "home"],
    ],
    "phoneNumbers": [["value": "555-555-8377", "type": "work"]],
    .init(stringLiteral: SCIMSchemaURN.sendSafelyUser): ["isAdmin": false],
    "meta": [
        "resourceType": "User", "created": "2026-01-23T04:56:22.000Z", "lastModified": "2026-05-13T04:42:34.000Z",
        "version": "W/\"3\"",
    ],
]

private func matches(_ filter: String, _ user: JSONObject = barbara) throws -> Bool {
    try SCIMFilterEvaluator.matches(SCIMFilterParser.parse(filter), resource: user)
}

@Suite("SCIM filter evaluation")
struct SCIMFilterEvaluatorTests {
    @Test func userNameIsCaseInsensitive() throws {
        #expect(try matches(#"userName eq "bjensen@example.com""#))
        #expect(try matches(#"USERNAME Eq "BJENSEN@EXAMPLE.COM""#))
    }

    @Test func idAndExternalIdAreCaseExact() throws {
        #expect(try matches(#"id eq "2819c223-7f76-453a-919d-413861904646""#))
        #expect(try !matches(#"id eq "2819C223-7F76-453A-919D-413861904646""#))
        #expect(try !matches(#"externalId eq "EXT-BJENSEN""#))
    }

    @Test func stringOperators() throws {
        #expect(try matches(#"displayName co "jens""#))
        #expect(try matches(#"displayName sw "babs""#))
        #expect(try matches(#"displayName ew "JENSEN""#))
        #expect(try !matches(#"displayName sw "jensen""#))
        #expect(try matches(#"displayName ne "someone""#))
        #expect(try !matches(#"displayName ne "babs jensen""#))
        #expect(try matches(#"name.familyName gt "Isaksen""#))
        #expect(try matches(#"name.familyName ge "jensen""#))
        #expect(try matches(#"name.familyName lt "Karlsen""#))
        #expect(try !matches(#"name.familyName le "A""#))
    }

    @Test func presence() throws {
        #expect(try matches("name.givenName pr"))
        #expect(try !matches("title pr"))
        #expect(try matches("emails pr"))
        #expect(try matches("title eq null"))
        #expect(try !matches("displayName eq null"))
    }

    @Test func booleans() throws {
        #expect(try matches("active eq true"))
        #expect(try !matches("active eq false"))
        #expect(try matches("urn:ietf:scim:schemas:extension:SendSafely:2.0:User:isAdmin eq false"))
        #expect(throws: SCIMError.self) { try matches("active gt true") }
        #expect(throws: SCIMError.self) { try matches("active co \"t\"") }
    }

    @Test func datesCompareAsInstantsAcrossOffsets() throws {
        #expect(try matches(#"meta.lastModified gt "2026-05-13T04:42:33Z""#))
        #expect(try matches(#"meta.lastModified eq "2026-05-13T06:42:34+02:00""#))
        #expect(try !matches(#"meta.created ge "2026-01-23T04:56:22.001Z""#))
        #expect(try matches(#"meta.created lt "2027-01-01T00:00:00Z""#))
        #expect(throws: SCIMError.self) { try matches(#"meta.created gt "yesterday""#) }
    }

    @Test func multiValuedAttributesMatchWhenAnyValueDoes() throws {
        #expect(try matches(#"emails co "jensen.org""#))
        #expect(try matches(#"emails.value eq "BABS@JENSEN.ORG""#))
        #expect(try matches(#"emails.type eq "home""#))
        #expect(try !matches(#"emails.type eq "other""#))
    }

    @Test func complexFiltersApplyToOneValueAtATime() throws {
        #expect(try matches(#"emails[type eq "work" and value co "@example.com"]"#))
        // Both conditions hold, but on different emails: must not match.
        #expect(try !matches(#"emails[type eq "home" and value co "@example.com"]"#))
        #expect(try matches(#"emails[type eq "work"].value eq "bjensen@example.com""#))
        #expect(try matches(#"emails[not (type eq "work")]"#))
        #expect(try matches(#"emails[primary eq true]"#))
    }

    @Test func logicalCombinations() throws {
        #expect(try matches(#"userName sw "x" or (name.givenName eq "barbara" and active eq true)"#))
        #expect(try !matches(#"not (userName pr)"#))
        #expect(try matches(#"not (title pr) and not (userName eq "x")"#))
        #expect(try !matches(#"(userName sw "x" or name.givenName eq "barbara") and active eq false"#))
    }

    @Test func numbersNeverEqualStrings() throws {
        #expect(try !matches("displayName eq 5"))
        #expect(throws: SCIMError.self) { try matches("displayName co 5") }
    }
}
