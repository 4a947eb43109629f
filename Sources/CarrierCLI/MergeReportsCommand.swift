import Foundation
import JSONValue
import Reporters
import RunContracts
import RunnerCore

/// `carrier merge-reports REPORT.json|DIR... -r junit,html,json,cli`: reads the JSON reports of the jobs of one
/// `carrier run --shard I/N` and writes the reports one unsharded run would have written, through the same
/// renderers (`ReporterSet.writeOne` / `writeCombined`, `CLIReporter`, `CLIMultiRunSummary`). Environments come
/// back in the unsharded run's order (`shard.position`); a data file's iterations, split across shards, are
/// concatenated into one run. Reports of different collections, overlapping or missing shards are refused with
/// one line (exit 2); a report without `shard` (an unsharded run) is only re-rendered alone. Exit 1 when any run
/// failed, as `carrier run`.
enum MergeReportsCommand {
    static func execute(_ arguments: [String], output: OutputStreams) -> Int32 {
        do {
            let options = try RunCommandOptions.parse(arguments, table: CommandTable.mergeReports, command: "merge-reports")
            try ReporterSet.validate(options)
            let reports = try read(try reportFiles(options.reportPaths))
            let merged = try merge(reports)
            try write(merged, options: options, output: output)
            return merged.runs.contains { $0.record.failed } ? ExitCode.failure : ExitCode.success
        } catch {
            output.error("carrier: \(error.message)")
            return ExitCode.usage
        }
    }

    /// The runs to render, and whether they are the environments of a many-environment run.
    struct Merged {
        var collection: JSONValue?
        var runs: [ReadRun]
        var isOneOfMany: Bool
    }

    /// Every file named, and every `*.json` under each directory named (recursively, sorted by path).
    static func reportFiles(_ paths: [String]) throws(CLIError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIError("\(path): no such file or directory")
            }
            if isDirectory.boolValue {
                let found = (FileManager.default.subpaths(atPath: path) ?? [])
                    .filter { $0.hasSuffix(".json") && !($0 as NSString).lastPathComponent.hasPrefix(".") }.sorted()
                files += found.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        guard !files.isEmpty else {
            throw CLIError("no JSON reports found in \(paths.joined(separator: ", ")); pass the shards' --reporter-json-export files or the directories holding them")
        }
        return files
    }

    static func read(_ files: [String]) throws(CLIError) -> [ReadReport] {
        var reports: [ReadReport] = []
        for file in files {
            let document: JSONValue
            do {
                document = try JSONParser.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: file))))
            } catch let error as JSONParseError {
                throw CLIError("\(file): not a Carrier JSON report: not JSON (\(error.description))")
            } catch {
                throw CLIError("\(file): cannot read: \(error.localizedDescription)")
            }
            do {
                reports.append(try JSONReportReader.read(document, file: file))
            } catch {
                throw CLIError(error.description)
            }
        }
        return reports
    }

    /// Checks that the reports are the shards of one run, each once and none missing, and puts them together.
    static func merge(_ reports: [ReadReport]) throws(CLIError) -> Merged {
        let runs = reports.flatMap { report in report.runs.map { (file: report.file, run: $0) } }
        guard let first = runs.first else { throw CLIError("\(reports.first?.file ?? "the reports"): the report holds no run") }
        // One collection: the same bytes (sha256), else (a report without a hash) the same id and name.
        func identity(_ record: RunRecord) -> String {
            record.start.sources.first { $0.role == "collection" }?.sha256.map { "sha256 \($0.prefix(12))" }
                ?? "id \(record.start.collectionId), name \(record.start.collectionName)"
        }
        for other in runs where identity(other.run.record) != identity(first.run.record) {
            throw CLIError("reports of different collections: \(first.file) (\(identity(first.run.record))) and \(other.file) (\(identity(other.run.record)))")
        }
        // An unsharded run's report is only re-rendered, alone.
        if let unsharded = runs.first(where: { $0.run.record.start.shard == nil }) {
            guard reports.count == 1 else {
                throw CLIError("\(unsharded.file) has no shard (an unsharded run): merge-reports merges the JSON reports of carrier run --shard I/N, and re-renders an unsharded report only when it is given alone")
            }
            return Merged(collection: reports[0].collection, runs: reports[0].runs, isOneOfMany: reports[0].isMultiRun)
        }
        let shards = runs.map { (file: $0.file, run: $0.run, shard: $0.run.record.start.shard!) }
        let total = shards[0].shard.total, slice = shards[0].shard.slice
        for other in shards where other.shard.total != total {
            throw CLIError("shard totals disagree: \(shards[0].file) is shard \(shards[0].shard.index)/\(total), \(other.file) is shard \(other.shard.index)/\(other.shard.total)")
        }
        for other in shards where other.shard.slice != slice {
            throw CLIError("shards sliced differently: \(shards[0].file) has a slice of the \(slice.rawValue), \(other.file) of the \(other.shard.slice.rawValue)")
        }
        // Each (shard, environment) once.
        var seen: [String: String] = [:]
        for entry in shards {
            let key = "\(entry.shard.index)/\(entry.shard.position)"
            if let earlier = seen[key] {
                let what = slice == .environments ? " (environment \(entry.shard.environment))" : ""
                throw CLIError("shard \(entry.shard.index)/\(total)\(what) given twice: \(earlier) and \(entry.file)")
            }
            seen[key] = entry.file
        }
        // No shard missing: each shard with something to do must be there with all of its environments.
        let count: Int
        switch slice {
        case .environments: count = shards[0].shard.environmentCount
        case .iterations: count = shards[0].run.record.start.iterationCount
        case .whole: count = 1
        }
        for index in 1...total {
            let expected = ShardSpec.slice(count: count, index: index, total: total).count
            let found = shards.filter { $0.shard.index == index }.count
            if expected > 0 && found == 0 { throw CLIError("missing shard \(index)/\(total)") }
            if slice == .environments && found != expected {
                throw CLIError("shard \(index)/\(total) is incomplete: \(found) of its \(expected) environments' reports found")
            }
        }
        switch slice {
        case .environments:
            let ordered = shards.sorted { $0.shard.position < $1.shard.position }.map { entry in
                var run = entry.run
                run.record.start.shard = nil
                return run
            }
            return Merged(collection: reports[0].collection, runs: ordered, isOneOfMany: true)
        case .iterations, .whole:
            let ordered = shards.sorted { $0.shard.index < $1.shard.index }.map(\.run)
            return Merged(collection: reports[0].collection, runs: [concatenated(ordered)], isOneOfMany: false)
        }
    }

    /// One environment's iterations from several shards, in shard order, as one run.
    static func concatenated(_ parts: [ReadRun]) -> ReadRun {
        var merged = parts[0]
        var record = merged.record
        record.start.shard = nil
        record.start.startedAt = parts.map(\.record.start.startedAt).min() ?? record.start.startedAt
        record.completedAt = parts.map(\.record.completedAt).max() ?? record.completedAt
        for part in parts.dropFirst() {
            let other = part.record
            record.stats.add(other.stats)
            record.executions += other.executions
            record.failures += other.failures
            // The same warning in every shard (an unsupported auth type) is one warning of the whole run.
            for warning in other.warnings where !record.warnings.contains(warning) { record.warnings.append(warning) }
            record.runError = record.runError ?? other.runError
        }
        // The variables as the last iterations left them.
        if let last = parts.last {
            merged.environment = last.environment
            merged.globals = last.globals
        }
        merged.record = record
        return merged
    }

    static func write(_ merged: Merged, options: RunCommandOptions, output: OutputStreams) throws(CLIError) {
        let name = merged.runs.first?.record.start.collectionName ?? ""
        let runs = merged.runs.map { EnvironmentRun(environmentName: $0.environmentName, record: $0.record) }
        let identity: @Sendable (String) -> String = { $0 }
        for reporter in ReporterRegistry.fileReporters where options.reporters.contains(reporter.name) {
            let template = ReporterSet.exportPath(reporter.name, ext: reporter.fileExtension, options: options, collectionName: name)
            guard !merged.isOneOfMany || EnvironmentPlaceholder.contains(template) else { continue }
            for (read, run) in zip(merged.runs, runs) {
                let safe = EnvironmentSource.safeFileName(read.environmentName)
                let path = template.replacingOccurrences(of: EnvironmentPlaceholder.token,
                                                         with: read.environmentName.isEmpty ? "default" : safe)
                try ReporterSet.writeOne(reporter, to: path, run: run, oneOfMany: merged.isOneOfMany, collection: merged.collection,
                                         documents: (read.environment, read.globals), redactions: [])
            }
        }
        if merged.isOneOfMany {
            try ReporterSet.writeCombined(runs, documents: merged.runs.map { ($0.environment, $0.globals) },
                                          collection: merged.collection, options: options, collectionName: name, redactions: [])
        }
        guard options.reporters.contains("cli"), !options.silent else { return }
        let color = ReporterSet.colorEnabled(options, isTerminal: output.isTerminal)
        if merged.isOneOfMany {
            var text = ""
            for run in runs { text += CLIMultiRunSummary.summaryLine(run, color: color, redactor: identity) + "\n" }
            text += "\n" + CLIMultiRunSummary.table(runs, color: color, disableUnicode: options.disableUnicode,
                                                    redactor: identity).joined(separator: "\n") + "\n"
            output.standardOutput(text)
        } else if let record = runs.first?.record {
            let reporter = CLIReporter(options: CLIReporterOptions(
                noSummary: options.reporterFlag("cli", "no-summary"), noFailures: options.reporterFlag("cli", "no-failures"),
                color: color, disableUnicode: options.disableUnicode), write: output.standardOutput)
            reporter.observe(.runStarted(record.start))
            reporter.observe(.runFinished(record))
        }
    }
}
