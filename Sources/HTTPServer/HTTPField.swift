import Foundation

/// One header line as received or to be sent: the name keeps its spelling, lookups ignore case.
package struct HTTPField: Sendable, Hashable {
    /// The field name as written, e.g. `Content-Type`.
    package var name: String
    /// The field value with surrounding whitespace removed.
    package var value: String

    /// A field with the given name and value.
    package init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == HTTPField {
    /// The value of the first field named `name` (case-insensitive), or nil.
    package func value(for name: String) -> String? {
        first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    /// Whether any field is named `name` (case-insensitive).
    package func contains(name: String) -> Bool {
        contains { $0.name.caseInsensitiveEquals(name) }
    }

    /// Every value of the fields named `name` (case-insensitive), in order.
    package func values(for name: String) -> [String] {
        filter { $0.name.caseInsensitiveEquals(name) }.map(\.value)
    }
}

extension String {
    /// ASCII case-insensitive equality: header names and tokens are ASCII, so no locale is involved.
    func caseInsensitiveEquals(_ other: String) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { asciiLowercased($0) == asciiLowercased($1) }
    }

    /// Whether a comma-separated header value (e.g. `Connection: keep-alive, Upgrade`) lists `token`.
    func containsToken(_ token: String) -> Bool {
        split(separator: ",").contains {
            $0.trimmingCharacters(in: .whitespaces).caseInsensitiveEquals(token)
        }
    }
}

@inline(__always)
func asciiLowercased(_ byte: UInt8) -> UInt8 {
    (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
}
