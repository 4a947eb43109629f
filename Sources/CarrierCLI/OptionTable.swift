/// What a shell may offer for an option's value (or a command's argument).
enum ValueCompletion: Sendable, Equatable {
    /// Nothing to suggest (a number, a name, a secret).
    case none
    case file
    case directory
    /// Any file or directory (`-e FILE|DIR`).
    case fileOrDirectory
    /// One of these words.
    case choices([String])
}

/// One option as the parser, `--help`, the man page and the shell completions all see it: declared once, in
/// `CommandTable`. `Key` is the command's own enum, so each parser's `switch` is exhaustive over what it declares.
struct OptionDeclaration<Key: Sendable & Hashable>: Sendable {
    let key: Key
    /// Everything but the key: what the renderers read.
    let documented: DocumentedOption

    /// `value` is the placeholder (`FILE`), nil for a flag; `optionalValue` marks `--bail [failure|folder]`.
    init(_ key: Key, _ names: [String], value: String? = nil, optionalValue: Bool = false,
         completion: ValueCompletion = .none, repeatable: Bool = false, _ help: String) {
        self.key = key
        documented = DocumentedOption(names: names, value: value, optionalValue: optionalValue, completion: completion,
                                      repeatable: repeatable, help: help)
    }

    /// Spellings, short first: `["-e", "--environment"]`.
    var names: [String] { documented.names }
}

/// An option as the renderers (help, man page, completions) need it.
struct DocumentedOption: Sendable, Equatable {
    /// Spellings, short first.
    let names: [String]
    let value: String?
    let optionalValue: Bool
    let completion: ValueCompletion
    let repeatable: Bool
    let help: String

    /// `-e, --environment FILE|DIR`, `--bail [failure|folder]`.
    var signature: String {
        let spelled = names.joined(separator: ", ")
        guard let value else { return spelled }
        return optionalValue ? "\(spelled) [\(value)]" : "\(spelled) \(value)"
    }
}

/// A command's options in titled groups (the sections of `--help`), looked up by any spelling.
struct OptionTable<Key: Sendable & Hashable>: Sendable {
    let groups: [(title: String, options: [OptionDeclaration<Key>])]
    private let byName: [String: OptionDeclaration<Key>]

    init(_ groups: [(title: String, options: [OptionDeclaration<Key>])]) {
        self.groups = groups
        var byName: [String: OptionDeclaration<Key>] = [:]
        for option in groups.flatMap(\.options) {
            for name in option.names { byName[name] = option }
        }
        self.byName = byName
    }

    /// The declaration spelled `flag` (`-e`, `--environment`), if the command has one.
    func option(named flag: String) -> OptionDeclaration<Key>? { byName[flag] }

    /// Every long spelling, in declaration order (for "unknown option" messages).
    var longNames: [String] { groups.flatMap(\.options).compactMap { $0.names.last } }

    /// The groups without parser keys, for the renderers.
    var documented: [(title: String, options: [DocumentedOption])] {
        groups.map { ($0.title, $0.options.map(\.documented)) }
    }
}
