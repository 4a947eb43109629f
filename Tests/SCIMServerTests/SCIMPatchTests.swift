import JSONValue
import Testing

@testable import SCIMServer

private func patch(_ operations: JSONValue, _ user: JSONObject = barbara) throws -> JSONObject {
    let body: JSONValue = ["schemas": [.string(SCIMSchemaURN.patchOp)], "Operations": operations]
    return try SCIMPatch.apply(SCIMPatchOperation.operations(from: body), to: user)
}

private func scimType(of body: () throws -> Any) -> SCIMErrorType? {
    do {
        _ = try body()
        return nil
    } catch let error as SCIMError {
        return error.scimType
    } catch {
        return nil
    }
}

@Suite("SCIM PATCH engine")
struct SCIMPatchTests {
    @Test func replaceSimpleAttributeWithPath() throws {
        let result = try patch([["op": "replace", "path": "displayName", "value": "Babs"]])
        #expect(result["displayName"] == "Babs")
    }

    @Test func operationNamesAreCaseInsensitiveAndBooleanStringsAreAccepted() throws {
        // Azure AD's shape: "Replace", and booleans as strings.
        let result = try patch([["op": "Replace", "path": "active", "value": "False"]])
        let validated = try SCIMResourceValidator.normalize(result)
        #expect(validated["active"] == false)
    }

    @Test func replaceSubAttribute() throws {
        let result = try patch([["op": "replace", "path": "name.givenName", "value": "Barb"]])
        #expect(result["name"]?["givenName"] == "Barb")
        #expect(result["name"]?["familyName"] == "Jensen")
    }

    @Test func replaceWithoutPathMergesComplexAndAcceptsPathKeys() throws {
        let result = try patch([[
            "op": "replace",
            "value": [
                "name": ["givenName": "B"], "name.familyName": "J", "active": false,
                "urn:ietf:scim:schemas:extension:SendSafely:2.0:User:isAdmin": true,
            ],
        ]])
        #expect(result["name"] == ["givenName": "B", "familyName": "J"])
        #expect(result["active"] == false)
        #expect(result[SCIMSchemaURN.sendSafelyUser]?["isAdmin"] == true)
    }

    @Test func extensionQualifiedPath() throws {
        let result = try patch([["op": "replace", "path": "urn:ietf:scim:schemas:extension:SendSafely:2.0:User:isAdmin", "value": true]])
        #expect(result[SCIMSchemaURN.sendSafelyUser]?["isAdmin"] == true)
        let enterprise = try patch([["op": "add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "value": "Sales"]])
        #expect(enterprise[SCIMSchemaURN.enterpriseUser]?["department"] == "Sales")
    }

    @Test func managerGivenAsABareIdBecomesAValueObject() throws {
        let path = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"
        let patched = try patch([["op": "Replace", "path": .string(path), "value": "boss-id"]])
        let validated = try SCIMResourceValidator.normalize(patched)
        #expect(validated[SCIMSchemaURN.enterpriseUser]?["manager"] == ["value": "boss-id"])
    }

    @Test func wholeExtensionPath() throws {
        let result = try patch([["op": "add", "path": .string(SCIMSchemaURN.enterpriseUser), "value": ["costCenter": "42", "manager": ["value": "m1"]]]])
        #expect(result[SCIMSchemaURN.enterpriseUser] == ["costCenter": "42", "manager": ["value": "m1"]])
        let removed = try patch([["op": "remove", "path": .string(SCIMSchemaURN.sendSafelyUser)]])
        #expect(removed[SCIMSchemaURN.sendSafelyUser] == nil)
    }

    @Test("a whole-extension value carrying its own 'schemas' (as scim2-models serializes it) is accepted")
    func wholeExtensionValueWithSchemas() throws {
        let value: JSONValue = ["schemas": [.string(SCIMSchemaURN.enterpriseUser)], "costCenter": "7"]
        for op: JSONValue in ["add", "replace"] {
            let result = try patch([["op": op, "path": .string(SCIMSchemaURN.enterpriseUser), "value": value]])
            #expect(result[SCIMSchemaURN.enterpriseUser]?["costCenter"] == "7")
            #expect(result[SCIMSchemaURN.enterpriseUser]?["schemas"] == nil)
        }
    }

    @Test func replaceFilteredSubAttribute() throws {
        let result = try patch([["op": "replace", "path": #"emails[type eq "work"].value"#, "value": "new@example.com"]])
        #expect(result["emails"]?[0]?["value"] == "new@example.com")
        #expect(result["emails"]?[1]?["value"] == "babs@jensen.org")
    }

    @Test func replaceFilteredWithoutMatchIsNoTarget() {
        #expect(scimType { try patch([["op": "replace", "path": #"emails[type eq "other"].value"#, "value": "x@y.z"]]) } == .noTarget)
    }

    @Test func addFilteredWithoutMatchCreatesTheValue() throws {
        let result = try patch([["op": "add", "path": #"phoneNumbers[type eq "mobile"].value"#, "value": "555-1"]])
        #expect(result["phoneNumbers"]?.arrayValue?.count == 2)
        #expect(result["phoneNumbers"]?[1] == ["type": "mobile", "value": "555-1"])
    }

    @Test func addAppendsToMultiValuedAndSkipsDuplicates() throws {
        let added = try patch([["op": "add", "path": "emails", "value": [["value": "third@x.org", "type": "other"]]]])
        #expect(added["emails"]?.arrayValue?.count == 3)
        let duplicate = try patch([["op": "add", "path": "emails", "value": [["value": "babs@jensen.org", "type": "home"]]]])
        #expect(duplicate["emails"]?.arrayValue?.count == 2)
    }

    @Test func addingANewPrimaryClearsTheOldOne() throws {
        let result = try patch([["op": "add", "path": "emails", "value": [["value": "p@x.org", "primary": true]]]])
        let primaries = result["emails"]?.arrayValue?.filter { $0["primary"] == true }
        #expect(primaries == [["value": "p@x.org", "primary": true]])
    }

    @Test func removeFilteredValuesAndSubAttributes() throws {
        let withoutHome = try patch([["op": "remove", "path": #"emails[type eq "home"]"#]])
        #expect(withoutHome["emails"]?.arrayValue?.count == 1)
        let withoutType = try patch([["op": "remove", "path": #"emails[type eq "home"].type"#]])
        #expect(withoutType["emails"]?[1] == ["value": "babs@jensen.org"])
        let withoutPhones = try patch([["op": "remove", "path": "phoneNumbers"]])
        #expect(withoutPhones["phoneNumbers"] == nil)
    }

    @Test func operationsApplyInOrder() throws {
        let result = try patch([
            ["op": "replace", "path": "title", "value": "First"],
            ["op": "replace", "path": "title", "value": "Second"],
            ["op": "remove", "path": "displayName"],
        ])
        #expect(result["title"] == "Second")
        #expect(result["displayName"] == nil)
    }

    @Test func errorsCarryTheRightScimType() {
        #expect(scimType { try patch([["op": "remove"]]) } == .noTarget)
        #expect(scimType { try patch([["op": "replace", "path": "id", "value": "x"]]) } == .mutability)
        #expect(scimType { try patch([["op": "replace", "path": "meta.created", "value": "x"]]) } == .mutability)
        #expect(scimType { try patch([["op": "add", "path": "groups", "value": [["value": "g"]]]]) } == .mutability)
        #expect(scimType { try patch([["op": "replace", "path": "noSuchAttribute", "value": "x"]]) } == .invalidPath)
        #expect(scimType { try patch([["op": "replace", "path": "name..x", "value": "x"]]) } == .invalidPath)
        #expect(scimType { try patch([["op": "replace", "path": "emails[type eq]", "value": "x"]]) } == .invalidFilter)
        #expect(scimType { try patch([["op": "move", "path": "title", "value": "x"]]) } == .invalidSyntax)
        #expect(scimType { try patch([["op": "add", "path": "title"]]) } == .invalidValue)
        #expect(scimType { try patch([]) } == .invalidSyntax)
        #expect(scimType { try SCIMPatchOperation.operations(from: ["Operations": [["op": "add", "value": [:]]]]) } == .invalidSyntax)
    }

    @Test func aFailingOperationLeavesNothingHalfApplied() {
        var user = barbara
        #expect(throws: SCIMError.self) {
            user = try patch([["op": "replace", "path": "title", "value": "Changed"], ["op": "replace", "path": "id", "value": "x"]])
        }
        #expect(user["title"] == nil)
    }
}
