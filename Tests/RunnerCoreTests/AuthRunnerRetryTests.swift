import CarrierTestSupport
import CollectionModel
import JSONValue
@testable import AuthSigning
import RunContracts
import RunnerCore
import Testing

/// The runner replays a request whose auth asks for it (Digest's challenge), at most three times, and records
/// only the final exchange.
@Suite("Auth replay in the runner")
struct AuthRunnerRetryTests {
    static let challenge = HTTPHeader("WWW-Authenticate", "Digest realm=\"r\", nonce=\"n1\", qop=\"auth\"")

    private func run(auth: Auth, redactor: SecretRedactor? = nil,
                     answer: @escaping (PreparedRequest) -> Result<HTTPResponse, TransportError>)
        throws -> (RecordingTransport, RunRecord) {
        let item = Item(id: "i", name: "digest", kind: .request(RequestDefinition(url: RequestURL.parse("http://127.0.0.1:9/d"))))
        let collection = Collection(info: CollectionInfo(name: "C", id: "cid"), items: [item], auth: auth)
        let transport = RecordingTransport(answer: answer)
        let start = RunStartInfo(collectionName: "C", collectionId: "cid", collectionPath: "c.json", environmentName: "",
                                 iterationCount: 0, startedAt: 0)
        let runner = CollectionRunner(plan: try RunPlan(collection: collection), start: start, scopes: VariableScopes(),
                                      dataRows: [], options: RunOptions(buildSettings: RequestBuildSettings(workingDirectory: "/tmp")),
                                      transport: transport, sandbox: nil, observers: [], clock: FixedClock(0),
                                      redactor: redactor)
        return (transport, runner.run())
    }

    @Test("a digest 401 challenge is answered by one signed replay, and the run records the 200")
    func replaysOnce() throws {
        let auth = Auth(type: "digest", parameters: ["username": "u", "password": "p"])
        let (transport, record) = try run(auth: auth) { request in
            let signed = request.headers.value(for: "Authorization")?.hasPrefix("Digest ") == true
            return .success(HTTPResponse(code: signed ? 200 : 401, headers: signed ? [] : [Self.challenge]))
        }
        #expect(transport.sent.count == 2)
        #expect(transport.sent[0].headers.value(for: "Authorization") == nil)
        let header = try #require(transport.sent[1].headers.value(for: "Authorization"))
        #expect(header.contains("realm=\"r\", nonce=\"n1\", uri=\"/d\", algorithm=\"MD5\", qop=auth, nc=00000001"))
        #expect(record.executions.first?.response?.code == 200)
        #expect(record.stats.requests.total == 1)
    }

    @Test("a server that keeps rejecting gets one replay (the challenge brings nothing new), never a loop")
    func stopsWhenNothingNew() throws {
        let auth = Auth(type: "digest", parameters: ["username": "u", "password": "p"])
        let (transport, record) = try run(auth: auth) { _ in .success(HTTPResponse(code: 401, headers: [Self.challenge])) }
        #expect(transport.sent.count == 2)
        #expect(record.executions.first?.response?.code == 401)
    }

    @Test("disableRetryRequest keeps the first 401")
    func disabled() throws {
        let auth = Auth(type: "digest", parameters: ["username": "u", "password": "p", "disableRetryRequest": true])
        let (transport, _) = try run(auth: auth) { _ in .success(HTTPResponse(code: 401, headers: [Self.challenge])) }
        #expect(transport.sent.count == 1)
    }

    @Test("a token the signer makes (a JWT in the query) is learnt by the run's redactor")
    func generatedSecretsAreRedacted() throws {
        let redactor = SecretRedactor()
        let auth = Auth(type: "jwt", parameters: ["algorithm": "HS256", "secret": "s3cr3t", "addTokenTo": "queryParam"])
        let (transport, _) = try run(auth: auth, redactor: redactor) { _ in .success(HTTPResponse(code: 200)) }
        let url = try #require(transport.sent.first?.url)
        #expect(url.contains("token=ey"))
        #expect(redactor.redact(url) == "http://127.0.0.1:9/d?token=[secret]")
    }
}
