import JSONValue
import Testing

@Suite("JSON serialization writes what JSON.stringify writes")
struct JSONSerializationTests {
    @Test("compact output: key order, numbers, literals and escapes as JSON.stringify gives them")
    func compact() {
        let value: JSONValue = [
            "b": 1, "a": [true, false, .null, 2.5, -0.125, 1e21],
            "text": .string("q\"b\\s/\n\r\t\u{08}\u{0C}\u{01}\u{1F}é😀"), "empty": "", "none": [:], "list": [],
        ]
        #expect(value.serialized() == #"{"b":1,"a":[true,false,null,2.5,-0.125,1e+21],"text":"q\"b\\s/\n\r\t\b\f\u0001\u001fé😀","empty":"","none":{},"list":[]}"#)
    }

    @Test("pretty output indents as JSON.stringify(v, null, 2)")
    func pretty() {
        let value: JSONValue = ["a": [1, ["b": "c"]], "d": [:], "e": []]
        #expect(value.serialized(indent: 2) == "{\n  \"a\": [\n    1,\n    {\n      \"b\": \"c\"\n    }\n  ],\n  \"d\": {},\n  \"e\": []\n}")
    }

    @Test("the UTF-8 form is the text's bytes, and strings survive a round trip through the parser")
    func roundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{00}", "\u{07}", "\u{1F}", "\u{7F}",
                                     "é", "ß", "中", "😀", "\u{FEFF}", "\u{2028}"]
        for _ in 0..<500 {
            let length = Int.random(in: 0...40, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            let value: JSONValue = ["k" + text: .array([.string(text), .number(Double(length))])]
            let serialized = value.serialized()
            #expect(value.serializedUTF8() == Array(serialized.utf8))
            #expect(try JSONParser.parse(serialized) == value)
            var quoted = ""
            JSONValue.writeQuoted(text, into: &quoted)
            #expect(try JSONParser.parse(quoted) == .string(text))
        }
    }
}
