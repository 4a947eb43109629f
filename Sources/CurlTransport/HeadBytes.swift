import RunContracts

/// Header lines read straight from the bytes curl hands over. Working on bytes rather than on `String`
/// Characters matters here: these run for every header of every request and response, and grapheme-aware
/// splitting and trimming made them 10 to 15% of a plain run's CPU.
enum HeadBytes {
    static let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    static let colon = UInt8(ascii: ":")

    /// The ranges of the CRLF-separated lines (empty lines kept), as `split(separator: "\r\n")` would give.
    static func lines<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> [Range<Int>] where Bytes.Index == Int {
        var lines: [Range<Int>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == cr, index + 1 < bytes.endIndex, bytes[index + 1] == lf {
                lines.append(start..<index)
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        lines.append(start..<bytes.endIndex)
        return lines
    }

    /// The range without trailing line-end bytes (CR, LF, and the vertical tab and form feed `isNewline` counts).
    static func withoutLineEnd<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ range: Range<Int>) -> Range<Int>
    where Bytes.Index == Int {
        var end = range.upperBound
        while end > range.lowerBound, (0x0A...0x0D).contains(bytes[end - 1]) { end -= 1 }
        return range.lowerBound..<end
    }

    /// The range without leading and trailing spaces and tabs.
    static func withoutSpaces<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ range: Range<Int>) -> Range<Int>
    where Bytes.Index == Int {
        var start = range.lowerBound, end = range.upperBound
        while start < end, bytes[start] == space || bytes[start] == tab { start += 1 }
        while end > start, bytes[end - 1] == space || bytes[end - 1] == tab { end -= 1 }
        return start..<end
    }

    /// What `split(separator: " ", maxSplits:, omittingEmptySubsequences: true)` gives for ASCII text, as ranges:
    /// a status line is split on every response, and splitting a String goes Character by Character. The last
    /// part is the rest of the line after the separator that ended the part before, its own spaces kept.
    static func splitOnSpaces(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, maxSplits: Int) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound, parts.count < maxSplits {
            if bytes[index] == space {
                if start < index { parts.append(start..<index) }
                start = index + 1
            }
            index += 1
        }
        if start < range.upperBound { parts.append(start..<range.upperBound) }
        return parts
    }

    static func text<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ range: Range<Int>) -> String
    where Bytes.Index == Int {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// `name: value` with the value's surrounding spaces trimmed, or `nil` for a line without a colon.
    static func field<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ line: Range<Int>) -> HTTPHeader?
    where Bytes.Index == Int {
        guard let colon = bytes[line].firstIndex(of: colon) else { return nil }
        return HTTPHeader(text(bytes, line.lowerBound..<colon), text(bytes, withoutSpaces(bytes, (colon + 1)..<line.upperBound)))
    }
}
