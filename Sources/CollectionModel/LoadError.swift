/// A load error says which file, where in it, and what to do; the CLI prints `description` as one line and
/// exits 2 before anything is sent.
package struct LoadError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong, for callers that react to the kind.
    package enum Kind: Sendable, Equatable {
        case unreadable, invalidText, invalidJSON, unsupportedVersion, invalidValue, invalidData, unknownFolder
    }
    /// The kind of failure.
    package let kind: Kind
    /// The file, as the user named it.
    package let file: String
    /// `line L, column C` for syntax errors, a JSON path such as `$.item[3].request.url` for wrong values,
    /// `row N` for data files; empty when the whole file is at fault.
    package let location: String
    /// What is wrong and how to fix it.
    package let message: String

    package init(_ kind: Kind, file: String, location: String = "", message: String) {
        self.kind = kind
        self.file = file
        self.location = location
        self.message = message
    }

    package var description: String {
        location.isEmpty ? "\(file): \(message)" : "\(file): \(location): \(message)"
    }
}
