import Foundation
import HTTPServer
import JSONValue
import Testing

@testable import SCIMServer

/// `/Groups` (RFC 7643 §4.2, RFC 7644 §3) and the users' `groups` attribute that follows from it.
@Suite("SCIM service: groups")
struct SCIMGroupTests {
    private func id(_ value: JSONValue) throws -> String { try #require(value["id"]?.stringValue) }

    private func createGroup(_ client: SCIMTestClient, _ name: String, members: [String] = []) throws -> String {
        let response = client.send("POST", "/Groups", body: groupBody(name, members: members))
        #expect(response.status == 201, "\(String(decoding: response.body, as: UTF8.self))")
        return try id(json(response))
    }

    private func memberValues(_ group: JSONValue) -> [String] {
        group["members"]?.arrayValue?.compactMap { $0["value"]?.stringValue } ?? []
    }

    private func groupIDs(ofUser user: JSONValue) -> [String] {
        user["groups"]?.arrayValue?.compactMap { $0["value"]?.stringValue } ?? []
    }

    @Test func createReadAndMemberLinks() throws {
        let client = try SCIMTestClient()
        let alice = try id(client.createUser("alice"))
        let response = client.send("POST", "/Groups", body: groupBody("Admins", members: [alice, "not-a-resource"]))
        #expect(response.status == 201)
        let group = json(response)
        let groupID = try id(group)
        #expect(response.header("Location") == "http://scim.test/scim/v2/Groups/\(groupID)")
        #expect(group["meta"]?["resourceType"] == "Group")
        #expect(group["schemas"] == [.string(SCIMSchemaURN.group)])
        // A member naming a user gets its type and $ref; an id that names nothing is kept as sent (clients may
        // add members before creating them), without a link.
        #expect(group["members"] == [
            ["value": .string(alice), "type": "User", "$ref": .string("http://scim.test/scim/v2/Users/\(alice)")],
            ["value": "not-a-resource"],
        ])
        #expect(json(client.send("GET", "/Groups/\(groupID)"))["displayName"] == "Admins")
        #expect(client.send("GET", "/Groups/missing").status == 404)
    }

    @Test func displayNameIsRequiredAndMembersNeedAValue() throws {
        let client = try SCIMTestClient()
        let nameless = client.send("POST", "/Groups", body: ["schemas": [.string(SCIMSchemaURN.group)]])
        #expect(nameless.status == 400)
        #expect(json(nameless)["scimType"] == "invalidValue")
        let valueless = client.send("POST", "/Groups", body: groupBody("G", ["members": [["display": "who?"]]]))
        #expect(json(valueless)["scimType"] == "invalidValue")
        let asUser = client.send("POST", "/Groups", body: ["schemas": [.string(SCIMSchemaURN.user)], "displayName": "G"])
        #expect(json(asUser)["scimType"] == "invalidSyntax")
        let unknown = client.send("POST", "/Groups", body: groupBody("G", ["userName": "not a group attribute"]))
        #expect(unknown.status == 400)
        #expect(json(unknown)["scimType"] == "invalidSyntax")
    }

    @Test("the same member listed twice is kept once; a group cannot contain itself")
    func duplicateAndSelfMembers() throws {
        let client = try SCIMTestClient()
        let alice = try id(client.createUser("alice"))
        let groupID = try createGroup(client, "G", members: [alice, alice])
        #expect(memberValues(json(client.send("GET", "/Groups/\(groupID)"))) == [alice])
        let again = client.send("PATCH", "/Groups/\(groupID)", body: patchBody([["op": "add", "path": "members", "value": [["value": .string(alice)]]]]))
        #expect(memberValues(json(again)) == [alice])
        let itself = client.send("PATCH", "/Groups/\(groupID)", body: patchBody([["op": "add", "path": "members", "value": [["value": .string(groupID)]]]]))
        #expect(itself.status == 400)
        #expect(json(itself)["scimType"] == "invalidValue")
    }

    @Test("PATCH add, remove through members[value eq …], replace, Azure AD's remove by value, remove all")
    func patchMembers() throws {
        let client = try SCIMTestClient()
        let (alice, bob, carol) = (try id(client.createUser("alice")), try id(client.createUser("bob")), try id(client.createUser("carol")))
        let groupID = try createGroup(client, "Team", members: [alice])
        func patched(_ operations: JSONValue) -> JSONValue {
            let response = client.send("PATCH", "/Groups/\(groupID)", body: patchBody(operations))
            #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
            return json(client.send("GET", "/Groups/\(groupID)"))
        }
        #expect(memberValues(patched([["op": "add", "path": "members", "value": [["value": .string(bob)], ["value": .string(carol)]]]]))
            == [alice, bob, carol])
        #expect(memberValues(patched([["op": "remove", "path": .string("members[value eq \"\(bob)\"]")]])) == [alice, carol])
        #expect(memberValues(patched([["op": "remove", "path": "members", "value": [["value": .string(alice)]]]])) == [carol])
        #expect(memberValues(patched([["op": "replace", "path": "members", "value": [["value": .string(bob)]]]])) == [bob])
        let renamed = patched([["op": "replace", "path": "displayName", "value": "Renamed"]])
        #expect(renamed["displayName"] == "Renamed")
        #expect(memberValues(renamed) == [bob])
        #expect(patched([["op": "remove", "path": "members"]])["members"] == nil)
        let noMatch = client.send("PATCH", "/Groups/\(groupID)", body: patchBody([
            ["op": "replace", "path": .string("members[value eq \"\(alice)\"].display"), "value": "A"],
        ]))
        #expect(json(noMatch)["scimType"] == "noTarget")
    }

    @Test func putReplacesMembers() throws {
        let client = try SCIMTestClient()
        let (alice, bob) = (try id(client.createUser("alice")), try id(client.createUser("bob")))
        let groupID = try createGroup(client, "Team", members: [alice])
        let replaced = client.send("PUT", "/Groups/\(groupID)", body: groupBody("Team 2", members: [bob]))
        #expect(replaced.status == 200)
        #expect(json(replaced)["displayName"] == "Team 2")
        #expect(memberValues(json(replaced)) == [bob])
        #expect(json(replaced)["meta"]?["version"] == "W/\"2\"")
        #expect(groupIDs(ofUser: json(client.send("GET", "/Users/\(alice)"))).isEmpty)
    }

    @Test func filtersOnDisplayNameAndMembersValue() throws {
        let client = try SCIMTestClient()
        let (alice, bob) = (try id(client.createUser("alice")), try id(client.createUser("bob")))
        let admins = try createGroup(client, "Admins", members: [alice])
        let everyone = try createGroup(client, "Everyone", members: [alice, bob])
        func ids(_ filter: String) -> [String] {
            let encoded = filter.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            return json(client.send("GET", "/Groups?filter=\(encoded)"))["Resources"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        }
        #expect(ids("displayName eq \"admins\"") == [admins])  // displayName is not caseExact
        #expect(ids("members.value eq \"\(bob)\"") == [everyone])
        #expect(ids("members.value eq \"\(alice)\"") == [admins, everyone])
        #expect(ids("members[value eq \"\(bob)\"]") == [everyone])
        #expect(ids("members.value eq \"\(bob.uppercased())\"").isEmpty)  // member ids are caseExact
        #expect(ids("displayName sw \"E\" and members pr") == [everyone])
        let users = json(client.send("GET", "/Users?filter=" + "groups.value eq \"\(admins)\"".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!))
        #expect(users["Resources"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [alice])
        // What the server adds only when answering is filtered on too.
        let located = json(client.send("GET", "/Users?filter=" + "meta.location ew \"/Users/\(bob)\"".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!))
        #expect(located["Resources"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [bob])
        let linked = json(client.send("GET", "/Groups?filter=" + "members[$ref ew \"/Users/\(bob)\"]".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!))
        #expect(linked["Resources"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [everyone])
        let slim = json(client.send("GET", "/Groups?excludedAttributes=members"))
        #expect(slim["Resources"]?.arrayValue?.allSatisfy { $0["members"] == nil } == true)
    }

    @Test("a user's groups follow the groups: direct and through nested groups, removed with the membership")
    func usersGroupsAttributeIsKeptInStep() throws {
        let client = try SCIMTestClient()
        let alice = try id(client.createUser("alice"))
        let engineers = try createGroup(client, "Engineers", members: [alice])
        let staff = try createGroup(client, "Staff", members: [engineers])
        let user = json(client.send("GET", "/Users/\(alice)"))
        #expect(user["groups"] == [
            ["value": .string(engineers), "$ref": .string("http://scim.test/scim/v2/Groups/\(engineers)"), "display": "Engineers",
             "type": "direct"],
            ["value": .string(staff), "$ref": .string("http://scim.test/scim/v2/Groups/\(staff)"), "display": "Staff",
             "type": "indirect"],
        ])
        #expect(json(client.send("GET", "/Groups/\(staff)"))["members"]?[0]?["type"] == "Group")
        // The user's groups are the groups' to say: a client cannot write them.
        let write = client.send("PATCH", "/Users/\(alice)", body: patchBody([["op": "add", "path": "groups", "value": [["value": "x"]]]]))
        #expect(json(write)["scimType"] == "mutability")
        let put = client.send("PUT", "/Users/\(alice)", body: userBody("alice", ["groups": [["value": .string(staff)]]]))
        #expect(put.status == 200)  // read-only attributes in a PUT are ignored (RFC 7644 §3.5.1)
        #expect(groupIDs(ofUser: json(put)) == [engineers, staff])
        _ = client.send("PATCH", "/Groups/\(engineers)", body: patchBody([["op": "remove", "path": .string("members[value eq \"\(alice)\"]")]]))
        #expect(json(client.send("GET", "/Users/\(alice)"))["groups"] == nil)
    }

    @Test("deleting a user removes it from every group; deleting a group removes it from the groups containing it")
    func deletesRemoveMemberships() throws {
        let client = try SCIMTestClient()
        let (alice, bob) = (try id(client.createUser("alice")), try id(client.createUser("bob")))
        let team = try createGroup(client, "Team", members: [alice, bob])
        let all = try createGroup(client, "All", members: [team, alice])
        #expect(client.send("DELETE", "/Users/\(alice)").status == 204)
        let teamAfter = json(client.send("GET", "/Groups/\(team)"))
        #expect(memberValues(teamAfter) == [bob])
        #expect(teamAfter["meta"]?["version"] == "W/\"2\"")  // the group changed, so its version did
        #expect(memberValues(json(client.send("GET", "/Groups/\(all)"))) == [team])
        #expect(client.send("DELETE", "/Groups/\(team)").status == 204)
        #expect(json(client.send("GET", "/Groups/\(all)"))["members"] == nil)
        #expect(client.send("GET", "/Groups/\(team)").status == 404)
        #expect(json(client.send("GET", "/Users/\(bob)"))["groups"] == nil)
    }

    @Test func groupsPersistInTheDataFileWithUsers() throws {
        let dataFile = temporaryDataFile()
        let client = try SCIMTestClient(store: SCIMUserStore(dataFile: dataFile))
        let alice = try id(client.createUser("alice"))
        let groupID = try createGroup(client, "Kept", members: [alice])
        let reopened = try SCIMTestClient(store: SCIMUserStore(dataFile: dataFile))
        let group = json(reopened.send("GET", "/Groups/\(groupID)"))
        #expect(group["displayName"] == "Kept")
        #expect(memberValues(group) == [alice])
        #expect(groupIDs(ofUser: json(reopened.send("GET", "/Users/\(alice)"))) == [groupID])
        let document = try JSONParser.parse(bytes: Array(FileManager.default.contents(atPath: dataFile) ?? Data()))
        #expect(document["version"] == 2)
        #expect(document["groups"]?.arrayValue?.count == 1)
    }

    @Test("a version 1 data file (users only, from before groups) still loads")
    func versionOneDataFileLoads() throws {
        let dataFile = temporaryDataFile()
        let user: JSONValue = ["schemas": [.string(SCIMSchemaURN.user)], "id": "u-1", "userName": "old@example.com",
                               "meta": ["resourceType": "User", "created": "2025-01-01T00:00:00.000Z",
                                        "lastModified": "2025-01-01T00:00:00.000Z", "version": "W/\"4\""]]
        let document: JSONValue = ["format": "carrier-scim-users", "version": 1, "users": [user]]
        try Data(document.serialized().utf8).write(to: URL(fileURLWithPath: dataFile))
        let store = try SCIMUserStore(dataFile: dataFile)
        #expect(store.user(id: "u-1")?["userName"] == "old@example.com")
        #expect(store.all(.group).isEmpty)
        let future: JSONValue = ["format": "carrier-scim-users", "version": 3, "users": []]
        try Data(future.serialized().utf8).write(to: URL(fileURLWithPath: dataFile))
        #expect(throws: SCIMDataFileError.self) { try SCIMUserStore(dataFile: dataFile) }
    }

    @Test("a failed save undoes the whole write: the user stays, and so do its memberships")
    func failedSaveRollsBackCascades() throws {
        let dataFile = temporaryDataFile()
        let client = try SCIMTestClient(store: SCIMUserStore(dataFile: dataFile))
        let alice = try id(client.createUser("alice"))
        let groupID = try createGroup(client, "G", members: [alice])
        // A non-empty directory where the data file was makes the save's final rename fail, even for root.
        try FileManager.default.removeItem(atPath: dataFile)
        try FileManager.default.createDirectory(atPath: dataFile + "/occupied", withIntermediateDirectories: true)
        #expect(client.send("DELETE", "/Users/\(alice)").status == 500)
        #expect(client.send("GET", "/Users/\(alice)").status == 200)
        #expect(memberValues(json(client.send("GET", "/Groups/\(groupID)"))) == [alice])
    }
}
