import JSONValue
import Testing

@testable import SCIMServer

@Suite("SCIM attribute selection and sorting")
struct SCIMAttributeSelectionTests {
    @Test func excludingSeveralMetaSubAttributesKeepsResourceType() throws {
        let selection = try SCIMAttributeSelection(attributes: nil, excludedAttributes: "meta.created,meta.version,meta.resourceType")
        let meta = selection.apply(to: barbara)["meta"]
        #expect(meta == ["resourceType": "User", "lastModified": "2026-05-13T04:42:34.000Z"])
    }

    @Test func includingExtensionAttributesAndWholeExtensions() throws {
        let one = try SCIMAttributeSelection(
            attributes: "urn:ietf:scim:schemas:extension:SendSafely:2.0:User:isAdmin", excludedAttributes: nil).apply(to: barbara)
        #expect(one[SCIMSchemaURN.sendSafelyUser] == ["isAdmin": false])
        #expect(one["userName"] == nil)
        let whole = try SCIMAttributeSelection(attributes: SCIMSchemaURN.sendSafelyUser, excludedAttributes: nil).apply(to: barbara)
        #expect(whole[SCIMSchemaURN.sendSafelyUser] == ["isAdmin": false])
    }

    @Test func includingSubAttributesOfComplexAndMultiValued() throws {
        let selected = try SCIMAttributeSelection(attributes: "name.givenName,emails.type,emails.value", excludedAttributes: nil)
            .apply(to: barbara)
        #expect(selected["name"] == ["givenName": "Barbara"])
        #expect(selected["emails"] == [["type": "work", "value": "bjensen@example.com"], ["type": "home", "value": "babs@jensen.org"]])
    }

    @Test func attributeNamesAreCaseInsensitive() throws {
        let selected = try SCIMAttributeSelection(attributes: "USERNAME", excludedAttributes: nil).apply(to: barbara)
        #expect(selected["userName"] == "BJensen@Example.com")
    }

    @Test func invalidNamesAreRejected() {
        #expect(throws: SCIMError.self) { try SCIMAttributeSelection(attributes: "a b", excludedAttributes: nil) }
        #expect(throws: SCIMError.self) { try SCIMAttributeSelection(attributes: nil, excludedAttributes: "x..y") }
    }

    @Test func sortingPutsMissingValuesLastWhenAscending() throws {
        let users: [JSONObject] = [["userName": "b", "title": "z"], ["userName": "c"], ["userName": "a", "title": "A"]]
        let path = try #require(SCIMAttributePath.parse("title"))
        #expect(SCIMSorting.sort(users, by: path, ascending: true).map { $0["userName"] } == ["a", "b", "c"])
        #expect(SCIMSorting.sort(users, by: path, ascending: false).map { $0["userName"] } == ["c", "b", "a"])
    }

    @Test func sortingAMultiValuedAttributeUsesThePrimaryValue() throws {
        let users: [JSONObject] = [
            ["userName": "1", "emails": [["value": "a@x"], ["value": "z@x", "primary": true]]],
            ["userName": "2", "emails": [["value": "m@x"]]],
        ]
        let path = try #require(SCIMAttributePath.parse("emails"))
        #expect(SCIMSorting.sort(users, by: path, ascending: true).map { $0["userName"] } == ["2", "1"])
    }
}
