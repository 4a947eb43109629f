import CollectionModel
import JSONValue
import Testing
import RunContracts
@testable import RunnerCore

@Suite("Request building: pm.sendRequest shapes")
struct RequestBuildingSendRequestTests {
    private let settings = BuildFixture.settings()

    @Test("a URL string is a GET, variables left unresolved")
    func urlString() throws {
        let request = try RequestBuilder.buildForSendRequest("http://h/get?a={{x}}", settings: settings)
        #expect(request.method == "GET")
        #expect(request.url == "http://h/get?a={{x}}")
        #expect(request.body == nil)
        #expect(request.headers.value(for: "Host") == "h")
    }

    @Test("a request object with headers as an array, raw body and bearer auth")
    func requestObject() throws {
        let json = try JSONParser.parse("""
        {"url": "http://h/post", "method": "post",
         "header": [{"key": "X-A", "value": "1"}, {"key": "X-Off", "value": "0", "disabled": true}],
         "body": {"mode": "raw", "raw": "{\\"a\\": 1}", "options": {"raw": {"language": "json"}}},
         "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "tok"}]}}
        """)
        let request = try RequestBuilder.buildForSendRequest(json, settings: settings)
        #expect(request.method == "POST")
        #expect(request.url == "http://h/post")
        #expect(Array(request.headers.prefix(3)) == [HTTPHeader("X-A", "1"), HTTPHeader("Authorization", "Bearer tok"),
                                                    HTTPHeader("Content-Type", "application/json")])
        #expect(BuildFixture.text(request.body) == "{\"a\": 1}")
    }

    @Test("headers as an object or as lines; urlencoded bodies; URL objects")
    func otherShapes() throws {
        let json = try JSONParser.parse("""
        {"url": {"protocol": "https", "host": "api.{{env}}.example.com", "path": "/v1/:id", "port": 8443,
                 "query": [{"key": "q", "value": "a b"}], "variable": [{"key": "id", "value": "9"}]},
         "method": "PUT", "header": {"X-B": "2", "X-N": 3},
         "body": {"mode": "urlencoded", "urlencoded": [{"key": "k", "value": "v 1"}]}}
        """)
        let request = try RequestBuilder.buildForSendRequest(json, settings: settings)
        #expect(request.url == "https://api.{{env}}.example.com:8443/v1/9?q=a%20b")
        #expect(Array(request.headers.prefix(2)) == [HTTPHeader("X-B", "2"), HTTPHeader("X-N", "3")])
        #expect(BuildFixture.text(request.body) == "k=v%201")
        #expect(request.headers.last == HTTPHeader("Content-Type", "application/x-www-form-urlencoded"))

        let lines = try JSONParser.parse(#"{"url": "http://h/", "header": "A: 1\nB:  two \n"}"#)
        let headers = try RequestBuilder.buildForSendRequest(lines, settings: settings).headers
        #expect(Array(headers.prefix(2)) == [HTTPHeader("A", "1"), HTTPHeader("B", "two")])
    }

    @Test("file uploads are dropped with a warning")
    func filesDropped() throws {
        let json = try JSONParser.parse("""
        {"url": "http://h/", "method": "POST", "body": {"mode": "formdata", "formdata": [
            {"key": "t", "value": "v", "type": "text"}, {"key": "f", "src": "/etc/passwd", "type": "file"}]}}
        """)
        let built = try RequestBuilder.prepareSendRequest(json, settings: settings)
        #expect(built.warnings == ["uploading files from scripts is not allowed"])
        let boundary = BuildFixture.boundary
        #expect(BuildFixture.text(built.request.body)
            == "--\(boundary)\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\nv\r\n--\(boundary)--\r\n")

        let file = try JSONParser.parse(#"{"url": "http://h/", "method": "POST", "body": {"mode": "file", "file": {"src": "x"}}}"#)
        let fileBuilt = try RequestBuilder.prepareSendRequest(file, settings: settings)
        #expect(fileBuilt.warnings == ["uploading files from scripts is not allowed"])
        #expect(fileBuilt.request.body == [])
    }

    @Test("graphql bodies with object variables, and an empty request is an error")
    func graphqlAndErrors() throws {
        let json = try JSONParser.parse("""
        {"url": "http://h/gql", "method": "POST", "body": {"mode": "graphql", "graphql": {"query": "{a}", "variables": {"n": 1}}}}
        """)
        #expect(BuildFixture.text(try RequestBuilder.buildForSendRequest(json, settings: settings).body) == "{\"query\":\"{a}\",\"variables\":{\"n\":1}}")
        #expect(throws: RequestBuildError.self) { try RequestBuilder.buildForSendRequest(.null, settings: settings) }
        #expect(throws: RequestBuildError.self) { try RequestBuilder.buildForSendRequest(["method": "GET"], settings: settings) }
    }

    @Test("splits host strings at dots outside variables")
    func hostSplitting() {
        #expect(SendRequestDecoder.splitHost("a.{{b.c}}.d") == ["a", "{{b.c}}", "d"])
        #expect(SendRequestDecoder.splitHost("localhost") == ["localhost"])
    }
}
