import Testing
import JSONValue
@testable import CollectionModel

@Suite("Request JSON")
struct RequestJSONTests {
    static let full = RequestDefinition(
        method: "PATCH",
        url: RequestURL(raw: "https://u:p@api.example.com:8443/v1/:id?a=1&b&c=#top", scheme: "https", userInfo: "u:p",
                        host: ["api", "example", "com"], port: "8443", path: ["v1", ":id"],
                        query: [KeyValue(key: "a", value: "1"), KeyValue(key: "b", value: nil),
                                KeyValue(key: "c", value: "", disabled: true, description: "off")],
                        hash: "top", pathVariables: [Variable(key: "id", value: "7", type: "string"),
                                                     Variable(key: "n", value: 3, disabled: true)]),
        headers: [KeyValue(key: "Content-Type", value: "application/json"), KeyValue(key: "X-Off", value: "1", disabled: true)],
        body: RequestBody(mode: .raw, raw: "{\"a\": 1}", rawLanguage: "json",
                          urlencoded: [KeyValue(key: "k", value: "v")],
                          formdata: [FormParameter(key: "t", value: "v", contentType: "text/plain"),
                                     FormParameter(key: "one", kind: .file, sources: ["/tmp/a"]),
                                     FormParameter(key: "many", kind: .file, sources: ["/tmp/a", "/tmp/b"], disabled: true)],
                          fileSource: "/tmp/body.bin", fileContent: "inline",
                          graphqlQuery: "{ me { id } }", graphqlVariables: "{\"x\":1}", disabled: true),
        auth: Auth(type: "apikey", parameters: ["key": "X-Key", "value": "secret", "in": "header", "n": 2, "b": true]),
        description: "Updates a thing")

    private func assertRoundTrip(_ request: RequestDefinition) throws {
        let json = request.jsonValue
        let decoded = try RequestDefinition.decode(json, file: "mem", path: "$")
        #expect(decoded.method == request.method)
        #expect(decoded.url == request.url)
        #expect(decoded.headers == request.headers)
        #expect(decoded.auth == request.auth)
        #expect(decoded.description == request.description)
        #expect(decoded.body?.jsonValue == request.body?.jsonValue)
        #expect(decoded.jsonValue == json)
    }

    @Test("a request with every field survives jsonValue → decode unchanged")
    func roundTripFull() throws {
        try assertRoundTrip(Self.full)
        let decoded = try RequestDefinition.decode(Self.full.jsonValue, file: "mem", path: "$")
        let body = try #require(decoded.body)
        #expect(body.mode == .raw)
        #expect(body.raw == "{\"a\": 1}")
        #expect(body.rawLanguage == "json")
        #expect(body.urlencoded == [KeyValue(key: "k", value: "v")])
        #expect(body.formdata == Self.full.body?.formdata)
        #expect(body.fileSource == "/tmp/body.bin")
        #expect(body.fileContent == "inline")
        #expect(body.graphqlQuery == "{ me { id } }")
        #expect(body.graphqlVariables == "{\"x\":1}")
        #expect(body.disabled)
    }

    @Test("minimal requests and every body mode round-trip")
    func roundTripModes() throws {
        try assertRoundTrip(RequestDefinition(url: RequestURL(raw: "http://h/", scheme: "http", host: ["h"])))
        try assertRoundTrip(RequestDefinition(method: "POST", url: RequestURL(raw: "h", host: ["h"]),
                                              body: RequestBody(mode: .urlencoded, urlencoded: [KeyValue(key: "a", value: "b")])))
        try assertRoundTrip(RequestDefinition(method: "POST", url: RequestURL(raw: "h", host: ["h"]),
                                              body: RequestBody(mode: .file, fileSource: "/x")))
        try assertRoundTrip(RequestDefinition(method: "POST", url: RequestURL(raw: "h", host: ["h"]),
                                              body: RequestBody(mode: .graphql, graphqlQuery: "q")))
        try assertRoundTrip(RequestDefinition(method: "POST", url: RequestURL(raw: "h", host: ["h"]),
                                              body: RequestBody(mode: nil), auth: Auth(type: "noauth")))
    }

    @Test("jsonValue writes the v2.1 shape: url object with arrays, header list, auth as key/value/type list")
    func shape() throws {
        let json = Self.full.jsonValue
        #expect(json["method"] == "PATCH")
        #expect(json["url"]?["host"] == ["api", "example", "com"])
        #expect(json["url"]?["path"] == ["v1", ":id"])
        #expect(json["url"]?["protocol"] == "https")
        #expect(json["url"]?["port"] == "8443")
        #expect(json["url"]?["query"]?[1] == ["key": "b", "value": nil])
        #expect(json["url"]?["query"]?[2]?["disabled"] == true)
        #expect(json["url"]?["variable"]?[0] == ["key": "id", "value": "7", "type": "string"])
        #expect(json["header"]?[0] == ["key": "Content-Type", "value": "application/json"])
        #expect(json["auth"]?["type"] == "apikey")
        #expect(json["auth"]?["apikey"]?[0] == ["key": "key", "value": "X-Key", "type": "string"])
        #expect(json["auth"]?["apikey"]?[3] == ["key": "n", "value": 2, "type": "number"])
        #expect(json["body"]?["options"] == ["raw": ["language": "json"]])
        #expect(json["body"]?["formdata"]?[1]?["src"] == "/tmp/a")
        #expect(json["body"]?["formdata"]?[2]?["src"] == ["/tmp/a", "/tmp/b"])
    }

    @Test("decode reads scripts' request JSON: a URL string, lower-case method, header string")
    func decodeScriptForms() throws {
        let fromString = try RequestDefinition.decode("http://127.0.0.1/x", file: "script", path: "$")
        #expect(fromString.method == "GET")
        #expect(fromString.url.raw == "http://127.0.0.1/x")
        let request = try RequestDefinition.decode(["method": "delete", "url": "http://h/", "header": "X-A: 1\r\nX-B: two words"],
                                                   file: "script", path: "$")
        #expect(request.method == "DELETE")
        #expect(request.headers == [KeyValue(key: "X-A", value: "1"), KeyValue(key: "X-B", value: "two words")])
    }

    @Test("decode errors carry the given file and base path")
    func decodeErrors() throws {
        let error = try #require(throws: LoadError.self) {
            try RequestDefinition.decode(["url": "u", "body": ["mode": "formdata", "formdata": [["key": "k", "src": 1], 7]]],
                                         file: "pm.sendRequest", path: "$.request")
        }
        #expect(error.file == "pm.sendRequest")
        #expect(error.location == "$.request.body.formdata[1]")
        #expect(error.message == "expected an object, found a number")
    }
}
