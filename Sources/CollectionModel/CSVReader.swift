/// One CSV field as read: its text (trimmed) and whether it was quoted, since quoted fields are never cast.
struct CSVField: Sendable, Equatable {
    var text: String
    var quoted: Bool
}

/// Why a CSV record could not be read; `line` is the 1-based line of the file where the problem starts.
struct CSVError: Error, Sendable {
    enum Kind: Sendable { case unterminatedQuote, textAfterClosingQuote, invalidUTF8 }
    let kind: Kind
    let line: Int
}

/// Reads CSV records one at a time from any byte source, as Newman's csv-parse setup reads them
/// (`trim`, relaxed quotes, `""` as the escaped quote):
///
/// - whitespace around fields is dropped, also around quoted fields (`  "a" ,b` gives `a`, `b`);
/// - a quote opens a quoted field only at the start of a field; elsewhere it is a plain character;
/// - inside quotes, `""` is one quote; a quote followed by anything other than a delimiter, a line end, blanks or
///   the end is kept as text (csv-parse would fail on it);
/// - lines that are empty (after trimming) are skipped: csv-parse, as Newman configures it, would turn one into
///   a row with only the first column, a surprise iteration nobody asks for.
///
/// Memory is one record; the source can be a file read in chunks.
struct CSVReader<Source: IteratorProtocol<UInt8>> {
    private var source: Source
    private var pending: UInt8?
    /// 1-based line the reader is on.
    private(set) var line = 1

    init(_ source: Source) { self.source = source }

    /// The byte source, for its own state (a file source keeps its read error).
    var byteSource: Source { source }

    private static var comma: UInt8 { UInt8(ascii: ",") }
    private static var quote: UInt8 { UInt8(ascii: "\"") }
    private static var cr: UInt8 { 0x0D }
    private static var lf: UInt8 { 0x0A }

    private mutating func next() -> UInt8? {
        if let byte = pending { pending = nil; return byte }
        return source.next()
    }

    private mutating func peek() -> UInt8? {
        if pending == nil { pending = source.next() }
        return pending
    }

    private static func isBlank(_ byte: UInt8) -> Bool { isCSVBlank(byte) }

    /// Whether `byte` (already taken) is a line end; consumes the `\n` of a `\r\n`. Any of `\r\n`, `\n` and `\r`
    /// ends a record: csv-parse fixes the delimiter from the first line end and then merges rows of a file with
    /// mixed line ends, which helps nobody.
    private mutating func takeRecordDelimiter(_ byte: UInt8) -> Bool {
        guard byte == Self.cr || byte == Self.lf else { return false }
        if byte == Self.cr, peek() == Self.lf { pending = nil }
        line += 1
        return true
    }

    /// The next record, or `nil` at the end of the input.
    mutating func nextRecord() throws(CSVError) -> [CSVField]? {
        while true {
            guard peek() != nil else { return nil }
            let record = try readRecord()
            if record.count == 1, !record[0].quoted, record[0].text.isEmpty { continue }
            return record
        }
    }

    private mutating func readRecord() throws(CSVError) -> [CSVField] {
        var fields: [CSVField] = []
        while true {
            let (field, endedRecord) = try readField()
            fields.append(field)
            if endedRecord { return fields }
        }
    }

    /// One field and whether it ended the record (line end or end of input).
    private mutating func readField() throws(CSVError) -> (CSVField, Bool) {
        while let byte = peek(), Self.isBlank(byte) { pending = nil }
        if peek() == Self.quote {
            pending = nil
            return try readQuotedField()
        }
        var bytes: [UInt8] = []
        while let byte = next() {
            if byte == Self.comma { return (try field(bytes, quoted: false), false) }
            if takeRecordDelimiter(byte) { return (try field(bytes, quoted: false), true) }
            bytes.append(byte)
        }
        return (try field(bytes, quoted: false), true)
    }

    private mutating func readQuotedField() throws(CSVError) -> (CSVField, Bool) {
        let openingLine = line
        var bytes: [UInt8] = []
        while let byte = next() {
            if byte == Self.quote {
                let following = peek()
                if following == Self.quote {
                    pending = nil
                    bytes.append(Self.quote)
                    continue
                }
                if following == nil || following == Self.comma || following == Self.cr || following == Self.lf
                    || (following.map(isCSVBlank) ?? false) {
                    return try finishQuotedField(bytes)
                }
                bytes.append(byte)  // relaxed: a stray quote inside a quoted field is text
                continue
            }
            if byte == Self.lf || (byte == Self.cr && peek() != Self.lf) { line += 1 }
            bytes.append(byte)
        }
        throw CSVError(kind: .unterminatedQuote, line: openingLine)
    }

    /// After the closing quote: blanks, then a delimiter, a line end or the end of input.
    private mutating func finishQuotedField(_ bytes: [UInt8]) throws(CSVError) -> (CSVField, Bool) {
        let field = try self.field(bytes, quoted: true)
        while let byte = next() {
            if byte == Self.comma { return (field, false) }
            if takeRecordDelimiter(byte) { return (field, true) }
            if Self.isBlank(byte) { continue }
            throw CSVError(kind: .textAfterClosingQuote, line: line)
        }
        return (field, true)
    }

    private func field(_ bytes: [UInt8], quoted: Bool) throws(CSVError) -> CSVField {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CSVError(kind: .invalidUTF8, line: line)
        }
        // Unquoted fields lose trailing whitespace (JavaScript's trimRight); quoted text is kept as written.
        if quoted { return CSVField(text: text, quoted: true) }
        var trimmed = Substring(text)
        while let last = trimmed.last, last.isWhitespace { trimmed = trimmed.dropLast() }
        return CSVField(text: String(trimmed), quoted: false)
    }
}

/// Blanks csv-parse trims around fields: space, tab, form feed.
private func isCSVBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0C }
