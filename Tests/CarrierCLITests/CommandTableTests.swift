@testable import CarrierCLI
import Testing

/// The option table is what the parsers, `--help`, the man page and the completions all read: these tests
/// catch a spelling declared twice (the lookup would silently keep one) and a renderer that drops options.
@Suite("Command table")
struct CommandTableTests {
    private var everyOption: [DocumentedOption] { CommandTable.commands.flatMap { $0.groups.flatMap(\.options) } }

    @Test("each spelling belongs to one option within a command", arguments: CommandTable.commands.map(\.name))
    func spellingsAreUnique(command: String) throws {
        let table = try #require(CommandTable.commands.first { $0.name == command })
        let names = table.groups.flatMap(\.options).flatMap(\.names)
        #expect(Set(names).count == names.count, "\(names.filter { name in names.filter { $0 == name }.count > 1 })")
        #expect(names.allSatisfy { $0.hasPrefix("-") && !$0.contains(" ") })
    }

    @Test("--help, the man page and both completion scripts name every declared option")
    func renderersCoverTheTable() throws {
        let help = HelpText.usage
        let man = ManPage.roff
        let bash = try #require(ShellCompletion.script(for: "bash"))
        let zsh = try #require(ShellCompletion.script(for: "zsh"))
        for option in everyOption {
            for name in option.names {
                #expect(help.contains(name), "--help lacks \(name)")
                #expect(man.contains(ManPage.escape(name)), "the man page lacks \(name)")
                #expect(bash.contains(name), "bash completion lacks \(name)")
                #expect(zsh.contains(name), "zsh completion lacks \(name)")
            }
        }
        for command in CommandTable.commands {
            #expect(help.contains("carrier \(command.name) "))
            #expect(man.contains(".B carrier \(ManPage.escape(command.name))"))
            #expect(bash.contains(command.name) && zsh.contains(command.name))
        }
    }

    @Test("the parser reads the table: a declared option parses, an undeclared one is one clear error")
    func parserFollowsTheTable() throws {
        for (table, command) in [(CommandTable.run, "run"), (CommandTable.check, "check"), (CommandTable.fetch, "fetch"),
                                 (CommandTable.mergeReports, "merge-reports")] {
            for option in table.documented.flatMap(\.options) {
                var arguments = ["c.json", option.names[0]]
                if let value = option.value, !option.optionalValue {
                    // A value each placeholder accepts: NAME=VALUE, a choice, a URL, or a number (which any path
                    // accepts too).
                    if value.contains("=") { arguments.append("A=1") }
                    else if case .choices(let words) = option.completion { arguments.append(words[0]) }
                    else if value == "URL" { arguments.append("https://api.example.test") }
                    else if value.hasPrefix("I/N") { arguments.append("1/2") }
                    else { arguments.append("1") }
                }
                #expect(throws: Never.self, "\(arguments)") { _ = try RunCommandOptions.parse(arguments, table: table, command: command) }
            }
        }
        #expect {
            _ = try RunCommandOptions.parse(["c.json", "--postman-api-key", "PMAK-1"])
        } throws: { error in
            (error as? CLIError)?.message.hasPrefix("--postman-api-key: Carrier reads the key from $POSTMAN_API_KEY only") == true
                && (error as? CLIError)?.message.contains("PMAK-1") == false
        }
        #expect {
            _ = try RunCommandOptions.parse(["c.json", "--bail"], table: CommandTable.fetch, command: "fetch")
        } throws: { error in
            (error as? CLIError)?.message == "unknown option --bail; run 'carrier fetch --help' for the list"
        }
        #expect {
            _ = try RunCommandOptions.parse(["c.json", "--no-such-option"])
        } throws: { error in
            (error as? CLIError)?.message == "unknown option --no-such-option; run 'carrier run --help' for the list"
        }
    }

    @Test("roff: hyphens and backslashes are escaped and no text line can start a request")
    func roffEscaping() {
        #expect(ManPage.escape("--env-var") == "\\-\\-env\\-var")
        #expect(ManPage.escape("a\\b") == "a\\eb")
        #expect(ManPage.escape(".hidden") == "\\&.hidden")
        #expect(ManPage.escape("'quoted") == "\\&'quoted")
        for line in ManPage.roff.split(separator: "\n") where line.hasPrefix(".") || line.hasPrefix("'") {
            // Every control line is one the renderer means to write.
            let request = line.dropFirst().prefix { $0 != " " }
            #expect(["\\\"", "TH", "SH", "SS", "B", "I", "TP", "br", "nf", "fi"].contains(String(request)), "\(line)")
        }
    }

    @Test("--generate-completion with an unknown shell is one line and exit 2")
    func unknownShell() {
        let captured = Captured()
        let code = CarrierMain.run(["--generate-completion", "fish"], output: captured.streams)
        #expect(code == ExitCode.usage)
        #expect(captured.error == "carrier: --generate-completion needs one of: bash, zsh\n")
        #expect(captured.out.isEmpty)
    }
}

/// Output captured from `CarrierMain.run`.
private final class Captured: @unchecked Sendable {
    var out = ""
    var error = ""
    var streams: OutputStreams {
        OutputStreams(standardOutput: { self.out += $0 }, standardError: { self.error += $0 }, isTerminal: false)
    }
}
