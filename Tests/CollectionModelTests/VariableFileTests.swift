import Testing
import JSONValue
@testable import CollectionModel

@Suite("Environment and globals files")
struct VariableFileTests {
    @Test("an environment decodes with name, id and values; disabled hides, enabled:false is ignored as in Newman")
    func environment() throws {
        let files = TemporaryFiles()
        let path = files.write("env.json", """
        {"id": "e-1", "name": "Local", "_postman_variable_scope": "environment",
         "values": [{"key": "host", "value": "127.0.0.1", "enabled": true, "type": "default"},
                    {"key": "port", "value": 8080, "type": "number"},
                    {"key": "gone", "value": "x", "disabled": true},
                    {"key": "kept", "value": "y", "enabled": false},
                    {"value": null},
                    {"key": "obj", "value": {"a": [1]}}]}
        """)
        let file = try CollectionLoader.loadVariableFile(path: path, kind: .environment)
        #expect(file.name == "Local")
        #expect(file.id == "e-1")
        #expect(file.path == path)
        #expect(file.values == [Variable(key: "host", value: "127.0.0.1", type: "default"),
                                Variable(key: "port", value: 8080, type: "number"),
                                Variable(key: "gone", value: "x", disabled: true),
                                Variable(key: "kept", value: "y"),
                                Variable(key: "obj", value: ["a": [1]])])
        // The raw flag survives for exports.
        #expect(file.source["values"]?[3]?["enabled"] == false)
    }

    @Test("globals as the legacy bare array, and the API's wrapped form")
    func globalsForms() throws {
        let files = TemporaryFiles()
        let bare = try CollectionLoader.loadVariableFile(path: files.write("g.json", #"[{"key": "a", "value": "1"}, {"key": "b", "value": true}]"#),
                                                         kind: .globals)
        #expect(bare.name == "")
        #expect(bare.values == [Variable(key: "a", value: "1"), Variable(key: "b", value: true)])
        let wrapped = try CollectionLoader.loadVariableFile(
            path: files.write("w.json", #"{"globals": {"name": "G", "values": [{"key": "a", "value": "1"}]}}"#), kind: .globals)
        #expect(wrapped.name == "G")
        #expect(wrapped.values.count == 1)
    }

    @Test("wrong shapes are explained with their paths")
    func errors() throws {
        let files = TemporaryFiles()
        func error(_ text: String, _ kind: CollectionLoader.VariableFileKind = .environment) throws -> LoadError {
            try #require(throws: LoadError.self) {
                try CollectionLoader.loadVariableFile(path: files.write("v.json", text), kind: kind)
            }
        }
        let noValues = try error(#"{"name": "x"}"#)
        #expect(noValues.kind == .invalidValue)
        #expect(noValues.location == "$")
        #expect(noValues.message.contains("\"values\""))

        let collection = try error(#"{"info": {"name": "c"}, "item": []}"#)
        #expect(collection.message.contains("looks like a collection"))

        let entry = try error(#"{"values": [{"key": "a"}, "b"]}"#)
        #expect(entry.location == "$.values[1]")
        #expect(entry.message == "expected an object, found a string")

        // A flag of another type is read as postman-collection reads it: Boolean(value).
        let flag = try CollectionLoader.loadVariableFile(path: files.write("v.json", #"{"values": [{"key": "a", "disabled": "yes"}]}"#),
                                                         kind: .environment)
        #expect(flag.values.first?.disabled == true)

        let scalar = try error("42", .globals)
        #expect(scalar.location == "$")

        let syntax = try error("{\"values\": [}")
        #expect(syntax.kind == .invalidJSON)
        #expect(syntax.location == "line 1, column 13")
    }
}
