import Foundation
import Testing
@testable import CarrierCLI

/// The README is documentation users copy: every `carrier …` command line in it must parse, and each flag it uses
/// must be one `carrier <command> --help` lists. `carrier run --help` lists run's options only.
@Suite("README against the option table")
struct ReadmeOptionsTests {
    static let readme: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }()

    /// Each `carrier <command> …` invocation in the README's code blocks: the command and its arguments, with
    /// backslash-continued lines joined and shell quoting removed.
    static var invocations: [(line: String, command: String, arguments: [String])] {
        var result: [(String, String, [String])] = []
        var inBlock = false
        var pending = ""
        for rawLine in readme.components(separatedBy: "\n") {
            if rawLine.trimmingCharacters(in: .whitespaces).hasPrefix("```") { inBlock.toggle(); pending = ""; continue }
            guard inBlock else { continue }
            if rawLine.hasSuffix("\\") { pending += rawLine.dropLast() + " "; continue }
            // A CI expression (`${{ matrix.shard }}`) stands for one word; 1 is a value every placeholder accepts.
            let line = (pending + rawLine).replacingOccurrences(of: #"\$\{\{[^}]*\}\}"#, with: "1", options: .regularExpression)
            pending = ""
            let commands = CommandTable.commands.map(\.name).joined(separator: "|")
            guard let match = line.range(of: #"(^|[\s'"/])carrier (\#(commands))(\s|$)"#, options: .regularExpression) else { continue }
            let invocation = line[match.upperBound...].prefix { !"|&;#)".contains($0) }
            let command = String(line[match].split(separator: " ").last ?? "").trimmingCharacters(in: .whitespaces)
            result.append((line, command, words(String(invocation))))
        }
        return result
    }

    /// Shell words, quotes removed (enough for the README's lines: no escapes inside quotes).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var started = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                started = true
            } else if character.isWhitespace {
                if started || !current.isEmpty { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
            }
        }
        if started || !current.isEmpty { words.append(current) }
        return words
    }

    @Test("the README has carrier command lines to check")
    func found() {
        #expect(Self.invocations.count >= 10)
        #expect(Set(Self.invocations.map(\.command)).isSuperset(of: ["run", "check"]))
    }

    @Test("every flag of every README command line is listed by that command's --help")
    func flagsAreListed() throws {
        for invocation in Self.invocations {
            let help = try #require(HelpText.usage(for: invocation.command))
            for word in invocation.arguments where word.hasPrefix("-") && word.count > 1 {
                let flag = String(word.split(separator: "=", maxSplits: 1)[0])
                // `--reporter-<name>-<option>` parses by prefix; the documented ones are in the table.
                let generic = flag.hasPrefix("--reporter-") && invocation.command != "scim-server"
                #expect(generic || help.contains(flag), "\(flag) in: \(invocation.line)")
            }
        }
    }

    @Test("every run and check command line in the README parses")
    func runLinesParse() {
        for invocation in Self.invocations where ["run", "check"].contains(invocation.command) {
            #expect(throws: Never.self, "\(invocation.line)") {
                _ = try RunCommandOptions.parse(invocation.arguments,
                                                table: invocation.command == "check" ? CommandTable.check : CommandTable.run,
                                                command: invocation.command)
            }
        }
    }

    @Test("carrier run --help shows run's options and no other command's")
    func runHelpIsRunOnly() throws {
        let help = try #require(HelpText.usage(for: "run"))
        for name in CommandTable.run.longNames { #expect(help.contains(name), "\(name)") }
        let others = CommandTable.scimServer.longNames + CommandTable.demo.longNames
        for name in Set(others).subtracting(CommandTable.run.longNames) { #expect(!help.contains(name), "\(name)") }
        #expect(!help.contains("carrier scim-server"))
    }
}
