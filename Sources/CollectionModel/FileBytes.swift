#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JSONValue

/// Reads input files with POSIX calls, so that each failure (missing, a directory, no permission) gets its own
/// message instead of Foundation's generic "couldn't be opened".
enum FileBytes {
    /// An open file descriptor, closed when the reader goes away.
    final class Handle {
        let descriptor: Int32
        init(descriptor: Int32) { self.descriptor = descriptor }
        deinit { close(descriptor) }

        /// Up to `count` bytes; an empty array at end of file.
        func read(upTo count: Int, file: String) throws(LoadError) -> [UInt8] {
            var buffer = [UInt8](repeating: 0, count: count)
            while true {
                let got = buffer.withUnsafeMutableBytes { raw in systemRead(descriptor, raw.baseAddress, count) }
                if got >= 0 {
                    buffer.removeSubrange(got...)
                    return buffer
                }
                if errno == EINTR { continue }
                throw LoadError(.unreadable, file: file, message: "cannot read the file: \(FileBytes.errorText(errno))")
            }
        }

        /// `start` followed by everything left in the file.
        func readToEnd(after start: [UInt8], file: String) throws(LoadError) -> [UInt8] {
            var bytes = start
            while true {
                let chunk = try read(upTo: 1 << 16, file: file)
                if chunk.isEmpty { return bytes }
                bytes.append(contentsOf: chunk)
            }
        }
    }

    /// Opens `path` for reading, refusing directories and explaining failures.
    static func open(_ path: String) throws(LoadError) -> Handle {
        let descriptor = systemOpen(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR:
                throw LoadError(.unreadable, file: path, message: "file not found; check the path")
            case EACCES, EPERM:
                throw LoadError(.unreadable, file: path, message: "permission denied; make the file readable")
            default:
                throw LoadError(.unreadable, file: path, message: "cannot open the file: \(errorText(code))")
            }
        }
        let handle = Handle(descriptor: descriptor)
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw LoadError(.unreadable, file: path, message: "this is a directory; pass the path of a file")
        }
        return handle
    }

    /// The whole file.
    static func read(_ path: String) throws(LoadError) -> [UInt8] {
        try open(path).readToEnd(after: [], file: path)
    }

    /// The file's text as UTF-8 bytes (BOM stripped, UTF-16 transcoded), or `.invalidText` with the byte offset.
    static func readText(_ path: String) throws(LoadError) -> [UInt8] {
        let raw = try read(path)
        return try decodeText(raw, file: path)
    }

    /// Decodes bytes already read from `file`.
    static func decodeText(_ raw: [UInt8], file: String) throws(LoadError) -> [UInt8] {
        do {
            return try TextDecoding.utf8Bytes(from: raw)
        } catch {
            throw LoadError(.invalidText, file: file, location: "byte \(error.byteOffset)", message: error.message)
        }
    }

    /// The file parsed as JSON, or `.invalidJSON` at `line L, column C`.
    static func readJSON(_ path: String) throws(LoadError) -> JSONValue {
        try parseJSON(try readText(path), file: path)
    }

    /// Parses UTF-8 bytes from `file` as JSON.
    static func parseJSON(_ text: [UInt8], file: String) throws(LoadError) -> JSONValue {
        if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw LoadError(.invalidJSON, file: file, message: "the file is empty; expected JSON")
        }
        do {
            return try JSONParser.parse(bytes: text)
        } catch {
            throw LoadError(.invalidJSON, file: file, location: "line \(error.line), column \(error.column)",
                            message: error.message)
        }
    }

    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

// The C calls under names that the static `open`/`read` above do not shadow.
private func systemOpen(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
