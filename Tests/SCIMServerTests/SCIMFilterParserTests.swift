import Testing

@testable import SCIMServer

private func path(_ text: String) -> SCIMAttributePath {
    guard let parsed = SCIMAttributePath.parse(text) else {
        Issue.record("invalid path \(text)")
        return SCIMAttributePath(attribute: "invalid")
    }
    return parsed
}

private func eq(_ attribute: String, _ value: String) -> SCIMFilter {
    .comparison(path(attribute), .eq, .string(value))
}

@Suite("SCIM filter parser")
struct SCIMFilterParserTests {
    @Test func simpleComparison() throws {
        #expect(try SCIMFilterParser.parse(#"userName eq "bjensen""#) == eq("userName", "bjensen"))
    }

    @Test(arguments: SCIMComparisonOperator.allCases)
    func everyOperatorParsesCaseInsensitively(comparison: SCIMComparisonOperator) throws {
        let filter = try SCIMFilterParser.parse(#"title \#(comparison.rawValue.uppercased()) "x""#)
        #expect(filter == .comparison(path("title"), comparison, .string("x")))
    }

    @Test func presentAndLiterals() throws {
        #expect(try SCIMFilterParser.parse("title pr") == .present(path("title")))
        #expect(try SCIMFilterParser.parse("active eq true") == .comparison(path("active"), .eq, .boolean(true)))
        #expect(try SCIMFilterParser.parse("active eq False") == .comparison(path("active"), .eq, .boolean(false)))
        #expect(try SCIMFilterParser.parse("title eq null") == .comparison(path("title"), .eq, .null))
        #expect(try SCIMFilterParser.parse("x gt -1.5e2") == .comparison(path("x"), .gt, .number(-150)))
    }

    @Test func andBindsTighterThanOr() throws {
        let filter = try SCIMFilterParser.parse(#"a eq "1" or b eq "2" and c eq "3""#)
        #expect(filter == .or(eq("a", "1"), .and(eq("b", "2"), eq("c", "3"))))
    }

    @Test func parenthesesOverridePrecedence() throws {
        let filter = try SCIMFilterParser.parse(#"(a eq "1" or b eq "2") and c eq "3""#)
        #expect(filter == .and(.or(eq("a", "1"), eq("b", "2")), eq("c", "3")))
    }

    @Test func notBindsTighterThanAnd() throws {
        let filter = try SCIMFilterParser.parse(#"not (a eq "1") and b eq "2""#)
        #expect(filter == .and(.not(eq("a", "1")), eq("b", "2")))
    }

    @Test func logicalOperatorsAreLeftAssociative() throws {
        let filter = try SCIMFilterParser.parse(#"a eq "1" or b eq "2" or c eq "3""#)
        #expect(filter == .or(.or(eq("a", "1"), eq("b", "2")), eq("c", "3")))
    }

    @Test func complexAttributeFilter() throws {
        let filter = try SCIMFilterParser.parse(#"emails[type eq "work" and value co "@example.com"]"#)
        #expect(filter == .valuePath(path("emails"), .and(eq("type", "work"), .comparison(path("value"), .co, .string("@example.com")))))
    }

    @Test func complexFilterFollowedBySubAttributeComparison() throws {
        let filter = try SCIMFilterParser.parse(#"emails[type eq "work"].value eq "a@b.c""#)
        #expect(filter == .valuePath(path("emails"), .and(eq("type", "work"), eq("value", "a@b.c"))))
    }

    @Test func schemaQualifiedPaths() throws {
        let core = try SCIMFilterParser.parse(#"urn:ietf:params:scim:schemas:core:2.0:User:name.familyName eq "J""#)
        #expect(core == .comparison(SCIMAttributePath(attribute: "name", subAttribute: "familyName"), .eq, .string("J")))
        let sendSafely = try SCIMFilterParser.parse("urn:ietf:scim:schemas:extension:SendSafely:2.0:User:isAdmin eq true")
        #expect(sendSafely == .comparison(
            SCIMAttributePath(schema: SCIMSchemaURN.sendSafelyUser, attribute: "isAdmin"), .eq, .boolean(true)))
    }

    @Test func stringEscapesAreDecoded() throws {
        #expect(try SCIMFilterParser.parse(#"title eq "a \"quoted\" \u00e9""#) == eq("title", "a \"quoted\" é"))
    }

    @Test(arguments: [
        "", "   ", "userName", "userName eq", #"userName xx "a""#, #"userName eq "unterminated"#,
        #"(userName eq "a""#, #"userName eq "a")"#, #"userName eq "a" and"#, #"and userName eq "a""#,
        #"emails[type eq "work""#, #"emails[type eq "work"]]"#, #"emails[addresses[type eq "a"]]"#,
        #"userName eq 'single'"#, "userName eq bareword", #"not userName eq "a""#, "1abc eq 1", "x eq 1.2.3",
        #"name.givenName.extra eq "a""#, #"userName eq "a" "b""#, "userName % 1", #"userName eq "a" or or b pr"#,
    ])
    func invalidFiltersAreInvalidFilterErrors(text: String) {
        #expect {
            try SCIMFilterParser.parse(text)
        } throws: { error in
            (error as? SCIMError)?.scimType == .invalidFilter && (error as? SCIMError)?.status == 400
        }
    }

    @Test func deepNestingIsRefusedNotRecursedInto() {
        let deep = String(repeating: "(", count: 10_000) + #"a eq "1""# + String(repeating: ")", count: 10_000)
        #expect(throws: SCIMError.self) { try SCIMFilterParser.parse(deep) }
        let deepNot = String(repeating: "not (", count: 5_000) + "a pr" + String(repeating: ")", count: 5_000)
        #expect(throws: SCIMError.self) { try SCIMFilterParser.parse(deepNot) }
    }

    @Test func nestingWithinTheLimitIsAccepted() throws {
        let nested = String(repeating: "(", count: 20) + #"a eq "1""# + String(repeating: ")", count: 20)
        #expect(try SCIMFilterParser.parse(nested) == eq("a", "1"))
    }

    @Test func randomGarbageNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array(#"ab()[]" eqornotprandco.:\$-19 "#)
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<40, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? " " })
            _ = try? SCIMFilterParser.parse(text)
        }
    }
}
