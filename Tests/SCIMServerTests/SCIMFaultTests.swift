import Foundation
import HTTPServer
import JSONValue
import Testing

@testable import SCIMServer

/// Strictness that the faults undo, and each fault's defect as a client sees it.
@Suite("SCIM service: strictness and deliberate faults")
struct SCIMFaultTests {
    @Test("an attribute no schema defines is refused with 400 invalidSyntax, at the top, in a complex value, in an extension")
    func unknownAttributesAreRefused() throws {
        let client = try SCIMTestClient()
        for extra: JSONObject in [
            ["carrierUnknown": "x"], ["name": ["givenName": "A", "nickname": "not here"]],
            [.init(stringLiteral: SCIMSchemaURN.sendSafelyUser): ["isAdmin": false, "isOwner": true]],
            ["urn:example:params:scim:schemas:extension:Acme:2.0:User": ["badge": "7"]],
        ] {
            let response = client.send("POST", "/Users", body: userBody("u@example.com", extra))
            #expect(response.status == 400, "\(extra)")
            #expect(json(response)["scimType"] == "invalidSyntax")
        }
        let unknownSchema = client.send("POST", "/Users", body: [
            "schemas": [.string(SCIMSchemaURN.user), "urn:example:nope"], "userName": "u@example.com",
        ])
        #expect(json(unknownSchema)["scimType"] == "invalidSyntax")
        #expect(client.service.store.count == 0)
        // What a client echoes back from a read is accepted: read-only attributes are ignored (RFC 7644 §3.3).
        let echoed = client.send("POST", "/Users", body: userBody("u@example.com", [
            "id": "mine", "meta": ["resourceType": "User"], "groups": [["value": "g"]], "password": "p",
        ]))
        #expect(echoed.status == 201)
        #expect(json(echoed)["id"] != "mine")
        #expect(json(echoed)["groups"] == nil)
    }

    @Test func ignoresUnknownAttributesDropsThemSilently() throws {
        let client = try SCIMTestClient(faults: .ignoresUnknownAttributes)
        let response = client.send("POST", "/Users", body: userBody("u@example.com", ["carrierUnknown": "x"]))
        #expect(response.status == 201)
        #expect(json(response)["carrierUnknown"] == nil)
    }

    @Test func htmlErrorOnBadFilter() throws {
        let client = try SCIMTestClient(faults: .htmlErrorOnBadFilter)
        let response = client.send("GET", "/Users?filter=userName%20eq")
        #expect(response.status == 500)
        #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        #expect(String(decoding: response.body, as: UTF8.self).contains("<h1>Internal Server Error</h1>"))
        // Other errors are untouched.
        #expect(json(client.send("GET", "/Users/missing"))["status"] == "404")
    }

    @Test func errorsWithoutSCIMTypeAndStatusAsNumber() throws {
        let bare = try SCIMTestClient(faults: .errorsWithoutSCIMType)
        bare.createUser("dup")
        let conflict = bare.send("POST", "/Users", body: userBody("dup"))
        #expect(conflict.status == 409)
        #expect(json(conflict)["scimType"] == nil)
        #expect(json(conflict)["status"] == "409")

        let numeric = try SCIMTestClient(faults: .statusAsNumber)
        let missing = numeric.send("GET", "/Users/missing")
        #expect(missing.status == 404)
        #expect(json(missing)["status"] == 404)
        #expect(json(numeric.send("GET", "/Users?filter=%28%28"))["scimType"] == "invalidFilter")
    }

    @Test func createdWithoutLocation() throws {
        let client = try SCIMTestClient(faults: .createdWithoutLocation)
        let user = client.send("POST", "/Users", body: userBody("u"))
        #expect(user.status == 201)
        #expect(user.header("Location") == nil)
        #expect(json(user)["meta"]?["location"]?.stringValue?.hasSuffix("/Users/\(json(user)["id"]?.stringValue ?? "")") == true)
        #expect(client.send("POST", "/Groups", body: groupBody("g")).header("Location") == nil)
    }

    @Test func duplicateUserNameOtherCase() throws {
        let client = try SCIMTestClient(faults: .duplicateUserNameOtherCase)
        client.createUser("Alice@Example.com")
        #expect(client.send("POST", "/Users", body: userBody("alice@example.com")).status == 201)
        #expect(client.send("POST", "/Users", body: userBody("Alice@Example.com")).status == 409)  // the exact name is still taken
    }

    @Test func putDropsAttributes() throws {
        let client = try SCIMTestClient(faults: .putDropsAttributes)
        let id = try #require(client.createUser("u", extra: ["title": "t"])["id"]?.stringValue)
        let replaced = json(client.send("PUT", "/Users/\(id)", body: userBody("u2", [
            "externalId": "e", "name": ["givenName": "G"], "emails": [["value": "u@x.org"]], "active": true,
        ])))
        #expect(replaced["userName"] == "u2")
        #expect(replaced["externalId"] == "e")
        #expect(replaced["name"] == nil)
        #expect(replaced["emails"] == nil)
        // Groups are replaced faithfully: the fault is the users' endpoint's.
        let groupID = try #require(json(client.send("POST", "/Groups", body: groupBody("g")))["id"]?.stringValue)
        #expect(json(client.send("PUT", "/Groups/\(groupID)", body: groupBody("g", members: [id])))["members"]?[0]?["value"] == .string(id))
    }

    @Test func everyFaultHasACommandLineName() {
        let all = SCIMFaults.byName.values.reduce(SCIMFaults()) { $0.union($1) }
        #expect(SCIMFaults.byName.count == 11)
        #expect(all.rawValue == (1 << 11) - 1)  // each name its own bit, none forgotten
    }
}
