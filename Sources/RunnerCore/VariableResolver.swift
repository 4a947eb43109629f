import JSONValue

/// Replaces `{{name}}` as postman-collection's superstring does: innermost tokens first (`/{{([^{}]*?)}}/`),
/// repeated for up to 19 passes so `{{a{{b}}}}` works; unresolved tokens stay literal; only primitives substitute;
/// `{{$name}}` dynamic variables give a fresh value per occurrence.
package struct VariableResolver {
    /// Newman stops after this many passes.
    package static let maximumPasses = 19

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
        for _ in 0..<VariableResolver.maximumPasses {
            let (next, replacedAny) = resolveOnePass(current)
            current = next
            if !replacedAny { break }
        }
        return current
    }

    /// Names of the `{{…}}` tokens that would stay unresolved (for the pre-flight check and warnings).
    package func unresolvedNames(in text: String) -> [String] {
        let resolved = resolve(text)
        var names: [String] = []
        var scanner = Substring(resolved)
        while let open = scanner.range(of: "{{") {
            let rest = scanner[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            let name = String(rest[..<close.lowerBound])
            if !name.contains("{") && !name.contains("}") { names.append(name) }
            scanner = rest[close.upperBound...]
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
        if let value = scopes.value(name) {
            switch value {
            case .string, .number, .bool: return value.javaScriptString
            case .null: return "null"
            case .array, .object: return nil  // only primitives substitute
            }
        }
        if name.hasPrefix("$") { return dynamicVariables.value(for: name) }
        return nil
    }

    /// One left-to-right pass over `{{token}}`s whose token has no braces, the regex's innermost rule.
    private func resolveOnePass(_ text: String) -> (String, Bool) {
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
                    if let value = lookup(name) {
                        out.append(contentsOf: Array(value.utf8))
                        replacedAny = true
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
