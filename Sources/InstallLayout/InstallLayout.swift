import Foundation

/// Where an installed Carrier keeps its data files. The binary lives in `<prefix>/bin` and its data in
/// `<prefix>/share/carrier`, with `<prefix>` taken from the running executable's real path (symlinks resolved):
/// `/usr` for the .deb, the unpacked folder for the relocatable tarball. One rule for both, and no path is
/// compiled in, so a development build (`.build/<config>/carrier`) finds nothing here and keeps using its
/// SwiftPM resource bundle.
package enum InstallLayout {
    /// `<prefix>/share/carrier` when it exists beside the executable's `bin/`, else nil.
    package static let shareDirectory: URL? = {
        guard let executable = executableURL() else { return nil }
        let share = executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/carrier", isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: share.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return share
    }()

    /// `<prefix>/share/carrier/<name>` if the installed layout has it (e.g. `Bootstrap`, `collections`).
    package static func installed(_ name: String) -> URL? {
        guard let share = shareDirectory else { return nil }
        let url = share.appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The running executable with symlinks resolved (`/usr/local/bin/carrier -> /opt/carrier/bin/carrier`).
    private static func executableURL() -> URL? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        #endif
        return Bundle.main.executableURL?.resolvingSymlinksInPath()
    }
}
