import CollectionModel
import Foundation
import JSONValue
import RunnerCore

/// Everything a run reads from disk, loaded completely before the first request is sent.
struct RunInputs: Sendable {
    var collection: Collection
    var environment: VariableFile?
    var globals: VariableFile?
    /// `-d`, checked and counted; CSV and JSON files are read again row by row as the run goes.
    var data: IterationData
    var plan: RunPlan
    /// Names whose values came from the process environment (`--env-var NAME`): always secret.
    var processEnvironmentNames: [String]

    /// Loads what every environment's run shares (collection, globals, data); `environment` is set per run.
    static func load(_ options: RunCommandOptions) throws(CLIError) -> RunInputs {
        do {
            let collection = try CollectionLoader.loadCollection(path: options.collectionPath)
            let globals = try options.globalsPath.map { path throws(LoadError) in
                try CollectionLoader.loadVariableFile(path: path, kind: .globals)
            }
            let data = try options.iterationDataPath.map { path throws(LoadError) in
                try IterationData(path: path)
            } ?? .none
            let plan: RunPlan
            do {
                plan = try RunPlan(collection: collection, entrypoints: options.folders)
            } catch {
                throw CLIError("\(options.collectionPath): --folder \"\(error.name)\" matches no folder or request; check the name (ids match first, then names)")
            }
            let fromProcess = options.environmentOverrides.filter { $0.value == nil }.map(\.name)
            return RunInputs(collection: collection, environment: nil, globals: globals, data: data,
                             plan: plan, processEnvironmentNames: fromProcess)
        } catch let error as LoadError {
            throw CLIError(error.description)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("\(error)")
        }
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
