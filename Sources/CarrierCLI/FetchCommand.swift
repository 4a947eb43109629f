import CollectionModel
import RunContracts
import RunnerCore

/// `carrier fetch SOURCE -o FILE`: fetches one input exactly as `carrier run` would (same TLS options, proxies,
/// limits and messages), decodes it to prove it is what `--kind` says (so an error page is never pinned), and
/// writes the bytes as received, atomically. The file's SHA-256 is then the one a run from the same source records
/// in the JSON report's `run.sources`, and Carrier and Newman both read the Postman API's envelope in it.
enum FetchCommand {
    static func execute(_ arguments: [String], output: OutputStreams) -> Int32 {
        do throws(CLIError) {
            let options = try RunCommandOptions.parse(arguments, table: CommandTable.fetch, command: "fetch")
            guard let destination = options.outputPath else {
                throw CLIError("carrier fetch needs -o FILE: where to write what was fetched")
            }
            let fetcher = InputFetcher(settings: .init(options: options), makeTransport: InputFetcher.curlTransport)
            let role = try role(of: options.collectionPath, kind: options.fetchKind)
            let source = try InputSource.parse(options.collectionPath, role: role, apiKeyAvailable: fetcher.hasAPIKey)
            let checked = try check(source, role: role, loader: InputLoader(fetcher: fetcher))
            try OutputFile.write(checked.bytes, to: destination)
            output.standardOutput("Wrote \(destination): \(checked.summary)\n")
            return ExitCode.success
        } catch {
            output.error("carrier: \(error.message)")
            return ExitCode.usage
        }
    }

    /// `--kind`, else what a `postman:` source names, else a collection.
    private static func role(of text: String, kind: InputRole?) throws(CLIError) -> InputRole {
        if let kind { return kind }
        if text.lowercased().hasPrefix("postman:") {
            let name = text.dropFirst("postman:".count).prefix { $0 != "/" }.lowercased()
            switch name {
            case "environment": return .environment
            case "globals": return .globals
            default: return .collection
            }
        }
        return .collection
    }

    /// The bytes as received and one line describing what they are.
    private static func check(_ source: InputSource, role: InputRole,
                              loader: InputLoader) throws(CLIError) -> (bytes: [UInt8], summary: String) {
        let input = try loader.fetcher.read(source, role: role)
        var origin = input.origin
        let described: String
        if role == .cookieJar {
            described = "cookie jar (\(try CookieJarFile.read(bytes: input.bytes, name: input.name).count) cookies)"
        } else {
            do {
                (described, origin.updatedAt) = try describe(input, role: role)
            } catch {
                throw CLIError(error.description)
            }
        }
        var facts = [origin.location]
        if let updatedAt = origin.updatedAt { facts.append("updated \(updatedAt)") }
        if let sha256 = origin.sha256 { facts.append("sha256 \(sha256)") }
        facts.append("\(input.bytes.count) bytes")
        return (input.bytes, described + " from " + facts.joined(separator: ", "))
    }

    /// What a decoded collection, variable file or data file is, and its `updatedAt`.
    private static func describe(_ input: InputBytes, role: InputRole) throws(LoadError) -> (String, String?) {
        switch role {
        case .collection:
            let document = InputLoader.unwrapCollection(try CollectionLoader.parseJSON(bytes: input.bytes, file: input.name))
            let collection = try CollectionLoader.decodeCollection(document, file: input.name)
            return ("collection \"\(collection.info.name)\"", document["info"]?["updatedAt"]?.stringValue)
        case .environment, .globals, .cookieJar:
            let document = try CollectionLoader.parseJSON(bytes: input.bytes, file: input.name)
            let file = try CollectionLoader.decodeVariableFile(document, file: input.name,
                                                               kind: role == .globals ? .globals : .environment)
            return ("\(role.rawValue) \"\(file.name)\" (\(file.values.count) variables)",
                    (document["environment"] ?? document)["updatedAt"]?.stringValue)
        case .iterationData:
            return ("iteration data (\(try IterationData(bytes: input.bytes, file: input.name).count) rows)", nil)
        }
    }
}
