import CollectionModel
import Foundation
import JSONValue
import RunContracts
import RunnerCore

/// Everything a run reads (files, URLs, the Postman API), loaded completely before the first request is sent.
struct RunInputs: Sendable {
    var collection: Collection
    var environment: VariableFile?
    var globals: VariableFile?
    /// `-d`, checked and counted; CSV and JSON files are read again row by row as the run goes.
    var data: IterationData
    var plan: RunPlan
    /// Names whose values came from the process environment (`--env-var NAME`): always secret.
    var processEnvironmentNames: [String]
    /// How messages and reports name the collection: its path, or its URL without the query string.
    var collectionName = ""
    /// `--cookie-jar`'s cookies, read once for every environment.
    var cookies: [Cookie] = []
    /// Where the collection, globals, data and cookie jar came from (the JSON report's `run.sources`).
    var origins: [InputOrigin] = []
    /// Values masked in every output although no variable holds them: the API keys inputs were fetched with.
    var secrets: [String] = []

    /// Loads what every environment's run shares (collection, globals, data, cookies) and the environments,
    /// fetching what is not local; `environment` is set per run.
    static func load(_ options: RunCommandOptions,
                     fetcher: InputFetcher? = nil) throws(CLIError) -> (inputs: RunInputs, environments: [EnvironmentSource]) {
        var settings = InputFetcher.Settings(options: options)
        // Only the JSON report shows the inputs' SHA-256. The first digest starts libcrypto's provider machinery:
        // a fifth of the start-up instructions of a run without it.
        settings.hashesInputs = options.reporters.contains("json")
        let fetcher = fetcher ?? InputFetcher(settings: settings, makeTransport: InputFetcher.curlTransport)
        let loader = InputLoader(fetcher: fetcher)
        func source(_ text: String, _ role: InputRole) throws(CLIError) -> InputSource {
            try InputSource.parse(text, role: role, apiKeyAvailable: fetcher.hasAPIKey)
        }
        let collectionSource = try source(options.collectionPath, .collection)
        let (collection, collectionOrigin) = try loader.collection(collectionSource)
        var origins = [collectionOrigin]
        let globals: VariableFile? = try options.globalsPath.map { text throws(CLIError) -> VariableFile in
            let (file, origin) = try loader.variableFile(try source(text, .globals), role: .globals)
            origins.append(origin)
            return file
        }
        let data: IterationData = try options.iterationDataPath.map { text throws(CLIError) -> IterationData in
            let (data, origin) = try loader.iterationData(try source(text, .iterationData))
            origins.append(origin)
            return data
        } ?? .none
        let cookies: [Cookie] = try options.cookieJarPath.map { text throws(CLIError) -> [Cookie] in
            let (cookies, origin) = try loader.cookies(try source(text, .cookieJar))
            origins.append(origin)
            return cookies
        } ?? []
        let plan: RunPlan
        do {
            plan = try RunPlan(collection: collection, entrypoints: options.folders)
        } catch {
            throw CLIError("\(collectionSource.display): \(error.message)")
        }
        let environments = try EnvironmentSource.load(options.environmentPaths, loader: loader)
        let fromProcess = options.environmentOverrides.filter { $0.value == nil }.map(\.name)
        let inputs = RunInputs(collection: collection, environment: nil, globals: globals, data: data,
                               plan: plan, processEnvironmentNames: fromProcess, collectionName: collectionSource.display,
                               cookies: cookies, origins: origins, secrets: fetcher.secrets)
        return (inputs, environments)
    }

    /// These inputs with one environment.
    func with(environment: VariableFile?) -> RunInputs {
        var copy = self
        copy.environment = environment
        return copy
    }

    /// The scopes the run starts with: files first, then `--env-var`/`--global-var` on top.
    func initialScopes(_ options: RunCommandOptions) throws(CLIError) -> VariableScopes {
        var scopes = VariableScopes(
            globals: VariableScope(.globals, variables: globals?.values ?? [], displayName: globals?.name ?? ""),
            collection: VariableScope(.collection, variables: collection.variables),
            environment: VariableScope(.environment, variables: environment?.values ?? [], displayName: environment?.name ?? ""))
        for (name, value) in options.environmentOverrides {
            if let value {
                scopes.environment.set(name, .string(value))
            } else {
                guard let fromProcess = ProcessInfo.processInfo.environment[name] else {
                    throw CLIError("--env-var \(name): no such variable in the process environment; export it or pass \(name)=VALUE")
                }
                scopes.environment.set(name, .string(fromProcess), type: "secret")
            }
        }
        for (name, value) in options.globalOverrides { scopes.globals.set(name, .string(value)) }
        return scopes
    }
}
