import CollectionModel
import JSONValue
import Testing
import AuthSigning
@testable import RunContracts
import RunContracts
@testable import RunnerCore

@Suite("URL parsing as postman-collection's Url.parse")
struct URLParsingTests {
    @Test("splits scheme, userinfo, host labels, port, path, query and hash")
    func fullURL() {
        let url = RequestURL.parse("https://user:pass@postman-echo.com:8443/:path/get?a=1&b=2#heading")
        #expect(url.scheme == "https")
        #expect(url.userInfo == "user:pass")
        #expect(url.host == ["postman-echo", "com"])
        #expect(url.port == "8443")
        #expect(url.path == [":path", "get"])
        #expect(url.query == [KeyValue(key: "a", value: "1"), KeyValue(key: "b", value: "2")])
        #expect(url.hash == "heading")
        #expect(url.pathVariables.map(\.key) == ["path"])
    }

    @Test("keeps variables holding delimiters whole")
    func variablesWithDelimiters() {
        let url = RequestURL.parse("{{p://}}://{{@}}:{{###}}@{{host.name}}:{{:p}}/{{f/o/o}}?{{?}}={{&}}")
        #expect(url.scheme == "{{p://}}")
        #expect(url.userInfo == "{{@}}:{{###}}")
        #expect(url.host == ["{{host.name}}"])
        #expect(url.port == "{{:p}}")
        #expect(url.path == ["{{f/o/o}}"])
        #expect(url.query == [KeyValue(key: "{{?}}", value: "{{&}}")])
    }

    @Test("splits a nested variable at its dots as Postman does")
    func nestedVariableHost() {
        let url = RequestURL.parse("https://{{host.{{one}}}}/get")
        #expect(url.host == ["{{host", "{{one}}}}"])
        #expect(url.toString() == "https://{{host.{{one}}}}/get")
    }

    @Test("reads URLs without scheme, with a variable base and IPv6 hosts")
    func tolerantForms() {
        let bare = RequestURL.parse("127.1:4041")
        #expect(bare.scheme == nil)
        #expect(bare.host == ["127", "1"])
        #expect(bare.port == "4041")
        #expect(bare.path.isEmpty)

        let based = RequestURL.parse("{{baseUrl}}/users/:id")
        #expect(based.host == ["{{baseUrl}}"])
        #expect(based.path == ["users", ":id"])

        let ipv6 = RequestURL.parse("http://[::1]:8080/x")
        #expect(ipv6.host == ["[::1]"])
        #expect(ipv6.port == "8080")

        let ipv6NoPort = RequestURL.parse("http://[::1]/x")
        #expect(ipv6NoPort.host == ["[::1]"])
        #expect(ipv6NoPort.port == nil)
    }

    @Test("accepts :\\\\ after the scheme and backslashes in the path")
    func backslashes() {
        let url = RequestURL.parse("https:\\\\postman-echo.com\\get")
        #expect(url.scheme == "https")
        #expect(url.host == ["postman-echo", "com"])
        #expect(url.path == ["get"])
    }

    @Test("keeps odd query shapes: ?, &&, ???, keys without values")
    func oddQueries() {
        #expect(RequestURL.parse("http://h/get?").query == [KeyValue(key: "", value: nil)])
        #expect(RequestURL.parse("http://h/get?&&").query == [KeyValue(key: nil, value: nil), KeyValue(key: nil, value: nil),
                                                               KeyValue(key: "", value: nil)])
        #expect(RequestURL.parse("http://h/get???&hl=en").query == [KeyValue(key: "??", value: nil), KeyValue(key: "hl", value: "en")])
        #expect(RequestURL.parse("http://h/get?get&=bar&=&baz=").query == [
            KeyValue(key: "get", value: nil), KeyValue(key: "", value: "bar"), KeyValue(key: "", value: ""),
            KeyValue(key: "baz", value: ""),
        ])
    }

    @Test("takes the last @ as the end of userinfo and the first : as the user's end")
    func userInfoWithAt() {
        let url = RequestURL.parse("https://us@r:p@ssword@postman-echo.com/get")
        #expect(url.userInfo == "us@r:p@ssword")
        #expect(url.host == ["postman-echo", "com"])
    }

    @Test("matches postman-url-encoder's parser on its edge cases")
    func parserEdgeCases() {
        let empty = RequestURL.parse("://:@:/?#")
        #expect(empty.scheme == "" && empty.userInfo == ":" && empty.host.isEmpty && empty.port == "")
        #expect(empty.path == [""] && empty.query == [KeyValue(key: "", value: nil)] && empty.hash == "")

        let newlines = RequestURL.parse("http://\n:\r@\r.\n:\n/\n/\n?\n=\r#\n")
        #expect(newlines.userInfo == "\n:\r" && newlines.host == ["\r", "\n"] && newlines.port == "\n")
        #expect(newlines.path == ["\n", "\n"] && newlines.query == [KeyValue(key: "\n", value: "\r")] && newlines.hash == "\n")

        #expect(RequestURL.parse("http://postman.com    ").host == ["postman", "com    "])
        let sneaky = RequestURL.parse("http://postman.com:80\\@evil.com/#foo\\bar")
        #expect(sneaky.host == ["postman", "com"] && sneaky.port == "80" && sneaky.path == ["@evil.com", ""])
        #expect(sneaky.hash == "foo\\bar")
        let ipv6 = RequestURL.parse("http://user:password@[1080:0:0:0:8:800:200C:417A]:8080")
        #expect(ipv6.host == ["[1080:0:0:0:8:800:200C:417A]"] && ipv6.port == "8080" && ipv6.userInfo == "user:password")
        #expect(RequestURL.parse("http://user:p:a:s:s@localhost").userInfo == "user:p:a:s:s")
        #expect(RequestURL.parse("http://localhost/p/q=foo@bar???&hl=en").path == ["p", "q=foo@bar"])
        #expect(RequestURL.parse("http://root@localhost").userInfo == "root")
        let slashes = RequestURL.parse("http:////localhost/foo")
        #expect(slashes.host == ["localhost"] && slashes.path == ["foo"])
        let backslashes = RequestURL.parse("http:\\\\\\\\localhost")
        #expect(backslashes.host == ["localhost"] && backslashes.path.isEmpty)
        #expect(RequestURL.parse("file://host/foo").host == ["host"])
        for text in ["file:///foo/bar", "file://///foo/bar"] {
            let file = RequestURL.parse(text)
            #expect(file.host.isEmpty && file.path == ["foo", "bar"])
        }
        #expect(RequestURL.parse(" \n\t\rhttp://localhost/path\n/name\n ").path == ["path\n", "name\n "])
        #expect(RequestURL.parse("http://{{hostname}}.com/{{path}}#").host == ["{{hostname}}", "com"])
    }

    @Test("trims leading whitespace and keeps an empty string empty")
    func whitespace() {
        #expect(RequestURL.parse("  \n http://a/b").host == ["a"])
        #expect(RequestURL.parse("") == RequestURL(raw: ""))
    }

    @Test("toString replaces path variables, skips disabled parameters and escapes & # in parameters")
    func unparse() {
        var url = RequestURL.parse("http://h/users/:id/:file.json?a=1")
        url.pathVariables = [Variable(key: "id", value: "42"), Variable(key: "file", value: "report")]
        url.query.append(KeyValue(key: "off", value: "x", disabled: true))
        url.query.append(KeyValue(key: "b#a&r", value: "x&{{a&b}}"))
        #expect(url.toString() == "http://h/users/42/report.json?a=1&b%23a%26r=x%26{{a&b}}")
        #expect(RequestURL.parse("h/x").toString(forceProtocol: true) == "http://h/x")
    }
}

@Suite("URL encoding as postman-url-encoder (whatwg-url fixture cases)")
struct URLEncodingTests {
    private func structured(_ scheme: String?, _ host: [String], port: String? = nil, path: [String] = [],
                            query: [KeyValue] = [], userInfo: String? = nil) -> RequestDefinition {
        RequestDefinition(url: RequestURL(raw: "", scheme: scheme, userInfo: userInfo, host: host, port: port, path: path, query: query))
    }

    @Test("resolves nested variables in the host through the URL text")
    func nestedVariables() throws {
        let definition = structured("https", ["{{host", "{{one}}}}"], path: ["get"])
        let url = try BuildFixture.url(definition, variables: ["one": "1", "host.1": "postman-echo.com"])
        #expect(url == "https://postman-echo.com/get")
    }

    @Test("resolves variables whose names hold URL delimiters")
    func reservedCharactersInVariables() throws {
        let definition = structured("{{p://}}", ["{{host.name}}"], port: "{{:p}}", path: ["{{f/o/o}}"],
                                    query: [KeyValue(key: "{{?}}", value: "{{&}}")], userInfo: "{{@}}:{{###}}")
        let built = try BuildFixture.build(definition, variables: [
            "p://": "https", "@": "root", "###": "password", "host.name": "postman-echo.com", ":p": "443",
            "f/o/o": "get", "?": "foo", "&": "bar",
        ])
        #expect(built.request.url == "https://root:password@postman-echo.com:443/get?foo=bar")
        #expect(built.request.headers.value(for: "Host") == "postman-echo.com:443")
        #expect(built.request.headers.value(for: "Authorization") == BasicAuthSigner.headerValue("root:password"))
    }

    @Test("encodes newlines in query values")
    func newlines() throws {
        let definition = structured("https", ["postman-echo", "com"], path: ["get"], query: [KeyValue(key: "foo", value: "\nbar\n")])
        #expect(try BuildFixture.url(definition) == "https://postman-echo.com/get?foo=%0Abar%0A")
    }

    @Test("keeps an empty first path segment (a double slash)")
    func emptySegment() throws {
        #expect(try BuildFixture.url(structured("https", ["httpbin", "org"], path: ["", "get"])) == "https://httpbin.org//get")
    }

    @Test("keeps ???, &&&, lone ? and & as written")
    func oddQueriesSurvive() throws {
        let cases = [
            "https://postman-echo.com/get???&hl=en&src=api&x=2&y=2&z=3&s=",
            "https://postman-echo.com/get?foo=bar&&&bar=baz",
            "https://postman-echo.com/get?",
            "https://postman-echo.com/get?&",
            "https://postman-echo.com/get?&&",
            "https://postman-echo.com/get?&foo",
            "https://postman-echo.com/get?foo&",
            "https://postman-echo.com/get?get&=bar&=&baz=&&",
        ]
        for text in cases {
            #expect(try BuildFixture.url(BuildFixture.get(text)) == text)
        }
    }

    @Test("sends userinfo percent-encoded and as a Basic Authorization header")
    func userInfo() throws {
        let built = try BuildFixture.build(BuildFixture.get("https://us@r:p@ssword@postman-echo.com/get"))
        #expect(built.request.url == "https://us%40r:p%40ssword@postman-echo.com/get")
        #expect(built.request.headers.value(for: "Authorization") == BasicAuthSigner.headerValue("us@r:p@ssword"))
    }

    @Test("escapes & and # in parameters but resolves variables named with them")
    func ampersandAndHash() throws {
        let definition = structured("https", ["postman-echo", "com"], path: ["get"], query: [
            KeyValue(key: "q", value: "%23{{foo&bar}}%23"), KeyValue(key: "x%26y", value: "{{#foo#}}"),
            KeyValue(key: "b#a&r", value: nil),
        ])
        let url = try BuildFixture.url(definition, variables: ["foo&bar": "1", "#foo#": "2"])
        #expect(url == "https://postman-echo.com/get?q=%231%23&x%26y=2&b%23a%26r")
    }

    @Test("leaves out disabled parameters and the ? with them")
    func disabledParameter() throws {
        let definition = structured("https", ["postman-echo", "com"], path: ["get"], query: [KeyValue(key: "foo", value: nil, disabled: true)])
        #expect(try BuildFixture.url(definition) == "https://postman-echo.com/get")
    }

    @Test("expands IPv4 shorthands and defaults the scheme to http")
    func ipShorthand() throws {
        let built = try BuildFixture.build(BuildFixture.get("127.1:4041"))
        #expect(built.request.url == "http://127.0.0.1:4041/")
        #expect(built.request.headers.value(for: "Host") == "127.0.0.1:4041")
        #expect(HostEncoding.encode("0x7f.1") == "127.0.0.1")
        #expect(HostEncoding.encode("1.2.3.999") == "1.2.3.999")
    }

    @Test("encodes only space \" < > ` # ? { } in the path")
    func pathEncoding() throws {
        let encode: Set<Character> = [" ", "\"", "<", ">", "`", "#", "?", "{", "}"]
        var segments: [String] = []
        var expected: [String] = []
        for code in 32..<127 {
            let character = Character(Unicode.Scalar(UInt8(code)))
            if character == "#" || character == "?" || character == "\\" { continue }
            segments.append(character == "/" ? "" : String(character))
            expected.append(character == "/" ? "" : (encode.contains(character)
                ? "%" + String(code, radix: 16, uppercase: true) : String(character)))
        }
        let definition = structured("http", ["localhost"], port: "4041", path: segments)
        #expect(try BuildFixture.url(definition) == "http://localhost:4041/" + expected.joined(separator: "/"))
    }

    @Test("encodes non-ASCII path and query text as UTF-8 and keeps pre-encoded text")
    func unicodeAndPreEncoded() throws {
        let path = structured("http", ["localhost"], port: "4041", path: ["𝌆", "й", "你", "ス", "🍪"])
        #expect(try BuildFixture.url(path) == "http://localhost:4041/%F0%9D%8C%86/%D0%B9/%E4%BD%A0/%E3%82%B9/%F0%9F%8D%AA")
        #expect(try BuildFixture.url(BuildFixture.get("http://localhost:4041/foo/%2a/%F0%9F%8D%AA"))
            == "http://localhost:4041/foo/%2a/%F0%9F%8D%AA")
        let query = structured("http", ["localhost"], port: "4041", query: [KeyValue(key: "q", value: "𝌆й你ス🍪")])
        #expect(try BuildFixture.url(query) == "http://localhost:4041/?q=%F0%9D%8C%86%D0%B9%E4%BD%A0%E3%82%B9%F0%9F%8D%AA")
        #expect(try BuildFixture.url(BuildFixture.get("http://localhost:4041/?q=%F0%9F%8D%AA")) == "http://localhost:4041/?q=%F0%9F%8D%AA")
    }

    @Test("encodes space \" # & ' < = > in query keys, and all but = in values (postman-url-encoder 3)")
    func queryEncoding() {
        #expect(URLEncoding.encodeQuery([KeyValue(key: "a b=&", value: "\"#&'<=>!$()*+,;:@/?{}|")])
            == "a%20b%3D%26=%22%23%26%27%3C=%3E!$()*+,;:@/?{}|")
        let keys = [" ", "\"", "#", "&", "'", "<", "=", ">"].map { KeyValue(key: $0, value: nil) }
        #expect(URLEncoding.encodeQuery(keys) == "%20&%22&%23&%26&%27&%3C&%3D&%3E")
        #expect(URLEncoding.encodeQuery(RequestURL.parse("x?q=(\"f=o&o\")").query) == "q=(%22f=o&o%22)")
        #expect(URLEncoding.encodeQuery([KeyValue(key: "q1", value: "v1 \t\r\n")]) == "q1=v1%20%09%0D%0A")
    }

    @Test("disableUrlEncoding sends path and query as written")
    func disabledEncoding() throws {
        let path = "!/\"/$/%/&/'/(/)/*/+/,/-/.///0/:/;/</=/>/@/A/[/]/^/_/`/a/{/|/}/~"
        let definition = structured("http", ["localhost"], port: "4041", path: path.components(separatedBy: "/"))
        #expect(try BuildFixture.url(definition, behavior: ["disableUrlEncoding": true]) == "http://localhost:4041/" + path)

        let value = "\"'<=>!$%()*+,-./0123456789:;?@ABCXYZ[\\]^_`abcxyz{|}~"
        let query = structured("http", ["localhost"], port: "4041", query: [KeyValue(key: "q", value: value)])
        #expect(try BuildFixture.url(query, behavior: ["disableUrlEncoding": true]) == "http://localhost:4041/?q=" + value)
    }

    @Test("matches postman-url-encoder's toNodeUrl on userinfo, path and mixed URLs")
    func toNodeURLCases() throws {
        let mixed = URLEncoding.encode(RequestURL.parse("cooper@郵便屋さん.com:399/foo&bar/{baz}?q=(\"f=o&o\")#`hash`"))
        #expect(mixed.href == "http://cooper@xn--48jwgn17gdel797d.com:399/foo&bar/%7Bbaz%7D?q=(%22f=o&o%22)")
        #expect(mixed.hostHeader == "xn--48jwgn17gdel797d.com:399")
        #expect(URLEncoding.encode(RequestURL.parse("`user`:pâ$$@example.com")).href == "http://%60user%60:p%C3%A2$$@example.com/")
        #expect(URLEncoding.encode(RequestURL.parse("http://user:p:a:s:s@localhost")).href == "http://user:p%3Aa%3As%3As@localhost/")
        #expect(URLEncoding.encode(RequestURL.parse("http://localhost:")).href == "http://localhost:/")
        #expect(URLEncoding.encode(RequestURL.parse("http://[::1]:3000")).href == "http://[::1]:3000/")
        #expect(URLEncoding.encode(RequestURL.parse("example.com/foo/你ス/(⚡️)")).href
            == "http://example.com/foo/%E4%BD%A0%E3%82%B9/(%E2%9A%A1%EF%B8%8F)")
        #expect(URLEncoding.encode(RequestURL.parse("ròót@郵便屋さん.com/[⚡️]?q1=(1 2)#%foo%")).href
            == "http://r%C3%B2%C3%B3t@xn--48jwgn17gdel797d.com/[%E2%9A%A1%EF%B8%8F]?q1=(1%202)")
        let custom = URLEncoding.encode(RequestURL(host: ["127", "1"], path: ["f00", "#", "bär"],
                                                   query: [KeyValue(key: "q", value: "(A & B)")]))
        #expect(custom.href == "http://127.0.0.1/f00/%23/b%C3%A4r?q=(A%20%26%20B)")
        let raw = URLEncoding.encode(RequestURL.parse("r@@t:b:a:r@郵便屋さん.com:399/foo&bar/{baz}?q=(\"foo\")"), disableEncoding: true)
        #expect(raw.href == "http://r@@t:b:a:r@xn--48jwgn17gdel797d.com:399/foo&bar/{baz}?q=(\"foo\")")
    }

    @Test("punycodes international host names and lower-cases hosts")
    func internationalHosts() throws {
        #expect(HostEncoding.encode("郵便屋さん.com") == "xn--48jwgn17gdel797d.com")
        #expect(HostEncoding.encode("中文.com") == "xn--fiq228c.com")
        #expect(try BuildFixture.url(BuildFixture.get("http://BÜCHER.example/x")) == "http://xn--bcher-kva.example/x")
        #expect(HostEncoding.encode("{{unresolved}}") == "{{unresolved}}")
        #expect(HostEncoding.encode("xn--iñvalid.com") == "xn--iñvalid.com")
        #expect(HostEncoding.encode("postman.com%60f.society.org") == "postman.com`f.society.org")
        #expect(HostEncoding.encode("😎.cool") == "xn--s28h.cool")
        #expect(HostEncoding.encode("0") == "0.0.0.0")
        #expect(HostEncoding.encode("1234") == "0.0.4.210")
        #expect(HostEncoding.encode("255.255.255") == "255.255.0.255")
    }

    @Test("a variable may hold scheme, host, port and path together")
    func variableBaseURL() throws {
        let url = try BuildFixture.url(BuildFixture.get("{{baseUrl}}/users?id={{id}}"),
                                       variables: ["baseUrl": "http://127.0.0.1:8080/api", "id": 7])
        #expect(url == "http://127.0.0.1:8080/api/users?id=7")
    }

    @Test("path variables come from url.variable, resolved; the hash is never sent")
    func pathVariablesAndHash() throws {
        var definition = BuildFixture.get("http://h/users/:id/:empty/x#frag")
        definition.url.pathVariables = [Variable(key: "id", value: "{{userId}}"), Variable(key: "empty", value: "")]
        #expect(try BuildFixture.url(definition, variables: ["userId": "u 1"]) == "http://h/users/u%201/:empty/x")
    }
}
