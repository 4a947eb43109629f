/// One problem the pre-flight check found: where, what, and how to fix it.
struct PreflightFinding: Sendable, Equatable {
    enum Severity: String, Sendable {
        /// The run would certainly fail there (an unresolved URL host, a missing upload file, a script that
        /// does not parse): `carrier check` exits 2.
        case error
        /// Worth a look; the run may still pass.
        case warning
    }

    var severity: Severity
    /// The environment the finding depends on; `nil` when it holds for every environment.
    var environment: String?
    /// `Folder / Request`, `Folder` or `collection`.
    var place: String
    var problem: String
    var fix: String

    /// `acme: Users / Create user: {{SCIMPassword}} is not defined (auth); fix: …`.
    var text: String {
        (environment.map { "\($0.isEmpty ? "(no environment)" : $0): " } ?? "") + "\(place): \(problem); fix: \(fix)"
    }

    /// `error: …` or `warning: …`, as `carrier check` prints it.
    var line: String { "\(severity.rawValue): \(text)" }
}
