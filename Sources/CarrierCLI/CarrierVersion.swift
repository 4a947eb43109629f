/// Carrier's version, printed by `carrier --version` and written into exports.
package enum CarrierVersion {
    package static let current = "0.1.0"
}
