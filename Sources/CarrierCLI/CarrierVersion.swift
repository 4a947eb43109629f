import CBuildInfo

/// Carrier's version, printed by `carrier --version` and written into exports.
package enum CarrierVersion {
    /// The one place the version is written: the Makefile reads it from here for the package and tarball names.
    package static let current = "0.1.0"

    /// The git commit the binary was built from (baked in by `make`), or "unknown" for a plain `swift build`
    /// or a build from a source tree without `.git`.
    package static var commit: String { String(cString: carrier_build_commit()) }

    /// `carrier --version`: `carrier 0.1.0 (commit 40e30ed91a2c)`.
    package static var line: String { "carrier \(current) (commit \(commit))" }
}
