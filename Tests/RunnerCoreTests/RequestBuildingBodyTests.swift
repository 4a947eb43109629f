import CollectionModel
import JSONValue
import Testing
import RunContracts
@testable import RunnerCore

@Suite("Request building: bodies by mode")
struct RequestBuildingBodyTests {
    private let boundary = BuildFixture.boundary

    private func post(_ body: RequestBody, headers: [KeyValue] = []) -> RequestDefinition {
        RequestDefinition(method: "POST", url: RequestURL.parse("http://h/"), headers: headers, body: body)
    }

    @Test("raw: resolved text, Content-Type from the language before the system headers")
    func raw() throws {
        let built = try BuildFixture.build(post(RequestBody(mode: .raw, raw: "<a>{{v}}</a>", rawLanguage: "xml")), variables: ["v": "1"])
        #expect(BuildFixture.text(built.request.body) == "<a>1</a>")
        #expect(built.request.headers.first == HTTPHeader("Content-Type", "application/xml"))
        for (language, type) in [("json", "application/json"), ("javascript", "application/javascript"),
                                 ("html", "text/html"), ("text", "text/plain"), ("graphql", "text/plain")] {
            let headers = try BuildFixture.build(post(RequestBody(mode: .raw, raw: "x", rawLanguage: language))).request.headers
            #expect(headers.value(for: "Content-Type") == type)
        }
        let own = try BuildFixture.build(post(RequestBody(mode: .raw, raw: "x", rawLanguage: "json"),
                                              headers: [KeyValue(key: "content-type", value: "text/csv")])).request.headers
        #expect(own.filter { $0.name.lowercased() == "content-type" } == [HTTPHeader("content-type", "text/csv")])
    }

    @Test("raw JSON: comments are stripped, strings kept, for language json or a JSON Content-Type")
    func jsonComments() throws {
        let cases = [
            ("{// some comment\n\"a\": \"value\"\n}", "{\n\"a\": \"value\"\n}"),
            ("{\n\"a\": \"value\"\n// \"b\": \"value\"\r\n}", "{\n\"a\": \"value\"\n\n}"),
            ("{\"a\": \"value\",\n\"b\": \"value\" // some comment\r\n}", "{\"a\": \"value\",\n\"b\": \"value\" \n}"),
            ("{/* \nsome comment\n*/\n\"a\": \"value\"\n}", "{\n\"a\": \"value\"\n}"),
            ("{\"a\":/* some */ \"value\"}", "{\"a\": \"value\"}"),
            ("{//test\n\"a\\\"a\": \"val\\\"ue // not a comment\"}", "{\n\"a\\\"a\": \"val\\\"ue // not a comment\"}"),
            ("{\"url\": \"http://x/*y*/\"}", "{\"url\": \"http://x/*y*/\"}"),
        ]
        for (input, expected) in cases {
            #expect(JSONComments.strip(input) == expected)
            let body = try BuildFixture.build(post(RequestBody(mode: .raw, raw: input, rawLanguage: "json"))).request.body
            #expect(BuildFixture.text(body) == expected)
        }
        let byHeader = try BuildFixture.build(post(RequestBody(mode: .raw, raw: "{//c\n}"),
                                                   headers: [KeyValue(key: "Content-Type", value: "application/vnd.api+json")]))
        #expect(BuildFixture.text(byHeader.request.body) == "{\n}")
        let text = try BuildFixture.build(post(RequestBody(mode: .raw, raw: "{//c\n}", rawLanguage: "text")))
        #expect(BuildFixture.text(text.request.body) == "{//c\n}")
        let noHints = try BuildFixture.build(post(RequestBody(mode: .raw, raw: "{//c\n}")))
        #expect(BuildFixture.text(noHints.request.body) == "{//c\n}")
    }

    @Test("urlencoded: form-encoded, disabled fields skipped, repeated keys grouped, Content-Type last")
    func urlencoded() throws {
        let body = RequestBody(mode: .urlencoded, urlencoded: [
            KeyValue(key: "a", value: "1"), KeyValue(key: "b", value: "x y!*'()~é&={{v}}"),
            KeyValue(key: "off", value: "1", disabled: true), KeyValue(key: "a", value: nil),
        ])
        let built = try BuildFixture.build(post(body), variables: ["v": "z"])
        #expect(BuildFixture.text(built.request.body) == "a=1&a=&b=x%20y%21%2A%27%28%29~%C3%A9%26%3Dz")
        #expect(built.request.headers.last == HTTPHeader("Content-Type", "application/x-www-form-urlencoded"))
        #expect(built.request.headers[built.request.headers.count - 2].name == "Connection")

        let kept = try BuildFixture.build(post(body, headers: [KeyValue(key: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8")]))
        #expect(kept.request.headers.first == HTTPHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"))
        let replaced = try BuildFixture.build(post(body, headers: [KeyValue(key: "content-type", value: "text/plain")]))
        #expect(replaced.request.headers.first == HTTPHeader("content-type", "application/x-www-form-urlencoded"))

        let allDisabled = RequestBody(mode: .urlencoded, urlencoded: [KeyValue(key: "a", value: "1", disabled: true)])
        let empty = try BuildFixture.build(post(allDisabled)).request
        #expect(empty.body == [] && !empty.headers.contains(name: "Content-Type"))
    }

    @Test("disabledSystemHeaders content-type sends no Content-Type of its own")
    func disabledContentType() throws {
        let behavior: JSONObject = ["disabledSystemHeaders": ["content-type": true]]
        let raw = try BuildFixture.build(post(RequestBody(mode: .raw, raw: "x", rawLanguage: "json")), behavior: behavior)
        #expect(!raw.request.headers.contains(name: "Content-Type"))
        let form = try BuildFixture.build(post(RequestBody(mode: .urlencoded, urlencoded: [KeyValue(key: "a", value: "1")])), behavior: behavior)
        #expect(!form.request.headers.contains(name: "Content-Type"))
    }

    @Test("formdata: multipart bytes laid out as form-data writes them, files read from the working directory")
    func multipart() throws {
        let directory = try BuildFixture.directory(files: ["upload.csv": "a,b\n1,2\n", "sub/note.txt": "hi", "blob.xyz": "B"])
        let body = RequestBody(mode: .formdata, formdata: [
            FormParameter(key: "text", value: "{{v}}"),
            FormParameter(key: "typed", value: "{\"a\":1}", contentType: "application/json"),
            FormParameter(key: "off", value: "x", disabled: true),
            FormParameter(key: "file", kind: .file, sources: ["upload.csv"]),
            FormParameter(key: "many", kind: .file, sources: ["sub/note.txt", "blob.xyz"]),
        ])
        let built = try BuildFixture.build(post(body), variables: ["v": "value"],
                                           settings: BuildFixture.settings(workingDirectory: directory))
        let expected = """
        --\(boundary)\r
        Content-Disposition: form-data; name="text"\r
        \r
        value\r
        --\(boundary)\r
        Content-Disposition: form-data; name="typed"\r
        Content-Type: application/json\r
        \r
        {"a":1}\r
        --\(boundary)\r
        Content-Disposition: form-data; name="file"; filename="upload.csv"\r
        Content-Type: text/csv\r
        \r
        a,b
        1,2
        \r
        --\(boundary)\r
        Content-Disposition: form-data; name="many"; filename="note.txt"\r
        Content-Type: text/plain\r
        \r
        hi\r
        --\(boundary)\r
        Content-Disposition: form-data; name="many"; filename="blob.xyz"\r
        Content-Type: application/octet-stream\r
        \r
        B\r
        --\(boundary)--\r

        """
        #expect(BuildFixture.text(built.request.body) == expected)
        #expect(built.request.headers.last == HTTPHeader("Content-Type", "multipart/form-data; boundary=" + boundary))
        #expect(built.warnings.isEmpty)
    }

    @Test("formdata: a missing file, a file outside the working directory and a missing src warn as Newman does")
    func multipartFileProblems() throws {
        let directory = try BuildFixture.directory(files: ["in.txt": "ok"])
        let body = RequestBody(mode: .formdata, formdata: [
            FormParameter(key: "gone", kind: .file, sources: ["nope.txt"]),
            FormParameter(key: "outside", kind: .file, sources: ["../secret.txt"]),
            FormParameter(key: "nosrc", kind: .file),
            FormParameter(key: "dir", kind: .file, sources: ["."]),
        ])
        let built = try BuildFixture.build(post(body), settings: BuildFixture.settings(workingDirectory: directory, allowOutside: false))
        #expect(built.warnings == [
            "Form param `gone`, file load error: \"nope.txt\", no such file",
            "Form param `outside`, file load error: PPERM: insecure file access outside working directory",
            "Form param `nosrc`, file load error: missing file source",
            "Form param `dir`, file load error: \".\", is not a file",
        ])
        let expected = "--\(boundary)\r\nContent-Disposition: form-data; name=\"nosrc\"\r\n\r\n\r\n--\(boundary)--\r\n"
        #expect(BuildFixture.text(built.request.body) == expected)
    }

    @Test("file: the file's bytes, typed by extension as postman-request types a piped file; a missing file warns and sends no body")
    func fileBody() throws {
        let directory = try BuildFixture.directory(files: ["data.bin": "\u{1}\u{2}raw", "doc.json": "{}"])
        let settings = BuildFixture.settings(workingDirectory: directory)
        let built = try BuildFixture.build(post(RequestBody(mode: .file, fileSource: "{{name}}")), variables: ["name": "data.bin"], settings: settings)
        #expect(built.request.body == [1, 2] + Array("raw".utf8))
        #expect(built.request.headers.value(for: "Content-Type") == "application/octet-stream")
        let json = try BuildFixture.build(post(RequestBody(mode: .file, fileSource: "doc.json")), settings: settings)
        #expect(json.request.headers.value(for: "Content-Type") == "application/json")

        let missing = try BuildFixture.build(post(RequestBody(mode: .file, fileSource: "missing.bin")), settings: settings)
        #expect(missing.warnings == ["Binary file load error: \"missing.bin\", no such file"])
        #expect(missing.request.body == [])
        let absolute = try BuildFixture.build(post(RequestBody(mode: .file, fileSource: directory + "/data.bin")), settings: settings)
        #expect(absolute.request.body?.count == 5)
    }

    @Test("graphql: query as a JSON string and variables as written, sent as application/json")
    func graphql() throws {
        let body = RequestBody(mode: .graphql, graphqlQuery: "query { user(id: \"{{id}}\") { name } }",
                               graphqlVariables: "{\"limit\": 2}")
        let built = try BuildFixture.build(post(body), variables: ["id": "7"])
        #expect(BuildFixture.text(built.request.body) == "{\"query\":\"query { user(id: \\\"7\\\") { name } }\",\"variables\":{\"limit\": 2}}")
        #expect(built.request.headers.first == HTTPHeader("Content-Type", "application/json"))
        let noVariables = try BuildFixture.build(post(RequestBody(mode: .graphql, graphqlQuery: "{a}", graphqlVariables: "")))
        #expect(BuildFixture.text(noVariables.request.body) == "{\"query\":\"{a}\"}")
    }

    @Test("no mode or a disabled body sends no body")
    func noBody() throws {
        #expect(try BuildFixture.build(post(RequestBody(mode: nil, raw: "x"))).request.body == [])
        let headers = try BuildFixture.build(post(RequestBody(mode: .raw, raw: "x", disabled: true))).request.headers
        #expect(!headers.contains(name: "Content-Type"))
    }

    @Test("a pruned GET body: nothing on the wire, but a declared raw language's Content-Type stays, as in Newman")
    func prunedBodyKeepsDeclaredContentType() throws {
        func get(_ body: RequestBody) -> RequestDefinition {
            RequestDefinition(method: "GET", url: RequestURL.parse("http://h/"), body: body)
        }
        let json = try BuildFixture.build(get(RequestBody(mode: .raw, raw: #"{"a":1}"#, rawLanguage: "json")))
        #expect(json.request.body == nil)
        #expect(json.request.headers.value(for: "Content-Type") == "application/json")
        let plain = try BuildFixture.build(get(RequestBody(mode: .raw, raw: #"{"a":1}"#)))
        #expect(plain.request.body == nil)
        #expect(plain.request.headers.value(for: "Content-Type") == nil)
        let form = try BuildFixture.build(get(RequestBody(mode: .urlencoded, urlencoded: [KeyValue(key: "a", value: "1")])))
        #expect(form.request.headers.value(for: "Content-Type") == nil)
    }
}

