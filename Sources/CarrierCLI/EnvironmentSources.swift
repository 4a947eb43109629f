import CollectionModel
import Foundation
import RunContracts
import RunnerCore

/// One environment a run uses: the loaded file, the name reports show, and the form of that name that goes
/// into file names (`{environment}` in export paths).
struct EnvironmentSource: Sendable {
    /// The file as loaded.
    var file: VariableFile
    /// The environment's `name`, else the file name without `.postman_environment.json`/`.json`; made unique
    /// within the invocation by a ` (2)` suffix.
    var name: String
    /// `name` with everything but letters, digits, `.`, `_` and `-` turned into `_`.
    var fileNameSafe: String
    /// Where it came from (the JSON report's `run.sources`).
    var origin: InputOrigin?

    /// Every `-e` argument expanded: a directory gives its `*.json` files (not recursive), sorted by name; a URL or
    /// `postman:environment/<uid>` is fetched.
    static func load(_ paths: [String], loader: InputLoader) throws(CLIError) -> [EnvironmentSource] {
        var sources: [InputSource] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
                    .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
                guard !names.isEmpty else {
                    throw CLIError("\(path): no *.json environment files in this directory; check the -e path")
                }
                sources += names.map { .file((path as NSString).appendingPathComponent($0)) }
            } else {
                sources.append(try InputSource.parse(path, role: .environment, apiKeyAvailable: loader.fetcher.hasAPIKey))
            }
        }
        var loaded: [EnvironmentSource] = []
        var used: Set<String> = []
        for source in sources {
            let (file, origin) = try loader.variableFile(source, role: .environment)
            let base = file.name.isEmpty ? stem(of: source.display) : file.name
            var name = base
            var counter = 2
            while used.contains(name) {
                name = "\(base) (\(counter))"
                counter += 1
            }
            used.insert(name)
            loaded.append(EnvironmentSource(file: file, name: name, fileNameSafe: safeFileName(name), origin: origin))
        }
        return loaded
    }

    /// `environments/acme.postman_environment.json` → `acme`.
    static func stem(of path: String) -> String {
        var name = (path as NSString).lastPathComponent
        for suffix in [".postman_environment.json", ".json"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        return name
    }

    static func safeFileName(_ name: String) -> String {
        let safe = String(name.unicodeScalars.map { scalar -> Character in
            let allowed = (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar))) || "._-".unicodeScalars.contains(scalar)
            return allowed ? Character(scalar) : "_"
        })
        return safe.isEmpty || safe.allSatisfy({ $0 == "." }) ? "environment" : safe
    }
}

/// `{environment}` in a report or export path.
enum EnvironmentPlaceholder {
    static let token = "{environment}"

    static func contains(_ path: String) -> Bool { path.contains(token) }

    /// The path with the token replaced (an absent environment is `default`).
    static func apply(_ path: String, environment: EnvironmentSource?) -> String {
        path.replacingOccurrences(of: token, with: environment?.fileNameSafe ?? "default")
    }
}
