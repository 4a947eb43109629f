import CollectionModel
import JSONValue
import Testing
import RunContracts
@testable import RunnerCore

@Suite("Request building: headers, auth, pruning and protocolProfileBehavior")
struct RequestBuilderTests {
    private let token = BuildFixture.token

    @Test("adds the system headers after the user's, in postman-runtime's order")
    func systemHeaders() throws {
        var definition = BuildFixture.get("http://example.com:8080/x")
        definition.headers = [KeyValue(key: "X-One", value: "1"), KeyValue(key: "X-Off", value: "0", disabled: true)]
        let built = try BuildFixture.build(definition)
        #expect(built.request.headers == [
            HTTPHeader("X-One", "1"), HTTPHeader("User-Agent", "PostmanRuntime/7.39.1"), HTTPHeader("Accept", "*/*"),
            HTTPHeader("Cache-Control", "no-cache"), HTTPHeader("Postman-Token", token),
            HTTPHeader("Host", "example.com:8080"), HTTPHeader("Accept-Encoding", "gzip, deflate, br"),
            HTTPHeader("Connection", "keep-alive"),
        ])
        #expect(built.request.body == nil)
        #expect(built.warnings.isEmpty)
    }

    @Test("does not add a system header the user set in any case, and honours disabledSystemHeaders")
    func userAndDisabledSystemHeaders() throws {
        var definition = BuildFixture.get("http://example.com/")
        definition.headers = [KeyValue(key: "accept", value: "application/json"), KeyValue(key: "user-agent", value: "mine")]
        let behavior: JSONObject = ["disabledSystemHeaders": ["cache-control": true, "postman-token": true,
                                                              "connection": true, "host": false]]
        let names = try BuildFixture.build(definition, behavior: behavior).request.headers.map(\.name)
        #expect(names == ["accept", "user-agent", "Host", "Accept-Encoding"])
    }

    @Test("resolves header names and values, and drops headers whose name is empty")
    func resolvedHeaders() throws {
        var definition = BuildFixture.get("http://h/")
        definition.headers = [KeyValue(key: "X-{{name}}", value: "{{a{{b}}}}"), KeyValue(key: "{{empty}}", value: "x")]
        let headers = try BuildFixture.build(definition, variables: ["name": "Id", "b": "1", "a1": "nested", "empty": ""]).request.headers
        #expect(headers.first == HTTPHeader("X-Id", "nested"))
        #expect(!headers.contains { $0.name.isEmpty })
    }

    @Test("sends repeated header names together, at the first one's place")
    func repeatedHeaders() throws {
        var definition = BuildFixture.get("http://h/")
        definition.headers = [KeyValue(key: "A", value: "1"), KeyValue(key: "B", value: "2"), KeyValue(key: "A", value: "3")]
        let headers = try BuildFixture.build(definition).request.headers.prefix(3)
        #expect(Array(headers) == [HTTPHeader("A", "1"), HTTPHeader("A", "3"), HTTPHeader("B", "2")])
    }

    @Test("drops the body of GET, HEAD, COPY, PURGE and UNLOCK unless disableBodyPruning is set")
    func bodyPruning() throws {
        for method in ["GET", "HEAD", "COPY", "PURGE", "UNLOCK"] {
            let definition = RequestDefinition(method: method, url: RequestURL.parse("http://h/"),
                                               body: RequestBody(mode: .raw, raw: "{ \"foo\": \"bar\" }"))
            let pruned = try BuildFixture.build(definition).request
            // COPY, PURGE and UNLOCK still carry Node's `Content-Length: 0`.
            #expect((pruned.body ?? []).isEmpty)
            #expect(!pruned.headers.contains(name: "Content-Type"))
            let kept = try BuildFixture.build(definition, behavior: ["disableBodyPruning": true]).request
            #expect(BuildFixture.text(kept.body) == "{ \"foo\": \"bar\" }")
            #expect(kept.headers.value(for: "Content-Type") == "text/plain")
        }
    }

    @Test("a bodiless request whose method has a body sends an empty one (Content-Length: 0)")
    func emptyBodies() throws {
        let disabled = RequestDefinition(method: "postman", url: RequestURL.parse("localhost:4041"),
                                         body: RequestBody(mode: .raw, raw: "foo=bar", disabled: true))
        let built = try BuildFixture.build(disabled).request
        #expect(built.method == "POSTMAN")
        #expect(built.body == [])
        #expect(!built.headers.contains(name: "Content-Type"))
        let emptyRaw = RequestDefinition(method: "POST", url: RequestURL.parse("http://h/"), body: RequestBody(mode: .raw, raw: ""))
        #expect(try BuildFixture.build(emptyRaw).request.body == [])
        #expect(try BuildFixture.build(RequestDefinition(method: "DELETE", url: RequestURL.parse("http://h/"))).request.body == nil)
    }

    @Test("basic auth replaces any Authorization header with resolved credentials")
    func basicAuth() throws {
        var definition = BuildFixture.get("http://h/")
        definition.headers = [KeyValue(key: "authorization", value: "old")]
        let auth = Auth(type: "basic", parameters: ["username": "{{user}}", "password": "p:ss"])
        let built = try BuildFixture.build(definition, auth: auth, variables: ["user": "ann"])
        let headers = built.request.headers
        #expect(built.resolved?.auth?.string("username") == "ann")
        #expect(built.resolved?.headers.first == KeyValue(key: "Authorization", value: "Basic YW5uOnA6c3M="))
        #expect(headers.filter { $0.name.lowercased() == "authorization" } == [HTTPHeader("Authorization", "Basic YW5uOnA6c3M=")])
        #expect(headers.first?.name == "Authorization")
    }

    @Test("bearer auth sets Authorization: Bearer <token>, and nothing for an empty token")
    func bearerAuth() throws {
        let definition = BuildFixture.get("http://h/")
        let signed = try BuildFixture.build(definition, auth: Auth(type: "bearer", parameters: ["token": "{{t}}"]), variables: ["t": "abc"])
        #expect(signed.request.headers.value(for: "Authorization") == "Bearer abc")
        let unsigned = try BuildFixture.build(definition, auth: Auth(type: "bearer", parameters: ["token": ""]))
        #expect(unsigned.request.headers.value(for: "Authorization") == nil)
    }

    @Test("apikey auth goes to a header by default and to the query with in: query")
    func apiKeyAuth() throws {
        var definition = BuildFixture.get("http://h/x?a=1&api_key=old")
        definition.headers = [KeyValue(key: "X-API-Key", value: "old")]
        let header = try BuildFixture.build(definition, auth: Auth(type: "apikey", parameters: ["key": "x-api-key", "value": "s 1"]))
        #expect(header.request.headers.filter { $0.name.lowercased() == "x-api-key" } == [HTTPHeader("x-api-key", "s 1")])
        #expect(header.request.url == "http://h/x?a=1&api_key=old")

        let query = try BuildFixture.build(definition, auth: Auth(type: "apikey", parameters: ["key": "api_key", "value": "s 1", "in": "query"]))
        #expect(query.request.url == "http://h/x?a=1&api_key=s%201")
        #expect(query.request.headers.value(for: "X-API-Key") == "old")
    }

    @Test("an unsupported auth type warns and sends the request unsigned; noauth does nothing")
    func unsupportedAuth() throws {
        let built = try BuildFixture.build(BuildFixture.get("http://h/"), auth: Auth(type: "oauth3", parameters: ["kid": "x"]))
        #expect(built.warnings == ["auth type \"oauth3\" is not supported yet; the request is sent unsigned"])
        #expect(!built.request.headers.contains(name: "Authorization"))
        #expect(try BuildFixture.build(BuildFixture.get("http://h/"), auth: Auth(type: "noauth")).warnings.isEmpty)
    }

    @Test("protocolProfileBehavior sets transport options over the run's base options")
    func options() throws {
        var settings = BuildFixture.settings()
        settings.baseOptions.verifyTLS = false
        settings.baseOptions.timeoutMilliseconds = 500
        let behavior: JSONObject = ["followRedirects": false, "maxRedirects": 3, "followOriginalHttpMethod": true,
                                    "followAuthorizationHeader": true, "removeRefererHeaderOnRedirect": true,
                                    "strictSSL": true, "disableCookies": true, "insecureHTTPParser": true]
        let options = try BuildFixture.build(BuildFixture.get("http://h/"), behavior: behavior, settings: settings).request.options
        #expect(!options.followRedirects)
        #expect(options.maxRedirects == 3)
        #expect(options.followOriginalHttpMethod && options.followAuthorizationHeader && options.removeRefererHeaderOnRedirect)
        #expect(options.verifyTLS && options.disableCookies && options.insecureHTTPParser)
        #expect(options.timeoutMilliseconds == 500)
        let untouched = try BuildFixture.build(BuildFixture.get("http://h/"), settings: settings).request.options
        #expect(!untouched.verifyTLS && untouched.followRedirects && untouched.maxRedirects == 10)
    }

    @Test("merges protocolProfileBehavior outermost first, deeper levels replacing keys whole")
    func mergeBehavior() {
        let merged = RequestBuilder.mergeProtocolProfileBehavior([
            ["followRedirects": false, "disabledSystemHeaders": ["accept": true, "host": true]],
            ["strictSSL": false],
            ["followRedirects": true, "disabledSystemHeaders": ["connection": true]],
        ])
        #expect(merged["followRedirects"] == true)
        #expect(merged["strictSSL"] == false)
        #expect(merged["disabledSystemHeaders"] == ["connection": true])
    }

    @Test("a URL without a host cannot be built; an unresolved host is left to the transport")
    func invalidURL() throws {
        #expect(try BuildFixture.url(BuildFixture.get("{{missing}}/x")) == "http://{{missing}}/x")
        #expect(throws: RequestBuildError.self) { try BuildFixture.build(RequestDefinition()) }
    }

    @Test("header names and values Node would refuse make the request fail to build")
    func invalidHeaders() {
        for (name, value) in [("Bad Name", "x"), ("X-Split", "a\r\nInjected: 1"), ("X-Wide", "你")] {
            var definition = BuildFixture.get("http://h/")
            definition.headers = [KeyValue(key: name, value: value)]
            #expect(throws: RequestBuildError.self) { try BuildFixture.build(definition) }
        }
        var latin = BuildFixture.get("http://h/")
        latin.headers = [KeyValue(key: "X-Latin", value: "café\tok")]
        #expect(throws: Never.self) { try BuildFixture.build(latin) }
    }

    @Test("resolves URL, headers, body and auth through every scope, nested names included")
    func scopesAndNesting() throws {
        let scopes = VariableScopes(
            globals: VariableScope(.globals, variables: [Variable(key: "host", value: "globals.example"),
                                                         Variable(key: "token", value: "g-token")]),
            collection: VariableScope(.collection, variables: [Variable(key: "env", value: "prod"),
                                                               Variable(key: "path", value: "v{{version}}")]),
            environment: VariableScope(.environment, variables: [Variable(key: "host", value: "{{env}}.example"),
                                                                 Variable(key: "version", value: 2)]),
            local: VariableScope(.local, variables: [Variable(key: "token_prod", value: "local-token")]))
        var definition = BuildFixture.get("https://{{host}}/{{path}}/items?flag={{flag}}")
        definition.method = "POST"
        definition.headers = [KeyValue(key: "X-Env", value: "{{env}}")]
        definition.body = RequestBody(mode: .raw, raw: "{\"v\": {{version}}}", rawLanguage: "json")
        let built = try RequestBuilder.build(definition, auth: Auth(type: "bearer", parameters: ["token": "{{token_{{env}}}}"]),
                                             protocolProfileBehavior: [:], resolver: VariableResolver(scopes: scopes),
                                             settings: BuildFixture.settings())
        #expect(built.request.url == "https://prod.example/v2/items?flag={{flag}}")
        #expect(built.request.headers.value(for: "X-Env") == "prod")
        #expect(built.request.headers.value(for: "Authorization") == "Bearer local-token")
        #expect(BuildFixture.text(built.request.body) == "{\"v\": 2}")
    }

    @Test("resolves the method, and upper-cases it")
    func method() throws {
        let definition = RequestDefinition(method: "{{verb}}", url: RequestURL.parse("http://h/"))
        #expect(try BuildFixture.build(definition, variables: ["verb": "patch"]).request.method == "PATCH")
    }

    @Test("a URL given only as raw text is parsed from it")
    func rawOnlyURL() throws {
        let definition = RequestDefinition(url: RequestURL(raw: "http://h/{{p}}"))
        #expect(try BuildFixture.url(definition, variables: ["p": "x"]) == "http://h/x")
    }
}

@Suite("The runner's memo of the last parsed URL")
struct ParsedURLMemoTests {
    @Test("the same text gives what parsing gives; other bytes are parsed anew, canonically equivalent or not")
    func memo() {
        let memo = ParsedURLMemo()
        let first = "http://127.0.0.1:8080/caf\u{E9}/a?q=1"
        #expect(memo.parse(first) == RequestURL.parse(first))
        #expect(memo.parse(first) == RequestURL.parse(first))
        let decomposed = "http://127.0.0.1:8080/cafe\u{301}/a?q=1"
        #expect(decomposed == first)  // Swift's String == holds them equal; their bytes differ
        let parsed = memo.parse(decomposed)
        #expect(Array(parsed.path[0].utf8) == Array("cafe\u{301}".utf8))
        #expect(Array(parsed.raw.utf8) == Array(decomposed.utf8))
        #expect(memo.parse("http://other/x").host == ["other"])
    }
}
