import RunContracts

/// One environment's finished run, as the many-environment reports take it.
package struct EnvironmentRun: Sendable {
    /// The environment's display name (unique within one invocation).
    package var environmentName: String
    /// What happened.
    package var record: RunRecord
    package init(environmentName: String, record: RunRecord) {
        self.environmentName = environmentName
        self.record = record
    }
}

extension JUnitReport {
    /// Several environments' runs of one collection as one `<testsuites>` document. Each suite's name starts with
    /// its environment (`acme / Users / Create user`) and carries `<property name="environment">`; the classname's
    /// package part becomes `Collection [environment]`, so CI dashboards that group by package keep portals apart
    /// instead of merging equally named test cases. Root counts (`tests`, `failures`, `errors`; junit-10.xsd has no
    /// root `skipped`) are the sums over every environment.
    /// `options.environmentName` is ignored (each run's own name is used); `options.redactor` applies to all.
    package static func render(runs: [EnvironmentRun], options: JUnitOptions) -> String {
        var bodies = ""
        var totals = JUnitModel.Counts()
        for run in runs {
            var runOptions = options
            runOptions.environmentName = run.environmentName
            for var suite in JUnitModel.suites(run.record, options: runOptions) {
                suite.name = "\(run.environmentName) / \(suite.name)"
                suite.classname = environmentClassname(suite.classname, environment: run.environmentName)
                if !suite.properties.contains(where: { $0.0 == "environment" }) {
                    suite.properties.append(("environment", run.environmentName))
                }
                totals.add(suite.counts)
                appendSuite(suite, file: run.record.start.collectionPath, options: options, to: &bodies)
            }
        }
        let name = runs.first?.record.start.collectionName ?? ""
        let started = runs.map(\.record.start.startedAt).min() ?? 0
        let completed = runs.map(\.record.completedAt).max() ?? started
        return documentHead(name: name, totals: totals, milliseconds: completed - started, options: options)
            + bodies + "</testsuites>\n"
    }

    /// `Collection.Folder / Request` → `Collection [env].Folder / Request`. The package part never holds a dot
    /// (the single-run classname replaces them), and neither may the environment's name, for Jenkins' split.
    private static func environmentClassname(_ classname: String, environment: String) -> String {
        let safeEnvironment = String(environment.map { $0 == "." ? "_" : $0 })
        guard let dot = classname.firstIndex(of: ".") else { return "\(classname) [\(safeEnvironment)]" }
        return "\(classname[..<dot]) [\(safeEnvironment)]\(classname[dot...])"
    }
}
