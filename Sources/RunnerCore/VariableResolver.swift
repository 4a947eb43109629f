import AuthSigning
import RunContracts
import JSONValue

/// Replaces `{{name}}` as postman-collection's superstring does: innermost tokens first (`/{{([^{}]*?)}}/`),
/// repeated for up to 19 passes so `{{a{{b}}}}` works; unresolved tokens stay literal; only primitives substitute;
/// `{{$name}}` dynamic variables give a fresh value per occurrence.
package struct VariableResolver {
    /// Newman stops after this many passes.
    package static let maximumPasses = 19
    /// Substitutions allowed in one `resolve` call. A variable that refers to itself twice (`x = {{x}}{{x}}`)
    /// doubles the text on each of the 19 passes, four times quadruples it: without a budget that is minutes of
    /// work and gigabytes of memory (found by Fuzz/Targets/variables.swift). Past the budget tokens stay literal.
    package static let maximumSubstitutions = 100_000

    package var scopes: VariableScopes
    package var dynamicVariables: DynamicVariables

    package init(scopes: VariableScopes, dynamicVariables: DynamicVariables = DynamicVariables()) {
        self.scopes = scopes
        self.dynamicVariables = dynamicVariables
    }

    /// The text with every resolvable `{{…}}` replaced.
    package func resolve(_ text: String) -> String {
        guard VariableResolver.mayHaveToken(text) else { return text }
        var current = text
        var budget = VariableResolver.maximumSubstitutions
        for _ in 0..<VariableResolver.maximumPasses {
            let (next, replacedAny) = resolveOnePass(current, budget: &budget)
            current = next
            if !replacedAny || budget <= 0 { break }
        }
        return current
    }

    /// Names of the `{{…}}` tokens that would stay unresolved (for the pre-flight check and warnings).
    package func unresolvedNames(in text: String) -> [String] {
        // One linear scan over the bytes: `range(of:)` on a Substring copies the rest of the text on every call,
        // quadratic on a text with many tokens (the fuzzer's self-doubling variable ran out of memory).
        let bytes = Array(resolve(text).utf8)
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var names: [String] = []
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == open, bytes[index + 1] == open else { index += 1; continue }
            let start = index + 2
            var end = start
            while end + 1 < bytes.count, !(bytes[end] == close && bytes[end + 1] == close) { end += 1 }
            guard end + 1 < bytes.count else { break }
            let name = bytes[start..<end]
            if !name.contains(open) && !name.contains(close) { names.append(String(decoding: name, as: UTF8.self)) }
            index = end + 2
        }
        return names
    }

    /// Whether the text has a `{{` at all: a byte scan, because Foundation's `contains` bridges through NSString
    /// and most texts of a request (header names, values, URL parts) have no token.
    private static func mayHaveToken(_ text: String) -> Bool {
        let open = UInt8(ascii: "{")
        var previousWasOpen = false
        for byte in text.utf8 {
            if byte == open {
                if previousWasOpen { return true }
                previousWasOpen = true
            } else {
                previousWasOpen = false
            }
        }
        return false
    }

    private func lookup(_ name: String) -> String? {
        if let variable = scopes.variable(name) {
            if variable.isUndefined { return "" }
            switch variable.value {
            case .string, .number, .bool: return variable.value.javaScriptString
            case .null: return "null"
            case .array, .object: return nil  // only primitives substitute
            }
        }
        if name.hasPrefix("$") { return dynamicVariables.value(for: name) }
        return nil
    }

    /// One left-to-right pass over `{{token}}`s whose token has no braces, the regex's innermost rule.
    private func resolveOnePass(_ text: String, budget: inout Int) -> (String, Bool) {
        let utf8 = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var replacedAny = false
        var i = 0
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        while i < utf8.count {
            if utf8[i] == open, i + 1 < utf8.count, utf8[i + 1] == open {
                // Lazy match of [^{}]* followed by "}}", starting at the first "{{" (regex semantics: a "{{{"
                // run starts matching at its last two braces).
                var start = i
                while start + 2 < utf8.count, utf8[start + 2] == open { out.append(open); start += 1 }
                var j = start + 2
                while j < utf8.count, utf8[j] != open, utf8[j] != close { j += 1 }
                if j + 1 < utf8.count, utf8[j] == close, utf8[j + 1] == close {
                    let name = String(decoding: utf8[(start + 2)..<j], as: UTF8.self)
                    if budget > 0, let value = lookup(name) {
                        out.append(contentsOf: Array(value.utf8))
                        replacedAny = true
                        budget -= 1
                    } else {
                        out.append(contentsOf: utf8[start..<(j + 2)])
                    }
                    i = j + 2
                    continue
                }
                out.append(open)
                i = start + 1
                continue
            }
            out.append(utf8[i])
            i += 1
        }
        return (String(decoding: out, as: UTF8.self), replacedAny)
    }
}
