import Foundation
import HTTPServer
import JSONValue
import Testing

@testable import SCIMServer

@Suite("SCIM service: users")
struct SCIMServiceUserTests {
    @Test func everyEndpointNeedsBasicAuth() throws {
        let client = try SCIMTestClient()
        for target in ["/Users", "/ServiceProviderConfig", "/Schemas", "/ResourceTypes", "/Users/x"] {
            let response = client.send("GET", target, authorization: nil)
            #expect(response.status == 401)
            #expect(response.header("WWW-Authenticate") == "Basic realm=\"SCIM\"")
            #expect(json(response)["schemas"] == [.string(SCIMSchemaURN.error)])
            #expect(json(response)["status"] == "401")
        }
        let wrong = "Basic " + Data("scim:wrong".utf8).base64EncodedString()
        #expect(client.send("GET", "/Users", authorization: wrong).status == 401)
        #expect(client.send("GET", "/Users", authorization: "Bearer abc").status == 401)
    }

    @Test func createReturns201WithLocationMetaAndETag() throws {
        let client = try SCIMTestClient()
        let response = client.send("POST", "/Users", body: userBody("alice@example.com", ["name": ["givenName": "Alice"], "password": "p"]))
        #expect(response.status == 201)
        #expect(response.header("Content-Type") == "application/scim+json; charset=utf-8")
        let user = json(response)
        let id = try #require(user["id"]?.stringValue)
        #expect(response.header("Location") == "http://scim.test/scim/v2/Users/\(id)")
        #expect(user["meta"]?["location"]?.stringValue == response.header("Location"))
        #expect(user["meta"]?["resourceType"] == "User")
        #expect(user["meta"]?["version"] == "W/\"1\"")
        #expect(response.header("ETag") == "W/\"1\"")
        #expect(user["meta"]?["created"]?.stringValue.flatMap(SCIMTimestamp.parse) != nil)
        #expect(user["password"] == nil)
        #expect(user["name"]?["givenName"] == "Alice")
        #expect(user["active"] == true)  // defaulted when the client does not say
    }

    @Test func getByIdAndMissingUser() throws {
        let client = try SCIMTestClient()
        let id = try #require(client.createUser("bob").objectValue?["id"]?.stringValue)
        #expect(json(client.send("GET", "/Users/\(id)"))["userName"] == "bob")
        let missing = client.send("GET", "/Users/nope")
        #expect(missing.status == 404)
        #expect(json(missing)["status"] == "404")
        #expect(json(missing)["detail"]?.stringValue?.isEmpty == false)
    }

    @Test func duplicateUserNameIs409RegardlessOfCase() throws {
        let client = try SCIMTestClient()
        client.createUser("Carol@Example.com")
        let duplicate = client.send("POST", "/Users", body: userBody("carol@EXAMPLE.com"))
        #expect(duplicate.status == 409)
        #expect(json(duplicate)["scimType"] == "uniqueness")
        #expect(client.service.store.count == 1)
    }

    @Test func invalidBodies() throws {
        let client = try SCIMTestClient()
        var request = HTTPRequest(method: "POST", target: "/scim/v2/Users", headers: [
            HTTPField(name: "Authorization", value: SCIMTestClient.authorization),
            HTTPField(name: "Content-Type", value: "application/json"),
        ], body: Array("{not json".utf8))
        let garbage = client.service.handle(request)
        #expect(garbage.status == 400)
        #expect(json(garbage)["scimType"] == "invalidSyntax")
        request.headers[1].value = "text/plain"
        request.body = Array(userBody("x").serialized().utf8)
        #expect(client.service.handle(request).status == 415)

        let noUserName = client.send("POST", "/Users", body: ["schemas": [.string(SCIMSchemaURN.user)]])
        #expect(json(noUserName)["scimType"] == "invalidValue")
        let noSchemas = client.send("POST", "/Users", body: ["userName": "x"])
        #expect(json(noSchemas)["scimType"] == "invalidSyntax")
        let wrongType = client.send("POST", "/Users", body: userBody("x", ["active": 3]))
        #expect(json(wrongType)["scimType"] == "invalidValue")
        let twoPrimaries = client.send("POST", "/Users", body: userBody("x", ["emails": [["value": "a", "primary": true], ["value": "b", "primary": true]]]))
        #expect(json(twoPrimaries)["scimType"] == "invalidValue")
    }

    @Test func putReplacesKeepsIdAndBumpsVersion() throws {
        let client = try SCIMTestClient()
        let created = client.createUser("dave", extra: ["title": "Engineer", "displayName": "Dave"])
        let id = try #require(created["id"]?.stringValue)
        let replaced = client.send("PUT", "/Users/\(id)", body: userBody("dave2", ["displayName": "David"]))
        #expect(replaced.status == 200)
        let user = json(replaced)
        #expect(user["id"]?.stringValue == id)
        #expect(user["userName"] == "dave2")
        #expect(user["title"] == nil)  // PUT replaces: omitted attributes are gone
        #expect(user["meta"]?["version"] == "W/\"2\"")
        #expect(user["meta"]?["created"] == created["meta"]?["created"])
        let idChange = client.send("PUT", "/Users/\(id)", body: userBody("dave2", ["id": "other"]))
        #expect(json(idChange)["scimType"] == "mutability")
        #expect(client.send("PUT", "/Users/missing", body: userBody("x")).status == 404)
    }

    @Test func putCannotStealAnotherUsersName() throws {
        let client = try SCIMTestClient()
        client.createUser("erin")
        let id = try #require(client.createUser("frank")["id"]?.stringValue)
        #expect(client.send("PUT", "/Users/\(id)", body: userBody("ERIN")).status == 409)
        #expect(json(client.send("GET", "/Users/\(id)"))["userName"] == "frank")
    }

    @Test func patchAnswers200WithTheResource() throws {
        let client = try SCIMTestClient()
        let id = try #require(client.createUser("gina", extra: ["emails": [["value": "g@work.com", "type": "work"]]])["id"]?.stringValue)
        let response = client.send("PATCH", "/Users/\(id)", body: patchBody([
            ["op": "Replace", "path": #"emails[type eq "work"].value"#, "value": "gina@work.com"],
            ["op": "Add", "path": "urn:ietf:scim:schemas:extension:SendSafely:2.0:User:isAdmin", "value": "True"],
        ]))
        #expect(response.status == 200)
        let user = json(response)
        #expect(user["emails"]?[0]?["value"] == "gina@work.com")
        #expect(user[SCIMSchemaURN.sendSafelyUser]?["isAdmin"] == true)
        #expect(user["schemas"] == [.string(SCIMSchemaURN.user), .string(SCIMSchemaURN.sendSafelyUser)])
        #expect(response.header("ETag") == "W/\"2\"")
        let removeUserName = client.send("PATCH", "/Users/\(id)", body: patchBody([["op": "remove", "path": "userName"]]))
        #expect(removeUserName.status == 400)
    }

    @Test func deactivationRemovesProfileData() throws {
        let client = try SCIMTestClient()
        let id = try #require(client.createUser("hank", extra: [
            "externalId": "e-1", "name": ["givenName": "Hank"], "emails": [["value": "h@x.org"]], "title": "Boss",
            .init(stringLiteral: SCIMSchemaURN.sendSafelyUser): ["isAdmin": true],
        ])["id"]?.stringValue)
        let user = json(client.send("PATCH", "/Users/\(id)", body: patchBody([["op": "replace", "value": ["active": false]]])))
        #expect(user["active"] == false)
        #expect(user["userName"] == "hank")
        #expect(user["externalId"] == "e-1")
        #expect(user["name"] == nil)
        #expect(user["emails"] == nil)
        #expect(user["title"] == nil)
        #expect(user[SCIMSchemaURN.sendSafelyUser] == nil)
        #expect(user["schemas"] == [.string(SCIMSchemaURN.user)])
    }

    @Test("profile data written after deactivation is kept: a 200 PATCH or PUT returns and stores what it accepted")
    func writesToAnInactiveUserAreKept() throws {
        let client = try SCIMTestClient()
        let id = try #require(client.createUser("ingrid", extra: ["title": "Boss"])["id"]?.stringValue)
        #expect(json(client.send("PATCH", "/Users/\(id)", body: patchBody([["op": "add", "path": "active", "value": false]])))["title"] == nil)
        let email: JSONValue = [["value": "i@x.org", "type": "work", "primary": false]]
        let patched = json(client.send("PATCH", "/Users/\(id)", body: patchBody([["op": "add", "path": "emails", "value": email]])))
        #expect(patched["emails"] == email)
        #expect(patched["active"] == false)
        let replaced = json(client.send("PUT", "/Users/\(id)", body: userBody("ingrid", ["active": false, "title": "Ex"])))
        #expect(replaced["title"] == "Ex")
        #expect(json(client.send("GET", "/Users/\(id)"))["emails"] == nil)  // PUT replaced the whole user
        #expect(json(client.send("GET", "/Users/\(id)"))["title"] == "Ex")
    }

    @Test("creating an inactive user deactivates nothing: its data is stored")
    func createInactiveKeepsData() throws {
        let created = try SCIMTestClient().createUser("jo", extra: ["active": false, "title": "Intern"])
        #expect(created["active"] == false)
        #expect(created["title"] == "Intern")
    }

    @Test("a PUT that deactivates an active user removes its profile data")
    func putDeactivationRemovesProfileData() throws {
        let client = try SCIMTestClient()
        let id = try #require(client.createUser("kim", extra: ["title": "Boss"])["id"]?.stringValue)
        let replaced = json(client.send("PUT", "/Users/\(id)", body: userBody("kim", ["active": false, "title": "Still boss"])))
        #expect(replaced["active"] == false)
        #expect(replaced["title"] == nil)
    }

    @Test func deleteThen404() throws {
        let client = try SCIMTestClient()
        let id = try #require(client.createUser("ivy")["id"]?.stringValue)
        #expect(client.send("DELETE", "/Users/\(id)").status == 204)
        #expect(client.send("GET", "/Users/\(id)").status == 404)
        #expect(client.send("DELETE", "/Users/\(id)").status == 404)
        #expect(client.send("POST", "/Users", body: userBody("ivy")).status == 201)  // the name is free again
    }

    @Test func etagPreconditions() throws {
        let client = try SCIMTestClient()
        let id = try #require(client.createUser("jack")["id"]?.stringValue)
        let stale = [HTTPField(name: "If-Match", value: "W/\"7\"")]
        #expect(client.send("PATCH", "/Users/\(id)", body: patchBody([["op": "add", "path": "title", "value": "x"]]), headers: stale).status == 412)
        #expect(client.send("PUT", "/Users/\(id)", body: userBody("jack"), headers: stale).status == 412)
        #expect(client.send("DELETE", "/Users/\(id)", headers: stale).status == 412)
        let current = [HTTPField(name: "If-Match", value: "W/\"1\"")]
        #expect(client.send("PUT", "/Users/\(id)", body: userBody("jack"), headers: current).status == 200)
        let notModified = client.send("GET", "/Users/\(id)", headers: [HTTPField(name: "If-None-Match", value: "W/\"2\"")])
        #expect(notModified.status == 304)
        #expect(notModified.body.isEmpty)
        #expect(client.send("GET", "/Users/\(id)", headers: [HTTPField(name: "If-None-Match", value: "W/\"1\"")]).status == 200)
        #expect(client.send("DELETE", "/Users/\(id)", headers: [HTTPField(name: "If-Match", value: "*")]).status == 204)
    }

    @Test func unknownEndpointsAndMethods() throws {
        let client = try SCIMTestClient()
        #expect(client.send("GET", "/Widgets").status == 404)
        #expect(json(client.send("GET", "/Widgets"))["schemas"] == [.string(SCIMSchemaURN.error)])
        let notAllowed = client.send("DELETE", "/Users")
        #expect(notAllowed.status == 405)
        #expect(notAllowed.header("Allow") == "GET, HEAD, POST")
        #expect(json(notAllowed)["status"] == "405")
        #expect(client.send("GET", "/ResourceTypes/Widget").status == 404)
        #expect(client.send("PUT", "/Groups").status == 405)
        #expect(client.send("GET", "/Users/.search").status == 405)
        #expect(client.send("POST", "/ServiceProviderConfig").status == 405)
        let outside = client.service.handle(HTTPRequest(method: "GET", target: "/v2/Users"))
        #expect(outside.status == 404)
    }
}

@Suite("SCIM service: listing")
struct SCIMServiceListTests {
    /// Five users u1..u5 with alternating titles and reversed display names.
    private func populated(faults: SCIMFaults = []) throws -> SCIMTestClient {
        let client = try SCIMTestClient(faults: faults, maxResults: 3)
        for index in 1...5 {
            client.createUser("u\(index)@example.com", extra: [
                "title": index % 2 == 0 ? "even" : "odd", "displayName": .string("User \(6 - index)"),
                "emails": [["value": .string("u\(index)@work.com"), "type": "work"]],
            ])
        }
        return client
    }

    private func userNames(_ response: HTTPResponse) -> [String] {
        json(response)["Resources"]?.arrayValue?.compactMap { $0["userName"]?.stringValue } ?? []
    }

    @Test func listResponseShape() throws {
        let client = try populated()
        let list = json(client.send("GET", "/Users?count=2"))
        #expect(list["schemas"] == [.string(SCIMSchemaURN.listResponse)])
        #expect(list["totalResults"] == 5)
        #expect(list["startIndex"] == 1)
        #expect(list["itemsPerPage"] == 2)
        #expect(list["Resources"]?.arrayValue?.count == 2)
    }

    @Test func pagination() throws {
        let client = try populated()
        #expect(userNames(client.send("GET", "/Users?startIndex=2&count=2")) == ["u2@example.com", "u3@example.com"])
        #expect(userNames(client.send("GET", "/Users?startIndex=5&count=2")) == ["u5@example.com"])
        #expect(userNames(client.send("GET", "/Users?startIndex=9")).isEmpty)
        #expect(json(client.send("GET", "/Users?startIndex=0&count=1"))["startIndex"] == 1)
        #expect(userNames(client.send("GET", "/Users?startIndex=-4&count=1")) == ["u1@example.com"])
        let none = json(client.send("GET", "/Users?count=-1"))
        #expect(none["totalResults"] == 5)
        #expect(none["itemsPerPage"] == 0)
        #expect(userNames(client.send("GET", "/Users?count=100")).count == 3)  // capped at maxResults
        #expect(json(client.send("GET", "/Users?count=abc"))["scimType"] == "invalidValue")
    }

    @Test func filterAndSort() throws {
        let client = try populated()
        let filtered = client.send("GET", "/Users?filter=" + "title eq \"even\"".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        #expect(userNames(filtered) == ["u2@example.com", "u4@example.com"])
        #expect(json(filtered)["totalResults"] == 2)
        let sorted = client.send("GET", "/Users?sortBy=displayName&count=3")
        #expect(userNames(sorted) == ["u5@example.com", "u4@example.com", "u3@example.com"])
        let descending = client.send("GET", "/Users?sortBy=userName&sortOrder=descending&count=2")
        #expect(userNames(descending) == ["u5@example.com", "u4@example.com"])
        let invalid = client.send("GET", "/Users?filter=userName%20eq")
        #expect(invalid.status == 400)
        #expect(json(invalid)["scimType"] == "invalidFilter")
    }

    @Test func attributesAndExcludedAttributes() throws {
        let client = try populated()
        let only = json(client.send("GET", "/Users?attributes=userName,emails.value&count=1"))["Resources"]?[0]
        let keys = only?.objectValue?.keys.sorted()
        #expect(keys == ["emails", "id", "meta", "schemas", "userName"])
        #expect(only?["meta"] == ["resourceType": "User"])
        #expect(only?["emails"] == [["value": "u1@work.com"]])
        let without = json(client.send("GET", "/Users?excludedAttributes=emails,title,id,meta&count=1"))["Resources"]?[0]
        #expect(without?["emails"] == nil)
        #expect(without?["title"] == nil)
        #expect(without?["id"] != nil)  // always returned
        #expect(without?["meta"] == ["resourceType": "User"])
        #expect(without?["displayName"] != nil)
    }

    @Test func searchWithPost() throws {
        let client = try populated()
        let body: JSONValue = [
            "schemas": [.string(SCIMSchemaURN.searchRequest)], "filter": "title eq \"odd\"",
            "sortBy": "displayName", "startIndex": 1, "count": 2, "attributes": ["userName"],
        ]
        let response = client.send("POST", "/Users/.search", body: body)
        #expect(response.status == 200)
        #expect(userNames(response) == ["u5@example.com", "u3@example.com"])
        #expect(json(response)["totalResults"] == 3)
        #expect(json(response)["Resources"]?[0]?["title"] == nil)
        let bad = client.send("POST", "/Users/.search", body: ["schemas": [.string(SCIMSchemaURN.searchRequest)], "filter": "(("])
        #expect(json(bad)["scimType"] == "invalidFilter")
    }

    @Test("POST /.search at the root (RFC 7644 §3.4.3) searches users and groups")
    func rootSearch() throws {
        let client = try populated()
        _ = client.send("POST", "/Groups", body: ["schemas": [.string(SCIMSchemaURN.group)], "displayName": "even"])
        let body: JSONValue = [
            "schemas": [.string(SCIMSchemaURN.searchRequest)], "filter": "title eq \"even\"", "excludedAttributes": ["emails"],
        ]
        let response = client.send("POST", "/.search", body: body)
        #expect(response.status == 200)
        #expect(userNames(response) == ["u2@example.com", "u4@example.com"])
        #expect(json(response)["Resources"]?[0]?["emails"] == nil)
        let both = json(client.send("POST", "/.search", body: [
            "schemas": [.string(SCIMSchemaURN.searchRequest)], "filter": "title eq \"even\" or displayName eq \"even\"",
        ]))
        #expect(both["totalResults"] == 3)
        #expect(both["Resources"]?.arrayValue?.compactMap { $0["meta"]?["resourceType"]?.stringValue } == ["User", "User", "Group"])
        #expect(client.send("GET", "/.search").status == 405)
    }

    @Test func faultyModes() throws {
        let ignoring = try populated(faults: [.ignoresFilter, .wrongContentType])
        let response = ignoring.send("GET", "/Users?filter=" + "title%20eq%20%22even%22")
        #expect(json(response)["totalResults"] == 5)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")

        let unpaged = try populated(faults: .ignoresPagination)
        #expect(userNames(unpaged.send("GET", "/Users?count=1")).count == 5)

        let undead = try SCIMTestClient(faults: .deleteOnlyDeactivates)
        let id = try #require(undead.createUser("zombie", extra: ["title": "t"])["id"]?.stringValue)
        #expect(undead.send("DELETE", "/Users/\(id)").status == 204)
        let stillThere = undead.send("GET", "/Users/\(id)")
        #expect(stillThere.status == 200)
        #expect(json(stillThere)["active"] == false)
    }
}

@Suite("SCIM service: discovery")
struct SCIMDiscoveryTests {
    @Test func serviceProviderConfig() throws {
        let config = json(try SCIMTestClient().send("GET", "/ServiceProviderConfig"))
        #expect(config["patch"]?["supported"] == true)
        #expect(config["filter"] == ["supported": true, "maxResults": 200])
        #expect(config["etag"]?["supported"] == true)
        #expect(config["authenticationSchemes"]?[0]?["type"] == "httpbasic")
    }

    @Test func resourceTypesAndSchemas() throws {
        let client = try SCIMTestClient()
        let types = json(client.send("GET", "/ResourceTypes"))
        #expect(types["totalResults"] == 2)
        #expect(types["Resources"]?.arrayValue?.compactMap { $0["endpoint"]?.stringValue } == ["/Users", "/Groups"])
        let user = json(client.send("GET", "/ResourceTypes/User"))
        #expect(user["schema"] == .string(SCIMSchemaURN.user))
        #expect(user["schemaExtensions"]?.arrayValue?.compactMap { $0["schema"]?.stringValue }
            == [SCIMSchemaURN.enterpriseUser, SCIMSchemaURN.sendSafelyUser])
        let group = json(client.send("GET", "/ResourceTypes/Group"))
        #expect(group["schema"] == .string(SCIMSchemaURN.group))
        #expect(group["endpoint"] == "/Groups")
        #expect(group["schemaExtensions"] == nil)
        let schemas = json(client.send("GET", "/Schemas"))
        #expect(schemas["Resources"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == SCIMSchemas.all.map(\.id))
        let groupSchema = json(client.send("GET", "/Schemas/" + SCIMSchemaURN.group))
        #expect(groupSchema["attributes"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["displayName", "members"])
        let members = groupSchema["attributes"]?[1]
        #expect(members?["subAttributes"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["value", "$ref", "type", "display"])
        #expect(members?["subAttributes"]?[1]?["referenceTypes"] == ["User", "Group"])
        let sendSafely = json(client.send("GET", "/Schemas/" + SCIMSchemaURN.sendSafelyUser))
        #expect(sendSafely["attributes"]?[0]?["name"] == "isAdmin")
        #expect(sendSafely["attributes"]?[0]?["type"] == "boolean")
        let core = json(client.send("GET", "/Schemas/urn%3Aietf%3Aparams%3Ascim%3Aschemas%3Acore%3A2.0%3AUser"))
        let userName = core["attributes"]?.arrayValue?.first { $0["name"] == "userName" }
        #expect(userName?["uniqueness"] == "server")
        #expect(userName?["caseExact"] == false)
        #expect(client.send("GET", "/Schemas/urn:nope").status == 404)
    }
}
