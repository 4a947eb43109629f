/// `carrier --help` (and `carrier run --help`), rendered from `CommandTable`.
enum HelpText {
    /// Where the help column starts, and the width lines are wrapped to.
    private static let column = 34
    private static let width = 112

    static var usage: String {
        var lines: [String] = []
        for (index, command) in CommandTable.commands.enumerated() {
            lines.append((index == 0 ? "Usage: " : "       ") + "carrier \(command.name) \(command.synopsis)")
        }
        lines.append("       carrier --version")
        lines.append("")
        for command in CommandTable.commands {
            lines += wrap("\(command.name): \(command.summary).", indent: "", hanging: "  ")
        }
        // check takes run's options, so they are listed once.
        for command in CommandTable.commands {
            let groups = CommandTable.listedGroups(command)
            lines.append("")
            lines.append(CommandTable.optionsHeading(command) + ":")
            lines += groupLines(groups)
        }
        lines += exitCodeLines
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// `carrier <command> --help`: that command's synopsis, summary and options only.
    static func usage(for name: String) -> String? {
        guard let command = CommandTable.commands.first(where: { $0.name == name }) else { return nil }
        var lines = ["Usage: carrier \(command.name) \(command.synopsis)", ""]
        lines += wrap(command.summary.prefix(1).uppercased() + command.summary.dropFirst() + ".", indent: "", hanging: "")
        if !command.groups.isEmpty {
            lines.append("")
            lines.append("Options:")
            lines += groupLines(command.groups)
        }
        lines += exitCodeLines
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// A command's option groups, titled when there are several.
    private static func groupLines(_ groups: [(title: String, options: [DocumentedOption])]) -> [String] {
        groups.flatMap { group in
            (groups.count > 1 ? [" \(group.title):"] : []) + group.options.flatMap(optionLines)
        }
    }

    /// A blank line, then the exit codes.
    private static var exitCodeLines: [String] {
        let codes = CommandTable.exitCodes.map { "\($0.code) \($0.meaning)" }.joined(separator: ", ")
        return [""] + wrap("Exit codes: \(codes).", indent: "", hanging: "  ")
    }

    /// `  -e, --environment FILE|DIR    help…`, the help wrapped into its column.
    private static func optionLines(_ option: DocumentedOption) -> [String] {
        let signature = "  " + option.signature
        let padding = String(repeating: " ", count: column)
        if signature.count + 2 <= column {
            let first = signature + String(repeating: " ", count: column - signature.count)
            return wrap(option.help, indent: first, hanging: padding)
        }
        return [signature] + wrap(option.help, indent: padding, hanging: padding)
    }

    /// Greedy word wrap: the first line starts with `indent`, the rest with `hanging`.
    static func wrap(_ text: String, indent: String, hanging: String) -> [String] {
        var lines: [String] = []
        var line = indent
        var lineHasWord = false
        for word in text.split(separator: " ") {
            if lineHasWord && line.count + 1 + word.count > width {
                lines.append(line)
                line = hanging
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }
}
