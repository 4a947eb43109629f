import Foundation
import JSONValue
import RunContracts
import RunnerCore

/// tough-cookie's serialized jar, the format of Newman's `--cookie-jar` and `--export-cookie-jar`.
enum CookieJarFile {
    /// The cookies of a jar read from `name` (a path or a URL, for messages).
    static func read(bytes: [UInt8], name path: String) throws(CLIError) -> [Cookie] {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes: try TextDecoding.utf8Bytes(from: bytes))
        } catch let error as JSONParseError {
            throw CLIError("\(path): \(error.description)")
        } catch {
            throw CLIError("\(path): \(error)")
        }
        guard let cookies = json["cookies"]?.arrayValue else {
            throw CLIError("\(path): $.cookies: expected an array of cookies (a tough-cookie jar as Newman exports it)")
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return cookies.compactMap { cookie -> Cookie? in
            guard let name = cookie["key"]?.stringValue, let domain = cookie["domain"]?.stringValue else { return nil }
            var expires: Double?
            if let text = cookie["expires"]?.stringValue, text != "Infinity" {
                expires = (formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text))?.timeIntervalSince1970
            }
            return Cookie(name: name, value: cookie["value"]?.stringValue ?? "", domain: domain,
                          path: cookie["path"]?.stringValue ?? "/", expires: expires,
                          secure: cookie["secure"]?.boolValue ?? false, httpOnly: cookie["httpOnly"]?.boolValue ?? false,
                          hostOnly: cookie["hostOnly"]?.boolValue ?? true)
        }
    }

    static func render(_ cookies: [Cookie]) -> JSONValue {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return .object([
            "version": "tough-cookie@4.1.3",
            "storeType": "MemoryCookieStore",
            "rejectPublicSuffixes": true,
            "cookies": .array(cookies.map { cookie in
                var object: JSONObject = [
                    "key": .string(cookie.name), "value": .string(cookie.value), "domain": .string(cookie.domain),
                    "path": .string(cookie.path), "hostOnly": .bool(cookie.hostOnly),
                ]
                if let expires = cookie.expires {
                    object["expires"] = .string(formatter.string(from: Date(timeIntervalSince1970: expires)))
                }
                if cookie.secure { object["secure"] = true }
                if cookie.httpOnly { object["httpOnly"] = true }
                return .object(object)
            }),
        ])
    }
}
