import Testing
import JSONValue
@testable import CollectionModel

@Suite("Iteration data")
struct IterationDataTests {
    private func rows(_ text: String, name: String = "d.csv") throws -> [JSONObject] {
        let files = TemporaryFiles()
        return try IterationDataLoader.load(path: files.write(name, text))
    }

    private func error(_ text: String) throws -> LoadError {
        let files = TemporaryFiles()
        let path = files.write("d.csv", text)
        return try #require(throws: LoadError.self) { try IterationDataLoader.load(path: path) }
    }

    @Test("Newman's comma-test-csv fixture reads as Newman's assertions expect")
    func newmanFixture() throws {
        let csv = """
        nameWithComma,nameWithDoubleQuotes,numberWithQuotes,numberWithoutQuotes,negativeNumberWithoutQuotes,nullValue,longNumber, spaceAfterComma ,spaceBeforeComma, nameWithUnescapedQuotes
        "Abhijit, Kane","Abhijit ""KDOS"" Kane","00123",7890,-7890,,"89111702272002019559", "foo" ,"bar", Abhijit "KDOS" Kane

        """
        let data = try rows(csv)
        #expect(data.count == 1)
        let row = data[0]
        #expect(row["nameWithComma"] == "Abhijit, Kane")
        #expect(row["nameWithDoubleQuotes"] == "Abhijit \"KDOS\" Kane")
        #expect(row["numberWithQuotes"] == "00123")
        #expect(row["numberWithoutQuotes"] == 7890)
        #expect(row["negativeNumberWithoutQuotes"] == -7890)
        #expect(row["nullValue"] == "")
        #expect(row["longNumber"] == "89111702272002019559")
        #expect(row["spaceAfterComma"] == "foo")
        #expect(row["spaceBeforeComma"] == "bar")
        #expect(row["nameWithUnescapedQuotes"] == "Abhijit \"KDOS\" Kane")
        #expect(row.keys.first == "nameWithComma")
    }

    @Test("quoted fields keep commas and newlines; CRLF line ends; values trimmed")
    func quoting() throws {
        let data = try rows("a,b\r\n\"x, y\",\"line1\r\nline2\"\r\n  spaced  ,\"  kept  \"\r\n")
        #expect(data == [["a": "x, y", "b": "line1\r\nline2"], ["a": "spaced", "b": "  kept  "]])
    }

    @Test("unquoted numbers become numbers, as Newman's csvAutoParse casts them")
    func casting() throws {
        let data = try rows("i,f,e,z,lead,plus,hex,word,inf,mixed\n42,3.5,1e3,0,007,+5,0x10,abc,Infinity,12abc\n")
        let row = try #require(data.first)
        #expect(row["i"] == 42)
        #expect(row["f"] == 3.5)
        #expect(row["e"] == 1000)
        #expect(row["z"] == 0)
        #expect(row["lead"] == 7)
        #expect(row["plus"] == 5)
        #expect(row["hex"] == 0)  // JavaScript: "0x10" - parseFloat("0x10") + 1 >= 0, then parseFloat gives 0
        #expect(row["word"] == "abc")
        #expect(row["inf"] == "Infinity")
        #expect(row["mixed"] == "12abc")
    }

    @Test("mixed line ends (CRLF, LF, CR) each end a row")
    func mixedLineEnds() throws {
        let data = try rows("a,b\r\n1,\"x\"\n2,y\r3,z")
        #expect(data == [["a": 1, "b": "x"], ["a": 2, "b": "y"], ["a": 3, "b": "z"]])
    }

    @Test("short rows leave keys absent, long rows drop extra fields, empty lines are skipped")
    func columnCounts() throws {
        let data = try rows("a,b,c\n1,2\n\n   \n4,5,6,7\n")
        #expect(data.count == 2)
        #expect(data[0] == ["a": 1, "b": 2])
        #expect(data[0]["c"] == nil)
        #expect(data[1] == ["a": 4, "b": 5, "c": 6])
    }

    @Test("a UTF-8 BOM is stripped from the first header; a file without a final newline reads fully")
    func bom() throws {
        let files = TemporaryFiles()
        let path = files.write("d.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("id,name\n1,x".utf8))
        #expect(try IterationDataLoader.load(path: path) == [["id": 1, "name": "x"]])
    }

    @Test("UTF-16 CSV with a BOM reads like UTF-8")
    func utf16() throws {
        let files = TemporaryFiles()
        let units = Array("id,name\n1,Zoë\n".utf16)
        let path = files.write("d.csv", bytes: [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(try IterationDataLoader.load(path: path) == [["id": 1, "name": "Zoë"]])
    }

    @Test("an unterminated quote is invalid data at its row, naming the line")
    func unterminatedQuote() throws {
        let failure = try error("a,b\n1,2\n3,\"open\n4,5\n")
        #expect(failure.kind == .invalidData)
        #expect(failure.location == "row 2")
        #expect(failure.message.contains("line 3"))
    }

    @Test("a header-only or empty file has no rows")
    func noRows() throws {
        #expect(try rows("a,b\n").isEmpty)
        #expect(try rows("").isEmpty)
    }

    @Test("streaming: rows come one at a time across chunk boundaries")
    func streaming() throws {
        let files = TemporaryFiles()
        var text = "n,text\n"
        for i in 1...5000 { text += "\(i),\"row \(i), with comma\"\n" }
        let path = files.write("big.csv", text)
        var reader = try IterationDataReader(path: path)
        var count = 0
        while let row = try reader.nextRow() {
            count += 1
            if count == 4321 {
                #expect(row["n"] == 4321)
                #expect(row["text"] == "row 4321, with comma")
            }
        }
        #expect(count == 5000)
        #expect(reader.rowsRead == 5000)
    }

    @Test("JSON data: an array of objects; anything else is a clear error with its path")
    func json() throws {
        let data = try rows(#"  [{"a": 1, "b": {"c": true}}, {}]"#, name: "d.json")
        #expect(data == [["a": 1, "b": ["c": true]], [:]])

        let object = try error(#"{"a": 1}"#)
        #expect(object.kind == .invalidData)
        #expect(object.location == "$")
        #expect(object.message.contains("array of objects"))

        let element = try error(#"[{"a": 1}, 2]"#)
        #expect(element.location == "$[1]")

        let syntax = try error("[{\"a\": 1},\n {\"b\" 2}]")
        #expect(syntax.kind == .invalidJSON)
        #expect(syntax.location == "line 2, column 7")
    }

    @Test("a missing data file is unreadable")
    func missing() {
        #expect(throws: LoadError(.unreadable, file: "/nope/d.csv", message: "file not found; check the path")) {
            try IterationDataLoader.load(path: "/nope/d.csv")
        }
    }

    @Test("JavaScript number semantics used by casting")
    func numberSemantics() {
        #expect(CSVValueCasting.jsNumber("") == 0)
        #expect(CSVValueCasting.jsNumber("0b11") == 3)
        #expect(CSVValueCasting.jsNumber("1.5e2") == 150)
        #expect(CSVValueCasting.jsNumber(".5") == 0.5)
        #expect(CSVValueCasting.jsNumber("5.") == 5)
        #expect(CSVValueCasting.jsNumber("1.2.3") == nil)
        #expect(CSVValueCasting.jsNumber("inf") == nil)
        #expect(CSVValueCasting.parseFloat("12abc") == 12)
        #expect(CSVValueCasting.parseFloat("-.5e1x") == -5)
        #expect(CSVValueCasting.parseFloat("1e") == 1)
        #expect(CSVValueCasting.parseFloat("abc") == nil)
        #expect(CSVValueCasting.isInteger("-12"))
        #expect(!CSVValueCasting.isInteger("012"))
        #expect(!CSVValueCasting.isInteger("0"))
    }
}
