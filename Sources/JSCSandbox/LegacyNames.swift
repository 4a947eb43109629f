import JSONValue

/// Which legacy globals (`tests`, `responseBody`, …) a script's text mentions, so the runtime computes only those
/// for each run. A script reaches a parameter of its wrapper only by name, or through a direct `eval`.
enum LegacyNames {
    /// The wrapper's legacy parameters, as `carrier.legacyParameters` in Bootstrap/pm.js lists them (a test
    /// checks that the two lists agree).
    static let all = [
        "tests", "globals", "environment", "data", "iteration", "request", "responseBody", "responseCode",
        "responseHeaders", "responseTime", "responseCookies", "xml2Json",
    ]

    /// The names the source contains as text (a superset of those it uses), or `null` (all of them) when the
    /// script calls eval, which could build a name at run time.
    static func used(in source: String) -> JSONValue {
        let text = Array(source.utf8)
        if contains(text, Array("eval".utf8)) { return .null }
        return .array(all.filter { contains(text, Array($0.utf8)) }.map { .string($0) })
    }

    private static func contains(_ text: [UInt8], _ word: [UInt8]) -> Bool {
        guard let first = word.first, text.count >= word.count else { return false }
        var index = 0
        let last = text.count - word.count
        while index <= last {
            if text[index] == first, text[index..<index + word.count].elementsEqual(word) { return true }
            index += 1
        }
        return false
    }
}
