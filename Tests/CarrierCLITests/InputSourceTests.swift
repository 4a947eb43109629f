@testable import CarrierCLI
import Testing

/// How an input argument is read (file, URL, Postman API resource) and how a URL is shown without its secrets.
@Suite("Input sources")
struct InputSourceTests {
    private let uid = "12345678-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

    private func parse(_ text: String, _ role: InputRole = .collection, key: Bool = false,
                       exists: Bool = false) throws(CLIError) -> InputSource {
        try InputSource.parse(text, role: role, apiKeyAvailable: key, fileExists: { _ in exists })
    }

    private func message(_ text: String, _ role: InputRole = .collection) -> String? {
        do {
            _ = try parse(text, role)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("http and https URLs are URLs, in any case; other text is a path")
    func urlsAndFiles() throws {
        #expect(try parse("https://example.test/c.json") == .url("https://example.test/c.json"))
        #expect(try parse("HTTP://example.test/c.json") == .url("HTTP://example.test/c.json"))
        #expect(try parse("collections/c.json") == .file("collections/c.json"))
        #expect(try parse("C:/Users/c.json") == .file("C:/Users/c.json"))
    }

    @Test("postman:<kind>/<uid> must fit the flag it is given to")
    func postmanResources() throws {
        #expect(try parse("postman:collection/\(uid)") == .postman(PostmanResource(kind: .collection, uid: uid)))
        #expect(try parse("postman:environment/\(uid)", .environment) == .postman(PostmanResource(kind: .environment, uid: uid)))
        #expect(try parse("postman:globals/ws-1", .globals) == .postman(PostmanResource(kind: .globals, uid: "ws-1")))
        #expect(message("postman:environment/\(uid)")
            == "the collection postman:environment/\(uid): an environment where a collection is expected; the collection comes first: carrier run postman:collection/<uid>")
        #expect(message("postman:collection/\(uid)", .environment)
            == "-e postman:collection/\(uid): a collection where an environment is expected; -e takes postman:environment/<uid>")
        #expect(message("postman:collection/\(uid)", .iterationData)
            == "-d postman:collection/\(uid): the Postman API serves collections, environments and globals only; pass a file or an http(s) URL")
        #expect(message("postman:workspace/1")?.hasSuffix("not a Postman API resource; use postman:collection/<uid>, -e postman:environment/<uid> or -g postman:globals/<workspace-id>") == true)
        #expect(message("postman:collection/")?.contains("the uid after collection/ is missing") == true)
        #expect(message("postman:collection/a?apikey=x")?.contains("characters a Postman uid cannot have") == true)
    }

    @Test("Newman's bare uid means the API only with a key and when no file has that name")
    func bareUID() throws {
        #expect(try parse(uid, key: true) == .postman(PostmanResource(kind: .collection, uid: uid)))
        #expect(try parse(uid, .environment, key: true) == .postman(PostmanResource(kind: .environment, uid: uid)))
        #expect(try parse(uid, key: false) == .file(uid))
        #expect(try parse(uid, key: true, exists: true) == .file(uid))
        #expect(try parse(uid, .iterationData, key: true) == .file(uid))
        #expect(try parse("12345678-not-a-uuid", key: true) == .file("12345678-not-a-uuid"))
    }

    @Test("another scheme is refused in one line instead of 'file not found'")
    func otherSchemes() {
        #expect(message("ftp://example.test/c.json")
            == "ftp://example.test/c.json: ftp:// is not fetched; Carrier reads local files, http:// and https:// URLs and postman:<kind>/<uid>")
        #expect(message("https:///nohost")?.hasSuffix("not a valid URL; check the collection") == true)
    }

    @Test("a URL is shown without its query, fragment or user info")
    func display() {
        #expect(URLDisplay.safe("https://api.getpostman.com/collections/1-2?apikey=PMAK-secret") == "https://api.getpostman.com/collections/1-2")
        #expect(URLDisplay.safe("https://user:pa55@host.test:8443/a/b#frag") == "https://host.test:8443/a/b")
        #expect(URLDisplay.safe("https://host.test/a@b/c?sig=x") == "https://host.test/a@b/c")
        #expect(InputSource.url("https://h.test/c.json?access_key=k").display == "https://h.test/c.json")
        #expect(InputSource.postman(PostmanResource(kind: .environment, uid: uid)).display == "postman:environment/\(uid)")
    }

    @Test("Newman's API URL is recognised: the key leaves the query, other parameters stay")
    func newmanAPIURL() throws {
        let api = PostmanAPI(key: nil)
        let found = try #require(api.recognise("https://api.getpostman.com/collections/\(uid)?apikey=PMAK-123&model=full"))
        #expect(found.resource == PostmanResource(kind: .collection, uid: uid))
        #expect(found.queryKey == "PMAK-123")
        #expect(found.requestURL == "https://api.getpostman.com/collections/\(uid)?model=full")
        let environment = try #require(api.recognise("https://api.postman.com/environments/\(uid)/"))
        #expect(environment.resource.kind == .environment)
        #expect(environment.queryKey == nil)
        #expect(api.recognise("https://api.getpostman.com/workspaces/\(uid)") == nil)
        #expect(api.recognise("https://example.test/collections/\(uid)?apikey=x") == nil)
    }

    @Test("--postman-api-url makes its own host the API, under its path")
    func otherBase() throws {
        let api = PostmanAPI(base: "https://127.0.0.1:8443/proxy/", key: "k")
        #expect(api.url(for: PostmanResource(kind: .collection, uid: uid)) == "https://127.0.0.1:8443/proxy/collections/\(uid)")
        #expect(api.url(for: PostmanResource(kind: .globals, uid: "w1")) == "https://127.0.0.1:8443/proxy/workspaces/w1/global-variables")
        let found = try #require(api.recognise("https://127.0.0.1:8443/proxy/collections/\(uid)?apikey=abc"))
        #expect(found.requestURL == "https://127.0.0.1:8443/proxy/collections/\(uid)")
        #expect(api.recognise("https://127.0.0.1:9999/proxy/collections/\(uid)") == nil)
        #expect(api.recognise("http://127.0.0.1:8443/proxy/collections/\(uid)") == nil)
        #expect(throws: CLIError.self) { try PostmanAPI.validateBase("api.getpostman.com") }
        #expect(throws: CLIError.self) { try PostmanAPI.validateBase("https://h.test/?apikey=x") }
    }

    @Test("the API's error message is read from both of its error shapes")
    func apiErrors() {
        #expect(PostmanAPI.errorMessage(in: Array(#"{"error":{"name":"AuthenticationError","message":"Invalid API Key."}}"#.utf8)) == "Invalid API Key.")
        #expect(PostmanAPI.errorMessage(in: Array(#"{"error":"rateLimited","message":"Rate limit exceeded.\nMore"}"#.utf8)) == "Rate limit exceeded.")
        #expect(PostmanAPI.errorMessage(in: Array("<html>".utf8)) == nil)
    }
}
