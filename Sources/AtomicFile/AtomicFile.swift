import Foundation

/// A file that could not be written, and why (the step and the system's error).
package struct AtomicFileError: Error, CustomStringConvertible, Sendable {
    package var path: String
    package var message: String
    package var description: String { "\(path): \(message)" }
    package init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}

/// Writes files so that a reader (or a crash, or a power cut) never sees half of one: the bytes go to a temporary
/// file in the same directory, which is flushed to disk (`fsync`), renamed over the target, and the directory is
/// flushed too, since the rename is only durable once the directory entry is on disk. Missing parent directories
/// are created. The CLI's exports, the report files and the SCIM server's store all write through here.
package enum AtomicFile {
    /// Replaces `path` with `bytes`.
    package static func write(_ bytes: [UInt8], to path: String, permissions: mode_t = 0o644,
                              createDirectories: Bool = true) throws(AtomicFileError) {
        try write(to: path, permissions: permissions, createDirectories: createDirectories) { (writer: Writer) throws(AtomicFileError) in try writer.write(bytes) }
    }

    /// Replaces `path` with `text` as UTF-8.
    package static func write(_ text: String, to path: String, permissions: mode_t = 0o644) throws(AtomicFileError) {
        try write(Array(text.utf8), to: path, permissions: permissions)
    }

    /// Replaces `path` with what `body` writes, in pieces (a report spooled to disk need not be in memory at once).
    /// If `body` throws, the target is left as it was.
    /// `createDirectories: false` refuses a missing directory instead (a store's place is its operator's choice).
    package static func write(to path: String, permissions: mode_t = 0o644, createDirectories: Bool = true,
                              _ body: (Writer) throws(AtomicFileError) -> Void) throws(AtomicFileError) {
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        if createDirectories {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw AtomicFileError(path: path, message: "cannot create its directory: \(error.localizedDescription)")
            }
        }
        let temporary = "\(directory)/.\((path as NSString).lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw failure(path, "cannot write") }
        let writer = Writer(path: path, descriptor: descriptor)
        do throws(AtomicFileError) {
            try body(writer)
            guard fsync(descriptor) == 0 else { throw failure(path, "cannot write") }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let error = failure(path, "cannot write")
            unlink(temporary)
            throw error
        }
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Appends to the temporary file of one `write(to:_:)`.
    package struct Writer {
        fileprivate let path: String
        fileprivate let descriptor: Int32

        package func write(_ bytes: [UInt8]) throws(AtomicFileError) {
            let ok = bytes.withUnsafeBytes { write($0) }
            if !ok { throw AtomicFile.failure(path, "cannot write") }
        }

        package func write(_ text: String) throws(AtomicFileError) {
            var text = text
            let ok = text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
            if !ok { throw AtomicFile.failure(path, "cannot write") }
        }

        /// `false` (errno set) when the system refused; short writes and interruptions are retried.
        package func write(_ buffer: UnsafeRawBufferPointer) -> Bool {
            guard let base = buffer.baseAddress else { return true }
            var written = 0
            while written < buffer.count {
                let result = Foundation.write(descriptor, base + written, buffer.count - written)
                if result < 0 && errno == EINTR { continue }
                if result <= 0 { return false }
                written += result
            }
            return true
        }
    }

    fileprivate static func failure(_ path: String, _ message: String) -> AtomicFileError {
        AtomicFileError(path: path, message: "\(message): \(String(cString: strerror(errno)))")
    }
}
