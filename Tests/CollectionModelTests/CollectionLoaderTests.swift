import Testing
import JSONValue
@testable import CollectionModel

@Suite("Collection loading")
struct CollectionLoaderTests {
    static let v21 = """
    {
      "info": {"_postman_id": "c-1", "name": "Demo", "description": {"content": "About it"},
               "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
      "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{tok}}", "type": "string"}]},
      "variable": [{"key": "base", "value": "http://127.0.0.1"}, {"id": "legacy", "value": 5, "type": "number"},
                   {"key": "off", "value": "x", "disabled": true}],
      "event": [{"listen": "prerequest", "script": {"id": "s1", "exec": ["let a = 1;", "console.log(a);"]}},
                {"listen": "test", "script": {"exec": "pm.test('x', () => {});"}, "disabled": true},
                {"listen": "somethingElse", "script": {"exec": []}}],
      "protocolProfileBehavior": {"followRedirects": false},
      "item": [
        {"name": "Folder", "id": "f-1",
         "auth": {"type": "basic", "basic": [{"key": "username", "value": "u"}, {"key": "password", "value": "p"}]},
         "item": [
           {"name": "Inner", "item": [
             {"name": "Deep", "request": {"method": "post", "url": {"raw": "http://x/a/b?q=1#frag",
               "protocol": "http", "host": ["x"], "port": "8080", "path": ["a", ":id"],
               "query": [{"key": "q", "value": "1"}, {"key": "off", "value": "2", "disabled": true}],
               "hash": "frag", "variable": [{"key": "id", "value": "42"}]},
               "header": [{"key": "Accept", "value": "*/*"}, {"key": "X-Off", "value": "1", "disabled": true}],
               "body": {"mode": "raw", "raw": "{\\"a\\":1}", "options": {"raw": {"language": "json"}}}}}
           ]}
         ]},
        {"request": {"url": "http://127.0.0.1/plain", "header": "A: 1\\nB:2\\n\\n"}},
        {"name": "Form", "protocolProfileBehavior": {"disableBodyPruning": true},
         "request": {"url": {"host": "api.example.com", "path": "/v1/users"},
                     "auth": {"type": "noauth"},
                     "body": {"mode": "formdata", "formdata": [
                        {"key": "t", "value": "v", "type": "text"},
                        {"key": "f", "type": "file", "src": ["/a.txt", "/b.txt"]},
                        {"key": "g", "type": "file", "src": "/c.txt", "disabled": true}]}}}
      ]
    }
    """

    @Test("a v2.1 collection decodes: info, auth, variables, events, nested folders, requests")
    func decodesV21() throws {
        let files = TemporaryFiles()
        let collection = try CollectionLoader.loadCollection(path: files.write("c.json", Self.v21))
        #expect(collection.info.name == "Demo")
        #expect(collection.info.id == "c-1")
        #expect(collection.info.description == "About it")
        #expect(collection.info.schema.contains("v2.1.0"))
        #expect(collection.auth == Auth(type: "bearer", parameters: ["token": "{{tok}}"]))
        #expect(collection.variables == [Variable(key: "base", value: "http://127.0.0.1"),
                                         Variable(key: "legacy", value: 5, type: "number"),
                                         Variable(key: "off", value: "x", disabled: true)])
        #expect(collection.events.count == 2)
        #expect(collection.events[0].listen == .prerequest)
        #expect(collection.events[0].source == "let a = 1;\nconsole.log(a);")
        #expect(collection.events[0].id == "s1")
        #expect(collection.events[1].listen == .test)
        #expect(collection.events[1].disabled)
        #expect(collection.protocolProfileBehavior["followRedirects"] == false)
        #expect(collection.source["info"]?["name"] == "Demo")

        #expect(collection.items.count == 3)
        let folder = collection.items[0]
        #expect(folder.id == "f-1")
        #expect(folder.auth == Auth(type: "basic", parameters: ["username": "u", "password": "p"]))
        #expect(folder.jsonPath == "$.item[0]")
        let inner = try #require(folder.children?.first)
        #expect(inner.name == "Inner")
        #expect(!inner.id.isEmpty)
        let deep = try #require(inner.children?.first)
        #expect(deep.jsonPath == "$.item[0].item[0].item[0]")
        let request = try #require(deep.request)
        #expect(request.method == "POST")
        #expect(request.url == RequestURL(raw: "http://x/a/b?q=1#frag", scheme: "http", host: ["x"], port: "8080",
                                          path: ["a", ":id"],
                                          query: [KeyValue(key: "q", value: "1"), KeyValue(key: "off", value: "2", disabled: true)],
                                          hash: "frag", pathVariables: [Variable(key: "id", value: "42")]))
        #expect(request.headers == [KeyValue(key: "Accept", value: "*/*"), KeyValue(key: "X-Off", value: "1", disabled: true)])
        #expect(request.body?.mode == .raw)
        #expect(request.body?.raw == "{\"a\":1}")
        #expect(request.body?.rawLanguage == "json")
        #expect(request.auth == nil)

        let plain = try #require(collection.items[1].request)
        #expect(collection.items[1].name == "http://127.0.0.1/plain")
        #expect(plain.method == "GET")
        #expect(plain.url.raw == "http://127.0.0.1/plain")
        #expect(plain.headers == [KeyValue(key: "A", value: "1"), KeyValue(key: "B", value: "2")])

        let form = collection.items[2]
        #expect(form.protocolProfileBehavior["disableBodyPruning"] == true)
        let formRequest = try #require(form.request)
        #expect(formRequest.url.host == ["api", "example", "com"])
        #expect(formRequest.url.path == ["v1", "users"])
        #expect(formRequest.auth == Auth(type: "noauth"))
        #expect(formRequest.body?.formdata == [FormParameter(key: "t", value: "v"),
                                               FormParameter(key: "f", kind: .file, sources: ["/a.txt", "/b.txt"]),
                                               FormParameter(key: "g", kind: .file, sources: ["/c.txt"], disabled: true)])
    }

    @Test("a v2.0 collection decodes, with auth in object form and URL strings")
    func decodesV20() throws {
        let files = TemporaryFiles()
        let path = files.write("c.json", """
        {"info": {"name": "Old", "schema": "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"},
         "item": [{"name": "R", "request": {"url": "http://127.0.0.1/x", "method": "GET",
                   "auth": {"type": "basic", "basic": {"username": "u", "password": "p", "showPassword": false}}}},
                  {"name": "S", "request": "http://127.0.0.1/y"}]}
        """)
        let collection = try CollectionLoader.loadCollection(path: path)
        #expect(collection.info.name == "Old")
        #expect(collection.items[0].request?.auth == Auth(type: "basic", parameters: ["username": "u", "password": "p",
                                                                                  "showPassword": false]))
        #expect(collection.items[0].request?.auth?.string("username") == "u")
        #expect(collection.items[1].request?.url.raw == "http://127.0.0.1/y")
    }

    @Test("a single object stands for a list of one, as postman-collection's property lists allow")
    func singleObjectLists() throws {
        let files = TemporaryFiles()
        let path = files.write("c.json", """
        {"info": {"name": "N"}, "item": [{"name": "Auth", "request": {"url": "http://127.0.0.1/", "header": {"key": "A", "value": "1"}},
         "event": {"listen": "test", "script": {"exec": ["pm.test('t', () => {});"]}}}]}
        """)
        let item = try #require(try CollectionLoader.loadCollection(path: path).items.first)
        #expect(item.events.count == 1)
        #expect(item.events.first?.listen == .test)
        #expect(item.request?.headers == [KeyValue(key: "A", value: "1")])
    }

    @Test("items without ids get distinct UUID-shaped ids, the same at every load (shards of one run name items alike)")
    func generatesIDs() throws {
        let files = TemporaryFiles()
        let path = files.write("c.json", #"{"info": {"name": "N"}, "item": [{"name": "a"}, {"name": "b", "item": [{"name": "c"}]}]}"#)
        let collection = try CollectionLoader.loadCollection(path: path)
        let ids = collection.items.map(\.id) + (collection.items[1].children ?? []).map(\.id)
        #expect(Set(ids).count == 3)
        #expect(ids.allSatisfy { $0.count == 36 && $0.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12] })
        let again = try CollectionLoader.loadCollection(path: path)
        #expect(again.items.map(\.id) + (again.items[1].children ?? []).map(\.id) == ids)
    }

    @Test("a URL object with only raw is parsed from raw instead of sending nowhere")
    func rawOnlyURL() throws {
        let request = try RequestDefinition.decode(["url": ["raw": "http://127.0.0.1/only"]], file: "f", path: "$")
        #expect(request.url == RequestURL.parse("http://127.0.0.1/only"))
    }

    @Test("shapes postman-collection accepts load: [] or a scalar for an object, truthy flags, null list entries, odd descriptions")
    func toleratedShapes() throws {
        let collection = try CollectionLoader.decodeCollection(JSONParser.parse(#"""
            {"info": {"name": "x", "description": 42}, "protocolProfileBehavior": [],
             "variable": [null, {"key": "v", "value": 1, "disabled": "false"}],
             "item": [{"name": "r", "protocolProfileBehavior": "strict", "event": [{"listen": "test", "disabled": 0,
                        "script": {"exec": "pm.test('t', () => {});"}}],
                       "request": {"method": "GET", "url": "http://h/", "description": ["a"],
                                   "header": [{"key": "X-N", "value": 5}, {"key": "X-Off", "value": "1", "disabled": 1}]}}]}
            """#), file: "c.json")
        #expect(collection.protocolProfileBehavior.isEmpty)
        #expect(collection.info.description == "42")
        #expect(collection.variables.map(\.key) == ["v"])
        #expect(collection.variables.first?.disabled == true)   // Boolean("false") is true in JavaScript
        let request = try #require(collection.items.first?.request)
        #expect(request.headers.map(\.value) == ["5", "1"])
        #expect(request.headers.map(\.disabled) == [false, true])
        #expect(collection.items.first?.events.first?.disabled == false)
        // Each reinterpretation is noted for the run's warnings; an empty [] for an object is not worth one.
        #expect(collection.tolerated.contains { $0.hasPrefix("$.item[0].protocolProfileBehavior: expected an object, found a string") })
        #expect(collection.tolerated.contains { $0.hasPrefix("$.variable[1].disabled: expected true or false") })
        #expect(!collection.tolerated.contains { $0.hasPrefix("$.protocolProfileBehavior") })
    }

    // MARK: errors

    private func loadError(_ text: String, bytes: [UInt8]? = nil) -> LoadError? {
        let files = TemporaryFiles()
        let path = bytes.map { files.write("c.json", bytes: $0) } ?? files.write("c.json", text)
        do {
            _ = try CollectionLoader.loadCollection(path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test("a missing file is unreadable with a hint to check the path")
    func missingFile() {
        #expect(throws: LoadError(.unreadable, file: "/nonexistent/c.json", message: "file not found; check the path")) {
            try CollectionLoader.loadCollection(path: "/nonexistent/c.json")
        }
    }

    @Test("a directory is refused as unreadable")
    func directory() throws {
        let files = TemporaryFiles()
        let error = try #require(throws: LoadError.self) { try CollectionLoader.loadCollection(path: files.directory) }
        #expect(error.kind == .unreadable)
        #expect(error.message.contains("directory"))
    }

    @Test("invalid JSON is reported at line and column")
    func invalidJSON() throws {
        let error = try #require(loadError("{\n  \"info\": {\"name\": \"x\",}\n}"))
        #expect(error.kind == .invalidJSON)
        #expect(error.location == "line 2, column 24")
    }

    @Test("a truncated file is invalid JSON at its end")
    func truncated() throws {
        let error = try #require(loadError("{\"info\": {\"name\": \"x\"}, \"item\": ["))
        #expect(error.kind == .invalidJSON)
        #expect(error.location == "line 1, column 34")
        #expect(error.message.contains("end of file"))
    }

    @Test("an empty file is invalid JSON")
    func emptyFile() throws {
        let error = try #require(loadError("  \n"))
        #expect(error.kind == .invalidJSON)
    }

    @Test("a wrong type names its JSON path and what is expected")
    func wrongTypeHeader() throws {
        let error = try #require(loadError(#"{"info": {"name": "x"}, "item": [{"request": {"url": "u", "header": 5}}]}"#))
        #expect(error.kind == .invalidValue)
        #expect(error.location == "$.item[0].request.header")
        #expect(error.message.contains("expected an array"))
        #expect(error.description.hasSuffix("c.json: $.item[0].request.header: " + error.message))
    }

    @Test("a URL of the wrong type asks for a string or an object")
    func wrongTypeURL() throws {
        let error = try #require(loadError(#"{"info": {"name": "x"}, "item": [{}, {}, {}, {"request": {"url": 7}}]}"#))
        #expect(error.location == "$.item[3].request.url")
        #expect(error.message == "expected a string or an object, found a number")
    }

    @Test("wrong types deep in folders, events and keys with odd names carry exact paths")
    func deepPaths() throws {
        let folder = try #require(loadError(#"{"info": {"name": "x"}, "item": [{"item": [{"event": [{"listen": "test", "script": {"exec": [1]}}]}]}]}"#))
        #expect(folder.location == "$.item[0].item[0].event[0].script.exec[0]")
        let auth = try #require(loadError(#"{"info": {"name": "x"}, "auth": {"type": "api key", "api key": 3}, "item": []}"#))
        #expect(auth.location == #"$.auth["api key"]"#)
    }

    @Test("a v1 collection is refused with a re-export hint")
    func v1() throws {
        let error = try #require(loadError(#"{"id": "1", "name": "Old", "order": [], "requests": []}"#))
        #expect(error.kind == .unsupportedVersion)
        #expect(error.message == "this is a Postman v1 collection; re-export it from Postman as Collection v2.1")
    }

    @Test("an unknown schema version is refused, naming the version")
    func unknownSchema() throws {
        let error = try #require(loadError(#"{"info": {"name": "x", "schema": "https://schema.getpostman.com/json/collection/v3.0.0/collection.json"}, "item": []}"#))
        #expect(error.kind == .unsupportedVersion)
        #expect(error.location == "$.info.schema")
        #expect(error.message.contains("v3.0.0"))
    }

    @Test("an environment file passed as a collection is recognised")
    func environmentAsCollection() throws {
        let error = try #require(loadError(#"{"id": "e", "name": "Env", "values": [{"key": "a", "value": "1"}], "_postman_variable_scope": "environment"}"#))
        #expect(error.kind == .invalidValue)
        #expect(error.message.contains("environment"))
        let array = try #require(loadError(#"[{"key": "a", "value": 1}]"#))
        #expect(array.kind == .invalidValue)
        #expect(array.location == "$")
    }

    @Test("UTF-8 with BOM and UTF-16 LE/BE with BOM decode; invalid UTF-8 is rejected with its offset")
    func encodings() throws {
        let files = TemporaryFiles()
        let text = #"{"info": {"name": "Zoë"}, "item": []}"#
        let utf8BOM = files.write("a.json", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(try CollectionLoader.loadCollection(path: utf8BOM).info.name == "Zoë")
        let units = Array(text.utf16)
        let le = files.write("le.json", bytes: [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(try CollectionLoader.loadCollection(path: le).info.name == "Zoë")
        let be = files.write("be.json", bytes: [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        #expect(try CollectionLoader.loadCollection(path: be).info.name == "Zoë")

        var bad = Array(text.utf8)
        bad[20] = 0xFF
        let error = try #require(loadError("", bytes: bad))
        #expect(error.kind == .invalidText)
        #expect(error.location == "byte 20")
    }
}
