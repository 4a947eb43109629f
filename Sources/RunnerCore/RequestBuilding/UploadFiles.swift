import AuthSigning
import RunContracts
import Foundation

/// Reads upload files (formdata `src`, file bodies) as Newman's secure file resolver does: relative paths from the
/// working directory; with `allowOutside` false, anything resolving outside it is refused. Error texts are
/// postman-runtime's, so warnings read like Newman's.
struct UploadFiles {
    /// The working directory as given (possibly relative to the process's current directory).
    private let givenWorkingDirectory: String
    let allowOutside: Bool

    /// The working directory as an absolute path. Resolved when a file is read, not when a request is built:
    /// asking for the current directory on every request was 2.5% of a plain run's samples.
    var workingDirectory: String {
        UploadFiles.resolve(givenWorkingDirectory, from: FileManager.default.currentDirectoryPath)
    }

    init(workingDirectory: String, allowOutside: Bool) {
        self.givenWorkingDirectory = workingDirectory
        self.allowOutside = allowOutside
    }

    /// The file's bytes, or the reason it cannot be read.
    func read(_ source: String) -> Result<[UInt8], UploadFileError> {
        guard !source.isEmpty else { return .failure(UploadFileError("invalid or missing file source")) }
        let workingDirectory = self.workingDirectory
        let path = UploadFiles.resolve(source, from: workingDirectory)
        if !allowOutside && !UploadFiles.isInside(path, directory: workingDirectory) {
            return .failure(UploadFileError("PPERM: insecure file access outside working directory"))
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT { return .failure(UploadFileError("\"\(source)\", no such file")) }
            return .failure(UploadFileError(String(cString: strerror(code)) + ", stat '\(path)'"))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(UploadFileError("\"\(source)\", is not a file")) }
        guard (info.st_mode & S_IRUSR) != 0, let data = FileManager.default.contents(atPath: path) else {
            return .failure(UploadFileError("\"\(source)\", read permission denied"))
        }
        return .success([UInt8](data))
    }

    /// `path.resolve(base, path)`: absolute paths stay, relative ones join the base; `.` and `..` are folded.
    static func resolve(_ path: String, from base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    static func isInside(_ path: String, directory: String) -> Bool {
        let parent = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        if parent == "/" { return true }
        return path == parent || path.hasPrefix(parent + "/")
    }
}

/// Why an upload file could not be read (postman-runtime's wording).
struct UploadFileError: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Content types for uploaded files, by extension (the common part of the mime-db table form-data consults);
/// anything else is `application/octet-stream`.
enum MimeTypes {
    static func type(forFileName name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            return "application/octet-stream"
        }
        let ext = name[name.index(after: dot)...].lowercased()
        return table[ext] ?? "application/octet-stream"
    }

    private static let table: [String: String] = [
        "txt": "text/plain", "text": "text/plain", "log": "text/plain", "csv": "text/csv", "html": "text/html",
        "htm": "text/html", "css": "text/css", "md": "text/markdown", "markdown": "text/markdown",
        "xml": "application/xml", "json": "application/json", "js": "application/javascript",
        "mjs": "application/javascript", "pdf": "application/pdf", "zip": "application/zip",
        "gz": "application/gzip", "tar": "application/x-tar", "png": "image/png", "jpg": "image/jpeg",
        "jpeg": "image/jpeg", "gif": "image/gif", "svg": "image/svg+xml", "webp": "image/webp", "bmp": "image/bmp",
        "ico": "image/x-icon", "mp3": "audio/mpeg", "mp4": "video/mp4", "doc": "application/msword",
        "xls": "application/vnd.ms-excel", "yaml": "text/yaml", "yml": "text/yaml", "bin": "application/octet-stream",
    ]
}
