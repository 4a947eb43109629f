import CollectionModel
import Foundation
import JSONValue
@testable import AuthSigning
import RunContracts
@testable import RunnerCore

/// Frozen time, nonces and keys for the auth signer tests, so every signature is a fixed vector.
enum AuthFixture {
    /// 2023-11-14T22:13:20Z.
    static let now: Double = 1_700_000_000_000
    static let uuid = "11111111-2222-4333-8444-555555555555"

    static func settings(now: Double = AuthFixture.now,
                         fetcher: (@Sendable (PreparedRequest) -> Result<HTTPResponse, TransportError>)? = nil) -> RequestBuildSettings {
        var settings = BuildFixture.settings()
        settings.authContext.now = { now }
        settings.authContext.randomAlphanumeric = { String("abcdefghijklmnopqrstuvwxyz".prefix($0)) }
        settings.authContext.uuid = { uuid }
        settings.authContext.tokenFetcher = fetcher
        return settings
    }

    static func auth(_ type: String, _ parameters: [(String, JSONValue)]) -> Auth {
        Auth(type: type, parameters: JSONObject(parameters.map { JSONMember($0.0, $0.1) }))
    }

    static func build(_ definition: RequestDefinition, _ auth: Auth,
                      settings: RequestBuildSettings = settings()) throws -> BuiltRequest {
        try BuildFixture.build(definition, auth: auth, settings: settings)
    }

    static func request(_ method: String, _ url: String, headers: [(String, String)] = [], raw: String? = nil,
                        form: [(String, String)]? = nil) -> RequestDefinition {
        var body: RequestBody?
        if let raw { body = RequestBody(mode: .raw, raw: raw) }
        if let form { body = RequestBody(mode: .urlencoded, urlencoded: form.map { KeyValue(key: $0.0, value: $0.1) }) }
        return RequestDefinition(method: method, url: RequestURL.parse(url),
                                 headers: headers.map { KeyValue(key: $0.0, value: $0.1) }, body: body)
    }

    /// A 1024-bit RSA test key made for these tests (never used anywhere else).
    static let rsaKey = """
-----BEGIN RSA PRIVATE KEY-----
MIICWwIBAAKBgQC+zkA3Z/z0Sgt8NWOB/rshlJ2wjckYL9njIhYnE+nKTt2mr00Y
5bEj1IJn6Inrz/3o6j3vpc8nD+UsLqVOV6fbnwY3OozF5TqoxqTUdRnLZjc4B+UL
Eags1XmLtWsDh13/Y4GxSL5wor1TH7SEXkYKl+fFTlKbq43oC+2CNTL8dwIDAQAB
AoGAHOPXv0vkdgycDpN63Jz4Mo5xDeF5+EqOgCCSIBqYxIQKdYmHb+SfXKB5mkgQ
Uf8tH84P0LBXXD/A4F6zstf81zXRK3kVShODDcBLuQMUv2QTmWUJtpqwnJw+gthh
3LPOCTbEbgswnPedK+hl+yj5Yb5ZMXAJgvH5iBo7V+k4/AECQQDzSjdaZjeJLUyq
WXg/Q1L5kDwCdTRBwjJqzf14sWrADD/dWYOfSVoWK4sm7SIn/p5EI8sSrn5txbiT
Taprht4BAkEAyMYa5/Krv9aH6Fl20FOHs6aCB151xeIF89AIWE+w70nGn65WEotL
8ko6X8UZVP2/3sUyDijMEPUZUPXaGFXKdwJAFpIMEJbrEA7jzen+/d+BEyYOayv0
bSVXCBGUMl5DSQ3Z3u8vBtgHQ4dGoZXeVVeJ10h6zoDhuc1eEkxiQxeAAQJAZ6au
uVR1CqMMow2c40xcYIjz1C4WC0T24bpitITfyYmC+2kbkpNLcBiWLl8pBtHBvpZ7
kwfI4nBG0585KxsPXQJANcAUdjcLIH6h4cOjuia97d5jEJILmkUTxnDcPHiHfra6
B75ZSfW8YVtLp25A2WfKbhTTJbPaJ307/TBo7Yxy+A==
-----END RSA PRIVATE KEY-----
"""
}

extension BuiltRequest {
    /// The value of the Authorization header as sent.
    var authorization: String? { request.headers.value(for: "Authorization") }
}
