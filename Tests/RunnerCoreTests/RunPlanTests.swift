import CollectionModel
import JSONValue
import RunContracts
import RunnerCore
import Testing

@Suite("The run plan walks the collection depth-first and inherits auth, scripts and protocol behaviour")
struct RunPlanTests {
    static func request(_ name: String, id: String? = nil, auth: Auth? = nil, events: [ScriptEvent] = []) -> Item {
        Item(id: id ?? name, name: name, kind: .request(RequestDefinition(url: RequestURL(raw: "http://h/\(name)"), auth: auth)),
             events: events)
    }
    static func folder(_ name: String, _ children: [Item], auth: Auth? = nil, events: [ScriptEvent] = [],
                       behaviour: JSONObject = [:]) -> Item {
        Item(id: "f-" + name, name: name, kind: .folder(children), events: events, auth: auth, protocolProfileBehavior: behaviour)
    }

    let collection = Collection(
        info: CollectionInfo(name: "C"),
        items: [
            request("top"),
            folder("A", [request("a1", auth: Auth(type: "bearer")), folder("B", [request("b1")], auth: Auth(type: "noauth"))],
                   auth: Auth(type: "apikey"), events: [ScriptEvent(listen: .test, source: "folderA")],
                   behaviour: ["followRedirects": false, "maxRedirects": 3]),
            folder("Empty", []),
            request("last"),
        ],
        auth: Auth(type: "basic"),
        events: [ScriptEvent(listen: .prerequest, source: "collectionPre"), ScriptEvent(listen: .test, source: "collectionTest"),
                 ScriptEvent(listen: .test, source: "off", disabled: true)],
        protocolProfileBehavior: ["maxRedirects": 5, "strictSSL": false])

    @Test("items come depth-first, empty folders contribute nothing")
    func order() throws {
        let plan = try RunPlan(collection: collection)
        #expect(plan.items.map(\.reference.name) == ["top", "a1", "b1", "last"])
        #expect(plan.items[2].reference.folders == ["A", "B"])
        #expect(plan.items[2].reference.qualifiedName == "A / B / b1")
    }

    @Test("auth comes from the nearest level that sets it; noauth stops inheritance")
    func authInheritance() throws {
        let plan = try RunPlan(collection: collection)
        #expect(plan.items.map { $0.effectiveAuth?.type } == ["basic", "bearer", nil, "basic"])
    }

    @Test("scripts run collection first, then folders; disabled ones are dropped")
    func scripts() throws {
        let plan = try RunPlan(collection: collection)
        #expect(plan.items[1].testScripts.map(\.event.source) == ["collectionTest", "folderA"])
        #expect(plan.items[1].testScripts.map(\.owner) == ["collection", "folder \"A\""])
        #expect(plan.items[0].prerequestScripts.map(\.event.source) == ["collectionPre"])
    }

    @Test("protocolProfileBehavior merges collection → folder → request, inner levels winning")
    func behaviour() throws {
        let plan = try RunPlan(collection: collection)
        #expect(plan.items[1].protocolProfileBehavior["maxRedirects"] == 3)
        #expect(plan.items[1].protocolProfileBehavior["strictSSL"] == false)
        #expect(plan.items[0].protocolProfileBehavior["maxRedirects"] == 5)
    }

    @Test("--folder matches ids before names, keeps the folder's ancestry, and rejects unknown names")
    func entrypoints() throws {
        let plan = try RunPlan(collection: collection, entrypoints: ["B", "f-A"])
        #expect(plan.items.map(\.reference.name) == ["b1", "a1", "b1"])
        #expect(plan.items[0].testScripts.map(\.owner) == ["collection", "folder \"A\""])
        #expect(throws: FolderSelectionError.notFound("nope")) { try RunPlan(collection: collection, entrypoints: ["nope"]) }
    }

    /// Two folders holding a request of the same name, and a folder whose own name has a slash.
    let twins = Collection(
        info: CollectionInfo(name: "T"),
        items: [
            folder("Users", [request("Create user", id: "u-create"), request("List users")]),
            folder("Admins", [request("Create user", id: "a-create")]),
            folder("Users/Groups", [request("List groups")]),
            folder("Same", [request("Twin", id: "twin-1")]),
            folder("Same", [request("Twin", id: "twin-2")]),
        ])

    @Test("--folder takes a path of names from the root; ids and unique names still work")
    func paths() throws {
        #expect(try RunPlan(collection: twins, entrypoints: ["Users/Create user"]).items.map(\.reference.id) == ["u-create"])
        #expect(try RunPlan(collection: twins, entrypoints: ["Admins/Create user"]).items.map(\.reference.id) == ["a-create"])
        let folder = try RunPlan(collection: twins, entrypoints: ["Users"])
        #expect(folder.items.map(\.reference.name) == ["Create user", "List users"])
        #expect(folder.items[0].reference.folders == ["Users"])
        #expect(try RunPlan(collection: twins, entrypoints: ["Users/Groups/List groups"]).items.map(\.reference.name) == ["List groups"])
        #expect(try RunPlan(collection: twins, entrypoints: ["a-create"]).items.map(\.reference.id) == ["a-create"])
        #expect(try RunPlan(collection: twins, entrypoints: ["List users"]).items.map(\.reference.id) == ["List users"])
    }

    @Test("a bare name or path that fits several items is refused, listing them (newman#2566)")
    func ambiguity() throws {
        #expect(throws: FolderSelectionError.ambiguous("Create user", matches: ["\"Users/Create user\"", "\"Admins/Create user\""])) {
            try RunPlan(collection: twins, entrypoints: ["Create user"])
        }
        #expect(throws: FolderSelectionError.ambiguous("Same/Twin", matches: ["\"Same/Twin\" (id twin-1)", "\"Same/Twin\" (id twin-2)"])) {
            try RunPlan(collection: twins, entrypoints: ["Same/Twin"])
        }
        #expect(try RunPlan(collection: twins, entrypoints: ["twin-2"]).items.map(\.reference.id) == ["twin-2"])
        #expect(throws: FolderSelectionError.notFound("Users/Delete user")) {
            try RunPlan(collection: twins, entrypoints: ["Users/Delete user"])
        }
        #expect(FolderSelectionError.ambiguous("X", matches: ["\"A/X\"", "\"B/X\""]).message
            == "--folder \"X\" matches 2 items: \"A/X\", \"B/X\"; pass the path from the root (or the id) of the one to run")
    }

    @Test("setNextRequest finds items by id first, then by name")
    func lookup() throws {
        let plan = try RunPlan(collection: collection)
        #expect(plan.index(ofRequestNamed: "last") == 3)
        #expect(plan.index(ofRequestNamed: "a1") == 1)
        #expect(plan.index(ofRequestNamed: "missing") == nil)
    }
}
