import JSONValue
import Testing

@Suite("JSON parsing keeps order and reports line:column")
struct JSONParserTests {
    @Test("objects keep key order and duplicate keys resolve to the last, as JSON.parse does")
    func order() throws {
        let value = try JSONParser.parse(#"{"b": 1, "a": [true, null, "x"], "b": 2.5}"#)
        #expect(value.objectValue?.keys == ["b", "a", "b"])
        #expect(value["b"] == 2.5)
        #expect(value["a"]?[2] == "x")
    }

    @Test("errors name the line and column of the offending character", arguments: [
        ("{\n  \"a\": 1,\n  \"b\" 2\n}", 3, 7, "expected ':'"),
        ("[1, 2", 1, 6, "missing ']'"),
        ("{\"a\": tru}", 1, 7, "expected 'true'"),
        ("{\"a\": 01}", 1, 7, "leading zero"),
        ("\"abc", 1, 1, "unterminated string"),
        ("{} x", 1, 4, "after the JSON value"),
    ])
    func errors(text: String, line: Int, column: Int, fragment: String) {
        #expect {
            _ = try JSONParser.parse(text)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.line == line && error.column == column && error.message.contains(fragment)
        }
    }

    @Test("escapes, surrogate pairs and non-ASCII text decode")
    func strings() throws {
        let value = try JSONParser.parse(#"["a\"b\\c\n", "\u00e9\ud83d\ude00", "ünï"]"#)
        #expect(value[0] == "a\"b\\c\n")
        #expect(value[1] == "é😀")
        #expect(value[2] == "ünï")
    }

    @Test("strings with and without escapes side by side, empty strings and keys")
    func plainAndEscapedStrings() throws {
        let value = try JSONParser.parse(#"{"":"","plain":"abc","esc":"a\tb","uni":"\u0041x","tail":"x\n","ü":"ä"}"#)
        #expect(value.objectValue?.keys == ["", "plain", "esc", "uni", "tail", "ü"])
        #expect(value[""] == "")
        #expect(value["plain"] == "abc")
        #expect(value["esc"] == "a\tb")
        #expect(value["uni"] == "Ax")
        #expect(value["tail"] == "x\n")
        #expect(value["ü"] == "ä")
    }

    @Test("nesting deeper than the cap is an error, not a crash")
    func depth() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }

    @Test("invalid UTF-8 inside a string is rejected")
    func invalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes: [0x22, 0xFF, 0x22]) }
    }

    @Test("serialization matches JSON.stringify for numbers, escapes and indentation")
    func serialization() throws {
        let value: JSONValue = ["n": 3, "f": 0.5, "s": "q\"\u{1}", "a": [], "o": ["k": true]]
        #expect(value.serialized() == #"{"n":3,"f":0.5,"s":"q\"\u0001","a":[],"o":{"k":true}}"#)
        #expect(JSONValue.array([1, 2]).serialized(indent: 2) == "[\n  1,\n  2\n]")
        #expect(try JSONParser.parse(value.serialized()) == value)
    }
}

@Suite("Text decoding accepts what Newman's loaders accept")
struct TextDecodingTests {
    @Test("a UTF-8 BOM is stripped")
    func utf8BOM() throws {
        #expect(try TextDecoding.string(from: [0xEF, 0xBB, 0xBF, 0x7B, 0x7D]) == "{}")
    }

    @Test("UTF-16 with either byte order is transcoded")
    func utf16() throws {
        #expect(try TextDecoding.string(from: [0xFF, 0xFE, 0x7B, 0x00, 0xE9, 0x00, 0x7D, 0x00]) == "{é}")
        #expect(try TextDecoding.string(from: [0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D]) == "{}")
    }

    @Test("invalid UTF-8 names its byte offset")
    func invalid() {
        #expect {
            _ = try TextDecoding.utf8Bytes(from: [0x61, 0x62, 0xC3, 0x28])
        } throws: { error in
            (error as? TextDecodingError)?.byteOffset == 2
        }
    }
}
