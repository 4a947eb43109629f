import JSONValue
import RunContracts

extension JSONReport {
    /// Several environments' runs of one collection in one document:
    /// `{collection, runs: [{environmentName, environment, globals, run}]}`. Each entry of `runs` is exactly what
    /// the single-run summary holds besides `collection` (written once, not once per environment), so a tool that
    /// reads Newman summaries reads `runs[i]` with `collection` beside it.
    /// `documents` pairs each run with its environment and globals JSON (as for `render`).
    package static func render(runs: [EnvironmentRun], documents: [(environment: JSONValue?, globals: JSONValue?)],
                               collection: JSONValue?, redactor: (String) -> String = { $0 }) -> JSONValue {
        var collectionValue: JSONValue = .null
        var entries: [JSONValue] = []
        for (index, run) in runs.enumerated() {
            let document = index < documents.count ? documents[index] : (environment: nil, globals: nil)
            let summary = render(run.record, collection: collection, environment: document.environment,
                                 globals: document.globals, redactor: redactor)
            if index == 0 { collectionValue = summary["collection"] ?? .null }
            entries.append([
                "environmentName": .string(redactor(run.environmentName)),
                "environment": summary["environment"] ?? .null,
                "globals": summary["globals"] ?? .null,
                "run": summary["run"] ?? .null,
            ])
        }
        return ["collection": collectionValue, "runs": .array(entries)]
    }
}
