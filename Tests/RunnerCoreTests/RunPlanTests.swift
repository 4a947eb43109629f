import CollectionModel
import JSONValue
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
        #expect(throws: UnknownFolderError(name: "nope")) { try RunPlan(collection: collection, entrypoints: ["nope"]) }
    }

    @Test("setNextRequest finds items by id first, then by name")
    func lookup() throws {
        let plan = try RunPlan(collection: collection)
        #expect(plan.index(ofRequestNamed: "last") == 3)
        #expect(plan.index(ofRequestNamed: "a1") == 1)
        #expect(plan.index(ofRequestNamed: "missing") == nil)
    }
}
