/// Why a file's bytes are not text we can read.
public struct TextDecodingError: Error, Sendable, CustomStringConvertible {
    public let byteOffset: Int
    public let message: String
    public var description: String { message }
}

/// Turns a file's bytes into UTF-8 the way Newman's loaders accept them: a UTF-8 BOM is stripped,
/// UTF-16 (LE or BE, with BOM) is transcoded, and invalid UTF-8 is rejected with its byte offset.
public enum TextDecoding {
    public static func utf8Bytes(from data: [UInt8]) throws(TextDecodingError) -> [UInt8] {
        if data.count >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF {
            return try validated(Array(data[3...]), offsetBase: 3)
        }
        if data.count >= 2, (data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF) {
            let littleEndian = data[0] == 0xFF
            guard data.count % 2 == 0 else {
                throw TextDecodingError(byteOffset: data.count - 1, message: "UTF-16 text with an odd number of bytes (file truncated?)")
            }
            var units: [UInt16] = []
            units.reserveCapacity(data.count / 2 - 1)
            var i = 2
            while i + 1 < data.count {
                units.append(littleEndian ? UInt16(data[i]) | UInt16(data[i + 1]) << 8 : UInt16(data[i]) << 8 | UInt16(data[i + 1]))
                i += 2
            }
            var out: [UInt8] = []
            out.reserveCapacity(units.count)
            var iterator = units.makeIterator()
            var decoder = UTF16()
            var position = 0
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): out.append(contentsOf: Array(String(scalar).utf8)); position += 1
                case .emptyInput: break loop
                case .error:
                    throw TextDecodingError(byteOffset: 2 + position * 2, message: "invalid UTF-16 (unpaired surrogate) near byte \(2 + position * 2)")
                }
            }
            return out
        }
        return try validated(data, offsetBase: 0)
    }

    public static func string(from data: [UInt8]) throws(TextDecodingError) -> String {
        String(decoding: try utf8Bytes(from: data), as: UTF8.self)
    }

    private static func validated(_ bytes: [UInt8], offsetBase: Int) throws(TextDecodingError) -> [UInt8] {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return bytes
            case .error:
                throw TextDecodingError(byteOffset: offsetBase + offset,
                                        message: "invalid UTF-8 at byte \(offsetBase + offset); save the file as UTF-8")
            }
        }
    }
}
