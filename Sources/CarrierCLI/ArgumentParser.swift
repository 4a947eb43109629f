/// A small Newman-compatible argument reader: `--flag value`, `--flag=value`, `-x`, repeatable options,
/// and `--no-…` negations. Unknown flags are errors that name the flag.
struct ArgumentReader {
    private var arguments: [String]
    private var index = 0

    init(_ arguments: [String]) { self.arguments = arguments }

    var isAtEnd: Bool { index >= arguments.count }

    mutating func next() -> String? {
        guard index < arguments.count else { return nil }
        defer { index += 1 }
        return arguments[index]
    }

    mutating func peek() -> String? { index < arguments.count ? arguments[index] : nil }

    /// The value of `flag`: from `--flag=value` (`inline`) or the next argument.
    mutating func value(for flag: String, inline: String?) throws(CLIError) -> String {
        if let inline { return inline }
        guard let value = next() else { throw CLIError("option \(flag) needs a value") }
        return value
    }

    /// A whole number ≥ 0 (or ≥ 1 when `positive`), with an error naming the flag.
    mutating func integer(for flag: String, inline: String?, positive: Bool = false) throws(CLIError) -> Int {
        let text = try value(for: flag, inline: inline)
        guard let number = Int(text), number >= (positive ? 1 : 0) else {
            throw CLIError("option \(flag) needs a whole number\(positive ? " of at least 1" : " (0 or more)"), got '\(text)'")
        }
        return number
    }
}

/// Splits `--name=value` into its parts.
func splitInlineValue(_ argument: String) -> (String, String?) {
    guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
    return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
}
