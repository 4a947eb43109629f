import JSONValue

/// Reads `-d` iteration data row by row: a JSON array of objects, or CSV with a header row read the way Newman
/// reads it (see `CSVReader` and `CSVValueCasting`). A UTF-8 CSV file is streamed in chunks, so memory stays at
/// one row however long the file is; JSON and UTF-16 files are read whole.
///
/// Newman tries JSON first and falls back to CSV when parsing fails, which turns a JSON file with a typo into
/// nonsense CSV rows; here a file whose first character is `[` or `{` is JSON and a syntax error is reported.
package struct IterationDataReader {
    private enum Rows {
        case json([JSONValue], next: Int)
        case csvFile(CSVReader<ChunkedFileBytes>)
        case csvMemory(CSVReader<IndexingIterator<[UInt8]>>)
    }

    /// The file, as the user named it.
    package let file: String
    private var rows: Rows
    private var header: [String]?
    /// Data rows returned so far (the header is not a row).
    package private(set) var rowsRead = 0

    /// Opens `path` and decides between JSON and CSV from its first character.
    package init(path: String) throws(LoadError) {
        file = path
        let handle = try FileBytes.open(path)
        var chunk = try handle.read(upTo: 1 << 16, file: path)
        let isUTF16 = chunk.count >= 2 && ((chunk[0] == 0xFF && chunk[1] == 0xFE) || (chunk[0] == 0xFE && chunk[1] == 0xFF))
        if isUTF16 {
            let text = try FileBytes.decodeText(try handle.readToEnd(after: chunk, file: path), file: path)
            rows = Self.looksLikeJSON(text) ? .json(try Self.jsonRows(text, file: path), next: 0)
                : .csvMemory(CSVReader(text.makeIterator()))
            return
        }
        if chunk.count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF { chunk.removeFirst(3) }
        if Self.looksLikeJSON(chunk) {
            let text = try FileBytes.decodeText(try handle.readToEnd(after: chunk, file: path), file: path)
            rows = .json(try Self.jsonRows(text, file: path), next: 0)
            return
        }
        rows = .csvFile(CSVReader(ChunkedFileBytes(handle: handle, file: path, first: chunk)))
    }

    /// Reads data already in memory (fetched from a URL); `file` names it in errors.
    package init(bytes: [UInt8], file: String) throws(LoadError) {
        self.file = file
        let text = try FileBytes.decodeText(bytes, file: file)
        rows = Self.looksLikeJSON(text) ? .json(try Self.jsonRows(text, file: file), next: 0)
            : .csvMemory(CSVReader(text.makeIterator()))
    }

    private static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return false }
        return first == UInt8(ascii: "[") || first == UInt8(ascii: "{")
    }

    /// The document's rows, checked up front: it must be an array, and every element an object.
    private static func jsonRows(_ text: [UInt8], file: String) throws(LoadError) -> [JSONValue] {
        let document = try FileBytes.parseJSON(text, file: file)
        guard case .array(let items) = document else {
            throw LoadError(.invalidData, file: file, location: "$",
                            message: "expected an array of objects (one per iteration), found "
                                + JSONFieldReader.describe(document) + "; wrap the object in [ ]")
        }
        for (index, item) in items.enumerated() where item.objectValue == nil {
            throw LoadError(.invalidData, file: file, location: "$[\(index)]",
                            message: "expected an object of variables for iteration \(index + 1), found "
                                + JSONFieldReader.describe(item))
        }
        return items
    }

    /// The next row, or `nil` after the last.
    package mutating func nextRow() throws(LoadError) -> JSONObject? {
        switch rows {
        case .json(let items, let next):
            guard next < items.count else { return nil }
            rows = .json(items, next: next + 1)
            rowsRead += 1
            return items[next].objectValue ?? [:]
        case .csvFile(var reader):
            let record = try nextRecord(&reader)
            rows = .csvFile(reader)
            // A read error only ends the bytes early; report it rather than a short file.
            if let failure = reader.byteSource.failure { throw failure }
            return record
        case .csvMemory(var reader):
            let record = try nextRecord(&reader)
            rows = .csvMemory(reader)
            return record
        }
    }

    private mutating func nextRecord<Source>(_ reader: inout CSVReader<Source>) throws(LoadError) -> JSONObject? {
        do {
            if header == nil {
                guard let names = try reader.nextRecord() else { return nil }
                header = names.map(\.text)
            }
            guard let record = try reader.nextRecord(), let header else { return nil }
            rowsRead += 1
            var row = JSONObject()
            // Extra fields beyond the header are dropped; missing ones stay absent (undefined in a script).
            for (index, field) in record.prefix(header.count).enumerated() {
                row[header[index]] = CSVValueCasting.value(of: field)
            }
            return row
        } catch {
            let rowNumber = rowsRead + 1
            let message: String = switch error.kind {
            case .unterminatedQuote:
                "a quoted field opened on line \(error.line) is never closed; add the closing \" (write \"\" for a quote inside)"
            case .textAfterClosingQuote:
                "unexpected text after a closing quote on line \(error.line); quote the whole field"
            case .invalidUTF8:
                "invalid UTF-8 on line \(error.line); save the file as UTF-8"
            }
            throw LoadError(error.kind == .invalidUTF8 ? .invalidText : .invalidData, file: file,
                            location: header == nil ? "header row" : "row \(rowNumber)", message: message)
        }
    }
}

/// A file's bytes one at a time, read 64 KiB at a time; a read error ends the input and is kept in `failure`.
struct ChunkedFileBytes: IteratorProtocol {
    private let handle: FileBytes.Handle
    private let file: String
    private var buffer: [UInt8]
    private var index = 0
    private(set) var failure: LoadError?

    init(handle: FileBytes.Handle, file: String, first: [UInt8]) {
        self.handle = handle
        self.file = file
        buffer = first
    }

    mutating func next() -> UInt8? {
        if index == buffer.count {
            guard failure == nil else { return nil }
            do {
                buffer = try handle.read(upTo: 1 << 16, file: file)
            } catch {
                failure = error
                buffer = []
            }
            index = 0
            if buffer.isEmpty { return nil }
        }
        defer { index += 1 }
        return buffer[index]
    }
}

/// Reads `-d` iteration data: a JSON array of objects, or CSV with a header row read the way Newman reads it.
package enum IterationDataLoader {
    /// One object per row; a column missing from a row is absent from its object.
    package static func load(path: String) throws(LoadError) -> [JSONObject] {
        var reader = try IterationDataReader(path: path)
        var rows: [JSONObject] = []
        while let row = try reader.nextRow() { rows.append(row) }
        return rows
    }
}
