import AuthSigning
import CollectionModel
import Foundation
import JSCSandbox
import RunContracts
import RunnerCore

/// Looks at a collection with each environment before anything is sent: `{{variables}}` a request would send
/// unresolved, auth types Carrier cannot sign, upload files that do not exist, scripts that do not parse and
/// `require`s of modules the sandbox does not have. Variables a script sets anywhere (`pm.environment.set('x'`
/// and the other scopes' setters, by a plain text scan) count as defined.
struct PreflightCheck {
    let options: RunCommandOptions
    let inputs: RunInputs
    let environments: [EnvironmentSource]
    /// Parses a script; JavaScriptCore by default, injectable for tests.
    var syntaxCheck: (String) -> ScriptError? = ScriptSyntaxCheck.check

    /// Modules `require` finds in Carrier's sandbox, as JSCSandbox's bootstrap manifest lists them.
    static let providedModules: Set<String> = BootstrapManifest.providedModules

    /// Every finding, errors first, each once.
    func findings() -> [PreflightFinding] {
        let setByScripts = PreflightCheck.namesSetByScripts(inputs.collection)
        var found: [PreflightFinding] = []
        let runs: [EnvironmentSource?] = environments.isEmpty ? [nil] : environments.map { $0 }
        for environment in runs {
            let resolver = resolver(environment: environment, extraNames: setByScripts)
            let label = environments.count > 1 || environment != nil ? (environment?.name ?? "") : nil
            for item in inputs.plan.items {
                found += variables(in: item, resolver: resolver, environment: label, file: environment?.file.path)
                found += uploadFiles(in: item, resolver: resolver, environment: label)
            }
        }
        for item in inputs.plan.items { found += auth(of: item) }
        found += scripts()
        var seen: [PreflightFinding] = []
        for finding in found where !seen.contains(finding) { seen.append(finding) }
        return seen.filter { $0.severity == .error } + seen.filter { $0.severity == .warning }
    }

    /// The environment's variables as the run would start with them, plus names that scripts or data rows set.
    private func resolver(environment: EnvironmentSource?, extraNames: Set<String>) -> VariableResolver {
        var scopes = VariableScopes(
            globals: VariableScope(.globals, variables: inputs.globals?.values ?? []),
            collection: VariableScope(.collection, variables: inputs.collection.variables),
            environment: VariableScope(.environment, variables: environment?.file.values ?? []))
        for (name, _) in options.environmentOverrides { scopes.environment.set(name, "set on the command line") }
        for (name, _) in options.globalOverrides { scopes.globals.set(name, "set on the command line") }
        let dataNames = Set(inputs.data.columnNames)
        for name in extraNames.union(dataNames) where scopes.value(name) == nil { scopes.local.set(name, "set at run time") }
        return VariableResolver(scopes: scopes)
    }

    private func variables(in item: PlannedItem, resolver: VariableResolver, environment: String?, file: String?) -> [PreflightFinding] {
        let request = item.request
        var places: [(String, String)] = [("URL", request.url.raw)]
        // `:id` path variables' values go into the URL too.
        for variable in request.url.pathVariables where !variable.disabled {
            if let value = variable.value.stringValue { places.append(("URL", value)) }
        }
        for header in request.headers where !header.disabled {
            places.append(("header \(header.key ?? "")", (header.key ?? "") + " " + (header.value ?? "")))
        }
        if let body = request.body, !body.disabled {
            places.append(("body", [body.raw, body.graphqlQuery, body.graphqlVariables, body.fileSource].compactMap { $0 }.joined(separator: " ")))
            for pair in body.urlencoded where !pair.disabled { places.append(("body", (pair.key ?? "") + " " + (pair.value ?? ""))) }
            for part in body.formdata where !part.disabled {
                places.append(("body", ([part.key, part.value ?? ""] + part.sources).joined(separator: " ")))
            }
        }
        if let auth = item.effectiveAuth {
            places.append(("auth", auth.parameters.members.compactMap { $0.value.stringValue }.joined(separator: " ")))
        }
        var namesInOrder: [String] = []
        var wherePlaces: [String: [String]] = [:]
        for (place, text) in places {
            for name in resolver.unresolvedNames(in: text) {
                if wherePlaces[name] == nil { namesInOrder.append(name) }
                if wherePlaces[name]?.contains(place) != true { wherePlaces[name, default: []].append(place) }
            }
        }
        let hostNames = Set(resolver.unresolvedNames(in: PreflightCheck.host(of: resolver.resolve(request.url.raw))))
        return namesInOrder.map { name in
            let inHost = hostNames.contains(name)
            let target = file.map { "add \"\(name)\" to \($0)" } ?? "add \"\(name)\" to the environment (-e)"
            return PreflightFinding(
                severity: inHost ? .error : .warning, environment: environment, place: item.reference.qualifiedName,
                problem: "{{\(name)}} is not defined (\((wherePlaces[name] ?? []).joined(separator: ", ")))"
                    + (inHost ? " and the URL has no host without it" : ""),
                fix: "\(target), or pass --env-var \(name)=VALUE")
        }
    }

    /// The host part of a URL as text: after `scheme://` and any `user@`, up to `/`, `?` or `#`.
    static func host(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let end = rest.firstIndex(where: { "/?#".contains($0) }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        return String(rest)
    }

    private func uploadFiles(in item: PlannedItem, resolver: VariableResolver, environment: String?) -> [PreflightFinding] {
        guard let body = item.request.body, !body.disabled else { return [] }
        var sources: [(String, String)] = []
        if body.mode == .file, let source = body.fileSource, body.fileContent == nil { sources.append(("file body", source)) }
        if body.mode == .formdata {
            for part in body.formdata where !part.disabled && part.kind == .file {
                for source in part.sources { sources.append(("form field \"\(part.key)\"", source)) }
            }
        }
        let base = options.workingDirectory.map { $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0 }
            ?? FileManager.default.currentDirectoryPath
        return sources.compactMap { what, source in
            let resolved = resolver.resolve(source)
            guard !resolved.isEmpty, !resolved.contains("{{") else { return nil }
            let path = resolved.hasPrefix("/") ? resolved : base + "/" + resolved
            guard !FileManager.default.fileExists(atPath: path) else { return nil }
            return PreflightFinding(severity: .error, environment: source.contains("{{") ? environment : nil,
                                    place: item.reference.qualifiedName, problem: "\(what) \(resolved) does not exist",
                                    fix: "put the file at \(path), or run with --working-dir pointing at the folder that holds it")
        }
    }

    private func auth(of item: PlannedItem) -> [PreflightFinding] {
        guard let auth = item.effectiveAuth, !auth.type.isEmpty, AuthSigners.signer(for: auth.type) == nil else { return [] }
        let supported = AuthSigners.all.map(\.type).joined(separator: ", ")
        return [PreflightFinding(severity: .warning, environment: nil, place: item.reference.qualifiedName,
                                 problem: "auth type \"\(auth.type)\" is not supported; the request goes out unsigned",
                                 fix: "use one of \(supported), or sign the request in a pre-request script")]
    }

    /// Every enabled script of the collection, folders and requests, checked once where it is defined.
    private func scripts() -> [PreflightFinding] {
        var found: [PreflightFinding] = []
        defer { ScriptSyntaxCheck.finishChecks() }
        func visit(_ events: [ScriptEvent], place: String) {
            for event in events where !event.disabled && !event.source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                let which = event.listen == .test ? "test script" : "pre-request script"
                if let error = syntaxCheck(event.source) {
                    found.append(PreflightFinding(
                        severity: .error, environment: nil, place: place,
                        problem: "the \(which) does not parse" + (error.line.map { " (line \($0))" } ?? "") + ": \(error.name): \(error.message)",
                        fix: "correct the script in Postman and export the collection again"))
                }
                for module in PreflightCheck.requiredModules(event.source) where !PreflightCheck.providedModules.contains(module) {
                    found.append(PreflightFinding(
                        severity: .warning, environment: nil, place: place,
                        problem: "the \(which) requires '\(module)', which Carrier's sandbox does not provide",
                        fix: "use a module the sandbox provides (lodash, chai, moment, uuid, ajv, xml2js, cheerio, crypto-js, "
                            + "Node's util/url/events/…) or inline the code"))
                }
            }
        }
        visit(inputs.collection.events, place: "collection")
        func walk(_ items: [Item], path: [String]) {
            for item in items {
                let here = path + [item.name]
                visit(item.events, place: here.joined(separator: " / "))
                if let children = item.children { walk(children, path: here) }
            }
        }
        walk(inputs.collection.items, path: [])
        return found
    }

    /// Names scripts set: `pm.environment.set('x'`, `pm.collectionVariables.set("x"`, `pm.variables.set(`,
    /// `pm.globals.set(`, and the legacy `postman.setEnvironmentVariable(` / `setGlobalVariable(`.
    static func namesSetByScripts(_ collection: Collection) -> Set<String> {
        var sources = collection.events.map(\.source)
        func walk(_ items: [Item]) {
            for item in items {
                sources += item.events.map(\.source)
                if let children = item.children { walk(children) }
            }
        }
        walk(collection.items)
        let pattern = #"(?:(?:environment|collectionVariables|variables|globals)\s*\.\s*set|set(?:Environment|Global)Variable)\s*\(\s*(['"`])([^'"`]+)\1"#
        return Set(sources.flatMap { captures(pattern, group: 2, in: $0) })
    }

    /// `require('name')` calls, by module name.
    static func requiredModules(_ source: String) -> [String] {
        captures(#"(?<![\w.$])require\s*\(\s*(['"`])([^'"`]+)\1\s*\)"#, group: 2, in: source)
    }

    private static func captures(_ pattern: String, group: Int, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: group), in: text).map { String(text[$0]) }
        }
    }
}
