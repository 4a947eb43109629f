import AtomicFile

/// The CLI's files (reports, exports, `carrier fetch -o`): written atomically, a failure as one `CLIError` line.
enum OutputFile {
    static func write(_ text: String, to path: String) throws(CLIError) {
        try write(Array(text.utf8), to: path)
    }

    static func write(_ bytes: [UInt8], to path: String) throws(CLIError) {
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw CLIError(error.description)
        }
    }
}
