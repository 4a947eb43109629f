import JSONValue
import RunContracts

/// What one report file is rendered from: records already redacted, and the redactors for what the renderer adds.
package struct ReportInput: Sendable {
    /// The runs in this file: one environment's, or every environment's of a combined file.
    package var runs: [EnvironmentRun]
    /// Name and group by environment (a combined file, or one of several environments' own files); a lone run
    /// keeps Newman's plain layout.
    package var groupsByEnvironment: Bool
    /// One file for several environments (`--reporter-…-export` without `{environment}`); an environment's own
    /// file is not combined even when it is one of many.
    package var isCombined: Bool
    /// The collection as read, for the JSON report's `collection`.
    package var collection: JSONValue?
    /// Per run, in the order of `runs`: the environment and globals as the JSON report shows them
    /// (`JSONReport.variableDocument`).
    package var variableDocuments: [(environment: JSONValue?, globals: JSONValue?)]
    /// Masks secrets in text the renderer adds (console lines, bodies).
    package var redactor: @Sendable (String) -> String
    /// Masks a header's value by its name and value (`nil`: `redactor` on the value).
    package var headerRedactor: (@Sendable (String, String) -> String)?
    /// When the file is written, for reporters that print it (HTML).
    package var generatedAt: Double

    package init(runs: [EnvironmentRun], groupsByEnvironment: Bool, isCombined: Bool? = nil, collection: JSONValue? = nil,
                 variableDocuments: [(environment: JSONValue?, globals: JSONValue?)] = [],
                 redactor: @escaping @Sendable (String) -> String = { $0 },
                 headerRedactor: (@Sendable (String, String) -> String)? = nil, generatedAt: Double = 0) {
        self.runs = runs
        self.groupsByEnvironment = groupsByEnvironment
        self.isCombined = isCombined ?? (runs.count > 1)
        self.collection = collection
        self.variableDocuments = variableDocuments
        self.redactor = redactor
        self.headerRedactor = headerRedactor
        self.generatedAt = generatedAt
    }
}

/// A report written to a file when the run ends (`-r <name>`, `--reporter-<name>-export <path>`). A new format is
/// one conforming type in its own file plus its line in `ReporterRegistry.fileReporters`.
package protocol FileReporter: Sendable {
    /// The name `-r` takes.
    var name: String { get }
    /// The extension of Newman's default path (`newman/<collection>-<time>.<ext>`).
    var fileExtension: String { get }
    /// What the file is, for `--help` (`where <title> goes`).
    var title: String { get }
    /// The file's whole text.
    func render(_ input: ReportInput) -> String
}

/// Every reporter Carrier has. The CLI reporter listens to the run live; the others render files.
package enum ReporterRegistry {
    /// File reporters, in the order their files are written.
    package static let fileReporters: [any FileReporter] = [
        JSONFileReporter(), JUnitFileReporter(), HTMLFileReporter(), MarkdownFileReporter(),
    ]
    /// Reporters that print as the run goes rather than writing a file.
    package static let liveReporters = ["cli"]
    /// Every name `-r` accepts.
    package static var names: [String] { liveReporters + fileReporters.map(\.name) }

    package static func fileReporter(named name: String) -> (any FileReporter)? {
        fileReporters.first { $0.name == name }
    }
}

/// `-r json`: Newman's run summary (JSONReport) for one environment's file, `runs` of them for a combined file.
package struct JSONFileReporter: FileReporter {
    package init() {}
    package var title: String { "the JSON report" }
    package var name: String { "json" }
    package var fileExtension: String { "json" }
    package func render(_ input: ReportInput) -> String {
        if !input.isCombined, let run = input.runs.first, input.runs.count == 1 {
            let documents = input.variableDocuments.first
            return JSONReport.render(run.record, collection: input.collection, environment: documents?.environment ?? nil,
                                     globals: documents?.globals ?? nil, redactor: input.redactor).serialized(indent: 2)
        }
        return JSONReport.render(runs: input.runs, documents: input.variableDocuments, collection: input.collection,
                                 redactor: input.redactor).serialized(indent: 2)
    }
}

/// `-r junit`: JUnit XML (JUnitReport), suites named by environment when the file is one of many.
package struct JUnitFileReporter: FileReporter {
    package init() {}
    package var title: String { "the JUnit XML report" }
    package var name: String { "junit" }
    package var fileExtension: String { "xml" }
    package func render(_ input: ReportInput) -> String {
        if !input.groupsByEnvironment, let run = input.runs.first, input.runs.count == 1 {
            // The environment file's own name (JUnit's `environment` property), as the run recorded it.
            let name = run.record.start.environmentName
            return JUnitReport.render(run.record, options: JUnitOptions(environmentName: name.isEmpty ? nil : name,
                                                                        redactor: input.redactor))
        }
        return JUnitReport.render(runs: input.runs, options: JUnitOptions(redactor: input.redactor))
    }
}

/// `-r html`: one self-contained page (HTMLReport).
package struct HTMLFileReporter: FileReporter {
    package init() {}
    package var title: String { "the HTML page" }
    package var name: String { "html" }
    package var fileExtension: String { "html" }
    package func render(_ input: ReportInput) -> String {
        HTMLReport.render(runs: input.runs, options: HTMLReportOptions(generatedAt: input.generatedAt, redactor: input.redactor,
                                                                        headerRedactor: input.headerRedactor))
    }
}
